// The central database: schema, dedupe, clock flags, gaps, refusal of foreign files.
#include "CentralTestSupport.hpp"

#include "central/CentralMigrations.hpp"
#include "store/Database.hpp"
#include "store/Migrations.hpp"

using namespace dagverk;
using namespace dagverk::test;
using central::CentralStore;

namespace {

sync::DeviceKey fakeDevice(const std::string& id) {
  sync::DeviceKey k;
  k.deviceId = id;
  return k;
}

std::vector<std::vector<std::string>> dumpEvents(const fs::path& db) {
  RawDb raw(db);
  return raw.rows("SELECT id, device_id, seq, recorded_utc, site_id, kind, subject_id, payload, local_date "
                  "FROM event ORDER BY device_id, seq");
}

} // namespace

TEST_CASE("central store: a new database is marked central and carries the schema") {
  TempDir tmp("cs");
  const fs::path file = tmp / "c.sqlite";
  {
    auto store = CentralStore::open(file);
    CHECK(store->eventCount() == 0);
    CHECK(store->rosterVersion() == 0);
    CHECK(store->deviceStatus().empty());
  }
  RawDb raw(file);
  CHECK(raw.text("SELECT value FROM meta WHERE key = 'kind'") == "dagverk-central");
  CHECK(raw.integer("PRAGMA user_version") == central::latestCentralSchemaVersion());
  CHECK(raw.text("PRAGMA journal_mode") == "wal");
  // Opening again migrates nothing and keeps the data.
  CHECK(CentralStore::openExisting(file)->eventCount() == 0);
}

TEST_CASE("central store: openExisting refuses a missing file and creates nothing") {
  TempDir tmp("cs");
  const auto e = errorFrom([&] { CentralStore::openExisting(tmp / "none.sqlite"); });
  CHECK(e.code() == ErrorCode::DataDirMissing);
  CHECK(contains(e.swedish(), "finns inte"));
  CHECK_FALSE(fs::exists(tmp / "none.sqlite"));
}

TEST_CASE("central store: a batch imports once, and the same id with the same hash is a no-op") {
  TempDir tmp("cs");
  auto store = CentralStore::open(tmp / "c.sqlite");
  const auto dev = fakeDevice("kioskA");
  const auto b = ShareFixture::batch(dev, "liljan", 1, 1, 5, baseTime());
  const auto r1 = store->importBatch(b, std::string(64, 'a'), "00000001-x.batch", baseTime() + kHour);
  CHECK_FALSE(r1.alreadyImported);
  CHECK_FALSE(r1.hashConflict);
  CHECK(r1.newEvents == 5);
  CHECK(r1.duplicateEvents == 0);
  const auto r2 = store->importBatch(b, std::string(64, 'a'), "00000001-x.batch", baseTime() + 2 * kHour);
  CHECK(r2.alreadyImported);
  CHECK(r2.newEvents == 0);
  CHECK(store->eventCount() == 5);
  const auto known = store->findBatch(b.batchId);
  REQUIRE(known);
  CHECK(known->newEvents == 5);
  CHECK(known->eventCount == 5);
  CHECK(known->importedUtc == baseTime() + kHour); // the second call changed nothing
  const auto st = store->deviceStatus();
  REQUIRE(st.size() == 1);
  CHECK(st[0].events == 5);
  CHECK(st[0].lastBatchSeq == 1);
  CHECK(st[0].maxSeq == 5);
  CHECK(st[0].lastSeenUtc == baseTime() + kHour);
}

TEST_CASE("central store: the same batch id with another hash imports nothing") {
  TempDir tmp("cs");
  auto store = CentralStore::open(tmp / "c.sqlite");
  const auto dev = fakeDevice("kioskA");
  auto b = ShareFixture::batch(dev, "liljan", 1, 1, 3, baseTime());
  store->importBatch(b, std::string(64, 'a'), "f.batch", baseTime());
  auto other = ShareFixture::batch(dev, "liljan", 2, 4, 3, baseTime() + kDay);
  other.batchId = b.batchId;
  const auto r = store->importBatch(other, std::string(64, 'b'), "g.batch", baseTime() + kDay);
  CHECK(r.hashConflict);
  CHECK_FALSE(r.alreadyImported);
  CHECK(r.newEvents == 0);
  CHECK(store->eventCount() == 3);
  CHECK(store->findBatch(b.batchId)->sha256 == std::string(64, 'a'));
}

