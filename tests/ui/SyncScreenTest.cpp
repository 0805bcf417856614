// The "Synkronisera" screen and the home screen's sync note through the real kiosk loop: an
// assistant manager signs in with a PIN, opens the screen, syncs to a real share directory
// (the sync runs on the kiosk's worker thread) and sees the result; plain staff see no button;
// the home screen warns after 14 days without a sync.
#include "KioskDriver.hpp"
#include "store/DemoUnit.hpp"
#include "platform/FileSystem.hpp"
#include "sync/KioskSync.hpp"
#include "sync/Enrolment.hpp"
#include "sync/KioskEnrolment.hpp"
#include "sync/SyncFormat.hpp"

#include <sodium.h>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace dagverk;
using dagverk::test::firstStaff;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;

namespace fs = std::filesystem;

namespace {

constexpr const char* kAssistantManager = "S059"; // Ann-Sofie M., demo PIN 1059
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

// A share directory with a marker and fresh central keys, removed at the end.
struct Share {
  fs::path root, keys;
  sync::CentralKeys central;
  explicit Share(KioskDriver& k) {
    root = k.dataDir().string() + "-share";
    keys = k.dataDir().string() + "-keys";
    fs::remove_all(root);
    fs::remove_all(keys);
    fs::create_directories(root);
    central = sync::createCentralKeys(keys);
    sync::ShareMarker m;
    m.unit = "Testenheten";
    m.centralBoxPk = central.boxPk;
    m.centralSignPk = central.signPk;
    sync::signMarker(m, central.signSk);
    platform::writeFileNoReplace(root / sync::kMarkerFileName, sync::encodeMarker(m));
    // Enrolled as an admin does it: central's offer for a one-time code, the code on the kiosk.
    const std::string code = "K7RM4XQ2HW";
    auto offer = sync::publishOffer(root, central, m.unit, k.store().roster().boundSiteId(), code,
                                    k.clock().nowUtc() + sync::kEnrolCodeLifetimeMs);
    sodium_memzero(offer.key.data(), offer.key.size());
    sync::enrolKiosk(k.store(), k.dataDir(), root, code, k.clock());
  }
  ~Share() {
    std::error_code ec;
    fs::remove_all(root, ec);
    fs::remove_all(keys, ec);
  }
};

// Lets the loop run until the sync worker is idle (at most ~20 s).
void waitForWorker(KioskDriver& k) {
  for (int i = 0; i < 2000 && k.app().syncWorkerBusy(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    k.settle();
  }
  REQUIRE_FALSE(k.app().syncWorkerBusy());
  k.settle();
}

std::int64_t queued(const ui::KioskModel& m, const std::string& label) {
  for (const auto& [l, n] : m.sync.queued)
    if (l == label) return n;
  return 0;
}

// Holds the database's write lock from a second connection, so the sync worker waits at its
// first write (recording the batch) and the progress bar can be seen.
class WriteLock {
public:
  explicit WriteLock(const fs::path& file) {
    REQUIRE(sqlite3_open(file.c_str(), &db_) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  }
  ~WriteLock() { release(); }
  void release() {
    if (!db_) return;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
  }

private:
  sqlite3* db_ = nullptr;
};

} // namespace

TEST_CASE("An assistant manager syncs from the Synkronisera screen and sees the result", "[ui][sync][threads]") {
  KioskDriver k("sync", mondayMorning());
  Share share(k);
  k.store().settings().setValue(store::kSettingSharePath, share.root.string());
  k.tapButton("enter-grid");
  k.tapTile("P0001");
  k.advance(10'100);
  k.tapButton("enter-grid");
  k.tapTile("P0003");
  k.advance(10'100);
  k.settle("sync-00-home-never-synced");
  CHECK(k.screens().buttonRect("sync-note").has_value());

  k.signInAsStaff(kAssistantManager, KioskDriver::demoPin(kAssistantManager));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.settle("sync-01-dashboard-assistant-manager");
  k.tapButton("open-sync");
  REQUIRE(k.screens().screen() == ui::ScreenId::Sync);
  waitForWorker(k); // the share check
  k.settle("sync-02-screen-before");
  const auto& model = k.app().model();
  CHECK(model.sync.share == ui::KioskModel::SyncView::Share::Reachable);
  CHECK(queued(model, "Incheckningar") == 2);
  CHECK_FALSE(model.sync.lastSyncUtc);
  CHECK(model.find("P9001") == nullptr);
  // Central has published a roster with one more participant, for this kiosk.
  {
    sync::BundleContents b;
    b.version = 1;
    b.sitesCsv = store::kDemoSitesCsv;
    b.participantsCsv = std::string(store::kDemoParticipantsCsv) + "P9001,liljan,Zackarias,Q,12345,\n";
    b.activitiesCsv = store::kDemoActivitiesCsv;
    b.staffCsv = store::kDemoStaffCsv;
    const auto device = sync::loadOrCreateDeviceKey(k.dataDir(), k.store().deviceId());
    const sync::ShareLayout layout{share.root};
    platform::createDirectories(layout.siteBundlesDir("liljan"));
    platform::writeFileNoReplace(layout.siteBundleFile("liljan", 1),
                                 sync::sealBundle(b, share.central, {{device.deviceId, "liljan", device.signPk, device.boxPk}}));
  }

  {
    WriteLock lock(k.dataDir() / store::kDatabaseFileName);
    k.tapButton("sync-now");
    for (int i = 0; i < 500 && model.sync.progress < 0.8; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      k.settle();
    }
    REQUIRE(model.sync.running);
    CHECK(model.sync.progress >= 0.8);
    k.settle("sync-03-progress");
    CHECK(k.screens().buttonRect("sync-progress").has_value());
    CHECK_FALSE(k.screens().buttonRect("sync-now").has_value()); // not tappable while it runs
  }
  waitForWorker(k);
  k.settle("sync-04-result");
  REQUIRE(model.sync.outcome.has_value());
  CHECK(model.sync.outcomeOk);
  CHECK(model.sync.outcome->find("Skickade 2 poster till den centrala mappen.") != std::string::npos);
  CHECK(k.screens().buttonRect("sync-outcome").has_value());
  // The new roster shows at once: the kiosk's own connection noticed the worker's commit.
  CHECK(model.sync.outcome->find("Nytt register (version 1) har lagts in.") != std::string::npos);
  CHECK(model.find("P9001") != nullptr);
  CHECK(k.store().roster().participant("P9001").firstName == "Zackarias");
  CHECK(model.sync.lastSyncUtc.has_value());
  CHECK(queued(model, "Incheckningar") == 2); // sent, not yet confirmed by central
  const auto inbox = platform::listFiles(sync::ShareLayout{share.root}.inboxDir("liljan", k.store().deviceId()));
  CHECK(inbox.size() == 2);

  // Back on the dashboard and home: the note says when.
  k.tapButton("back");
  CHECK(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.tapButton("back");
  k.settle("sync-05-home-synced");
  CHECK(k.screens().buttonRect("sync-note").has_value());
  CHECK_FALSE(k.screens().buttonRect("sync-warning").has_value());
}

TEST_CASE("An unreachable share is shown on the screen, and a sync there fails with the reason", "[ui][sync][threads]") {
  KioskDriver k("sync-missing", mondayMorning(), 1024, 600); // the small kiosk screen
  k.keepTargetsOnScreen(); // every target tapped and every frame settled lies inside the window
  Share share(k);           // enrolled while the share was there
  k.store().settings().setValue(store::kSettingSharePath, (k.dataDir().string() + "-not-mounted"));
  store::perform(k.store(), cmd::CheckIn{"P0001", std::nullopt});
  k.signInAsStaff(kAssistantManager, KioskDriver::demoPin(kAssistantManager));
  k.tapButton("open-sync");
  waitForWorker(k);
  const auto& model = k.app().model();
  CHECK(model.sync.share == ui::KioskModel::SyncView::Share::Missing);
  CHECK(model.sync.shareProblem.find("Den centrala mappen hittas inte") != std::string::npos);
  k.tapButton("sync-now");
  waitForWorker(k);
  k.settle("sync-06-share-missing");
  REQUIRE(model.sync.outcome.has_value());
  CHECK_FALSE(model.sync.outcomeOk);
  CHECK(model.sync.outcome->find("Den centrala mappen hittas inte") != std::string::npos);
  CHECK(model.sync.lastResult.find("Misslyckades") != std::string::npos);
  CHECK(k.store().ledger().batches().empty());
}

TEST_CASE("Plain staff see no Synkronisera button and cannot open the screen", "[ui][sync]") {
  KioskDriver k("sync-staff", mondayMorning());
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.settle("sync-07-dashboard-plain-staff");
  CHECK_FALSE(k.screens().buttonRect("open-sync").has_value());
  k.screens().go(ui::ScreenId::Sync);
  k.settle();
  CHECK(k.screens().screen() == ui::ScreenId::StaffDashboard);
  CHECK(k.app().startSync(staff) == "Bara biträdande enhetschef eller administratör kan synkronisera.");
}

TEST_CASE("The home screen warns after 14 days without a sync", "[ui][sync]") {
  KioskDriver k("sync-warning", mondayMorning());
  Share share(k);
  store::perform(k.store(), cmd::CheckIn{"P0001", std::nullopt});
  sync::runSync(k.store(), k.dataDir(), share.root, k.clock());
  k.advance(60'000); // the kiosk's minute tick reads the note
  CHECK(k.screens().buttonRect("sync-note").has_value());
  CHECK_FALSE(k.screens().buttonRect("sync-warning").has_value());

  k.advance(14 * kDayMs); // two weeks to the day: still only the note
  CHECK_FALSE(k.screens().buttonRect("sync-warning").has_value());
  k.advance(kDayMs);
  k.settle("sync-08-home-warning");
  CHECK(k.screens().buttonRect("sync-warning").has_value());
  CHECK_FALSE(k.screens().buttonRect("sync-note").has_value());

  // With today's schedule shown the date sits higher: the warning moves beside "Idag".
  SessionDraft d;
  d.activityId = "liljan-a01";
  d.participantIds = {"P0001"};
  d.start = k.clock().nowUtc() + 3600'000;
  d.end = d.start + 3600'000;
  d.planned = true;
  store::perform(k.store(), cmd::LogSession{d, kAssistantManager});
  k.advance(60'000);
  k.settle("sync-09-home-warning-with-schedule");
  const auto warning = k.screens().buttonRect("sync-warning");
  REQUIRE(warning.has_value());
  CHECK(warning->y > 800 * 0.4f); // below the big buttons, on the schedule's title line
  CHECK(warning->z <= 1280.0f);

  // A sync clears the warning.
  sync::runSync(k.store(), k.dataDir(), share.root, k.clock());
  k.advance(60'000);
  CHECK_FALSE(k.screens().buttonRect("sync-warning").has_value());
}

TEST_CASE("A kiosk that never synced counts the 14 days from its first record", "[ui][sync]") {
  KioskDriver k("sync-never", mondayMorning());
  k.advance(60'000);
  CHECK_FALSE(k.screens().buttonRect("sync-warning").has_value()); // nothing recorded yet
  store::perform(k.store(), cmd::CheckIn{"P0001", std::nullopt});
  k.advance(15 * kDayMs);
  CHECK(k.screens().buttonRect("sync-warning").has_value());
}

TEST_CASE("The kiosk's clock moves on while a sync runs on the worker thread", "[ui][sync][threads]") {
  KioskDriver k("sync-clock", mondayMorning());
  Share share(k);
  k.store().settings().setValue(store::kSettingSharePath, share.root.string());
  k.tapButton("enter-grid");
  k.tapTile("P0001");
  k.advance(10'100);
  k.signInAsStaff(kAssistantManager, KioskDriver::demoPin(kAssistantManager));
  k.tapButton("open-sync");
  waitForWorker(k);
  const auto& model = k.app().model();
  {
    // The worker waits at its first write while the loop goes on and time passes.
    WriteLock lock(k.dataDir() / store::kDatabaseFileName);
    k.tapButton("sync-now");
    for (int i = 0; i < 20; ++i) {
      k.advance(1000);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(model.sync.running);
    // A clock set between frames, with nothing else shared in between (the ThreadSanitizer
    // build reports it if the clock is not safe to read from the worker).
    for (int i = 0; i < 200; ++i) k.clock().advanceMs(1);
  }
  for (int i = 0; i < 200 && k.app().syncWorkerBusy(); ++i) {
    k.clock().advanceMs(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  waitForWorker(k);
  REQUIRE(model.sync.outcome.has_value());
  CHECK(model.sync.outcomeOk);
  CHECK(model.sync.lastSyncUtc.has_value());
}
