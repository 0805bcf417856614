#pragma once
// Shared by the SyncFormat sources only: libsodium start-up, bounded byte readers and writers,
// id checks and the rejection messages. Not part of the interface other code links against.
#include "core/Error.hpp"
#include "core/InputLimits.hpp"
#include "sync/SecretBytes.hpp"
#include "sync/SyncFormat.hpp"

#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>

#include <cstdint>
#include <istream>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>

namespace dagverk::sync::detail {

// Limits on every length read from a file, so that hostile input never causes a large
// allocation before its signature has been checked.
inline constexpr size_t kMaxIdBytes = 128;                    // device and site ids
inline constexpr size_t kMaxBatchBytes = limits::kBatchBytes;   // whole batch file
inline constexpr size_t kMaxBundleBytes = limits::kBundleBytes; // whole bundle file
inline constexpr size_t kMaxChunkBytes = 1024u * 1024u;        // one secretstream chunk (plain)
inline constexpr size_t kWriteChunkBytes = 64u * 1024u;        // chunk size when writing
inline constexpr size_t kMaxRecipients = 4096;                 // devices a bundle is sealed to
// A receipt's body; with its header and signature the file stays within limits::kReceiptBytes.
inline constexpr size_t kMaxReceiptBytes = limits::kReceiptBytes - 128;

// A secretstream key (crypto_secretstream_xchacha20poly1305_KEYBYTES), in locked memory.
using StreamKey = SecretKey<32>;

// Batch files are padded to size buckets, so that their size does not tell a reader of the share
// how many events they hold: the smallest bucket holds a week of a small site (about 200 events,
// where a count is close to attendance), then powers of two up to 1 MiB, then whole MiB (a
// batch that large is months of a site's events, and a MiB is some 3,000 events).
inline constexpr size_t kBatchBucketSmallest = 64u * 1024u;
inline constexpr size_t kBatchBucketPowersUpTo = 1024u * 1024u;
// The padded size of a batch payload of `payloadBytes` (at least one byte larger).
size_t paddedBatchSize(size_t payloadBytes);

// sodium_init() once, thread-safe; throws if libsodium cannot start.
void ensureSodium();

// Ids that appear in file names and headers: 1..128 of [A-Za-z0-9._-], not "." or "..".
bool isSafeId(std::string_view id);

// Bytes in a fixed little-endian layout.
class ByteWriter {
public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u16(std::uint16_t v);
  void u32(std::uint32_t v);
  void i64(std::int64_t v);
  void bytes(const void* data, size_t size) { out_.append(static_cast<const char*>(data), size); }
  void bytes(std::string_view s) { out_.append(s); }
  std::string& str() { return out_; }

private:
  std::string out_;
};

// Reads a byte range; every read past the end throws DagverkError(code) naming `what`.
class ByteReader {
public:
  ByteReader(std::string_view in, ErrorCode code, std::string swedish, std::string what)
      : in_(in), code_(code), swedish_(std::move(swedish)), what_(std::move(what)) {}
  std::uint8_t u8();
  std::uint16_t u16();
  std::uint32_t u32();
  std::int64_t i64();
  std::string_view take(size_t n, const char* field);
  size_t pos() const { return pos_; }
  size_t remaining() const { return in_.size() - pos_; }
  [[noreturn]] void fail(const std::string& reason) const;

private:
  std::string_view in_;
  size_t pos_ = 0;
  ErrorCode code_;
  std::string swedish_;
  std::string what_;
};

// A read-only stream over memory that knows how many bytes are left (for bounded cereal reads).
class MemoryBuf : public std::streambuf {
public:
  explicit MemoryBuf(std::string_view bytes) {
    char* p = const_cast<char*>(bytes.data()); // never written: get area only
    setg(p, p, p + bytes.size());
  }
  size_t remaining() const { return static_cast<size_t>(egptr() - gptr()); }
};

// Thrown by PayloadReader; callers turn every std::exception from parsing into a rejection.
class PayloadError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Writes a cereal portable-binary payload: strings as size tag + bytes, flags as one byte.
class PayloadWriter {
public:
  PayloadWriter() : ar_(os_) {}
  void u32(std::uint32_t v) { ar_(v); }
  void i32(std::int32_t v) { ar_(v); }
  void i64(std::int64_t v) { ar_(v); }
  void flag(bool v) { ar_(static_cast<std::uint8_t>(v ? 1 : 0)); }
  void str(const std::string& s) { ar_(s); }
  void count(size_t n) { ar_(cereal::make_size_tag(static_cast<cereal::size_type>(n))); }
  std::string bytes() const { return os_.str(); }

private:
  std::ostringstream os_;
  cereal::PortableBinaryOutputArchive ar_;
};

// Reads what PayloadWriter wrote, refusing any length larger than the bytes that are left, so a
// damaged payload can never ask for a huge allocation.
class PayloadReader {
public:
  explicit PayloadReader(std::string_view bytes) : buf_(bytes), is_(&buf_), ar_(is_) {}
  std::uint32_t u32() { std::uint32_t v = 0; ar_(v); return v; }
  std::int32_t i32() { std::int32_t v = 0; ar_(v); return v; }
  std::int64_t i64() { std::int64_t v = 0; ar_(v); return v; }
  bool flag() {
    std::uint8_t v = 0;
    ar_(v);
    if (v > 1) throw PayloadError("flag byte is " + std::to_string(v));
    return v == 1;
  }
  std::string str() {
    cereal::size_type n = 0;
    ar_(cereal::make_size_tag(n));
    if (n > buf_.remaining()) throw PayloadError("string length " + std::to_string(n) + " exceeds the payload");
    std::string s(static_cast<size_t>(n), '\0');
    ar_(cereal::binary_data(s.data(), s.size()));
    return s;
  }
  // An element count, each element taking at least `minBytes` bytes.
  size_t count(size_t minBytes) {
    cereal::size_type n = 0;
    ar_(cereal::make_size_tag(n));
    if (n > buf_.remaining() / (minBytes == 0 ? 1 : minBytes))
      throw PayloadError("element count " + std::to_string(n) + " exceeds the payload");
    return static_cast<size_t>(n);
  }
  void finish() const {
    if (buf_.remaining() != 0)
      throw PayloadError(std::to_string(buf_.remaining()) + " unexpected bytes after the payload");
  }

private:
  MemoryBuf buf_;
  std::istream is_;
  cereal::PortableBinaryInputArchive ar_;
};

// Messages: Swedish for the screen, English with the reason for the log.
[[noreturn]] void rejectBatch(const std::string& swedish, const std::string& englishReason);
[[noreturn]] void rejectBundle(const std::string& swedish, const std::string& englishReason);
inline constexpr const char* kBatchDamagedSv = "Batchfilen är skadad eller ofullständig och lästes inte in.";
inline constexpr const char* kBundleDamagedSv = "Paketet från centralen är skadat eller ofullständigt och användes inte.";

// --- secretstream, chunked ----------------------------------------------------------------------
// Encrypts `plain` under `key` (32 bytes) with crypto_secretstream_xchacha20poly1305: the 24-byte
// stream header, then chunks of at most kWriteChunkBytes, each as u32 length + ciphertext; the
// last chunk is tagged FINAL. `ad` is authenticated with every chunk. Appends to `out`.
void encryptStream(std::string_view plain, const unsigned char* key, std::string_view ad, ByteWriter& out);
// Reads what encryptStream wrote from `in` up to its end; rejects (through `in`) a missing FINAL
// chunk, data after it, a chunk over kMaxChunkBytes, a total over kMaxBatchBytes, or a chunk
// that does not authenticate.
std::string decryptStream(ByteReader& in, const unsigned char* key, std::string_view ad);

// The decrypted payloads (after the signature and the stream have been checked); they throw
// PayloadError or a cereal exception on malformed bytes. Exposed for the fuzz targets and seeds.
std::string encodeBatchPayload(const BatchContents& b);
BatchContents decodeBatchPayload(std::string_view bytes);
std::string encodeBundlePayload(const BundleContents& b);
BundleContents decodeBundlePayload(std::string_view bytes);

} // namespace dagverk::sync::detail
