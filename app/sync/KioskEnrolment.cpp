#include "sync/KioskEnrolment.hpp"

#include "core/Error.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"
#include "store/Settings.hpp"
#include "sync/Enrolment.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>

namespace dagverk::sync {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSettingEnrolFailures = "enrol_failures";
constexpr const char* kSettingEnrolWaitUntil = "enrol_wait_until_utc";
constexpr const char* kSettingEnrolledSite = "enrolled_site";
constexpr const char* kSettingEnrolledUnit = "enrolled_unit";
// Wrong codes allowed before a wait; then 30 s, doubled per further wrong code, at most an hour.
constexpr std::int64_t kFreeFailures = 2;
constexpr std::int64_t kFirstWaitMs = 30'000;
constexpr std::int64_t kMaxWaitMs = 60LL * 60 * 1000;

std::int64_t settingNumber(const store::KioskStore& store, const char* key) {
  const auto v = store.settings().value(key);
  std::int64_t n = 0;
  if (!v || std::from_chars(v->data(), v->data() + v->size(), n).ec != std::errc()) return 0;
  return n;
}

std::string minutes(std::int64_t ms) {
  const std::int64_t m = (ms + 59'999) / 60'000;
  return std::to_string(m) + (m == 1 ? " minut" : " minuter");
}

void recordFailure(store::KioskStore& store, const Clock& clock) {
  const std::int64_t failures = settingNumber(store, kSettingEnrolFailures) + 1;
  std::int64_t waitMs = 0;
  if (failures > kFreeFailures) {
    waitMs = kFirstWaitMs;
    for (std::int64_t i = kFreeFailures + 1; i < failures && waitMs < kMaxWaitMs; ++i) waitMs *= 2;
    waitMs = std::min(waitMs, kMaxWaitMs);
  }
  store.settings().setValues({{kSettingEnrolFailures, std::to_string(failures)},
                              {kSettingEnrolWaitUntil, std::to_string(clock.nowUtc() + waitMs)}});
  platform::logError("enrolment: wrong code (" + std::to_string(failures) + " in a row, next try in " +
                     std::to_string(waitMs / 1000) + " s)");
}

} // namespace

bool isEnrolled(const store::KioskStore& store) {
  return store.settings().value(store::kSettingCentralSignPk).has_value() &&
         store.settings().value(store::kSettingCentralBoxPk).has_value();
}

std::optional<std::string> enrolledFingerprint(const store::KioskStore& store, const fs::path& dataDir) {
  const auto sign = store.settings().value(store::kSettingCentralSignPk);
  if (!sign || !isEnrolled(store)) return std::nullopt;
  const DeviceKey device = loadOrCreateDeviceKey(dataDir, store.deviceId());
  return pairFingerprint(publicKeyFromBase64(*sign), device.signPk);
}

KioskEnrolment enrolKiosk(store::KioskStore& store, const fs::path& dataDir, const fs::path& share,
                          const std::string& typedCode, const Clock& clock) {
  const UtcMs now = clock.nowUtc();
  const std::int64_t waitUntil = settingNumber(store, kSettingEnrolWaitUntil);
  if (now < waitUntil)
    throw DagverkError(ErrorCode::BadInput,
                       "För många felaktiga koder. Försök igen om " + minutes(waitUntil - now) + ".",
                       "enrolment refused: waiting after wrong codes until " + std::to_string(waitUntil));
  const auto code = normaliseEnrolmentCode(typedCode);
  if (!code)
    throw DagverkError(ErrorCode::BadInput,
                       "Koden ska vara 10 tecken, bokstäver och siffror (till exempel K7RM-4XQ2-HW).",
                       "enrolment code malformed (length or alphabet)");
  readMarker(share); // an unmounted share says so, rather than "wrong code"
  OpenedOffer found;
  const OfferSearch search = findOffer(share, *code, now, found);
  if (search != OfferSearch::Found) {
    recordFailure(store, clock);
    if (search == OfferSearch::Expired)
      throw DagverkError(ErrorCode::BadInput, "Koden har gått ut. Be om en ny kod från centralen.",
                         "enrolment code matches an expired offer");
    throw DagverkError(ErrorCode::BadInput,
                       "Koden stämmer inte (eller har redan använts). Kontrollera koden och försök igen.",
                       "enrolment code opens no offer on the share");
  }
  struct Wipe {
    EnrolKey& k;
    ~Wipe() { sodium_memzero(k.data(), k.size()); }
  } wipe{found.key};
  const EnrolmentOffer& offer = found.offer;
  const std::string boundSite = store.roster().boundSiteId();
  if (offer.siteId != boundSite)
    throw DagverkError(ErrorCode::SiteMismatch,
                       "Koden gäller verksamheten " + offer.siteId + ", men kiosken hör till " + boundSite +
                           ". Be om en kod för rätt verksamhet.",
                       "enrolment offer is for site " + offer.siteId + ", the kiosk is bound to " + boundSite);
  const auto pinnedSign = store.settings().value(store::kSettingCentralSignPk);
  if (pinnedSign && *pinnedSign != toBase64(offer.centralSignPk))
    throw DagverkError(ErrorCode::BadInput, "Kiosken är redan kopplad till en annan central. Kontakta IT.",
                       "enrolment offer carries other central keys than the pinned ones; refused");
  // Enrolled again: a new key pair, so a copy of the old one (a stolen tablet's) is worth nothing.
  const DeviceKey device = pinnedSign ? replaceDeviceKey(dataDir, store.deviceId())
                                      : loadOrCreateDeviceKey(dataDir, store.deviceId());
  writeRequest(share, found, device);
  // Pinned only once the request is on the share: a kiosk that could not answer stays unenrolled.
  store.settings().setValues({{store::kSettingCentralSignPk, toBase64(offer.centralSignPk)},
                              {store::kSettingCentralBoxPk, toBase64(offer.centralBoxPk)},
                              {kSettingEnrolledSite, offer.siteId},
                              {kSettingEnrolledUnit, offer.unit},
                              {kSettingEnrolFailures, "0"},
                              {kSettingEnrolWaitUntil, "0"}});
  KioskEnrolment result{offer.siteId, offer.unit, pairFingerprint(offer.centralSignPk, device.signPk)};
  platform::logInfo("enrolment: central keys pinned for site " + offer.siteId + ", request written, fingerprint " +
                    result.fingerprint);
  return result;
}

} // namespace dagverk::sync
