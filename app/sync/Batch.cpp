// Batches (kiosk -> central) and the chunked secretstream they and bundles share.
#include "sync/SecretBytes.hpp"
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"

#include <sodium.h>

#include <algorithm>
#include <vector>

namespace dagverk::sync {

using namespace detail;

namespace detail {

void encryptStream(std::string_view plain, const unsigned char* key, std::string_view ad, ByteWriter& out) {
  crypto_secretstream_xchacha20poly1305_state st;
  unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_init_push(&st, header, key);
  out.bytes(header, sizeof header);
  std::vector<unsigned char> cipher(kWriteChunkBytes + crypto_secretstream_xchacha20poly1305_ABYTES);
  size_t pos = 0;
  do {
    const size_t n = std::min(kWriteChunkBytes, plain.size() - pos);
    const bool last = pos + n == plain.size();
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &st, cipher.data(), &clen, reinterpret_cast<const unsigned char*>(plain.data() + pos), n,
        reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    out.u32(static_cast<std::uint32_t>(clen));
    out.bytes(cipher.data(), static_cast<size_t>(clen));
    pos += n;
  } while (pos < plain.size());
  sodium_memzero(&st, sizeof st);
}

std::string decryptStream(ByteReader& in, const unsigned char* key, std::string_view ad) {
  const auto header = in.take(crypto_secretstream_xchacha20poly1305_HEADERBYTES, "stream header");
  crypto_secretstream_xchacha20poly1305_state st;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&st, reinterpret_cast<const unsigned char*>(header.data()),
                                                      key) != 0)
    in.fail("invalid stream header");
  // Room for the whole plain text up front (it is never longer than the cipher text), so that
  // appending never reallocates and leaves an unwiped copy in freed memory.
  std::string plain;
  plain.reserve(in.remaining());
  SecretBuffer buf(kMaxChunkBytes);
  bool final = false;
  size_t chunk = 0;
  while (in.remaining() > 0) {
    if (final) in.fail("data after the final chunk");
    const std::uint32_t len = in.u32();
    if (len < crypto_secretstream_xchacha20poly1305_ABYTES ||
        len > kMaxChunkBytes + crypto_secretstream_xchacha20poly1305_ABYTES)
      in.fail("chunk " + std::to_string(chunk) + " has length " + std::to_string(len));
    const auto c = in.take(len, "chunk");
    unsigned long long mlen = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&st, buf.data(), &mlen, &tag,
                                                   reinterpret_cast<const unsigned char*>(c.data()), len,
                                                   reinterpret_cast<const unsigned char*>(ad.data()), ad.size()) != 0) {
      sodium_memzero(&st, sizeof st);
      sodium_memzero(plain.data(), plain.size());
      in.fail("chunk " + std::to_string(chunk) + " does not decrypt");
    }
    if (plain.size() + mlen > kMaxBatchBytes) {
      sodium_memzero(plain.data(), plain.size());
      in.fail("decrypted contents too large");
    }
    plain.append(reinterpret_cast<const char*>(buf.data()), static_cast<size_t>(mlen));
    sodium_memzero(buf.data(), static_cast<size_t>(mlen));
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) final = true;
    else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
      sodium_memzero(plain.data(), plain.size());
      in.fail("chunk " + std::to_string(chunk) + " has unexpected tag " + std::to_string(tag));
    }
    ++chunk;
  }
  sodium_memzero(&st, sizeof st);
  if (!final) {
    sodium_memzero(plain.data(), plain.size());
    in.fail("stream ends without its final chunk");
  }
  return plain;
}

} // namespace detail

namespace detail {

size_t paddedBatchSize(size_t payloadBytes) {
  const size_t needed = payloadBytes + 1; // ISO/IEC 7816-4 padding adds at least one byte
  if (needed <= kBatchBucketSmallest) return kBatchBucketSmallest;
  if (needed <= kBatchBucketPowersUpTo) {
    size_t bucket = kBatchBucketSmallest;
    while (bucket < needed) bucket *= 2;
    return bucket;
  }
  return (needed + kBatchBucketPowersUpTo - 1) / kBatchBucketPowersUpTo * kBatchBucketPowersUpTo;
}

} // namespace detail

