#include "sync/SecretBytes.hpp"

#include "sync/SyncInternal.hpp"

#include <sodium.h>

#include <cstring>
#include <new>
#include <stdexcept>

namespace dagverk::sync {

namespace {

unsigned char* allocateSecret(std::size_t size) {
  detail::ensureSodium();
  // sodium_malloc(0) is valid, but a zero-size owner would be a mistake elsewhere: one byte.
  void* p = sodium_malloc(size == 0 ? 1 : size);
  if (!p) throw std::bad_alloc();
  return static_cast<unsigned char*>(p);
}

} // namespace

SecretKeyBytes::SecretKeyBytes(std::size_t size) : bytes_(allocateSecret(size)), size_(size) {
  sodium_memzero(bytes_, size_);
}

SecretKeyBytes::SecretKeyBytes(const SecretKeyBytes& other)
    : bytes_(allocateSecret(other.size_)), size_(other.size_) {
  std::memcpy(bytes_, other.bytes_, size_);
}

SecretKeyBytes& SecretKeyBytes::operator=(const SecretKeyBytes& other) {
  if (this == &other) return *this;
  if (size_ != other.size_) {
    unsigned char* fresh = allocateSecret(other.size_);
    sodium_free(bytes_);
    bytes_ = fresh;
    size_ = other.size_;
  }
  std::memcpy(bytes_, other.bytes_, size_);
  return *this;
}

SecretKeyBytes::~SecretKeyBytes() { sodium_free(bytes_); } // wipes, unlocks and unmaps

bool SecretKeyBytes::operator==(const SecretKeyBytes& other) const {
  return size_ == other.size_ && sodium_memcmp(bytes_, other.bytes_, size_) == 0;
}

SecretBuffer::SecretBuffer(std::size_t capacity) : bytes_(allocateSecret(capacity)), capacity_(capacity) {}

SecretBuffer::~SecretBuffer() { sodium_free(bytes_); }

void SecretBuffer::append(const void* data, std::size_t size) {
  if (size > capacity_ - size_) throw std::length_error("SecretBuffer: append past its capacity");
  if (size > 0) std::memcpy(bytes_ + size_, data, size);
  size_ += size;
}

std::string_view SecretBuffer::view() const { return {reinterpret_cast<const char*>(bytes_), size_}; }

WipeOnExit::~WipeOnExit() {
  if (!s_.empty()) sodium_memzero(s_.data(), s_.size());
}

} // namespace dagverk::sync
