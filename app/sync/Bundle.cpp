// Bundles (central -> kiosks) and receipts (central -> kiosk), both signed by the central key.
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"

#include <sodium.h>

#include <algorithm>
#include <set>

namespace dagverk::sync {

using namespace detail;

namespace {

constexpr char kBundleMagic[4] = {'D', 'G', 'V', 'N'};
constexpr std::uint8_t kBundleFormat = 1;
constexpr std::uint32_t kBundlePayloadVersion = 1;
constexpr size_t kSealedKeyBytes = crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr size_t kKeyBytes = crypto_secretstream_xchacha20poly1305_KEYBYTES;

constexpr const char* kBundleSignatureSv = "Paketet från centralen har ingen giltig signatur och användes inte.";
constexpr const char* kBundleNotForUsSv = "Paketet från centralen är inte adresserat till den här enheten.";
constexpr const char* kBundleFormatSv = "Paketet från centralen har ett okänt format och användes inte.";

struct BundleHeader {
  std::int64_t version = 0;
  std::string_view centralSealed;
  std::vector<std::pair<std::string, std::string_view>> recipients; // device id, sealed key
  size_t length = 0;
};

BundleHeader parseBundleHeader(std::string_view bytes, bool withRecipients) {
  if (bytes.size() > kMaxBundleBytes)
    rejectBundle(kBundleDamagedSv, "file is " + std::to_string(bytes.size()) + " bytes, at most " +
                                       std::to_string(kMaxBundleBytes));
  ByteReader in(bytes, ErrorCode::BundleRejected, kBundleDamagedSv, "bundle");
  const auto magic = in.take(4, "magic");
  if (!std::equal(magic.begin(), magic.end(), kBundleMagic)) rejectBundle(kBundleFormatSv, "not a bundle (bad magic)");
  const auto format = in.u8();
  if (format != kBundleFormat) rejectBundle(kBundleFormatSv, "unknown bundle format version " + std::to_string(format));
  BundleHeader h;
  h.version = in.i64();
  if (h.version < 0) rejectBundle(kBundleDamagedSv, "negative version");
  if (!withRecipients) return h;
  h.centralSealed = in.take(kSealedKeyBytes, "central sealed key");
  const auto count = in.u16();
  if (count > kMaxRecipients) rejectBundle(kBundleDamagedSv, "too many recipients (" + std::to_string(count) + ")");
  for (std::uint16_t i = 0; i < count; ++i) {
    const auto idLen = in.u8();
    if (idLen == 0 || idLen > kMaxIdBytes) rejectBundle(kBundleDamagedSv, "recipient id length " + std::to_string(idLen));
    std::string id(in.take(idLen, "recipient id"));
    const auto sealed = in.take(kSealedKeyBytes, "recipient sealed key");
    h.recipients.emplace_back(std::move(id), sealed);
  }
  h.length = in.pos();
  return h;
}


// After the signature is verified: opens `sealed` with the given X25519 key pair, decrypts.
BundleContents openWithKey(std::string_view bytes, const BundleHeader& h, std::string_view sealed, const unsigned char* boxPk, const unsigned char* boxSk) {
  if (bytes.size() < h.length + crypto_secretstream_xchacha20poly1305_HEADERBYTES + crypto_sign_BYTES)
    rejectBundle(kBundleDamagedSv, "truncated (" + std::to_string(bytes.size()) + " bytes)");
  const size_t signedLen = bytes.size() - crypto_sign_BYTES;
  unsigned char key[kKeyBytes];
  if (crypto_box_seal_open(key, reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size(), boxPk, boxSk) !=
      0)
    rejectBundle(kBundleNotForUsSv, "stream key does not open with this device's key");
  ByteReader in(bytes.substr(h.length, signedLen - h.length), ErrorCode::BundleRejected, kBundleDamagedSv, "bundle");
  std::string plain;
  try {
    plain = decryptStream(in, key, bytes.substr(0, h.length));
  } catch (...) {
    sodium_memzero(key, sizeof key);
    throw;
  }
  sodium_memzero(key, sizeof key);
  const WipeOnExit wipePlain(plain); // the roster and staff in the clear
  BundleContents b;
  try {
    b = decodeBundlePayload(plain);
  } catch (const std::exception& e) {
    rejectBundle(kBundleDamagedSv, std::string("payload malformed: ") + e.what());
  }
  if (b.version != h.version)
    rejectBundle(kBundleDamagedSv, "payload version " + std::to_string(b.version) + " differs from header version " +
                                       std::to_string(h.version));
  return b;
}

void verifyBundleSignature(std::string_view bytes, const PublicKey& centralSignPk) {
  if (bytes.size() < crypto_sign_BYTES) rejectBundle(kBundleDamagedSv, "truncated before the signature");
  const size_t signedLen = bytes.size() - crypto_sign_BYTES;
  if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(bytes.data() + signedLen),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), signedLen,
                                  centralSignPk.data()) != 0)
    rejectBundle(kBundleSignatureSv, "signature does not verify with the central signing key");
}

} // namespace

