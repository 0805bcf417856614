#include "central/Enrol.hpp"

#include "central/Admin.hpp"
#include "core/Error.hpp"
#include "core/Ids.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"

#include <sodium.h>

#include <algorithm>
#include <sstream>

namespace dagverk::central {

namespace fs = std::filesystem;

namespace {

constexpr const char* kOffersFile = "enrol-offers.txt";
constexpr const char* kOffersTag = "dagverk-enrol-offers 1";
constexpr std::size_t kOffersFileBytes = 1024 * 1024;

enum class OfferState { Pending, Used, Dead };

struct PendingOffer {
  std::string offerId;
  std::string siteId;
  UtcMs expiresUtc = 0;
  bool replace = false;
  OfferState state = OfferState::Pending;
  int badRequests = 0;
  sync::EnrolKey key{};
};

const char* stateName(OfferState s) {
  return s == OfferState::Pending ? "pending" : s == OfferState::Used ? "used" : "dead";
}

[[noreturn]] void offersBroken(const fs::path& file, const std::string& why) {
  throw DagverkError(ErrorCode::BadInput, "Listan över väntande koder är skadad: " + file.string(),
                     "enrolment offers file " + file.string() + ": " + why);
}

// One offer per line: "<id> <site> <expires> <replace 0|1> <state> <bad requests> <key base64>".
std::vector<PendingOffer> loadOffers(const fs::path& keysDir) {
  const fs::path file = keysDir / kOffersFile;
  std::vector<PendingOffer> out;
  if (!platform::fileExists(file)) return out;
  std::string text;
  if (!platform::readFileWithin(file, kOffersFileBytes, text)) offersBroken(file, "too large");
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kOffersTag) offersBroken(file, "unknown header");
  while (std::getline(in, line)) {
    std::istringstream w(line);
    PendingOffer o;
    std::string state, key;
    int replace = 0;
    if (!(w >> o.offerId >> o.siteId >> o.expiresUtc >> replace >> state >> o.badRequests >> key))
      offersBroken(file, "malformed line");
    o.replace = replace == 1;
    o.state = state == "pending" ? OfferState::Pending : state == "used" ? OfferState::Used : OfferState::Dead;
    std::size_t len = 0;
    if (sodium_base642bin(o.key.data(), o.key.size(), key.c_str(), key.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len != o.key.size())
      offersBroken(file, "malformed key");
    sodium_memzero(key.data(), key.size());
    out.push_back(o);
  }
  sodium_memzero(text.data(), text.size());
  return out;
}

void saveOffers(const fs::path& keysDir, std::vector<PendingOffer>& offers) {
  std::string text = std::string(kOffersTag) + "\n";
  for (const auto& o : offers)
    text += o.offerId + " " + o.siteId + " " + std::to_string(o.expiresUtc) + " " + (o.replace ? "1" : "0") + " " +
            stateName(o.state) + " " + std::to_string(o.badRequests) + " " +
            sync::toBase64(o.key.data(), o.key.size()) + "\n";
  try {
    platform::writeFileAtomically(keysDir / kOffersFile, text); // 0600
  } catch (...) {
    sodium_memzero(text.data(), text.size());
    throw;
  }
  sodium_memzero(text.data(), text.size());
}

void removeQuietly(const fs::path& file) {
  if (platform::fileExists(file) && !platform::tryRemoveFile(file))
    platform::logError("enrolment: could not remove " + file.filename().string());
}

EnrolmentOutcome refused(const sync::EnrolmentRequest& r, std::string sv, std::string en) {
  EnrolmentOutcome o;
  o.deviceId = r.deviceId;
  o.siteId = r.siteId;
  o.swedish = std::move(sv);
  o.english = std::move(en);
  return o;
}

} // namespace

NewOffer createEnrolmentOffer(const fs::path& share, const fs::path& keysDir, const std::string& siteId, bool replace,
                              const Clock& clock) {
  const sync::ShareMarker marker = sync::readMarker(share);
  const sync::CentralKeys keys = loadKeysForShare(share, keysDir);
  checkSiteForEnrolment(share, keys, siteId);
  NewOffer result;
  result.code = sync::newEnrolmentCode();
  result.siteId = siteId;
  result.expiresUtc = clock.nowUtc() + sync::kEnrolCodeLifetimeMs;
  // An offer central cannot remember could never be used: it is taken off the share again.
  sync::OpenedOffer opened = sync::publishOffer(share, keys, marker.unit, siteId, result.code, result.expiresUtc);
  result.offerId = opened.offer.offerId;
  PendingOffer pending;
  pending.offerId = opened.offer.offerId;
  pending.siteId = siteId;
  pending.expiresUtc = result.expiresUtc;
  pending.replace = replace;
  pending.key = opened.key;
  sodium_memzero(opened.key.data(), opened.key.size());
  auto offers = loadOffers(keysDir);
  offers.push_back(pending);
  try {
    saveOffers(keysDir, offers);
  } catch (...) {
    removeQuietly(sync::offerFile(share, result.offerId));
    for (auto& o : offers) sodium_memzero(o.key.data(), o.key.size());
    throw;
  }
  for (auto& o : offers) sodium_memzero(o.key.data(), o.key.size());
  const auto& offer = opened.offer;
  platform::logInfo("enrolment offer " + offer.offerId + " made for site " + siteId +
                    (replace ? " (may replace an enrolled key)" : ""));
  return result;
}

std::vector<EnrolmentOutcome> acceptEnrolmentRequests(const fs::path& share, const fs::path& keysDir,
                                                      const Clock& clock) {
  const sync::CentralKeys keys = loadKeysForShare(share, keysDir);
  auto offers = loadOffers(keysDir);
  const UtcMs now = clock.nowUtc();
  bool changed = false;
  for (auto& o : offers)
    if (o.state == OfferState::Pending && now > o.expiresUtc) {
      o.state = OfferState::Dead;
      changed = true;
      platform::logInfo("enrolment offer " + o.offerId + " expired");
    }
  std::vector<EnrolmentOutcome> outcomes;
  const fs::path dir = sync::enrolDir(share);
  // Requests are placed by whoever can write to the share: no link is followed, no size trusted.
  for (const auto& name : platform::listBeneath(share, dir).files) {
    if (name.size() <= 8 || name.compare(name.size() - 8, 8, ".request") != 0) continue;
    const fs::path file = dir / name;
    std::string bytes;
    sync::EnrolmentRequest r;
    try {
      if (platform::readFileBeneath(share, file, sync::kEnrolFileBytes, bytes) != platform::BeneathRead::Ok)
        throw DagverkError(ErrorCode::BadInput, "",
                           "larger than " + std::to_string(sync::kEnrolFileBytes) + " bytes or not a regular file");
      r = sync::parseRequest(bytes);
    } catch (const DagverkError& e) {
      platform::logError(std::string("enrolment request removed: ") + e.english());
      removeQuietly(file);
      continue;
    }
    auto offer = std::find_if(offers.begin(), offers.end(), [&](const auto& o) { return o.offerId == r.offerId; });
    EnrolmentOutcome out;
    if (offer == offers.end()) {
      out = refused(r, "Koden som enheten använde finns inte hos centralen.",
                    "request names an unknown offer " + r.offerId);
    } else if (offer->state == OfferState::Used) {
      out = refused(r, "Koden har redan använts. Gör en ny kod.", "offer " + r.offerId + " is already used");
    } else if (offer->state == OfferState::Dead) {
      out = refused(r, "Koden har gått ut eller spärrats efter för många felaktiga försök. Gör en ny kod.",
                    "offer " + r.offerId + " expired or was given up after bad requests");
    } else if (!sync::requestMacValid(bytes, offer->key)) {
      changed = true;
      if (++offer->badRequests >= sync::kEnrolMaxBadRequests) {
        offer->state = OfferState::Dead;
        removeQuietly(sync::offerFile(share, offer->offerId));
      }
      out = refused(r, "Förfrågan var inte gjord med rätt kod.",
                    "request for offer " + r.offerId + " has a wrong MAC (" + std::to_string(offer->badRequests) +
                        " of " + std::to_string(sync::kEnrolMaxBadRequests) + " allowed)");
    } else if (r.siteId != offer->siteId) {
      out = refused(r, "Förfrågan gäller en annan verksamhet än koden.",
                    "request site " + r.siteId + " differs from the offer's site " + offer->siteId);
    } else {
      try {
        sync::enrollDevice(keysDir, {r.deviceId, r.siteId, r.deviceSignPk, r.deviceBoxPk}, offer->replace);
        offer->state = OfferState::Used;
        changed = true;
        removeQuietly(sync::offerFile(share, offer->offerId));
        out.deviceId = r.deviceId;
        out.siteId = r.siteId;
        out.accepted = true;
        out.fingerprint = sync::pairFingerprint(keys.signPk, r.deviceSignPk);
      } catch (const DagverkError& e) {
        if (e.code() != ErrorCode::BadInput) throw;
        out = refused(r, e.swedish(), e.english());
      }
    }
    if (out.accepted)
      platform::logInfo("device " + out.deviceId + " enrolled for site " + out.siteId + " by offer " + r.offerId);
    else
      platform::logError("enrolment request of device " + r.deviceId + " refused: " + out.english);
    outcomes.push_back(out);
    removeQuietly(file);
  }
  if (changed) saveOffers(keysDir, offers);
  for (auto& o : offers) sodium_memzero(o.key.data(), o.key.size());
  return outcomes;
}

std::string formatEnrolmentOutcomes(const std::vector<EnrolmentOutcome>& outcomes) {
  std::string out;
  for (const auto& o : outcomes) {
    if (o.accepted)
      out += "Enheten " + o.deviceId + " är registrerad för verksamheten " + o.siteId + " (fingeravtryck " +
             o.fingerprint + ").\n";
    else
      out += "Enheten " + o.deviceId + " registrerades inte: " + o.swedish + "\n";
  }
  return out;
}

std::string formatEnrolledDevices(const fs::path& keysDir) {
  const sync::CentralKeys keys = sync::loadCentralKeys(keysDir);
  std::string out = "\nRegistrerade enheter:\n";
  const auto devices = sync::loadEnrolled(keysDir);
  if (devices.empty()) out += "  inga\n";
  for (const auto& d : devices)
    out += "  " + d.deviceId + " (verksamhet " + d.siteId + "), fingeravtryck " +
           sync::pairFingerprint(keys.signPk, d.signPk) + "\n";
  const auto revoked = sync::loadRevoked(keysDir);
  if (!revoked.empty()) {
    out += "Spärrade nycklar:\n";
    for (const auto& r : revoked)
      out += "  " + r.deviceId + ", fingeravtryck " + sync::pairFingerprint(keys.signPk, r.signPk) + "\n";
  }
  return out;
}

void revokeDeviceKey(const fs::path& keysDir, const std::string& deviceId, const Clock& clock) {
  if (!sync::revokeDevice(keysDir, deviceId, clock.nowUtc()))
    throw DagverkError(ErrorCode::BadInput, "Enheten " + deviceId + " är inte registrerad. Inget ändrades.",
                       "revoke: device " + deviceId + " is not enrolled; nothing changed");
  platform::logInfo("device " + deviceId + " revoked");
}

} // namespace dagverk::central
