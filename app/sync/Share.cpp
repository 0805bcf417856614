// The share's marker, its layout, and batch manifests.
#include "core/InputLimits.hpp"
#include "core/StrictJsonArchive.hpp"
#include "platform/FileSystem.hpp"
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"

#include <cereal/archives/json.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>

#include <sodium.h>

#include <cstdio>
#include <sstream>

namespace dagverk::sync {

namespace fs = std::filesystem;

namespace {

std::string pad8(std::int64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08lld", static_cast<long long>(n));
  return buf;
}

bool isHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (const char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// A file name a manifest may point at: no directories, no hidden names, no control bytes.
bool isPlainFileName(const std::string& s) {
  if (s.empty() || s.size() > 255 || s[0] == '.') return false;
  for (const char c : s)
    if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
  return true;
}

} // namespace

std::string readFileWithinLimit(const fs::path& file, std::size_t maxBytes, ErrorCode code, const std::string& swedish,
                                const std::string& what) {
  std::string bytes;
  if (!platform::readFileWithin(file, maxBytes, bytes))
    throw DagverkError(code, swedish,
                       what + " refused: " + file.string() + " is larger than " + std::to_string(maxBytes) + " bytes");
  return bytes;
}

std::string readShareFile(const fs::path& shareRoot, const fs::path& file, std::size_t maxBytes, ErrorCode code,
                          const std::string& swedish, const std::string& what) {
  std::string bytes;
  switch (platform::readFileBeneath(shareRoot, file, maxBytes, bytes)) {
  case platform::BeneathRead::Ok: return bytes;
  case platform::BeneathRead::TooLarge:
    throw DagverkError(code, swedish,
                       what + " refused: " + file.string() + " is larger than " + std::to_string(maxBytes) + " bytes");
  case platform::BeneathRead::Link:
  case platform::BeneathRead::NotRegular:
    throw DagverkError(code, "En fil i den centrala mappen är en symbolisk länk eller ingen vanlig fil och lästes inte.",
                       what + " refused: a symbolic link (or not a regular file) on the share is never followed");
  case platform::BeneathRead::Missing: break;
  }
  throw DagverkError(code, "En fil saknas i den centrala mappen.", what + " missing: " + file.string());
}

// --- marker -----------------------------------------------------------------------------------

namespace {

// What the marker's signature covers: every field, each on a line of its own, after a context
// string (a signature made for another purpose can never pass as a marker's). The unit name is
// checked for line breaks before signing and after reading, so the lines cannot be shifted.
std::string markerSignedText(const ShareMarker& m) {
  return std::string("dagverk-share-marker\n") + std::to_string(m.formatVersion) + "\n" + m.unit + "\n" +
         toBase64(m.centralBoxPk) + "\n" + toBase64(m.centralSignPk) + "\n";
}

DagverkError markerNotSigned(const std::string& why) {
  return DagverkError(ErrorCode::BadInput,
                      std::string("Den centrala mappens märkfil (") + kMarkerFileName +
                          ") är inte signerad av centralen och används inte. Kontakta IT.",
                      "share marker refused: " + why);
}

} // namespace

void signMarker(ShareMarker& m, const SigningSecret& centralSignSk) {
  detail::ensureSodium();
  if (m.unit.find('\n') != std::string::npos)
    throw DagverkError(ErrorCode::BadInput, "Enhetens namn får inte innehålla radbrytningar.",
                       "unit name holds a line break");
  const std::string text = markerSignedText(m);
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                       centralSignSk.data());
  m.signature = toBase64(sig, sizeof sig);
}

void verifyMarker(const ShareMarker& m, const PublicKey& centralSignPk) {
  detail::ensureSodium();
  if (m.signature.empty()) throw markerNotSigned("it has no signature");
  if (m.unit.find('\n') != std::string::npos) throw markerNotSigned("the unit name holds a line break");
  std::string sig(crypto_sign_BYTES, '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(sig.data()), sig.size(), m.signature.data(),
                        m.signature.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len != crypto_sign_BYTES)
    throw markerNotSigned("the signature is not 64 bytes of base64");
  const std::string text = markerSignedText(m);
  if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                                  centralSignPk.data()) != 0)
    throw markerNotSigned("the signature does not verify with the central signing key (edited, or signed by "
                          "another key)");
}

std::string encodeMarker(const ShareMarker& m) {
  std::ostringstream os;
  {
    cereal::JSONOutputArchive ar(os);
    ar(cereal::make_nvp("formatVersion", m.formatVersion), cereal::make_nvp("unit", m.unit),
       cereal::make_nvp("centralBoxPk", toBase64(m.centralBoxPk)),
       cereal::make_nvp("centralSignPk", toBase64(m.centralSignPk)));
    if (!m.signature.empty()) ar(cereal::make_nvp("signature", m.signature));
  }
  return os.str() + "\n";
}