TEST_CASE("central store: re-sent events are duplicates, never imported twice") {
  TempDir tmp("cs");
  auto store = CentralStore::open(tmp / "c.sqlite");
  const auto dev = fakeDevice("kioskA");
  const auto b1 = ShareFixture::batch(dev, "liljan", 1, 1, 4, baseTime());
  store->importBatch(b1, std::string(64, '1'), "1.batch", baseTime());
  // Batch 2 re-sends events 3 and 4 (no receipt reached the kiosk) and adds 5 and 6.
  auto b2 = ShareFixture::batch(dev, "liljan", 2, 3, 4, baseTime() + 2 * kMinute);
  const auto r = store->importBatch(b2, std::string(64, '2'), "2.batch", baseTime() + kDay);
  CHECK(r.newEvents == 2);
  CHECK(r.duplicateEvents == 2);
  CHECK(store->eventCount() == 6);
  CHECK(store->deviceStatus()[0].events == 6);
  RawDb raw(tmp / "c.sqlite");
  // The re-sent events keep the batch they first came in.
  CHECK(raw.integer("SELECT count(*) FROM event WHERE batch_id = '" + b1.batchId + "'") == 4);
}

TEST_CASE("central store: an event of another device, or a sequence reused by another id, rejects the batch") {
  TempDir tmp("cs");
  auto store = CentralStore::open(tmp / "c.sqlite");
  const auto dev = fakeDevice("kioskA");
  auto b = ShareFixture::batch(dev, "liljan", 1, 1, 3, baseTime());
  b.events[1].deviceId = "kioskB";
  auto e = errorFrom([&] { store->importBatch(b, std::string(64, 'a'), "f.batch", baseTime()); });
  CHECK(e.code() == ErrorCode::BatchRejected);
  CHECK(contains(e.english(), "another device"));
  CHECK(store->eventCount() == 0);
  CHECK_FALSE(store->findBatch(b.batchId));

  const auto good = ShareFixture::batch(dev, "liljan", 1, 1, 3, baseTime());
  store->importBatch(good, std::string(64, 'a'), "f.batch", baseTime());
  auto clash = ShareFixture::batch(dev, "liljan", 2, 3, 2, baseTime() + kDay); // seq 3 again ...
  clash.events[0].id = uuidFor(baseTime() + kDay, 777);                        // ... with a new id
  e = errorFrom([&] { store->importBatch(clash, std::string(64, 'c'), "g.batch", baseTime() + kDay); });
  CHECK(e.code() == ErrorCode::BatchRejected);
  CHECK(contains(e.english(), "sequence 3"));
  CHECK(store->eventCount() == 3); // nothing of the rejected batch, not even its seq 4
  CHECK_FALSE(store->findBatch(clash.batchId));
}

TEST_CASE("central store: two kiosks checking in the same person keep both events, counted once a day") {
  TempDir tmp("cs");
  auto store = CentralStore::open(tmp / "c.sqlite");
  const auto a = fakeDevice("kioskA"), b = fakeDevice("kioskB");
  sync::BatchContents ba = ShareFixture::batch(a, "liljan", 1, 1, 0, baseTime());
  sync::BatchContents bb = ShareFixture::batch(b, "liljan", 1, 1, 0, baseTime());
  ba.events.push_back(ShareFixture::checkIn("kioskA", "liljan", 1, fromStockholm({2026, 11, 16}, 8, 55), "P0001"));
  bb.events.push_back(ShareFixture::checkIn("kioskB", "liljan", 1, fromStockholm({2026, 11, 16}, 8, 57), "P0001"));
  // 23:30 UTC on Monday is already Tuesday in Stockholm: its own local day.
  bb.events.push_back(ShareFixture::checkIn("kioskB", "liljan", 2, fromStockholm({2026, 11, 17}, 0, 30), "P0001"));
  store->importBatch(ba, std::string(64, 'a'), "a.batch", baseTime() + kDay);
  store->importBatch(bb, std::string(64, 'b'), "b.batch", baseTime() + kDay);
  RawDb raw(tmp / "c.sqlite");
  CHECK(raw.integer("SELECT count(*) FROM event WHERE subject_id = 'P0001' AND kind = 'CheckedIn'") == 3);
  CHECK(raw.integer("SELECT count(*) FROM (SELECT DISTINCT subject_id, local_date FROM event "
                    "WHERE kind = 'CheckedIn' AND local_date = '2026-11-16')") == 1);
  CHECK(raw.integer("SELECT count(*) FROM (SELECT DISTINCT subject_id, local_date FROM event "
                    "WHERE kind = 'CheckedIn')") == 2);
  CHECK(raw.text("SELECT local_date FROM event WHERE device_id = 'kioskB' AND seq = 2") == "2026-11-17");
}

