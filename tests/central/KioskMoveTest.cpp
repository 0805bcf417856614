// A kiosk that moves to another site, end to end: the real `dagverk` against a real share that
// the real `dagverk-central` imports. Every batch central receives holds events of one site
// only, and the kiosk never says "sent" about a batch central would quarantine.
#include "CentralTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;

namespace {

// One kiosk at Liljan with two check-ins, enrolled at central, and the central share.
struct MovingKiosk {
  ShareFixture f;
  fs::path data = f.tmp / "kiosk-data";
  std::string d = "--data-dir " + shellQuoted(data.string());
  std::string deviceId;

  MovingKiosk() {
    ManualClock clock(fromStockholm({2026, 11, 23}, 8, 0));
    auto s = store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
    store::perform(*s, cmd::CheckIn{"P0001", std::nullopt});
    store::perform(*s, cmd::CheckIn{"P0002", std::nullopt});
    deviceId = s->deviceId();
    s.reset();
    enroll("liljan");
  }
  // The kiosk program; the window (when it starts one) is off screen.
  CliRun kiosk(const std::string& args) const {
    return runProgram(f.tmp.path(), "/usr/bin/env",
                      "SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy " + shellQuoted(DAGVERK_BIN) + " " + args);
  }
  CliRun sync() const { return kiosk("sync " + d + " --share " + shellQuoted(f.share.string())); }
  // Starting the kiosk with --site is what moves it.
  CliRun move(const std::string& site) const { return kiosk(d + " --site " + site + " --software --frames 1"); }
  // A code from central (with --replace once the kiosk is enrolled), typed into the kiosk,
  // accepted by central.
  void enroll(const std::string& site) {
    std::vector<std::string> args = {"enroll", "--share", f.share.string(), "--keys", f.keys.string(), "--site", site};
    if (enrolled) args.push_back("--replace");
    const auto offer = centralCli(f.tmp, args);
    REQUIRE(offer.code == 0);
    const auto at = offer.out.find("\n\n    ");
    REQUIRE(at != std::string::npos);
    const std::string code = offer.out.substr(at + 6, 12);
    REQUIRE(kiosk("enroll " + d + " --share " + shellQuoted(f.share.string()) + " --code " + code).code == 0);
    const auto accepted =
        centralCli(f.tmp, {"enroll", "--share", f.share.string(), "--keys", f.keys.string(), "--accept"});
    INFO(accepted.out);
    REQUIRE(accepted.code == 0);
    enrolled = true;
  }
  bool enrolled = false;
  CliRun import() const {
    return centralCli(f.tmp, {"import", "--share", f.share.string(), "--keys", f.keys.string(), "--db", f.db.string()});
  }
  std::string boundSite() const {
    const auto r = kiosk("status " + d + " --json");
    REQUIRE(r.code == 0);
    return r.out.substr(r.out.find("\"site\":\"") + 8, r.out.find("\",\"siteName\"") - r.out.find("\"site\":\"") - 8);
  }
  std::vector<std::string> quarantined() const {
    std::vector<std::string> all;
    for (const auto& dir : platform::listDirectories(f.share / "quarantine"))
      for (const auto& name : platform::listFiles(f.share / "quarantine" / dir)) all.push_back(dir + "/" + name);
    return all;
  }
};

} // namespace

TEST_CASE("kiosk move: a kiosk with records central has not acknowledged refuses to move, and moves once they are") {
  MovingKiosk k;
  // Not yet sent.
  auto r = k.move("ornsberg");
  CHECK(r.code == 1);
  CHECK(contains(r.err, "Kiosken har 2 poster som inte är kvitterade av central. Synkronisera först."));
  CHECK(k.boundSite() == "liljan");

  // Sent, but no receipt yet: still waiting, since the next batch would carry them again.
  r = k.sync();
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "Skickade 2 poster"));
  r = k.move("ornsberg");
  CHECK(r.code == 1);
  CHECK(contains(r.err, "Kiosken har 2 poster som inte är kvitterade av central."));
  CHECK(k.boundSite() == "liljan");

  // Imported and acknowledged: now it moves, and what it records next imports cleanly.
  REQUIRE(k.import().code == 0);
  r = k.sync();
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "bekräftat att den tagit emot 2 poster"));
  r = k.move("ornsberg");
  CHECK(r.code == 0);
  CHECK(k.boundSite() == "ornsberg");
  k.enroll("ornsberg");
  REQUIRE(k.kiosk("checkin " + k.d + " --participant P0036").code == 0);
  r = k.sync();
  CHECK(r.code == 0);
  const auto imported = k.import();
  CHECK(imported.code == 0);
  CHECK(k.quarantined().empty());
}

TEST_CASE("kiosk move: a kiosk that already holds unsent events of two sites refuses to write a batch") {
  MovingKiosk k;
  {
    // A kiosk moved before moves were refused: its queue holds Liljan's and Örnsberg's events.
    ManualClock clock(fromStockholm({2026, 11, 23}, 9, 0));
    auto s = store::KioskStore::open(k.data, clock);
    s->roster().bindToSite("ornsberg");
    store::perform(*s, cmd::CheckIn{"P0036", std::nullopt});
  }
  k.enroll("ornsberg");
  const auto r = k.sync();
  CHECK(r.code == 1);
  CHECK_FALSE(contains(r.out, "Skickade"));
  CHECK(contains(r.err, "två verksamheter"));
  CHECK(contains(r.err, "liljan"));
  CHECK(contains(r.err, "ornsberg"));
  // Nothing was written, so there is nothing for central to quarantine.
  CHECK(platform::listFiles(sync::ShareLayout{k.f.share}.inboxDir("ornsberg", k.deviceId)).empty());
  CHECK(k.import().code == 0);
  CHECK(k.quarantined().empty());
  RawDb raw(k.data / store::kDatabaseFileName);
  CHECK(raw.integer("SELECT count(*) FROM sync_batch") == 0);
  CHECK(contains(raw.text("SELECT value FROM setting WHERE key = 'last_sync_result'"), "Misslyckades"));
}
