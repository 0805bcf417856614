#pragma once
// Memory for secrets: secret keys and decrypted contents. Each lives in an allocation of its own
// from sodium_malloc, which locks it into RAM (never written to swap), puts guard pages around
// it, and on sodium_free wipes it and unmaps it: once an owner is gone, its secret is gone from
// the process, on every path out, exceptions included. The plain heap keeps freed bytes until
// they are reused, where a crash dump, a swap file or a later bug can find them.
#include <cstddef>
#include <string>
#include <string_view>

namespace dagverk::sync {

// A fixed-size secret (a key). Copying makes a second locked copy; `{}` is all zero bytes.
// Compared in constant time.
class SecretKeyBytes {
public:
  explicit SecretKeyBytes(std::size_t size);
  SecretKeyBytes(const SecretKeyBytes& other);
  SecretKeyBytes& operator=(const SecretKeyBytes& other);
  ~SecretKeyBytes();
  unsigned char* data() { return bytes_; }
  const unsigned char* data() const { return bytes_; }
  std::size_t size() const { return size_; }
  bool operator==(const SecretKeyBytes& other) const;
  bool operator!=(const SecretKeyBytes& other) const { return !(*this == other); }

private:
  unsigned char* bytes_;
  std::size_t size_;
};

// A key of N bytes, with the interface of the std::array it replaces (data(), size(), ==).
template <std::size_t N> class SecretKey : public SecretKeyBytes {
public:
  SecretKey() : SecretKeyBytes(N) {}
  static constexpr std::size_t kSize = N;
};

// Decrypted contents: a buffer of `capacity` bytes filled by append() and never reallocated (a
// reallocation would leave a copy behind in freed memory), wiped and freed with the object.
class SecretBuffer {
public:
  explicit SecretBuffer(std::size_t capacity);
  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;
  ~SecretBuffer();
  // Throws std::length_error past the capacity.
  void append(const void* data, std::size_t size);
  unsigned char* data() { return bytes_; }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  std::string_view view() const;

private:
  unsigned char* bytes_;
  std::size_t size_ = 0;
  std::size_t capacity_;
};

// Wipes a std::string's bytes (sodium_memzero) when it goes out of scope, on every path: for
// plain text that a parser needs as a std::string.
class WipeOnExit {
public:
  explicit WipeOnExit(std::string& s) : s_(s) {}
  WipeOnExit(const WipeOnExit&) = delete;
  WipeOnExit& operator=(const WipeOnExit&) = delete;
  ~WipeOnExit();

private:
  std::string& s_;
};

} // namespace dagverk::sync