TEST_CASE("central store: wall times earlier than the previous event, or a day ahead, are flagged") {
  TempDir tmp("cs");
  auto store = CentralStore::open(tmp / "c.sqlite");
  const auto dev = fakeDevice("kioskA");
  const UtcMs now = baseTime() + kDay;
  auto b1 = ShareFixture::batch(dev, "liljan", 1, 1, 3, baseTime());
  b1.events[2].recordedUtc = baseTime() - kHour; // clock set back an hour before event 3
  store->importBatch(b1, std::string(64, '1'), "1.batch", now);
  auto st = store->deviceStatus();
  CHECK(st[0].clockBack == 1);
  CHECK(st[0].clockFuture == 0);
  // Across batches: event 4 earlier than the stored event 3 is not flagged (3 was early);
  // event 5 a year ahead is "future"; event 6 back from the future is "back".
  auto b2 = ShareFixture::batch(dev, "liljan", 2, 4, 3, baseTime());
  b2.events[1].recordedUtc = now + 365 * kDay;
  store->importBatch(b2, std::string(64, '2'), "2.batch", now);
  st = store->deviceStatus();
  CHECK(st[0].clockFuture == 1);
  CHECK(st[0].clockBack == 2);
  RawDb raw(tmp / "c.sqlite");
  CHECK(raw.rows("SELECT seq, kind FROM clock_flag ORDER BY seq, kind") ==
        std::vector<std::vector<std::string>>{{"3", "back"}, {"5", "future"}, {"6", "back"}});
  // Events keep their device order whatever the wall clock said.
  CHECK(raw.rows("SELECT seq FROM event ORDER BY seq").size() == 6);
}

TEST_CASE("central store: clock flags do not depend on the order batches arrive in") {
  TempDir tmp("cs");
  const auto dev = fakeDevice("kioskA");
  auto b1 = ShareFixture::batch(dev, "liljan", 1, 1, 3, baseTime() + kHour);
  auto b2 = ShareFixture::batch(dev, "liljan", 2, 4, 3, baseTime()); // wall clock went back an hour at seq 4
  std::vector<std::vector<std::vector<std::string>>> flags;
  for (int order = 0; order < 2; ++order) {
    const fs::path file = tmp / ("c" + std::to_string(order) + ".sqlite");
    auto store = CentralStore::open(file);
    if (order == 0) {
      store->importBatch(b1, std::string(64, '1'), "1", baseTime() + kDay);
      store->importBatch(b2, std::string(64, '2'), "2", baseTime() + kDay);
    } else {
      store->importBatch(b2, std::string(64, '2'), "2", baseTime() + kDay);
      store->importBatch(b1, std::string(64, '1'), "1", baseTime() + kDay);
    }
    CHECK(store->deviceStatus()[0].clockBack == 1);
    RawDb raw(file);
    flags.push_back(raw.rows("SELECT event_id, seq, kind, recorded_utc, previous_utc FROM clock_flag"));
  }
  CHECK(flags[0] == flags[1]);
  REQUIRE(flags[0].size() == 1);
  CHECK(flags[0][0][1] == "4");
}

TEST_CASE("central store: sequence gaps and batch numbers never seen are reported, and close when re-sent") {
  TempDir tmp("cs");
  auto store = CentralStore::open(tmp / "c.sqlite");
  const auto dev = fakeDevice("kioskA");
  store->importBatch(ShareFixture::batch(dev, "liljan", 1, 1, 10, baseTime()), std::string(64, '1'), "1", baseTime());
  store->importBatch(ShareFixture::batch(dev, "liljan", 3, 21, 5, baseTime()), std::string(64, '3'), "3", baseTime());
  store->importBatch(ShareFixture::batch(dev, "liljan", 5, 28, 2, baseTime()), std::string(64, '5'), "5", baseTime());
  auto st = store->deviceStatus();
  REQUIRE(st.size() == 1);
  CHECK(st[0].seqGaps == std::vector<std::pair<std::int64_t, std::int64_t>>{{11, 20}, {26, 27}});
  CHECK(st[0].missingBatches == std::vector<std::int64_t>{2, 4});
  CHECK(st[0].lastBatchSeq == 5);
  CHECK(st[0].maxSeq == 29);
  // The kiosk re-sends what stayed unacknowledged in its next batch.
  auto resend = ShareFixture::batch(dev, "liljan", 6, 11, 10, baseTime());
  const auto tail = ShareFixture::batch(dev, "liljan", 6, 26, 2, baseTime());
  resend.events.insert(resend.events.end(), tail.events.begin(), tail.events.end());
  store->importBatch(resend, std::string(64, '6'), "6", baseTime() + kDay);
  st = store->deviceStatus();
  CHECK(st[0].seqGaps.empty());
  CHECK(st[0].events == 29);
  CHECK(st[0].missingBatches == std::vector<std::int64_t>{2, 4});
}