namespace {

constexpr char kBatchMagic[4] = {'D', 'G', 'V', 'B'};
// Format 2 pads the plain text to a size bucket (paddedBatchSize); format 1, without padding, is
// still read, for batches an older kiosk left on the share.
constexpr std::uint8_t kBatchFormat = 2;
constexpr std::uint8_t kBatchFormatUnpadded = 1;
constexpr std::uint32_t kBatchPayloadVersion = 1;
constexpr size_t kSealedKeyBytes = crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr size_t kMinEventBytes = 64; // a serialized event is never smaller than this

constexpr const char* kBadSignatureSv = "Batchfilen har ingen giltig signatur från enheten och lästes inte in.";
constexpr const char* kWrongKeySv = "Batchfilen är krypterad för en annan central nyckel och lästes inte in.";
constexpr const char* kUnknownFormatSv = "Batchfilen har ett okänt format och lästes inte in.";

struct BatchHeader {
  std::uint8_t format = 0;
  std::string deviceId;
  size_t length = 0; // bytes of the cleartext header (the associated data)
};

BatchHeader parseBatchHeader(std::string_view bytes) {
  if (bytes.size() > kMaxBatchBytes)
    rejectBatch(kBatchDamagedSv,
                "file is " + std::to_string(bytes.size()) + " bytes, at most " + std::to_string(kMaxBatchBytes));
  ByteReader in(bytes, ErrorCode::BatchRejected, kBatchDamagedSv, "batch");
  const auto magic = in.take(4, "magic");
  if (!std::equal(magic.begin(), magic.end(), kBatchMagic)) rejectBatch(kUnknownFormatSv, "not a batch (bad magic)");
  const auto format = in.u8();
  if (format != kBatchFormat && format != kBatchFormatUnpadded)
    rejectBatch(kUnknownFormatSv, "unknown batch format version " + std::to_string(format));
  const auto idLen = in.u8();
  if (idLen == 0 || idLen > kMaxIdBytes) rejectBatch(kBatchDamagedSv, "device id length " + std::to_string(idLen));
  BatchHeader h;
  h.format = format;
  h.deviceId = std::string(in.take(idLen, "device id"));
  if (!isSafeId(h.deviceId)) rejectBatch(kBatchDamagedSv, "device id has invalid characters");
  h.length = in.pos();
  return h;
}


} // namespace

namespace {

// One EventRow inside a batch payload: its fields in EventRow's order, the optional actor as a
// flag byte and then the id. This order is the wire format (the committed fuzz seeds hold it).
void writeEventRow(PayloadWriter& w, const EventRow& e) {
  w.str(e.id);
  w.str(e.deviceId);
  w.i64(e.seq);
  w.i64(e.recordedUtc);
  w.str(e.zone);
  w.str(e.siteId);
  w.flag(e.actorStaffId.has_value());
  if (e.actorStaffId) w.str(*e.actorStaffId);
  w.str(e.kind);
  w.str(e.subjectId);
  w.str(e.payloadJson);
  w.i32(e.schemaVersion);
}

EventRow readEventRow(PayloadReader& r) {
  EventRow e;
  e.id = r.str();
  e.deviceId = r.str();
  e.seq = r.i64();
  e.recordedUtc = r.i64();
  e.zone = r.str();
  e.siteId = r.str();
  if (r.flag()) e.actorStaffId = r.str();
  e.kind = r.str();
  e.subjectId = r.str();
  e.payloadJson = r.str();
  e.schemaVersion = r.i32();
  return e;
}

} // namespace

namespace detail {

std::string encodeBatchPayload(const BatchContents& b) {
  PayloadWriter w;
  w.u32(kBatchPayloadVersion);
  w.str(b.batchId);
  w.str(b.deviceId);
  w.str(b.siteId);
  w.i64(b.batchSeq);
  w.i32(b.schemaVersion);
  w.i64(b.createdUtc);
  w.count(b.events.size());
  for (const auto& e : b.events) writeEventRow(w, e);
  return w.bytes();
}

BatchContents decodeBatchPayload(std::string_view bytes) {
  PayloadReader r(bytes);
  if (const auto v = r.u32(); v != kBatchPayloadVersion)
    throw PayloadError("unknown payload version " + std::to_string(v));
  BatchContents b;
  b.batchId = r.str();
  b.deviceId = r.str();
  b.siteId = r.str();
  b.batchSeq = r.i64();
  b.schemaVersion = r.i32();
  b.createdUtc = r.i64();
  const size_t n = r.count(kMinEventBytes);
  b.events.reserve(n);
  for (size_t i = 0; i < n; ++i) b.events.push_back(readEventRow(r));
  r.finish();
  return b;
}

} // namespace detail

