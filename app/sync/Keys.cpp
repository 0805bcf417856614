// Key files: the kiosk's device key, the central key pairs, the enrolled kiosks.
#include "core/InputLimits.hpp"
#include "core/StrictJsonArchive.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"
#include "sync/SyncFormat.hpp"
#include "sync/SyncInternal.hpp"

#include <cereal/archives/json.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <sodium.h>

#include <sstream>

namespace dagverk::sync {

namespace fs = std::filesystem;
using detail::ensureSodium;
using detail::isSafeId;

namespace {

constexpr const char* kDeviceKeyFile = "device.key";
constexpr const char* kCentralBoxFile = "central-box.key";
constexpr const char* kCentralSignFile = "central-sign.key";
constexpr const char* kEnrolledFile = "enrolled.json";
constexpr const char* kDeviceSecretTag = "dagverk-device-key-secret";
constexpr const char* kDevicePublicTag = "dagverk-device-key";
constexpr const char* kCentralBoxTag = "dagverk-central-box-key";
constexpr const char* kCentralSignTag = "dagverk-central-sign-key";

// Key files hold secrets: each word gets its full room up front, so that growing it never leaves
// a partial copy in freed memory (callers wipe the words, WipedWords).
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  cur.reserve(text.size());
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      cur.reserve(text.size());
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Decodes base64 into exactly out.size() bytes (a public key array or a SecretKey); false on
// anything else.
template <class Bytes> bool fromBase64(const std::string& text, Bytes& out) {
  ensureSodium();
  const size_t N = out.size();
  size_t len = 0;
  const char* end = nullptr;
  if (text.size() > 4 * N) return false;
  if (sodium_base642bin(out.data(), N, text.c_str(), text.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  return len == N && end == text.c_str() + text.size();
}

// The words of a key file hold a secret in base64: wiped when they go, on every path.
class WipedWords {
public:
  explicit WipedWords(std::vector<std::string> w) : w_(std::move(w)) {}
  WipedWords(const WipedWords&) = delete;
  WipedWords& operator=(const WipedWords&) = delete;
  ~WipedWords() {
    for (auto& s : w_) sodium_memzero(s.data(), s.size());
  }
  const std::vector<std::string>& get() const { return w_; }

private:
  std::vector<std::string> w_;
};

// "<prefix><base64 of the secret>\n" built in one buffer of its final size, so that no
// temporary copy of the encoded secret is left unwiped in freed memory.
std::string secretLine(const std::string& prefix, const unsigned char* secret, size_t size) {
  const size_t b64 = sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL);
  std::string line(prefix.size() + b64, '\0');
  std::copy(prefix.begin(), prefix.end(), line.begin());
  sodium_bin2base64(line.data() + prefix.size(), b64, secret, size, sodium_base64_VARIANT_ORIGINAL);
  line.back() = '\n'; // the encoder's terminating NUL becomes the line end
  return line;
}

// An Ed25519 secret key holds its seed and public key; both must agree.
bool signSecretConsistent(const SigningSecret& sk, PublicKey& pk) {
  unsigned char seed[crypto_sign_SEEDBYTES];
  crypto_sign_ed25519_sk_to_seed(seed, sk.data());
  PublicKey derivedPk{};
  SigningSecret derivedSk{};
  crypto_sign_seed_keypair(derivedPk.data(), derivedSk.data(), seed);
  sodium_memzero(seed, sizeof seed);
  const bool ok = derivedSk == sk; // constant time; derivedSk is wiped when it goes
  pk = derivedPk;
  return ok;
}

[[noreturn]] void keysMissing(const fs::path& file, const std::string& reason) {
  throw DagverkError(ErrorCode::KeysMissing, "Nyckelfilen saknas eller är skadad: " + file.string(),
                     "key file " + file.string() + ": " + reason);
}

std::string readKeyFile(const fs::path& file) {
  if (!platform::fileExists(file)) keysMissing(file, "missing");
  const auto size = platform::fileSize(file);
  if (size < 0 || size > 4096) keysMissing(file, "unreadable or too large");
  try {
    return platform::readWholeFile(file);
  } catch (const DagverkError&) {
    keysMissing(file, "unreadable");
  }
}

struct EnrolledEntry {
  std::string deviceId;
  std::string siteId;
  std::string signPk;
  std::string boxPk;
  template <class Archive> void serialize(Archive& ar) {
    ar(cereal::make_nvp("deviceId", deviceId), cereal::make_nvp("siteId", siteId), cereal::make_nvp("signPk", signPk),
       cereal::make_nvp("boxPk", boxPk));
  }
};

struct RevokedEntry {
  std::string deviceId;
  std::string signPk;
  std::int64_t revokedUtc = 0;
  template <class Archive> void serialize(Archive& ar) {
    ar(cereal::make_nvp("deviceId", deviceId), cereal::make_nvp("signPk", signPk),
       cereal::make_nvp("revokedUtc", revokedUtc));
  }
};

struct EnrolledFile {
  std::vector<EnrolledEntry> devices;
  std::vector<RevokedEntry> revoked;
};

// "dagverk-device-key-secret 2 <device-id> <Ed25519 secret> <X25519 secret>"
// Built in one buffer of its final size, as secretLine, so no copy of a secret is left in freed memory.
std::string deviceKeyText(const DeviceKey& key) {
  const std::string prefix = std::string(kDeviceSecretTag) + " 2 " + key.deviceId + " ";
  const size_t signB64 = sodium_base64_encoded_len(key.signSk.size(), sodium_base64_VARIANT_ORIGINAL);
  const size_t boxB64 = sodium_base64_encoded_len(key.boxSk.size(), sodium_base64_VARIANT_ORIGINAL);
  std::string line(prefix.size() + signB64 + boxB64, '\0');
  std::copy(prefix.begin(), prefix.end(), line.begin());
  char* at = line.data() + prefix.size();
  sodium_bin2base64(at, signB64, key.signSk.data(), key.signSk.size(), sodium_base64_VARIANT_ORIGINAL);
  at[signB64 - 1] = ' '; // the encoder's terminating NUL becomes the separator
  at += signB64;
  sodium_bin2base64(at, boxB64, key.boxSk.data(), key.boxSk.size(), sodium_base64_VARIANT_ORIGINAL);
  line.back() = '\n';
  return line;
}

void checkDeviceId(const std::string& deviceId) {
  if (!isSafeId(deviceId))
    throw DagverkError(ErrorCode::BadInput, "Enhetens id är ogiltigt.",
                       "device id must be 1-128 characters of A-Z a-z 0-9 . _ - (got " +
                           std::to_string(deviceId.size()) + " characters)");
}

} // namespace

DeviceKey loadOrCreateDeviceKey(const fs::path& dataDir, const std::string& deviceId) {
  ensureSodium();
  checkDeviceId(deviceId);
  const fs::path file = dataDir / kDeviceKeyFile;
  if (!platform::fileExists(file)) {
    DeviceKey key;
    key.deviceId = deviceId;
    crypto_sign_keypair(key.signPk.data(), key.signSk.data());
    crypto_box_keypair(key.boxPk.data(), key.boxSk.data());
    std::string text = deviceKeyText(key);
    try {
      platform::writePrivateFile(file, text);
      sodium_memzero(text.data(), text.size());
      return key;
    } catch (const DagverkError&) {
      sodium_memzero(text.data(), text.size());
      // Another process made it first: use theirs. Otherwise the write failure stands.
      if (!platform::fileExists(file)) throw;
    }
  }
  std::string text = readKeyFile(file);
  const WipedWords words_(words(text));
  const auto& w = words_.get();
  sodium_memzero(text.data(), text.size());
  if (w.size() < 4 || w[0] != kDeviceSecretTag) keysMissing(file, "not a device key file");
  if (!((w[1] == "1" && w.size() == 4) || (w[1] == "2" && w.size() == 5))) keysMissing(file, "unknown key file version");
  if (w[2] != deviceId) keysMissing(file, "belongs to another device id");
  DeviceKey key;
  key.deviceId = deviceId;
  if (!fromBase64(w[3], key.signSk) || !signSecretConsistent(key.signSk, key.signPk))
    keysMissing(file, "secret key malformed");
  if (w[1] == "2") {
    if (!fromBase64(w[4], key.boxSk)) keysMissing(file, "box secret key malformed");
    crypto_scalarmult_base(key.boxPk.data(), key.boxSk.data());
    return key;
  }
  // A key file from before devices had their own box key: the signing key must not open
  // bundles too, so a box key pair is added (the file replaced atomically, still 0600).
  crypto_box_keypair(key.boxPk.data(), key.boxSk.data());
  std::string upgraded = deviceKeyText(key);
  try {
    platform::writeFileAtomically(file, upgraded);
  } catch (...) {
    sodium_memzero(upgraded.data(), upgraded.size());
    throw;
  }
  sodium_memzero(upgraded.data(), upgraded.size());
  platform::logInfo("device key file upgraded: a separate box key pair was added");
  return key;
}

DeviceKey replaceDeviceKey(const fs::path& dataDir, const std::string& deviceId) {
  ensureSodium();
  checkDeviceId(deviceId);
  DeviceKey key;
  key.deviceId = deviceId;
  crypto_sign_keypair(key.signPk.data(), key.signSk.data());
  crypto_box_keypair(key.boxPk.data(), key.boxSk.data());
  std::string text = deviceKeyText(key);
  try {
    platform::writeFileAtomically(dataDir / kDeviceKeyFile, text);
  } catch (...) {
    sodium_memzero(text.data(), text.size());
    throw;
  }
  sodium_memzero(text.data(), text.size());
  platform::logInfo("device key replaced with a new key pair");
  return key;
}

std::string formatDevicePublicKey(const DeviceKey& key) {
  return std::string(kDevicePublicTag) + " 1 " + key.deviceId + " " + toBase64(key.signPk) + "\n";
}

DevicePublicKey parseDevicePublicKey(std::string_view text) {
  auto bad = [](const std::string& sv, const std::string& en) -> DagverkError {
    return DagverkError(ErrorCode::BadInput, "Enhetsnyckeln är felaktig: " + sv, "device public key: " + en);
  };
  if (text.size() > 4096) throw bad("texten är för lång.", "text longer than 4096 bytes");
  const auto w = words(text);
  if (w.empty() || w[0] != kDevicePublicTag)
    throw bad("den ska börja med \"dagverk-device-key\".", "does not start with dagverk-device-key");
  if (w.size() != 4) throw bad("den ska ha fyra delar.", "expected 4 fields, got " + std::to_string(w.size()));
  if (w[1] != "1") throw bad("okänd version " + w[1] + ".", "unknown version");
  if (!isSafeId(w[2])) throw bad("enhetens id är ogiltigt.", "invalid device id");
  DevicePublicKey out;
  out.deviceId = w[2];
  if (!fromBase64(w[3], out.signPk)) throw bad("nyckeln är inte giltig base64.", "key is not 32 bytes of base64");
  if (crypto_core_ed25519_is_valid_point(out.signPk.data()) != 1)
    throw bad("nyckeln är inte en giltig signeringsnyckel.", "key is not a valid Ed25519 point");
  return out;
}

CentralKeys createCentralKeys(const fs::path& keysDir) {
  ensureSodium();
  const fs::path boxFile = keysDir / kCentralBoxFile;
  const fs::path signFile = keysDir / kCentralSignFile;
  if (platform::fileExists(boxFile) || platform::fileExists(signFile))
    throw DagverkError(ErrorCode::BadInput,
                       "Det finns redan centrala nycklar i " + keysDir.string() + ". De skrivs inte över.",
                       "refusing to overwrite central keys in " + keysDir.string());
  platform::createPrivateDirectory(keysDir);
  CentralKeys keys;
  crypto_box_keypair(keys.boxPk.data(), keys.boxSk.data());
  crypto_sign_keypair(keys.signPk.data(), keys.signSk.data());
  std::string boxText = secretLine(std::string(kCentralBoxTag) + " 1 ", keys.boxSk.data(), keys.boxSk.size());
  std::string signText = secretLine(std::string(kCentralSignTag) + " 1 ", keys.signSk.data(), keys.signSk.size());
  try {
    platform::writePrivateFile(boxFile, boxText);
    platform::writePrivateFile(signFile, signText);
  } catch (...) {
    sodium_memzero(boxText.data(), boxText.size());
    sodium_memzero(signText.data(), signText.size());
    throw;
  }
  sodium_memzero(boxText.data(), boxText.size());
  sodium_memzero(signText.data(), signText.size());
  return keys;
}

CentralKeys loadCentralKeys(const fs::path& keysDir) {
  ensureSodium();
  CentralKeys keys;
  {
    const fs::path file = keysDir / kCentralBoxFile;
    std::string text = readKeyFile(file);
    const WipedWords words_(words(text));
    const auto& w = words_.get();
    sodium_memzero(text.data(), text.size());
    if (w.size() != 3 || w[0] != kCentralBoxTag || w[1] != "1") keysMissing(file, "not a central box key file");
    if (!fromBase64(w[2], keys.boxSk)) keysMissing(file, "secret key malformed");
    crypto_scalarmult_base(keys.boxPk.data(), keys.boxSk.data());
  }
  {
    const fs::path file = keysDir / kCentralSignFile;
    std::string text = readKeyFile(file);
    const WipedWords words_(words(text));
    const auto& w = words_.get();
    sodium_memzero(text.data(), text.size());
    if (w.size() != 3 || w[0] != kCentralSignTag || w[1] != "1") keysMissing(file, "not a central sign key file");
    if (!fromBase64(w[2], keys.signSk) || !signSecretConsistent(keys.signSk, keys.signPk))
      keysMissing(file, "secret key malformed");
  }
  return keys;
}

namespace {

EnrolledFile readEnrolledFile(const fs::path& keysDir) {
  const fs::path file = keysDir / kEnrolledFile;
  EnrolledFile out;
  if (!platform::fileExists(file)) return out;
  auto bad = [&](const std::string& reason) -> DagverkError {
    return DagverkError(ErrorCode::BadInput, "Listan över godkända enheter är skadad: " + file.string(),
                        "enrolled devices file " + file.string() + ": " + reason);
  };
  std::string text;
  bool within = false;
  try {
    within = platform::readFileWithin(file, limits::kEnrolledListBytes, text);
  } catch (const DagverkError&) {
    throw bad("unreadable");
  }
  if (!within)
    throw DagverkError(ErrorCode::BadInput, "Listan över godkända enheter är för stor: " + file.string(),
                       "enrolled devices file refused: " + file.string() + " is larger than " +
                           std::to_string(limits::kEnrolledListBytes) + " bytes");
  try {
    StrictJsonInputArchive ar(text, limits::kEnrolledListBytes, limits::kJsonMaxDepth,
                              StrictJsonInputArchive::Keys::RefuseUnknown);
    ar(cereal::make_nvp("devices", out.devices), cereal::make_nvp("revoked", out.revoked));
    ar.finish();
  } catch (const std::exception& e) {
    throw bad(std::string("malformed JSON: ") + e.what());
  }
  for (const auto& e : out.devices)
    if (!isSafeId(e.deviceId) || !isSafeId(e.siteId)) throw bad("invalid device or site id");
  for (const auto& e : out.revoked)
    if (!isSafeId(e.deviceId)) throw bad("invalid revoked device id");
  return out;
}

void writeEnrolledFile(const fs::path& keysDir, const EnrolledFile& f) {
  std::ostringstream os;
  {
    cereal::JSONOutputArchive ar(os);
    ar(cereal::make_nvp("devices", f.devices), cereal::make_nvp("revoked", f.revoked));
  }
  if (!platform::fileExists(keysDir)) platform::createPrivateDirectory(keysDir);
  platform::writeFileAtomically(keysDir / kEnrolledFile, os.str() + "\n");
}

PublicKey keyOrBad(const std::string& text, const fs::path& keysDir) {
  try {
    return publicKeyFromBase64(text);
  } catch (const DagverkError&) {
    throw DagverkError(ErrorCode::BadInput,
                       "Listan över godkända enheter är skadad: " + (keysDir / kEnrolledFile).string(),
                       "enrolled devices file: invalid public key for a device");
  }
}

} // namespace

std::vector<EnrolledDevice> loadEnrolled(const fs::path& keysDir) {
  std::vector<EnrolledDevice> out;
  for (const auto& e : readEnrolledFile(keysDir).devices)
    out.push_back({e.deviceId, e.siteId, keyOrBad(e.signPk, keysDir), keyOrBad(e.boxPk, keysDir)});
  return out;
}

std::vector<RevokedKey> loadRevoked(const fs::path& keysDir) {
  std::vector<RevokedKey> out;
  for (const auto& e : readEnrolledFile(keysDir).revoked)
    out.push_back({e.deviceId, keyOrBad(e.signPk, keysDir), e.revokedUtc});
  return out;
}

PublicKey bundleRecipientKey(const EnrolledDevice& device) { return device.boxPk; }

void enrollDevice(const fs::path& keysDir, const EnrolledDevice& device, bool replace) {
  checkDeviceId(device.deviceId);
  if (!isSafeId(device.siteId))
    throw DagverkError(ErrorCode::BadInput, "Verksamhetens id är ogiltigt.", "invalid site id");
  EnrolledFile f = readEnrolledFile(keysDir);
  for (const auto& r : f.revoked)
    if (r.deviceId == device.deviceId && r.signPk == toBase64(device.signPk))
      throw DagverkError(ErrorCode::BadInput,
                         "Enheten " + device.deviceId + " har en spärrad nyckel. Kiosken gör en ny nyckel när den "
                         "kopplas om med en ny kod.",
                         "device " + device.deviceId + " offers a revoked key; refused");
  const EnrolledEntry entry{device.deviceId, device.siteId, toBase64(device.signPk), toBase64(device.boxPk)};
  bool found = false;
  for (auto& d : f.devices) {
    if (d.deviceId != device.deviceId) continue;
    if (!replace && d.signPk != entry.signPk)
      throw DagverkError(ErrorCode::BadInput,
                         "Enheten " + device.deviceId + " är redan registrerad med en annan nyckel. Gör en ny kod "
                         "med --replace om nyckeln ska bytas.",
                         "device " + device.deviceId + " is already enrolled with another key; refused without --replace");
    // The key it had is revoked: a thief's copy of it is worth nothing from now on.
    if (d.signPk != entry.signPk) f.revoked.push_back({d.deviceId, d.signPk, 0});
    d = entry;
    found = true;
  }
  if (!found) f.devices.push_back(entry);
  writeEnrolledFile(keysDir, f);
}

bool revokeDevice(const fs::path& keysDir, const std::string& deviceId, UtcMs now) {
  EnrolledFile f = readEnrolledFile(keysDir);
  bool found = false;
  for (auto it = f.devices.begin(); it != f.devices.end();) {
    if (it->deviceId == deviceId) {
      f.revoked.push_back({it->deviceId, it->signPk, now});
      it = f.devices.erase(it);
      found = true;
    } else {
      ++it;
    }
  }
  if (found) writeEnrolledFile(keysDir, f);
  return found;
}

} // namespace dagverk::sync
