// What a stolen tablet gives away: a participant's name and records leave the kiosk's database
// file (and its write-ahead log) once central has acknowledged them and they are older than the
// retention setting. Real SQLite files, a real share directory, receipts signed by real keys.
#include "ShareKiosk.hpp"

#include "core/Event.hpp"
#include "platform/FileSystem.hpp"
#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"
#include "store/Retention.hpp"
#include "sync/Enrolment.hpp"
#include "sync/KioskEnrolment.hpp"
#include "sync/KioskSync.hpp"
#include "sync/SyncFormat.hpp"

#include <sodium.h>

using namespace dagverk;
using namespace dagverk::test;

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
// No other participant, staff member or site of the demo unit has this name.
constexpr const char* kUniqueName = "Quortimella";

RosterFiles rosterWithUniqueParticipant() {
  RosterFiles r = store::demoRoster();
  Participant p;
  p.id = "P0999";
  p.siteId = "liljan";
  p.firstName = kUniqueName;
  p.initial = "Z";
  p.expectedWeekdays = {true, true, true, true, true, false, false};
  r.participants.push_back(p);
  return r;
}

struct RetentionKiosk : ShareKiosk {
  RetentionKiosk() : ShareKiosk("retention", rosterWithUniqueParticipant()) {}
  sync::SyncResult run() { return sync::runSync(*store, data, share, clock); }
  // Central's receipt for every batch the kiosk has recorded and central not yet acknowledged.
  void acknowledgeAll() {
    for (const auto& b : store->ledger().batches()) {
      if (b.ackedUtc) continue;
      sync::Receipt r;
      r.deviceId = store->deviceId();
      r.batchSeq = b.batchSeq;
      r.batchId = b.batchId;
      r.sha256 = b.sha256;
      r.importedUtc = clock.nowUtc();
      platform::createDirectories(layout.receiptsDir(store->deviceId()));
      platform::writeFileNoReplace(layout.receiptFile(store->deviceId(), b.batchSeq, b.batchId),
                                   sync::signReceipt(r, central));
    }
  }
  // A roster without the participant of the unique name, for this kiosk's site.
  void publishWithoutUniqueParticipant(std::int64_t version) {
    const sync::BundleContents b = demoBundle(version);
    const auto device = sync::loadOrCreateDeviceKey(data, store->deviceId());
    const fs::path file = layout.siteBundleFile("liljan", version);
    platform::createDirectories(file.parent_path());
    platform::writeFileNoReplace(file, sync::sealBundle(b, central, {{device.deviceId, "liljan", device.signPk, device.boxPk}}));
  }
  // The database file and its write-ahead log, byte for byte, as a thief would read them.
  std::string rawFiles() const {
    std::string all = readBytes(data / store::kDatabaseFileName);
    const fs::path wal = data / (std::string(store::kDatabaseFileName) + "-wal");
    if (fs::exists(wal)) all += readBytes(wal);
    return all;
  }
};

} // namespace

