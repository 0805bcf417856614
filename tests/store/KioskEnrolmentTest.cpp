// The kiosk's side of enrolment by one-time code, in-process against a real share directory and
// a real SQLite file: a share writer's own marker and bundle get nothing, wrong and expired codes
// are refused in Swedish, the wait after wrong codes survives a restart, and enrolling again
// gives the kiosk a new key.
#include "StoreTestSupport.hpp"

#include "platform/FileSystem.hpp"
#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"
#include "sync/Enrolment.hpp"
#include "sync/KioskEnrolment.hpp"
#include "sync/KioskSync.hpp"
#include "sync/SyncFormat.hpp"

#include <sodium.h>

using namespace dagverk;
using namespace dagverk::test;

namespace {

constexpr const char* kCode = "K7RM4XQ2HW";

struct Setup {
  TempDir dir{"enrol"};
  ManualClock clock{mondayAt(9)};
  fs::path data = dir / "data", share = dir / "share";
  std::unique_ptr<store::KioskStore> store;
  sync::CentralKeys central, attacker;

  Setup() {
    store = store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
    central = sync::createCentralKeys(dir / "central-keys");
    attacker = sync::createCentralKeys(dir / "attacker-keys");
    fs::create_directories(share);
  }
  void writeMarker(const sync::CentralKeys& k) {
    sync::ShareMarker m;
    m.unit = "Testenheten";
    m.centralBoxPk = k.boxPk;
    m.centralSignPk = k.signPk;
    const fs::path file = share / sync::kMarkerFileName;
    if (fs::exists(file)) fs::remove(file);
    platform::writeFileNoReplace(file, sync::encodeMarker(m));
  }
  sync::OpenedOffer offer(const sync::CentralKeys& k, const std::string& code, const std::string& site = "liljan",
                          std::int64_t lifetimeMs = sync::kEnrolCodeLifetimeMs) {
    auto o = sync::publishOffer(share, k, "Testenheten", site, code, clock.nowUtc() + lifetimeMs);
    sodium_memzero(o.key.data(), o.key.size());
    return o;
  }
  sync::KioskEnrolment enrol(const std::string& typed) { return sync::enrolKiosk(*store, data, share, typed, clock); }
  DagverkError refusal(const std::string& typed) {
    return errorFrom([&] { enrol(typed); });
  }
  sync::DeviceKey deviceKey() { return sync::loadOrCreateDeviceKey(data, store->deviceId()); }
  std::vector<std::string> batches() {
    std::vector<std::string> out;
    for (const auto& n : platform::listFiles(sync::ShareLayout{share}.inboxDir("liljan", store->deviceId())))
      if (n.size() > 6 && n.compare(n.size() - 6, 6, ".batch") == 0) out.push_back(n);
    return out;
  }
  // A bundle that makes S002 an admin (the attacker's PIN would go with it), signed by `k` and
  // sealed to this kiosk's box key (public: it is in the kiosk's request on the share).
  void publishAdminBundle(const sync::CentralKeys& k) {
    sync::BundleContents b;
    b.version = 1;
    b.createdUtc = clock.nowUtc();
    b.unit = "Testenheten";
    b.sitesCsv = store::kDemoSitesCsv;
    b.participantsCsv = store::kDemoParticipantsCsv;
    b.activitiesCsv = store::kDemoActivitiesCsv;
    std::string staff = store::kDemoStaffCsv;
    const std::string from = "S002,liljan,Björn,L,staff,";
    const auto at = staff.find(from);
    REQUIRE(at != std::string::npos);
    staff.replace(at, from.size(), "S002,liljan,Björn,L,admin,");
    b.staffCsv = staff;
    const auto key = deviceKey();
    const sync::EnrolledDevice me{store->deviceId(), "liljan", key.signPk, key.boxPk};
    const sync::ShareLayout layout{share};
    platform::createDirectories(layout.siteBundlesDir("liljan"));
    platform::writeFileNoReplace(layout.siteBundleFile("liljan", 1), sync::sealBundle(b, k, {me}));
  }
};

} // namespace

TEST_CASE("a share writer's own marker before the kiosk's first sync gets no batch and pushes no bundle",
          "[sync][enrol]") {
  Setup s;
  s.writeMarker(s.attacker);
  s.publishAdminBundle(s.attacker);
  store::perform(*s.store, cmd::CheckIn{"P0001", std::nullopt});
  const auto e = errorFrom([&] { sync::runSync(*s.store, s.data, s.share, s.clock); });
  CHECK(e.code() == ErrorCode::NotEnrolled);
  CHECK(contains(e.swedish(), "Kiosken är inte kopplad till central"));
  CHECK(s.batches().empty()); // nothing sealed to the attacker's key
  CHECK(s.store->settings().bundleVersion() == 0);
  CHECK(s.store->roster().staffMember("S002").role == StaffRole::Staff);
  CHECK_FALSE(sync::isEnrolled(*s.store));
  CHECK(contains(s.store->settings().value(store::kSettingLastSyncResult).value_or(""), "inte kopplad"));
}