ShareMarker decodeMarker(std::string_view json) {
  auto bad = [](const std::string& reason) -> DagverkError {
    return DagverkError(ErrorCode::BadInput,
                        std::string("Den centrala mappens märkfil (") + kMarkerFileName + ") är skadad.",
                        "share marker malformed: " + reason);
  };
  ShareMarker m;
  std::string boxPk;
  std::string signPk;
  try {
    // Read strictly (core/StrictJson): the marker is placed by whoever can write the share.
    StrictJsonInputArchive ar(json, limits::kMarkerBytes, limits::kJsonMaxDepth,
                              StrictJsonInputArchive::Keys::RefuseUnknown);
    ar(cereal::make_nvp("formatVersion", m.formatVersion));
    if (m.formatVersion != kShareFormatVersion)
      throw DagverkError(ErrorCode::BadInput,
                         "Den centrala mappen har ett okänt format (version " + std::to_string(m.formatVersion) + ").",
                         "share marker has format version " + std::to_string(m.formatVersion) + ", expected " +
                             std::to_string(kShareFormatVersion));
    ar(cereal::make_nvp("unit", m.unit), cereal::make_nvp("centralBoxPk", boxPk),
       cereal::make_nvp("centralSignPk", signPk));
    // Last and optional here: a marker written before markers were signed still parses (and is
    // then refused by verifyMarker, with a message that says why).
    if (const char* next = ar.getNodeName(); next && std::string(next) == "signature")
      ar(cereal::make_nvp("signature", m.signature));
    ar.finish();
  } catch (const DagverkError&) {
    throw;
  } catch (const std::exception& e) {
    throw bad(e.what());
  }
  try {
    m.centralBoxPk = publicKeyFromBase64(boxPk);
    m.centralSignPk = publicKeyFromBase64(signPk);
  } catch (const DagverkError&) {
    throw bad("a central public key is not 32 bytes of base64");
  }
  return m;
}

ShareMarker readMarker(const fs::path& share) {
  const fs::path file = share / kMarkerFileName;
  auto missing = [&]() -> DagverkError {
    return DagverkError(ErrorCode::ShareMissing,
                        "Den centrala mappen hittas inte. Kontrollera att den är ansluten: " + share.string(),
                        "share marker not found: " + file.string());
  };
  std::string text;
  platform::BeneathRead got = platform::BeneathRead::Missing;
  try {
    got = platform::readFileBeneath(share, file, limits::kMarkerBytes, text);
  } catch (const DagverkError&) {
    throw missing();
  }
  // A directory in place of the marker is no marker either.
  if (got == platform::BeneathRead::Missing || got == platform::BeneathRead::NotRegular) throw missing();
  if (got == platform::BeneathRead::Link)
    throw DagverkError(ErrorCode::BadInput,
                       std::string("Den centrala mappens märkfil (") + kMarkerFileName +
                           ") är en symbolisk länk och används inte.",
                       "share marker refused: a symbolic link on the share is never followed");
  if (got == platform::BeneathRead::TooLarge)
    throw DagverkError(ErrorCode::BadInput,
                       std::string("Den centrala mappens märkfil (") + kMarkerFileName + ") är för stor.",
                       "share marker refused: " + file.string() + " is larger than " +
                           std::to_string(limits::kMarkerBytes) + " bytes");
  return decodeMarker(text);
}

// --- layout -----------------------------------------------------------------------------------

fs::path ShareLayout::marker() const { return root / kMarkerFileName; }

fs::path ShareLayout::inboxDir(const std::string& siteId, const std::string& deviceId) const {
  return root / "inbox" / siteId / deviceId;
}

fs::path ShareLayout::batchFile(const std::string& siteId, const std::string& deviceId, std::int64_t batchSeq,
                                const std::string& batchId) const {
  return inboxDir(siteId, deviceId) / (pad8(batchSeq) + "-" + batchId + ".batch");
}

fs::path ShareLayout::manifestFile(const std::string& siteId, const std::string& deviceId, std::int64_t batchSeq,
                                   const std::string& batchId) const {
  return inboxDir(siteId, deviceId) / (pad8(batchSeq) + "-" + batchId + ".manifest");
}

fs::path ShareLayout::receiptsDir(const std::string& deviceId) const { return root / "receipts" / deviceId; }

