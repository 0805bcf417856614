// Base64, SHA-256, byte layouts and limits shared by the sync formats.
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"

#include <sodium.h>

#include <vector>

namespace dagverk::sync {

namespace detail {

void ensureSodium() {
  static const int status = sodium_init(); // thread-safe static; sodium_init() is idempotent
  if (status < 0)
    throw DagverkError(ErrorCode::KeysMissing, "Krypteringen kunde inte startas.", "sodium_init failed");
}

bool isSafeId(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdBytes || id == "." || id == "..") return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

void ByteWriter::u16(std::uint16_t v) {
  u8(static_cast<std::uint8_t>(v & 0xffu));
  u8(static_cast<std::uint8_t>(v >> 8));
}

void ByteWriter::u32(std::uint32_t v) {
  for (int i = 0; i < 4; ++i) u8(static_cast<std::uint8_t>((v >> (8 * i)) & 0xffu));
}

void ByteWriter::i64(std::int64_t v) {
  const auto u = static_cast<std::uint64_t>(v);
  for (int i = 0; i < 8; ++i) u8(static_cast<std::uint8_t>((u >> (8 * i)) & 0xffu));
}

void ByteReader::fail(const std::string& reason) const {
  throw DagverkError(code_, swedish_, what_ + " rejected: " + reason);
}

std::string_view ByteReader::take(size_t n, const char* field) {
  if (n > remaining())
    fail(std::string("truncated in ") + field + " (needs " + std::to_string(n) + " bytes at offset " +
         std::to_string(pos_) + ", " + std::to_string(remaining()) + " left)");
  const std::string_view out = in_.substr(pos_, n);
  pos_ += n;
  return out;
}

std::uint8_t ByteReader::u8() { return static_cast<std::uint8_t>(take(1, "header")[0]); }

std::uint16_t ByteReader::u16() {
  const auto b = take(2, "header");
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[0]) | (static_cast<unsigned char>(b[1]) << 8));
}

std::uint32_t ByteReader::u32() {
  const auto b = take(4, "length field");
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[static_cast<size_t>(i)]);
  return v;
}

std::int64_t ByteReader::i64() {
  const auto b = take(8, "header");
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[static_cast<size_t>(i)]);
  return static_cast<std::int64_t>(v);
}

void rejectBatch(const std::string& swedish, const std::string& englishReason) {
  throw DagverkError(ErrorCode::BatchRejected, swedish, "batch rejected: " + englishReason);
}

void rejectBundle(const std::string& swedish, const std::string& englishReason) {
  throw DagverkError(ErrorCode::BundleRejected, swedish, "bundle rejected: " + englishReason);
}

} // namespace detail

std::string toBase64(const unsigned char* data, size_t size) {
  detail::ensureSodium();
  std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string toBase64(const PublicKey& key) { return toBase64(key.data(), key.size()); }

PublicKey publicKeyFromBase64(const std::string& text) {
  detail::ensureSodium();
  PublicKey key{};
  size_t len = 0;
  const char* end = nullptr;
  if (text.size() > 64 || sodium_base642bin(key.data(), key.size(), text.c_str(), text.size(), nullptr, &len, &end,
                                            sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len != key.size() || end != text.c_str() + text.size())
    throw DagverkError(ErrorCode::BadInput, "Nyckeln är felaktig.",
                       "public key is not 32 bytes of base64 (" + std::to_string(text.size()) + " characters)");
  return key;
}

std::string sha256Hex(std::string_view bytes) {
  detail::ensureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof digest);
  for (const unsigned char b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xfu]);
  }
  return out;
}

} // namespace dagverk::sync
