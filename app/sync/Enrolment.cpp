// The enrolment code, its stretch, the offer and request files and the pair's fingerprint.
#include "sync/Enrolment.hpp"

#include "core/Error.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"
#include "sync/SyncInternal.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <vector>

namespace dagverk::sync {

namespace fs = std::filesystem;
using detail::ensureSodium;
using detail::isSafeId;

namespace {

// No 0/O, 1/I/L: what a person reads off a screen and types on a touch keyboard.
constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
constexpr const char* kOfferTag = "dagverk-enrol-offer 1";
constexpr const char* kRequestTag = "dagverk-enrol-request 1";
constexpr std::uint64_t kOfferMacId = 1;
constexpr std::uint64_t kRequestMacId = 2;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'d', 'g', 'v', 'e', 'n', 'r', 'o', 'l'};

[[noreturn]] void bad(const std::string& what, const std::string& english) {
  throw DagverkError(ErrorCode::BadInput, "Kopplingsfilen " + what + " på den centrala mappen är skadad.",
                     what + " file malformed: " + english);
}

std::string b64(const unsigned char* data, std::size_t size) { return toBase64(data, size); }

template <std::size_t N> bool fromB64(const std::string& text, std::array<unsigned char, N>& out) {
  std::size_t len = 0;
  const char* end = nullptr;
  if (text.size() > 4 * N) return false;
  if (sodium_base642bin(out.data(), N, text.c_str(), text.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  return len == N && end == text.c_str() + text.size();
}

// "key value" lines in a fixed order, then "mac <base64>". Returns the values and the signed
// part (everything before the mac line).
struct Lines {
  std::vector<std::string> values;
  std::string_view signedPart;
  std::array<unsigned char, crypto_auth_BYTES> mac{};
};

Lines splitLines(std::string_view bytes, const char* tag, const std::vector<std::string>& keys,
                 const std::string& what) {
  if (bytes.size() > kEnrolFileBytes) bad(what, "larger than " + std::to_string(kEnrolFileBytes) + " bytes");
  std::vector<std::string_view> lines;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const auto nl = bytes.find('\n', at);
    if (nl == std::string_view::npos) bad(what, "last line has no newline");
    lines.push_back(bytes.substr(at, nl - at));
    at = nl + 1;
  }
  if (lines.size() != keys.size() + 2 || lines[0] != tag) bad(what, "unexpected header or line count");
  Lines out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string prefix = keys[i] + " ";
    if (lines[i + 1].substr(0, prefix.size()) != prefix) bad(what, "expected field " + keys[i]);
    out.values.emplace_back(lines[i + 1].substr(prefix.size()));
  }
  const std::string_view macLine = lines.back();
  if (macLine.substr(0, 4) != "mac " || !fromB64(std::string(macLine.substr(4)), out.mac)) bad(what, "bad mac line");
  out.signedPart = bytes.substr(0, bytes.size() - macLine.size() - 1);
  return out;
}

std::array<unsigned char, crypto_auth_KEYBYTES> macKey(const EnrolKey& key, std::uint64_t id) {
  std::array<unsigned char, crypto_auth_KEYBYTES> sub{};
  crypto_kdf_derive_from_key(sub.data(), sub.size(), id, kKdfContext, key.data());
  return sub;
}

std::string withMac(std::string body, const EnrolKey& key, std::uint64_t id) {
  auto sub = macKey(key, id);
  std::array<unsigned char, crypto_auth_BYTES> mac{};
  crypto_auth(mac.data(), reinterpret_cast<const unsigned char*>(body.data()), body.size(), sub.data());
  sodium_memzero(sub.data(), sub.size());
  return body + "mac " + b64(mac.data(), mac.size()) + "\n";
}

bool macValid(const Lines& l, const EnrolKey& key, std::uint64_t id) {
  auto sub = macKey(key, id);
  const bool ok = crypto_auth_verify(l.mac.data(), reinterpret_cast<const unsigned char*>(l.signedPart.data()),
                                     l.signedPart.size(), sub.data()) == 0;
  sodium_memzero(sub.data(), sub.size());
  return ok;
}

const std::vector<std::string>& offerKeys() {
  static const std::vector<std::string> k = {"offer", "unit", "site", "expires", "salt", "central-sign", "central-box"};
  return k;
}
const std::vector<std::string>& requestKeys() {
  static const std::vector<std::string> k = {"offer", "device", "site", "device-sign", "device-box"};
  return k;
}

bool isOfferId(const std::string& id) {
  return id.size() == 16 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

std::string newEnrolmentCode() {
  ensureSodium();
  std::string code;
  for (std::size_t i = 0; i < kEnrolCodeLength; ++i)
    code.push_back(kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
  return code;
}

std::string formatEnrolmentCode(const std::string& code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(code[i]);
  }
  return out;
}

std::optional<std::string> normaliseEnrolmentCode(std::string_view typed) {
  std::string out;
  for (const char c : typed) {
    if (c == '-' || c == ' ') continue;
    const char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (kAlphabet.find(u) == std::string_view::npos) return std::nullopt;
    out.push_back(u);
  }
  if (out.size() != kEnrolCodeLength) return std::nullopt;
  return out;
}

EnrolKey stretchEnrolmentCode(const std::string& code, const EnrolSalt& salt) {
  ensureSodium();
  EnrolKey key{};
  if (crypto_pwhash(key.data(), key.size(), code.data(), code.size(), salt.data(), kEnrolPwhashOps, kEnrolPwhashMem,
                    crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw DagverkError(ErrorCode::Storage, "Minnet räckte inte för att kontrollera koden.",
                       "crypto_pwhash ran out of memory stretching an enrolment code");
  return key;
}

std::string pairFingerprint(const PublicKey& centralSignPk, const PublicKey& deviceSignPk) {
  ensureSodium();
  unsigned char both[64];
  std::copy(centralSignPk.begin(), centralSignPk.end(), both);
  std::copy(deviceSignPk.begin(), deviceSignPk.end(), both + 32);
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, both, sizeof both, nullptr, 0);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (int i = 0; i < 6; ++i) {
    if (i > 0 && i % 2 == 0) out.push_back('-');
    out.push_back(kHex[hash[i] >> 4]);
    out.push_back(kHex[hash[i] & 15]);
  }
  return out;
}

std::string newOfferId() {
  ensureSodium();
  unsigned char raw[8];
  randombytes_buf(raw, sizeof raw);
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  return hex;
}

std::string encodeOffer(const EnrolmentOffer& o, const EnrolKey& key) {
  ensureSodium();
  std::string body = std::string(kOfferTag) + "\n";
  body += "offer " + o.offerId + "\n";
  body += "unit " + b64(reinterpret_cast<const unsigned char*>(o.unit.data()), o.unit.size()) + "\n";
  body += "site " + o.siteId + "\n";
  body += "expires " + std::to_string(o.expiresUtc) + "\n";
  body += "salt " + b64(o.salt.data(), o.salt.size()) + "\n";
  body += "central-sign " + toBase64(o.centralSignPk) + "\n";
  body += "central-box " + toBase64(o.centralBoxPk) + "\n";
  return withMac(std::move(body), key, kOfferMacId);
}

EnrolmentOffer parseOffer(std::string_view bytes) {
  ensureSodium();
  const Lines l = splitLines(bytes, kOfferTag, offerKeys(), "offer");
  EnrolmentOffer o;
  o.offerId = l.values[0];
  if (!isOfferId(o.offerId)) bad("offer", "invalid offer id");
  // An empty unit is refused before decoding: an empty vector's data() is null, which
  // libsodium's decoder must not be given.
  if (l.values[1].empty()) bad("offer", "empty unit");
  std::vector<unsigned char> unit(l.values[1].size());
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(unit.data(), unit.size(), l.values[1].c_str(), l.values[1].size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != l.values[1].c_str() + l.values[1].size() || len > 200)
    bad("offer", "invalid unit");
  o.unit.assign(reinterpret_cast<const char*>(unit.data()), len);
  o.siteId = l.values[2];
  if (!isSafeId(o.siteId)) bad("offer", "invalid site id");
  const std::string& exp = l.values[3];
  auto [p, ec] = std::from_chars(exp.data(), exp.data() + exp.size(), o.expiresUtc);
  if (ec != std::errc() || p != exp.data() + exp.size() || exp.empty()) bad("offer", "invalid expiry");
  if (!fromB64(l.values[4], o.salt) || !fromB64(l.values[5], o.centralSignPk) || !fromB64(l.values[6], o.centralBoxPk))
    bad("offer", "invalid salt or key");
  return o;
}

bool offerMacValid(std::string_view bytes, const EnrolKey& key) {
  return macValid(splitLines(bytes, kOfferTag, offerKeys(), "offer"), key, kOfferMacId);
}

std::string encodeRequest(const EnrolmentRequest& r, const EnrolKey& key) {
  ensureSodium();
  std::string body = std::string(kRequestTag) + "\n";
  body += "offer " + r.offerId + "\n";
  body += "device " + r.deviceId + "\n";
  body += "site " + r.siteId + "\n";
  body += "device-sign " + toBase64(r.deviceSignPk) + "\n";
  body += "device-box " + toBase64(r.deviceBoxPk) + "\n";
  return withMac(std::move(body), key, kRequestMacId);
}

EnrolmentRequest parseRequest(std::string_view bytes) {
  ensureSodium();
  const Lines l = splitLines(bytes, kRequestTag, requestKeys(), "request");
  EnrolmentRequest r;
  r.offerId = l.values[0];
  r.deviceId = l.values[1];
  r.siteId = l.values[2];
  if (!isOfferId(r.offerId) || !isSafeId(r.deviceId) || !isSafeId(r.siteId)) bad("request", "invalid id");
  if (!fromB64(l.values[3], r.deviceSignPk) || !fromB64(l.values[4], r.deviceBoxPk)) bad("request", "invalid key");
  if (crypto_core_ed25519_is_valid_point(r.deviceSignPk.data()) != 1) bad("request", "signing key is not valid");
  return r;
}

bool requestMacValid(std::string_view bytes, const EnrolKey& key) {
  return macValid(splitLines(bytes, kRequestTag, requestKeys(), "request"), key, kRequestMacId);
}

OfferSearch findOffer(const fs::path& share, const std::string& code, UtcMs now, OpenedOffer& out) {
  std::vector<std::pair<EnrolmentOffer, std::string>> offers;
  // Offers are placed by whoever can write to the share: no link is followed, no size trusted.
  for (const auto& name : platform::listBeneath(share, enrolDir(share)).files) {
    if (name.size() <= 6 || name.compare(name.size() - 6, 6, ".offer") != 0) continue;
    std::string bytes;
    try {
      if (platform::readFileBeneath(share, enrolDir(share) / name, kEnrolFileBytes, bytes) !=
          platform::BeneathRead::Ok) {
        platform::logError("enrolment: offer file too large or not a regular file, ignored");
        continue;
      }
      offers.emplace_back(parseOffer(bytes), bytes);
    } catch (const DagverkError& e) {
      platform::logError(std::string("enrolment: offer file ignored: ") + e.english());
    }
  }
  std::sort(offers.begin(), offers.end(), [now](const auto& a, const auto& b) {
    const bool aLive = a.first.expiresUtc >= now, bLive = b.first.expiresUtc >= now;
    if (aLive != bLive) return aLive;
    return a.first.expiresUtc > b.first.expiresUtc;
  });
  if (offers.size() > kEnrolMaxOffersTried) offers.resize(kEnrolMaxOffersTried);
  bool expired = false;
  for (const auto& [offer, bytes] : offers) {
    EnrolKey key = stretchEnrolmentCode(code, offer.salt);
    if (offerMacValid(bytes, key)) {
      if (offer.expiresUtc >= now) {
        out.offer = offer;
        out.key = key;
        sodium_memzero(key.data(), key.size());
        return OfferSearch::Found;
      }
      expired = true;
    }
    sodium_memzero(key.data(), key.size());
  }
  return expired ? OfferSearch::Expired : OfferSearch::NoMatch;
}

OpenedOffer publishOffer(const fs::path& share, const CentralKeys& central, const std::string& unit,
                         const std::string& siteId, const std::string& code, UtcMs expiresUtc) {
  ensureSodium();
  OpenedOffer out;
  out.offer.offerId = newOfferId();
  out.offer.unit = unit;
  out.offer.siteId = siteId;
  out.offer.expiresUtc = expiresUtc;
  randombytes_buf(out.offer.salt.data(), out.offer.salt.size());
  out.offer.centralSignPk = central.signPk;
  out.offer.centralBoxPk = central.boxPk;
  out.key = stretchEnrolmentCode(code, out.offer.salt);
  platform::createDirectories(enrolDir(share));
  platform::writeFileNoReplace(offerFile(share, out.offer.offerId), encodeOffer(out.offer, out.key));
  return out;
}

void writeRequest(const fs::path& share, const OpenedOffer& opened, const DeviceKey& device) {
  const EnrolmentRequest request{opened.offer.offerId, device.deviceId, opened.offer.siteId, device.signPk,
                                 device.boxPk};
  const std::string bytes = encodeRequest(request, opened.key);
  const fs::path file = requestFile(share, device.deviceId);
  try {
    platform::createDirectories(enrolDir(share));
    if (platform::fileExists(file)) platform::removeFile(file);
    platform::writeFileNoReplace(file, bytes);
  } catch (const DagverkError& e) {
    throw DagverkError(ErrorCode::ShareNotWritable,
                       "Det gick inte att skriva till den centrala mappen. Kiosken är inte kopplad; försök igen.",
                       std::string("writing the enrolment request failed: ") + e.english());
  }
}

fs::path enrolDir(const fs::path& share) { return share / "enrol"; }
fs::path offerFile(const fs::path& share, const std::string& offerId) { return enrolDir(share) / (offerId + ".offer"); }
fs::path requestFile(const fs::path& share, const std::string& deviceId) {
  return enrolDir(share) / (deviceId + ".request");
}

} // namespace dagverk::sync