TEST_CASE("central store: the roster is replaced only by a newer version") {
  TempDir tmp("cs");
  auto store = CentralStore::open(tmp / "c.sqlite");
  RosterFiles roster = parseRosterCsv(readBytes(demoFile("sites.csv")), readBytes(demoFile("participants.csv")),
                                      readBytes(demoFile("activities.csv")));
  parseStaffCsv(readBytes(demoFile("staff.csv")), roster);
  store->storeRoster(roster, 3, LocalDate{2026, 1, 12});
  CHECK(store->rosterVersion() == 3);
  RawDb raw(tmp / "c.sqlite");
  CHECK(raw.integer("SELECT count(*) FROM roster_participant") == static_cast<long long>(roster.participants.size()));
  CHECK(raw.integer("SELECT count(*) FROM roster_staff") == static_cast<long long>(roster.staff.size()));
  // No PIN hash reaches the central database.
  CHECK(raw.rows("SELECT 1 FROM pragma_table_info('roster_staff') WHERE name LIKE '%pin%'").empty());
  RosterFiles smaller = roster;
  smaller.participants.resize(1);
  store->storeRoster(smaller, 2, LocalDate{2026, 2, 2}); // older: ignored
  CHECK(raw.integer("SELECT count(*) FROM roster_participant") == static_cast<long long>(roster.participants.size()));
  store->storeRoster(smaller, 4, LocalDate{2026, 3, 2});
  CHECK(raw.integer("SELECT count(*) FROM roster_participant") == 1);
  CHECK(store->rosterVersion() == 4);
}

TEST_CASE("central store: roster history keeps who was on which roster on which day") {
  TempDir tmp("cs");
  auto store = CentralStore::open(tmp / "c.sqlite");
  RosterFiles roster;
  roster.sites.push_back(Site{"s1", "Ett", 4, 8 * 60, 16 * 60});
  roster.sites.push_back(Site{"s2", "Två", 4, 8 * 60, 16 * 60});
  const auto person = [](const std::string& id, const std::string& site, const std::string& weekdays, bool active) {
    Participant p;
    p.id = id;
    p.siteId = site;
    p.firstName = id;
    p.initial = "X";
    p.expectedWeekdays = *parseWeekdays(weekdays);
    p.active = active;
    return p;
  };
  roster.participants = {person("stays", "s1", "12345", true), person("leaves", "s1", "12345", true),
                         person("moves", "s1", "135", true), person("never", "s1", "12345", false)};
  store->storeRoster(roster, 1, LocalDate{2025, 3, 3});
  RosterFiles next = roster;
  next.participants = {person("stays", "s1", "12345", true), person("leaves", "s1", "12345", false),
                       person("moves", "s2", "135", true), person("joins", "s1", "24", true),
                       person("never", "s1", "12345", false)};
  store->storeRoster(next, 2, LocalDate{2025, 5, 12});
  RawDb raw(tmp / "c.sqlite");
  std::vector<std::string> spells;
  for (const auto& r : raw.rows("SELECT participant_id || ' ' || site_id || ' ' || weekdays || ' ' || valid_from || "
                               "' ' || coalesce(valid_to, '-') || ' ' || source || ' ' || source_ref "
                                "FROM roster_spell ORDER BY participant_id, valid_from"))
    spells.push_back(r.at(0));
  // The first roster central holds is valid since before any record; the next one from its day.
  CHECK(spells == std::vector<std::string>{"joins s1 24 2025-05-12 - bundle 2",
                                           "leaves s1 12345 1900-01-01 2025-05-11 bundle 1",
                                           "moves s1 135 1900-01-01 2025-05-11 bundle 1",
                                           "moves s2 135 2025-05-12 - bundle 2",
                                           "never s1  1900-01-01 1900-01-01 bundle 1",
                                           "stays s1 12345 1900-01-01 - bundle 1"});
}