std::string sealBatch(const BatchContents& batch, const DeviceKey& device, const PublicKey& centralBoxPk) {
  ensureSodium();
  if (!isSafeId(device.deviceId))
    throw DagverkError(ErrorCode::BadInput, "Enhetens id är ogiltigt.", "sealBatch: invalid device id");
  if (batch.deviceId != device.deviceId)
    throw DagverkError(ErrorCode::BadInput, "Batchen hör till en annan enhet.",
                       "sealBatch: batch device id differs from the device key's");
  std::string payload = encodeBatchPayload(batch);
  const WipeOnExit wipePayload(payload);
  const size_t padded = paddedBatchSize(payload.size());
  if (padded > kMaxBatchBytes - 4096 * 4)
    throw DagverkError(ErrorCode::BadInput, "Batchen är för stor.", "sealBatch: payload larger than allowed");
  // ISO/IEC 7816-4 padding to the bucket: the file's size tells a reader of the share only the
  // bucket, not how many events the batch holds. resize() may reallocate: wipe the old bytes.
  std::string plain(padded, '\0');
  const WipeOnExit wipePlain(plain);
  std::copy(payload.begin(), payload.end(), plain.begin());
  size_t paddedLen = 0;
  if (sodium_pad(&paddedLen, reinterpret_cast<unsigned char*>(plain.data()), payload.size(), padded, padded) != 0 ||
      paddedLen != padded)
    throw DagverkError(ErrorCode::BadInput, "Batchen är för stor.", "sealBatch: padding failed");

  ByteWriter out;
  out.bytes(kBatchMagic, sizeof kBatchMagic);
  out.u8(kBatchFormat);
  out.u8(static_cast<std::uint8_t>(device.deviceId.size()));
  out.bytes(device.deviceId);
  const std::string ad = out.str();

  StreamKey key;
  crypto_secretstream_xchacha20poly1305_keygen(key.data());
  unsigned char sealed[kSealedKeyBytes];
  if (crypto_box_seal(sealed, key.data(), key.size(), centralBoxPk.data()) != 0)
    throw DagverkError(ErrorCode::KeysMissing, "Den centrala nyckeln är ogiltig.", "crypto_box_seal failed");
  out.bytes(sealed, sizeof sealed);
  encryptStream(plain, key.data(), ad, out);

  unsigned char sig[crypto_sign_BYTES];
  std::string& file = out.str();
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(file.data()), file.size(),
                       device.signSk.data());
  out.bytes(sig, sizeof sig);
  return std::move(out.str());
}

std::string peekBatchDeviceId(std::string_view bytes) { return parseBatchHeader(bytes).deviceId; }

BatchContents openBatch(std::string_view bytes, const PublicKey& deviceSignPk, const CentralKeys& central) {
  ensureSodium();
  const BatchHeader h = parseBatchHeader(bytes);
  if (bytes.size() < h.length + kSealedKeyBytes + crypto_secretstream_xchacha20poly1305_HEADERBYTES + crypto_sign_BYTES)
    rejectBatch(kBatchDamagedSv, "truncated (" + std::to_string(bytes.size()) + " bytes)");
  const size_t signedLen = bytes.size() - crypto_sign_BYTES;
  if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(bytes.data() + signedLen),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), signedLen,
                                  deviceSignPk.data()) != 0)
    rejectBatch(kBadSignatureSv, "signature does not verify with the enrolled key of device " + h.deviceId +
                                     " (damaged, truncated, or signed by another key)");

  ByteReader in(bytes.substr(h.length, signedLen - h.length), ErrorCode::BatchRejected, kBatchDamagedSv, "batch");
  const auto sealed = in.take(kSealedKeyBytes, "sealed key");
  StreamKey key;
  if (crypto_box_seal_open(key.data(), reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size(),
                           central.boxPk.data(), central.boxSk.data()) != 0)
    rejectBatch(kWrongKeySv, "stream key is not sealed to this central box key");
  std::string plain = decryptStream(in, key.data(), bytes.substr(0, h.length));
  const WipeOnExit wipePlain(plain);
  size_t payloadLen = plain.size();
  if (h.format == kBatchFormat &&
      (plain.empty() ||
       sodium_unpad(&payloadLen, reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), plain.size()) != 0))
    rejectBatch(kBatchDamagedSv, "padding malformed");

  BatchContents b;
  try {
    b = decodeBatchPayload(std::string_view(plain).substr(0, payloadLen));
  } catch (const std::exception& e) {
    rejectBatch(kBatchDamagedSv, std::string("payload malformed: ") + e.what());
  }
  if (b.deviceId != h.deviceId) rejectBatch(kBadSignatureSv, "payload device id differs from the header's");
  return b;
}

} // namespace dagverk::sync