TEST_CASE("an offer planted on the share with the attacker's keys is not what the admin's code opens",
          "[sync][enrol]") {
  Setup s;
  s.writeMarker(s.central);
  s.offer(s.attacker, "ZZZZZZZZZZ"); // the attacker's own offer, for a code nobody types
  s.offer(s.central, kCode);
  const auto r = s.enrol("k7rm-4xq2-hw"); // typed in lower case with the dashes
  CHECK(r.siteId == "liljan");
  CHECK(r.fingerprint == sync::pairFingerprint(s.central.signPk, s.deviceKey().signPk));
  CHECK(s.store->settings().value(store::kSettingCentralSignPk) == sync::toBase64(s.central.signPk));
  CHECK(s.store->settings().value(store::kSettingCentralBoxPk) == sync::toBase64(s.central.boxPk));
  CHECK(sync::enrolledFingerprint(*s.store, s.data) == r.fingerprint);
  // The answer is on the share, for central, with both of the kiosk's public keys.
  const auto request = sync::parseRequest(readBytes(sync::requestFile(s.share, s.store->deviceId())));
  CHECK(request.deviceSignPk == s.deviceKey().signPk);
  CHECK(request.deviceBoxPk == s.deviceKey().boxPk);
  // A marker swapped for the attacker's afterwards is refused, as before.
  s.writeMarker(s.attacker);
  store::perform(*s.store, cmd::CheckIn{"P0001", std::nullopt});
  const auto e = errorFrom([&] { sync::runSync(*s.store, s.data, s.share, s.clock); });
  CHECK(e.swedish() == "Den centrala mappen har andra nycklar än förut. Kontakta IT.");
  CHECK(s.batches().empty());
}

TEST_CASE("wrong, malformed, expired and other-site codes are refused in Swedish and pin nothing", "[sync][enrol]") {
  Setup s;
  s.writeMarker(s.central);
  s.offer(s.central, kCode, "liljan", 60'000);
  s.offer(s.central, "22222HHHHH", "ornsberg");
  CHECK(s.refusal("K7RM-4XQ2").swedish() ==
        "Koden ska vara 10 tecken, bokstäver och siffror (till exempel K7RM-4XQ2-HW).");
  CHECK(s.refusal("K7RM-4XQ2-H0").swedish() ==
        "Koden ska vara 10 tecken, bokstäver och siffror (till exempel K7RM-4XQ2-HW).");
  CHECK(s.refusal("K7RM-4XQ2-HX").swedish() ==
        "Koden stämmer inte (eller har redan använts). Kontrollera koden och försök igen.");
  CHECK(s.refusal("22222HHHHH").swedish() ==
        "Koden gäller verksamheten ornsberg, men kiosken hör till liljan. Be om en kod för rätt verksamhet.");
  s.clock.advanceMs(60'001);
  CHECK(s.refusal(kCode).swedish() == "Koden har gått ut. Be om en ny kod från centralen.");
  CHECK_FALSE(sync::isEnrolled(*s.store));
  CHECK_FALSE(fs::exists(sync::requestFile(s.share, s.store->deviceId())));
}

TEST_CASE("after wrong codes the kiosk waits, and a restart does not end the wait", "[sync][enrol]") {
  Setup s;
  s.writeMarker(s.central);
  s.offer(s.central, kCode);
  s.refusal("2222222222");
  s.refusal("3333333333");
  CHECK(contains(s.refusal("4444444444").swedish(), "Koden stämmer inte"));
  // The third wrong code in a row starts a wait: even the right code is refused meanwhile.
  CHECK(s.refusal(kCode).swedish() == "För många felaktiga koder. Försök igen om 1 minut.");
  s.store.reset();
  s.store = store::KioskStore::open(s.data, s.clock);
  CHECK(s.refusal(kCode).swedish() == "För många felaktiga koder. Försök igen om 1 minut.");
  s.clock.advanceMs(30'001);
  // One more wrong code doubles the wait.
  s.refusal("5555555555");
  CHECK(s.refusal(kCode).swedish() == "För många felaktiga koder. Försök igen om 1 minut.");
  s.clock.advanceMs(59'000);
  CHECK(contains(s.refusal(kCode).swedish(), "Försök igen om 1 minut"));
  s.clock.advanceMs(1'001);
  CHECK(s.enrol(kCode).siteId == "liljan");
  CHECK(sync::isEnrolled(*s.store));
}

TEST_CASE("a kiosk enrolled again makes a new device key, so a copy of the old one is worth nothing",
          "[sync][enrol]") {
  Setup s;
  s.writeMarker(s.central);
  s.offer(s.central, kCode);
  s.enrol(kCode);
  const auto before = s.deviceKey();
  s.offer(s.central, "HW4XQ2K7RM");
  const auto r = s.enrol("HW4XQ2K7RM");
  const auto after = s.deviceKey();
  CHECK(after.signPk != before.signPk);
  CHECK(after.boxPk != before.boxPk);
  CHECK(r.fingerprint == sync::pairFingerprint(s.central.signPk, after.signPk));
  // An offer from another central is refused once the kiosk is enrolled.
  s.offer(s.attacker, "MMMMNNNNPP");
  CHECK(s.refusal("MMMMNNNNPP").swedish() == "Kiosken är redan kopplad till en annan central. Kontakta IT.");
  CHECK(s.store->settings().value(store::kSettingCentralSignPk) == sync::toBase64(s.central.signPk));
}