TEST_CASE("central store: a kiosk database is refused and left byte for byte unchanged") {
  TempDir tmp("cs");
  const fs::path file = tmp / "dagverk.sqlite";
  {
    store::Database kiosk(file, store::Database::Mode::CreateNew);
    store::migrate(kiosk);
    kiosk.exec("INSERT INTO meta(key, value) VALUES ('site_id', 'liljan'), ('device_id', 'dev1')");
  }
  const std::string before = readBytes(file);
  const auto names = listDir(tmp.path());
  for (int existing = 0; existing < 2; ++existing) {
    const auto e = errorFrom([&] {
      if (existing) CentralStore::openExisting(file);
      else CentralStore::open(file);
    });
    CHECK(e.code() == ErrorCode::BadInput);
    CHECK(contains(e.swedish(), "inte en central Dagverk-databas"));
    CHECK(contains(e.english(), "left untouched"));
  }
  CHECK(readBytes(file) == before);
  CHECK(listDir(tmp.path()) == names);
}

TEST_CASE("central store: a file that is not SQLite, an empty file and a newer schema are refused") {
  TempDir tmp("cs");
  const fs::path text = tmp / "notes.sqlite";
  writeBytes(text, std::string("this is not a database, just some text that is long enough to be a header"));
  auto e = errorFrom([&] { CentralStore::open(text); });
  CHECK(e.code() == ErrorCode::BadInput);
  CHECK(contains(e.english(), "not an SQLite file"));

  const fs::path empty = tmp / "empty.sqlite";
  writeBytes(empty, "");
  e = errorFrom([&] { CentralStore::open(empty); });
  CHECK(e.code() == ErrorCode::DatabaseCorrupt);
  CHECK(fs::file_size(empty) == 0);

  const fs::path newer = tmp / "newer.sqlite";
  CentralStore::open(newer);
  {
    RawDb raw(newer);
    raw.exec("PRAGMA user_version = " + std::to_string(central::latestCentralSchemaVersion() + 1));
    raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  const std::string before = readBytes(newer);
  e = errorFrom([&] { CentralStore::open(newer); });
  CHECK(e.code() == ErrorCode::DatabaseTooNew);
  CHECK(contains(e.swedish(), "nyare version"));
  CHECK(readBytes(newer) == before);
}

TEST_CASE("central store: lastSyncPerSite gives each site's newest batch time") {
  TempDir tmp("cs");
  auto store = CentralStore::open(tmp / "c.sqlite");
  const auto a = fakeDevice("kioskA"), b = fakeDevice("kioskB");
  auto b1 = ShareFixture::batch(a, "liljan", 1, 1, 2, baseTime());
  auto b2 = ShareFixture::batch(a, "liljan", 2, 3, 2, baseTime() + kDay);
  auto b3 = ShareFixture::batch(b, "ornsberg", 1, 1, 2, baseTime());
  store->importBatch(b1, std::string(64, '1'), "1", baseTime() + 2 * kDay);
  store->importBatch(b2, std::string(64, '2'), "2", baseTime() + 2 * kDay);
  store->importBatch(b3, std::string(64, '3'), "3", baseTime() + 2 * kDay);
  const auto last = store->lastSyncPerSite();
  REQUIRE(last.size() == 2);
  CHECK(last[0] == std::pair<std::string, UtcMs>{"liljan", b2.createdUtc});
  CHECK(last[1] == std::pair<std::string, UtcMs>{"ornsberg", b3.createdUtc});
  CHECK(dumpEvents(tmp / "c.sqlite").size() == 6);
}

TEST_CASE("central store: files an interrupted creation left behind are removed when old, kept when recent") {
  TempDir tmp("cs");
  const fs::path file = tmp / "c.sqlite";
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
  for (const char* name : {"c.sqlite.new-123", "c.sqlite.new-123-journal", "c.sqlite.new-123-wal",
                           "c.sqlite.new-123-shm", "c.sqlite.new-abc", "d.sqlite.new-123"}) {
    writeBytes(tmp / name, "left over");
    fs::last_write_time(tmp / name, old);
  }
  writeBytes(tmp / "c.sqlite.new-456", "another import making it right now");
  CentralStore::open(file);
  for (const char* gone : {"c.sqlite.new-123", "c.sqlite.new-123-journal", "c.sqlite.new-123-wal", "c.sqlite.new-123-shm"})
    CHECK_FALSE(fs::exists(tmp / gone));
  for (const char* kept : {"c.sqlite.new-abc", "d.sqlite.new-123", "c.sqlite.new-456"}) CHECK(fs::exists(tmp / kept));
  // Its own private files are gone too: only the database (and SQLite's WAL files) is new.
  for (const auto& e : fs::directory_iterator(tmp.path())) {
    const std::string n = e.path().filename().string();
    if (n.rfind("c.sqlite.new-", 0) == 0) CHECK((n == "c.sqlite.new-abc" || n == "c.sqlite.new-456"));
  }
  RawDb raw(file);
  CHECK(raw.text("PRAGMA journal_mode") == "wal");
}
