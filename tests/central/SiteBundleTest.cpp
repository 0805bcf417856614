// A stolen tablet gives away one site, not the unit: publish writes one bundle per site, sealed
// to that site's kiosks only, and a kiosk takes only its own site's bundle. The real
// `dagverk-central` and `dagverk` programs against a real share directory.
#include "CentralTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;

namespace {

// A participant and a staff member of Örnsberg whose first names occur at no other site.
constexpr const char* kOrnsbergParticipant = "Wilma";
constexpr const char* kOrnsbergStaff = "Madeleine";

RosterFiles onlySite(RosterFiles r, const std::string& site) {
  std::erase_if(r.sites, [&](const Site& s) { return s.id != site; });
  std::erase_if(r.participants, [&](const Participant& p) { return p.siteId != site; });
  std::erase_if(r.activities, [&](const Activity& a) { return a.siteId != site; });
  std::erase_if(r.staff, [&](const StaffMember& m) { return !m.worksAt(site); });
  for (auto& m : r.staff) m.siteIds = {site};
  return r;
}

struct TwoSites {
  ShareFixture f;
  fs::path liljanData = f.tmp / "kiosk-liljan";
  std::string liljanId;

  TwoSites() {
    ManualClock clock(fromStockholm({2026, 11, 23}, 8, 0));
    // A kiosk set up for Liljan knows nothing of other sites to begin with.
    auto s = store::KioskStore::createWithRoster(liljanData, clock, onlySite(store::demoRoster(), "liljan"), "liljan");
    liljanId = s->deviceId();
    s.reset();
    // Enrolled as an admin does it: a code from central, typed into the kiosk, then accepted.
    const auto offer = centralCli(f.tmp, {"enroll", "--share", f.share.string(), "--keys", f.keys.string(), "--site",
                                          "liljan"});
    REQUIRE(offer.code == 0);
    const auto at = offer.out.find("\n\n    ");
    REQUIRE(at != std::string::npos);
    const std::string code = offer.out.substr(at + 6, 12);
    REQUIRE(kiosk("enroll --data-dir " + shellQuoted(liljanData.string()) + " --share " +
                  shellQuoted(f.share.string()) + " --code " + code)
                .code == 0);
    REQUIRE(centralCli(f.tmp, {"enroll", "--share", f.share.string(), "--keys", f.keys.string(), "--accept"}).code ==
            0);
    f.device("kiosk-ornsberg", "ornsberg");
  }
  CliRun kiosk(const std::string& args) const {
    return runProgram(f.tmp.path(), "/usr/bin/env",
                      "SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy " + shellQuoted(DAGVERK_BIN) + " " + args);
  }
  CliRun publish() const {
    return centralCli(f.tmp, {"publish", "--share", f.share.string(), "--keys", f.keys.string(), "--sites",
                              demoFile("sites.csv"), "--roster", demoFile("participants.csv"), "--activities",
                              demoFile("activities.csv"), "--staff", demoFile("staff.csv")});
  }
  // Every bundle file anywhere under bundles/.
  std::vector<fs::path> bundleFiles() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(f.share / "bundles"))
      if (e.is_regular_file() && e.path().extension() == ".bundle") out.push_back(e.path());
    return out;
  }
  std::string rawDatabase() const {
    std::string all = readBytes(liljanData / store::kDatabaseFileName);
    const fs::path wal = liljanData / (std::string(store::kDatabaseFileName) + "-wal");
    if (fs::exists(wal)) all += readBytes(wal);
    return all;
  }
};

} // namespace

TEST_CASE("site bundles: a Liljan kiosk opens no bundle that names Örnsberg's people, and its database never holds them") {
  TwoSites t;
  REQUIRE(t.publish().code == 0);
  const auto device = sync::loadOrCreateDeviceKey(t.liljanData, t.liljanId);
  int opened = 0;
  for (const auto& file : t.bundleFiles()) {
    INFO("bundle " << file.string());
    try {
      const auto b = sync::openBundle(readBytes(file), t.f.centralKeys.signPk, device);
      ++opened;
      CHECK_FALSE(contains(b.participantsCsv, kOrnsbergParticipant));
      CHECK_FALSE(contains(b.staffCsv, kOrnsbergStaff));
      CHECK_FALSE(contains(b.sitesCsv, "ornsberg"));
    } catch (const DagverkError& e) {
      CHECK(e.code() == ErrorCode::BundleRejected); // not addressed to this kiosk
    }
  }
  CHECK(opened == 1);
  const auto r = t.kiosk("sync --data-dir " + shellQuoted(t.liljanData.string()) + " --share " +
                         shellQuoted(t.f.share.string()));
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "Nytt register (version 1) har lagts in."));
  const std::string raw = t.rawDatabase();
  CHECK(contains(raw, "Dalia")); // Liljan's own participant is there
  CHECK_FALSE(contains(raw, kOrnsbergParticipant));
  CHECK_FALSE(contains(raw, kOrnsbergStaff));
}

TEST_CASE("site bundles: staff who work at several sites, and admins of every site, are sent to those sites only, each naming that site alone") {
  TwoSites t;
  REQUIRE(t.publish().code == 0);
  const sync::ShareLayout layout{t.f.share};
  const auto staffOf = [&](const std::string& site) {
    return sync::openBundleAsCentral(readBytes(layout.siteBundleFile(site, 1)), t.f.centralKeys).staffCsv;
  };
  const std::string liljan = staffOf("liljan"), ornsberg = staffOf("ornsberg"), trofast = staffOf("trofast");
  // S059 works at liljan, trofast and vaxtverket; S062 is an admin of every site ("*").
  CHECK(contains(liljan, "\nS059,liljan,Ann-Sofie,"));
  CHECK(contains(trofast, "\nS059,trofast,Ann-Sofie,"));
  CHECK_FALSE(contains(ornsberg, "S059,"));
  CHECK(contains(liljan, "\nS062,liljan,Ronja,A,admin,"));
  CHECK(contains(ornsberg, "\nS062,ornsberg,Ronja,A,admin,"));
  CHECK_FALSE(contains(liljan, "trofast"));
  CHECK_FALSE(contains(liljan, "*"));
  // Örnsberg's bundle is sealed to Örnsberg's kiosk, not to Liljan's.
  const auto liljanKey = sync::loadOrCreateDeviceKey(t.liljanData, t.liljanId);
  CHECK(errorFrom([&] {
          sync::openBundle(readBytes(layout.siteBundleFile("ornsberg", 1)), t.f.centralKeys.signPk, liljanKey);
        }).code() == ErrorCode::BundleRejected);
  // The unit's whole roster is for central alone.
  CHECK(errorFrom([&] {
          sync::openBundle(readBytes(layout.bundleFile(1)), t.f.centralKeys.signPk, liljanKey);
        }).code() == ErrorCode::BundleRejected);
}