TEST_CASE("retention: a participant who left the roster is gone from the raw database file once their acknowledged records are older than the retention", "[retention]") {
  RetentionKiosk k;
  store::perform(*k.store, cmd::CheckIn{"P0999", std::nullopt});
  k.clock.advanceMs(6 * 60 * 60 * 1000);
  store::perform(*k.store, cmd::CheckOut{"P0999", std::nullopt});
  REQUIRE(k.run().eventsSent == 2);
  k.acknowledgeAll();
  k.publishWithoutUniqueParticipant(1);
  k.clock.advanceMs(60'000);
  const auto applied = k.run();
  REQUIRE(applied.eventsConfirmed == 2);
  REQUIRE(applied.bundleApplied == std::optional<std::int64_t>(1));
  REQUIRE(contains(k.rawFiles(), kUniqueName)); // still within the retention: kept

  // 91 days on (the default retention is 90 days), the next sync is the moment to purge.
  k.clock.advanceMs(91 * kDayMs);
  k.run();
  RawDb raw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
  CHECK(raw.integer("SELECT count(*) FROM event WHERE subject_id = 'P0999'") == 0);
  CHECK(raw.integer("SELECT count(*) FROM participant WHERE id = 'P0999'") == 0);
  const std::string bytes = k.rawFiles();
  CHECK_FALSE(contains(bytes, kUniqueName));
  CHECK_FALSE(contains(bytes, "P0999"));
}

TEST_CASE("retention: keeps what central has not acknowledged and what a kept record still names", "[retention]") {
  RetentionKiosk k;
  store::perform(*k.store, cmd::CheckIn{"P0001", std::nullopt});
  store::perform(*k.store, cmd::CheckIn{"P0002", std::nullopt});
  k.clock.advanceMs(60 * 60 * 1000);
  store::perform(*k.store, cmd::CheckOut{"P0001", std::nullopt});
  const auto out2 = store::perform(*k.store, cmd::CheckOut{"P0002", std::nullopt});
  REQUIRE(k.run().eventsSent == 4);
  k.acknowledgeAll();
  REQUIRE(k.run().eventsConfirmed == 4);
  // Recorded the same day but after the sync: central has not acknowledged it.
  const auto unsent = store::perform(*k.store, cmd::CheckIn{"P0003", std::nullopt});
  // 80 days on, staff correct P0002's check-out of that day: the correction names it, and the
  // check-out names its check-in.
  k.clock.advanceMs(80 * kDayMs);
  store::perform(*k.store, cmd::Correct{out2.at(0).id, "fel_tid", "S001"});
  k.clock.advanceMs(11 * kDayMs);

  const auto result = store::purgeExpired(*k.store, k.clock.nowUtc());
  CHECK(result.eventsDeleted == 2); // P0001's check-in and check-out only
  RawDb raw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
  CHECK(raw.integer("SELECT count(*) FROM event WHERE subject_id = 'P0001'") == 0);
  CHECK(raw.integer("SELECT count(*) FROM event WHERE subject_id = 'P0002' AND kind <> 'Corrected'") == 2);
  CHECK(raw.integer("SELECT count(*) FROM event WHERE id = '" + unsent.at(0).id + "'") == 1);
  // Still listed in the roster: the participant's row stays whatever their records.
  CHECK(raw.integer("SELECT count(*) FROM participant WHERE id = 'P0001'") == 1);
  // The log refuses deletes again once the purge is done.
  CHECK(RawDb(k.data / store::kDatabaseFileName).exec("DELETE FROM event") != SQLITE_OK);
  // Nothing more to delete: a second purge changes nothing.
  CHECK(store::purgeExpired(*k.store, k.clock.nowUtc()).eventsDeleted == 0);
}

TEST_CASE("retention: within the setting nothing is deleted, and a longer setting keeps more", "[retention]") {
  RetentionKiosk k;
  store::perform(*k.store, cmd::CheckIn{"P0001", std::nullopt});
  store::perform(*k.store, cmd::CheckIn{"P0002", std::nullopt});
  store::perform(*k.store, cmd::CheckOut{"P0001", std::nullopt});
  REQUIRE(k.run().eventsSent == 3);
  k.acknowledgeAll();
  REQUIRE(k.run().eventsConfirmed == 3);
  store::setRetentionDays(*k.store, "120");
  k.clock.advanceMs(100 * kDayMs);
  CHECK(store::purgeExpired(*k.store, k.clock.nowUtc()).eventsDeleted == 0);
  k.clock.advanceMs(21 * kDayMs);
  // P0002's visit is still open (no night's rollover ran here): its check-in stays.
  CHECK(store::purgeExpired(*k.store, k.clock.nowUtc()).eventsDeleted == 2);
  RawDb raw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
  CHECK(raw.integer("SELECT count(*) FROM event WHERE subject_id = 'P0002'") == 1);
}