fs::path ShareLayout::receiptFile(const std::string& deviceId, std::int64_t batchSeq,
                                  const std::string& batchId) const {
  return receiptsDir(deviceId) / (pad8(batchSeq) + "-" + batchId + ".receipt");
}

fs::path ShareLayout::bundlesDir() const { return root / "bundles"; }

fs::path ShareLayout::bundleFile(std::int64_t version) const { return bundlesDir() / (pad8(version) + ".bundle"); }

fs::path ShareLayout::siteBundlesDir(const std::string& siteId) const { return bundlesDir() / siteId; }

fs::path ShareLayout::siteBundleFile(const std::string& siteId, std::int64_t version) const {
  return siteBundlesDir(siteId) / (pad8(version) + ".bundle");
}

fs::path ShareLayout::quarantineDir(const std::string& deviceId) const { return root / "quarantine" / deviceId; }

// --- manifests --------------------------------------------------------------------------------

std::string encodeManifest(const Manifest& m) {
  std::ostringstream os;
  {
    cereal::JSONOutputArchive ar(os);
    ar(cereal::make_nvp("batchFile", m.batchFile), cereal::make_nvp("batchId", m.batchId),
       cereal::make_nvp("deviceId", m.deviceId), cereal::make_nvp("siteId", m.siteId),
       cereal::make_nvp("batchSeq", m.batchSeq), cereal::make_nvp("byteSize", m.byteSize),
       cereal::make_nvp("sha256", m.sha256), cereal::make_nvp("schemaVersion", m.schemaVersion));
  }
  return os.str() + "\n";
}

Manifest decodeManifest(std::string_view json) {
  const std::string sv = "Manifestet för en batch är skadat och batchen lästes inte in.";
  auto bad = [&](const std::string& reason) -> DagverkError {
    return DagverkError(ErrorCode::BatchRejected, sv, "manifest rejected: " + reason);
  };
  Manifest m;
  // Counts as older kiosks wrote them (between sha256 and schemaVersion): checked, then ignored.
  std::int64_t eventCount = 0, firstSeq = 0, lastSeq = 0;
  auto read = [&](bool withCounts) {
    // Read strictly (core/StrictJson): a manifest is parsed before anything about it is trusted.
    StrictJsonInputArchive ar(json, limits::kManifestBytes, limits::kJsonMaxDepth,
                              StrictJsonInputArchive::Keys::RefuseUnknown);
    ar(cereal::make_nvp("batchFile", m.batchFile), cereal::make_nvp("batchId", m.batchId),
       cereal::make_nvp("deviceId", m.deviceId), cereal::make_nvp("siteId", m.siteId),
       cereal::make_nvp("batchSeq", m.batchSeq), cereal::make_nvp("byteSize", m.byteSize),
       cereal::make_nvp("sha256", m.sha256));
    if (withCounts)
      ar(cereal::make_nvp("eventCount", eventCount), cereal::make_nvp("firstSeq", firstSeq),
         cereal::make_nvp("lastSeq", lastSeq));
    ar(cereal::make_nvp("schemaVersion", m.schemaVersion));
    ar.finish();
  };
  try {
    try {
      read(false);
    } catch (const std::exception&) {
      if (json.find("\"eventCount\"") == std::string_view::npos) throw;
      read(true); // a manifest an older kiosk wrote
    }
  } catch (const std::exception& e) {
    throw bad(std::string("malformed JSON: ") + e.what());
  }
  if (!isPlainFileName(m.batchFile)) throw bad("batchFile is not a plain file name");
  if (!detail::isSafeId(m.batchId)) throw bad("invalid batchId");
  if (!detail::isSafeId(m.deviceId)) throw bad("invalid deviceId");
  if (!detail::isSafeId(m.siteId)) throw bad("invalid siteId");
  if (m.batchSeq < 1) throw bad("batchSeq must be at least 1");
  if (m.byteSize < 0 || static_cast<std::uint64_t>(m.byteSize) > detail::kMaxBatchBytes)
    throw bad("byteSize out of range");
  if (!isHex64(m.sha256)) throw bad("sha256 is not 64 lowercase hex digits");
  if (eventCount < 0) throw bad("negative eventCount");
  if (firstSeq < 0 || lastSeq < firstSeq) throw bad("firstSeq/lastSeq out of order");
  if (eventCount == 0 && (firstSeq != 0 || lastSeq != 0)) throw bad("empty batch with a sequence range");
  if (eventCount > 0 && firstSeq < 1) throw bad("firstSeq must be at least 1");
  if (m.schemaVersion < 0) throw bad("negative schemaVersion");
  return m;
}

} // namespace dagverk::sync