namespace detail {

std::string encodeBundlePayload(const BundleContents& b) {
  PayloadWriter w;
  w.u32(kBundlePayloadVersion);
  w.i64(b.version);
  w.i64(b.createdUtc);
  w.str(b.unit);
  w.str(b.sitesCsv);
  w.str(b.participantsCsv);
  w.str(b.activitiesCsv);
  w.str(b.staffCsv);
  w.count(b.settings.size());
  for (const auto& [k, v] : b.settings) {
    w.str(k);
    w.str(v);
  }
  return w.bytes();
}

BundleContents decodeBundlePayload(std::string_view bytes) {
  PayloadReader r(bytes);
  if (const auto v = r.u32(); v != kBundlePayloadVersion)
    throw PayloadError("unknown payload version " + std::to_string(v));
  BundleContents b;
  b.version = r.i64();
  b.createdUtc = r.i64();
  b.unit = r.str();
  b.sitesCsv = r.str();
  b.participantsCsv = r.str();
  b.activitiesCsv = r.str();
  b.staffCsv = r.str();
  const size_t n = r.count(16);
  for (size_t i = 0; i < n; ++i) {
    std::string k = r.str();
    std::string v = r.str();
    if (!b.settings.emplace(std::move(k), std::move(v)).second) throw PayloadError("duplicate setting");
  }
  r.finish();
  return b;
}

} // namespace detail

std::string sealBundle(const BundleContents& bundle, const CentralKeys& central,
                       const std::vector<EnrolledDevice>& recipients) {
  ensureSodium();
  if (bundle.version < 0)
    throw DagverkError(ErrorCode::BadInput, "Paketets version är ogiltig.", "sealBundle: negative version");
  std::string payload = encodeBundlePayload(bundle);
  const WipeOnExit wipePayload(payload);
  if (payload.size() > kMaxBundleBytes - 4096)
    throw DagverkError(ErrorCode::BadInput, "Paketet är för stort.", "sealBundle: payload larger than allowed");

  unsigned char key[kKeyBytes];
  crypto_secretstream_xchacha20poly1305_keygen(key);
  ByteWriter out;
  out.bytes(kBundleMagic, sizeof kBundleMagic);
  out.u8(kBundleFormat);
  out.i64(bundle.version);
  unsigned char sealed[kSealedKeyBytes];
  crypto_box_seal(sealed, key, sizeof key, central.boxPk.data());
  out.bytes(sealed, sizeof sealed);

  std::vector<const EnrolledDevice*> unique;
  std::set<std::string> seen;
  for (const auto& d : recipients)
    if (seen.insert(d.deviceId).second) unique.push_back(&d);
  if (unique.size() > kMaxRecipients)
    throw DagverkError(ErrorCode::BadInput, "För många enheter för ett paket.", "sealBundle: too many recipients");
  out.u16(static_cast<std::uint16_t>(unique.size()));
  for (const auto* d : unique) {
    if (!isSafeId(d->deviceId))
      throw DagverkError(ErrorCode::BadInput, "En godkänd enhet har ett ogiltigt id.", "sealBundle: invalid device id");
    const PublicKey xpk = bundleRecipientKey(*d);
    crypto_box_seal(sealed, key, sizeof key, xpk.data());
    out.u8(static_cast<std::uint8_t>(d->deviceId.size()));
    out.bytes(d->deviceId);
    out.bytes(sealed, sizeof sealed);
  }
  const std::string ad = out.str();
  encryptStream(payload, key, ad, out);
  sodium_memzero(key, sizeof key);

  unsigned char sig[crypto_sign_BYTES];
  std::string& file = out.str();
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(file.data()), file.size(),
                       central.signSk.data());
  out.bytes(sig, sizeof sig);
  return std::move(out.str());
}

std::int64_t peekBundleVersion(std::string_view bytes) { return parseBundleHeader(bytes, false).version; }

std::int64_t verifiedBundleVersion(std::string_view bytes, const PublicKey& centralSignPk) {
  ensureSodium();
  const BundleHeader h = parseBundleHeader(bytes, true);
  verifyBundleSignature(bytes, centralSignPk);
  return h.version;
}

BundleContents openBundle(std::string_view bytes, const PublicKey& centralSignPk, const DeviceKey& device) {
  ensureSodium();
  const BundleHeader h = parseBundleHeader(bytes, true);
  verifyBundleSignature(bytes, centralSignPk);
  const auto it = std::find_if(h.recipients.begin(), h.recipients.end(),
                               [&](const auto& r) { return r.first == device.deviceId; });
  if (it == h.recipients.end()) rejectBundle(kBundleNotForUsSv, "not addressed to device " + device.deviceId);
  return openWithKey(bytes, h, it->second, device.boxPk.data(), device.boxSk.data());
}

BundleContents openBundleAsCentral(std::string_view bytes, const CentralKeys& central) {
  ensureSodium();
  const BundleHeader h = parseBundleHeader(bytes, true);
  verifyBundleSignature(bytes, central.signPk);
  return openWithKey(bytes, h, h.centralSealed, central.boxPk.data(), central.boxSk.data());
}

// --- receipts ---------------------------------------------------------------------------------

namespace {

constexpr char kReceiptMagic[4] = {'D', 'G', 'V', 'R'};
constexpr std::uint8_t kReceiptFormat = 1;
// Version 2 holds no event counts: a receipt is readable by anyone who can read the share, and
// the kiosk needs only the batch id and hash. Version 1 (with counts) is still read.
constexpr std::uint32_t kReceiptPayloadVersion = 2;
constexpr std::uint32_t kReceiptPayloadWithCounts = 1;
constexpr const char* kReceiptSv = "Kvittot från centralen är skadat eller saknar giltig signatur och användes inte.";

[[noreturn]] void rejectReceipt(const std::string& reason) {
  throw DagverkError(ErrorCode::BatchRejected, kReceiptSv, "receipt rejected: " + reason);
}

} // namespace

std::string signReceipt(const Receipt& r, const CentralKeys& central) {
  ensureSodium();
  PayloadWriter w;
  w.u32(kReceiptPayloadVersion);
  w.str(r.deviceId);
  w.i64(r.batchSeq);
  w.str(r.batchId);
  w.str(r.sha256);
  w.i64(r.importedUtc);
  const std::string body = w.bytes();
  if (body.size() > kMaxReceiptBytes)
    throw DagverkError(ErrorCode::BadInput, "Kvittot är för stort.", "signReceipt: fields too long");
  ByteWriter out;
  out.bytes(kReceiptMagic, sizeof kReceiptMagic);
  out.u8(kReceiptFormat);
  out.u32(static_cast<std::uint32_t>(body.size()));
  out.bytes(body);
  unsigned char sig[crypto_sign_BYTES];
  std::string& file = out.str();
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(file.data()), file.size(),
                       central.signSk.data());
  out.bytes(sig, sizeof sig);
  return std::move(out.str());
}

Receipt openReceipt(std::string_view bytes, const PublicKey& centralSignPk) {
  ensureSodium();
  if (bytes.size() > limits::kReceiptBytes)
    rejectReceipt("file is " + std::to_string(bytes.size()) + " bytes, at most " + std::to_string(limits::kReceiptBytes));
  ByteReader in(bytes, ErrorCode::BatchRejected, kReceiptSv, "receipt");
  const auto magic = in.take(4, "magic");
  if (!std::equal(magic.begin(), magic.end(), kReceiptMagic)) rejectReceipt("not a receipt (bad magic)");
  if (const auto format = in.u8(); format != kReceiptFormat)
    rejectReceipt("unknown receipt format version " + std::to_string(format));
  const auto len = in.u32();
  if (len > kMaxReceiptBytes) rejectReceipt("body length " + std::to_string(len));
  const auto body = in.take(len, "body");
  const size_t signedLen = in.pos();
  const auto sig = in.take(crypto_sign_BYTES, "signature");
  if (in.remaining() != 0) rejectReceipt("data after the signature");
  if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), signedLen,
                                  centralSignPk.data()) != 0)
    rejectReceipt("signature does not verify with the central signing key");
  Receipt r;
  try {
    PayloadReader p(body);
    const auto v = p.u32();
    if (v != kReceiptPayloadVersion && v != kReceiptPayloadWithCounts)
      throw PayloadError("unknown payload version " + std::to_string(v));
    r.deviceId = p.str();
    r.batchSeq = p.i64();
    r.batchId = p.str();
    r.sha256 = p.str();
    if (v == kReceiptPayloadWithCounts) {
      const std::int64_t eventCount = p.i64();
      const std::int64_t newEvents = p.i64();
      if (eventCount < 0 || newEvents < 0 || newEvents > eventCount) throw PayloadError("event counts out of range");
    }
    r.importedUtc = p.i64();
    p.finish();
  } catch (const std::exception& e) {
    rejectReceipt(std::string("body malformed: ") + e.what());
  }
  return r;
}

} // namespace dagverk::sync
