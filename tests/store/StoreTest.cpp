#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "core/Ids.hpp"
#include "store/KioskStore.hpp"
#include "core/SwedishText.hpp"

#include <algorithm>
#include <map>

using namespace dagverk;
using namespace dagverk::test;
using store::KioskStore;

namespace {

std::unique_ptr<KioskStore> seed(const TempDir& dir, const Clock& clock, const std::string& site = "liljan") {
  return KioskStore::createWithRoster(dir.path(), clock, store::demoRoster(), site);
}

fs::path dbFile(const TempDir& dir) { return dir / store::kDatabaseFileName; }

// The presence projection as {participant -> (check-in event id, since)}.
std::map<std::string, std::pair<std::string, UtcMs>> snapshot(const PresenceBoard& b) {
  std::map<std::string, std::pair<std::string, UtcMs>> out;
  for (const auto& [pid, v] : b.openVisits()) out[pid] = {v.checkInEventId, v.since};
  return out;
}

std::map<std::string, std::pair<std::string, UtcMs>> presenceTable(const fs::path& file) {
  RawDb raw(file);
  std::map<std::string, std::pair<std::string, UtcMs>> out;
  for (const auto& r : raw.rows("SELECT participant_id, check_in_event_id, since_utc FROM presence"))
    out[r[0]] = {r[1], std::stoll(r[2])};
  return out;
}

// Connections opened anywhere in this process, recorded through SQLite's auto-extension hook,
// so a test can ask the store's own connection how it was configured.
// A closed connection is taken off the list again (SQLITE_TRACE_CLOSE), so no pointer dangles.
std::vector<sqlite3*> g_connections;
int forgetClosed(unsigned type, void*, void* db, void*) {
  if (type == SQLITE_TRACE_CLOSE) std::erase(g_connections, static_cast<sqlite3*>(db));
  return 0;
}
int recordConnection(sqlite3* db, const char**, const sqlite3_api_routines*) {
  g_connections.push_back(db);
  sqlite3_trace_v2(db, SQLITE_TRACE_CLOSE, &forgetClosed, nullptr);
  return SQLITE_OK;
}

} // namespace

TEST_CASE("Store: createWithRoster seeds the demo roster and open() reads it back") {
  TempDir dir("store");
  ManualClock clock(mondayAt(8));
  std::string deviceId;
  {
    auto s = seed(dir, clock);
    CHECK(s->roster().boundSiteId() == "liljan");
    CHECK(isUuid(s->deviceId()));
    deviceId = s->deviceId();
  }
  auto s = KioskStore::open(dir.path(), clock);
  CHECK(s->deviceId() == deviceId); // made once, kept across restarts
  CHECK(s->roster().boundSiteId() == "liljan");
  const auto sites = s->roster().sites();
  CHECK(sites.size() == 9);
  CHECK(std::is_sorted(sites.begin(), sites.end(),
                       [](const Site& a, const Site& b) { return swedishLess(a.name, b.name); }));
  const Site liljan = s->roster().site("liljan");
  CHECK(liljan.name == "Liljans dagliga verksamhet");
  CHECK(liljan.opensMinute == 8 * 60);
  CHECK(liljan.closesMinute == 16 * 60);

  const auto people = s->roster().participants("liljan");
  REQUIRE(people.size() == 35);
  std::vector<std::string> names;
  for (const auto& p : people) {
    CHECK(p.siteId == "liljan");
    names.push_back(p.displayName());
  }
  // Swedish order by first name, then initial: Å Ä Ö after Z.
  const std::vector<std::string> expected = {
      "Albin V.", "Ali C.",   "Alva R.",  "Anton E.",    "Astrid G.",  "Bea F.",   "Berit V.",
      "Bo Ö.",    "Carl D.",  "Dalia R.", "Ebba H.",     "Ebba K.",    "Elin O.",  "Elin V.",
      "Emma F.",  "Hassan V.", "Hedda J.", "Hugo N.",    "Hugo Ö.",    "Ida S.",   "Ines G.",
      "Ines Å.",  "Jenny G.", "Leila T.", "Mira W.",     "Patrik F.",  "Simon D.", "Siv F.",
      "Yousef D.", "Zara D.", "Ängla I.", "Ängla L.",    "Ärla E.",    "Öllegård T.", "Örjan O."};
  CHECK(names == expected);
  CHECK(s->roster().participants("ornsberg").size() == 21);
  CHECK(s->roster().participants("langsjon").size() == 5);
  CHECK(s->roster().participants("nowhere").empty());
  const Participant p1 = s->roster().participant("P0001");
  CHECK(p1.firstName == "Dalia");
  CHECK(p1.siteId == "liljan");
}

TEST_CASE("Store: check-in and check-out append events with growing seq") {
  TempDir dir("store");
  ManualClock clock(mondayAt(9, 5));
  auto s = seed(dir, clock);

  const Event in = store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}).front();
  CHECK(isUuid(in.id));
  CHECK(in.deviceId == s->deviceId());
  CHECK(in.seq == 1);
  CHECK(in.recordedUtc == mondayAt(9, 5));
  CHECK(in.zone == "Europe/Stockholm");
  CHECK(in.siteId == "liljan");
  CHECK_FALSE(in.actorStaffId.has_value());
  REQUIRE(std::holds_alternative<CheckedIn>(in.payload));
  CHECK(std::get<CheckedIn>(in.payload).participantId == "P0001");
  CHECK(std::get<CheckedIn>(in.payload).at == mondayAt(9, 5));
  CHECK(s->presence().isPresent("P0001"));

  clock.advanceMs(3 * 3600 * 1000);
  const Event out = store::perform(*s, cmd::CheckOut{"P0001", std::nullopt}).front();
  CHECK(out.seq == 2);
  CHECK(out.id != in.id);
  REQUIRE(std::holds_alternative<CheckedOut>(out.payload));
  const auto& o = std::get<CheckedOut>(out.payload);
  CHECK(o.participantId == "P0001");
  CHECK(o.at == mondayAt(12, 5));
  CHECK_FALSE(o.automatic);
  CHECK(o.checkInEventId == in.id);
  CHECK_FALSE(s->presence().isPresent("P0001"));

  const Event staffIn = store::perform(*s, cmd::CheckIn{"P0002", std::string("staff-1")}).front();
  CHECK(staffIn.seq == 3);
  CHECK(staffIn.actorStaffId == std::optional<std::string>("staff-1"));

  const auto events = s->events().after(0, 100);
  REQUIRE(events.size() == 3);
  CHECK(events[0].id == in.id);
  CHECK(events[1].id == out.id);
  CHECK(events[2].id == staffIn.id);
  CHECK(events[2].actorStaffId == std::optional<std::string>("staff-1"));
  CHECK(std::get<CheckedOut>(events[1].payload).checkInEventId == in.id);
  CHECK(s->events().after(1, 100).size() == 2);
  CHECK(s->events().after(1, 1).size() == 1);
  CHECK(s->events().after(3, 100).empty());
}

TEST_CASE("Store: seq keeps growing after closing and reopening the store") {
  TempDir dir("store");
  ManualClock clock(mondayAt(9));
  std::string deviceId;
  {
    auto s = seed(dir, clock);
    deviceId = s->deviceId();
    store::perform(*s, cmd::CheckIn{"P0001", std::nullopt});
    store::perform(*s, cmd::CheckIn{"P0002", std::nullopt});
    store::perform(*s, cmd::CheckOut{"P0001", std::nullopt});
  }
  for (int restart = 0; restart < 3; ++restart) {
    clock.advanceMs(60'000);
    auto s = KioskStore::open(dir.path(), clock);
    CHECK(s->deviceId() == deviceId);
    CHECK(s->status().lastSeq == 3 + 2 * restart);
    CHECK(store::perform(*s, cmd::CheckIn{"P0003", std::nullopt}).front().seq == 4 + 2 * restart);
    CHECK(store::perform(*s, cmd::CheckOut{"P0003", std::nullopt}).front().seq == 5 + 2 * restart);
  }
  auto s = KioskStore::open(dir.path(), clock);
  const auto events = s->events().after(0, 1000);
  REQUIRE(events.size() == 9);
  for (size_t i = 0; i < events.size(); ++i) CHECK(events[i].seq == static_cast<std::int64_t>(i) + 1);
  CHECK(s->presence().isPresent("P0002"));
  CHECK(s->presence().count() == 1);
}

TEST_CASE("Store: status() counts") {
  TempDir dir("store");
  ManualClock clock(mondayAt(9));
  auto s = seed(dir, clock);
  auto st = s->status();
  CHECK(st.siteId == "liljan");
  CHECK(st.siteName == "Liljans dagliga verksamhet");
  CHECK(st.deviceId == s->deviceId());
  CHECK(st.participants == 35);
  CHECK(st.presentNow == 0);
  CHECK(st.events == 0);
  CHECK(st.lastSeq == 0);
  CHECK(st.schemaVersion >= 1);

  for (const char* p : {"P0001", "P0002", "P0003"}) store::perform(*s, cmd::CheckIn{p, std::nullopt});
  store::perform(*s, cmd::CheckOut{"P0002", std::nullopt});
  st = s->status();
  CHECK(st.presentNow == 2);
  CHECK(st.events == 4);
  CHECK(st.lastSeq == 4);

  // Binding to another site counts that site's people; presence is per site.
  s->roster().bindToSite("ornsberg");
  st = s->status();
  CHECK(st.siteId == "ornsberg");
  CHECK(st.participants == 21);
  CHECK(st.presentNow == 0);
  CHECK(st.events == 4);
}

TEST_CASE("Store: rebuildPresence() from the log gives the same board and table") {
  TempDir dir("store");
  ManualClock clock(mondayAt(8, 30));
  auto s = seed(dir, clock);
  const auto people = s->roster().participants("liljan");
  for (size_t i = 0; i < 12; ++i) {
    clock.advanceMs(61'000);
    store::perform(*s, cmd::CheckIn{people[i].id, std::nullopt});
  }
  for (size_t i : {1u, 4u, 7u}) {
    clock.advanceMs(61'000);
    store::perform(*s, cmd::CheckOut{people[i].id, std::nullopt});
  }
  clock.advanceMs(61'000);
  store::perform(*s, cmd::CheckIn{people[4].id, std::nullopt}); // back again: a newer visit

  const auto before = snapshot(s->presence());
  REQUIRE(before.size() == 10);
  CHECK(before.at(people[4].id).second == clock.nowUtc());
  CHECK(presenceTable(dbFile(dir)) == before);

  s->events().rebuildProjections();
  CHECK(snapshot(s->presence()) == before);
  CHECK(presenceTable(dbFile(dir)) == before);

  // Spoil the projection table behind the store's back: a rebuild restores it from the events.
  {
    RawDb raw(dbFile(dir));
    REQUIRE(raw.exec("DELETE FROM presence WHERE participant_id IN (SELECT participant_id FROM presence ORDER BY participant_id LIMIT 1); "
                     "INSERT OR REPLACE INTO presence(participant_id, site_id, check_in_event_id, since_utc) "
                     "VALUES ('P9999', 'liljan', 'bogus', 1);") == SQLITE_OK);
  }
  CHECK(presenceTable(dbFile(dir)) != before);
  s->events().rebuildProjections();
  CHECK(snapshot(s->presence()) == before);
  CHECK(presenceTable(dbFile(dir)) == before);

  s.reset();
  auto again = KioskStore::open(dir.path(), clock);
  CHECK(snapshot(again->presence()) == before);
  CHECK(again->status().presentNow == 10);
}

TEST_CASE("Store: day rollover closes yesterday's check-in at closing time") {
  TempDir dir("store");
  ManualClock clock(mondayAt(10));
  auto s = seed(dir, clock);
  const Event in = store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}).front();
  CHECK(store::runDayRollover(*s).empty()); // same day: nothing to close

  clock.set(tuesdayAt(8));
  const auto closed = store::runDayRollover(*s);
  REQUIRE(closed.size() == 1);
  REQUIRE(std::holds_alternative<CheckedOut>(closed[0].payload));
  const auto& out = std::get<CheckedOut>(closed[0].payload);
  CHECK(out.participantId == "P0001");
  CHECK(out.automatic);
  CHECK(out.at == mondayAt(16)); // liljan closes 16:00
  CHECK(out.checkInEventId == in.id);
  CHECK(closed[0].recordedUtc == tuesdayAt(8));
  CHECK(closed[0].seq == 2);
  CHECK_FALSE(s->presence().isPresent("P0001"));
  CHECK(presenceTable(dbFile(dir)).empty());
  CHECK(store::runDayRollover(*s).empty()); // idempotent

  // The stored event reads back the same.
  const auto stored = s->events().after(1, 10);
  REQUIRE(stored.size() == 1);
  CHECK(std::get<CheckedOut>(stored[0].payload).automatic);
  CHECK(std::get<CheckedOut>(stored[0].payload).at == mondayAt(16));

  // The next tap is a check-in again, and nothing was dropped.
  const Event again = store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}).front();
  REQUIRE(std::holds_alternative<CheckedIn>(again.payload));
  CHECK(again.seq == 3);
  CHECK(s->status().events == 3);
  CHECK(s->status().presentNow == 1);
}

TEST_CASE("Store: a check-in after closing is closed at its own time") {
  TempDir dir("store");
  ManualClock clock(mondayAt(17, 30));
  auto s = seed(dir, clock);
  store::perform(*s, cmd::CheckIn{"P0001", std::nullopt});
  clock.set(tuesdayAt(7, 45));
  const auto closed = store::runDayRollover(*s);
  REQUIRE(closed.size() == 1);
  CHECK(std::get<CheckedOut>(closed[0].payload).at == mondayAt(17, 30));
}

TEST_CASE("Store: check-in on the next day rolls over first, also after a restart") {
  TempDir dir("store");
  ManualClock clock(mondayAt(9));
  {
    auto s = seed(dir, clock);
    store::perform(*s, cmd::CheckIn{"P0001", std::nullopt});
    store::perform(*s, cmd::CheckIn{"P0002", std::nullopt});
  }
  clock.set(tuesdayAt(8, 15));
  auto s = KioskStore::open(dir.path(), clock);
  CHECK(s->presence().count() == 2); // loaded as stored, not yet rolled over

  const Event in = store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}).front(); // no AlreadyPresent: yesterday's visit is closed first
  REQUIRE(std::holds_alternative<CheckedIn>(in.payload));
  CHECK(in.seq == 5);
  const auto events = s->events().after(0, 100);
  REQUIRE(events.size() == 5);
  int automatic = 0;
  for (const auto& e : events)
    if (const auto* o = std::get_if<CheckedOut>(&e.payload)) {
      CHECK(o->automatic);
      CHECK(o->at == mondayAt(16));
      ++automatic;
    }
  CHECK(automatic == 2);
  CHECK(s->presence().isPresent("P0001"));
  CHECK_FALSE(s->presence().isPresent("P0002"));

  // Checking out yesterday's visit today: it was already closed automatically.
  const auto e = errorFrom([&] { store::perform(*s, cmd::CheckOut{"P0002", std::nullopt}); });
  CHECK(e.code() == ErrorCode::NotPresent);
  CHECK(s->status().events == 5);
}

TEST_CASE("Store: the event table is append-only") {
  TempDir dir("store");
  ManualClock clock(mondayAt(9));
  auto s = seed(dir, clock);
  const Event in = store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}).front();
  RawDb raw(dbFile(dir));
  std::string error;
  CHECK(raw.exec("UPDATE event SET kind = 'CheckedOut'", &error) != SQLITE_OK);
  CHECK(contains(error, "append-only"));
  CHECK(raw.exec("UPDATE event SET payload = '{}' WHERE id = '" + in.id + "'", &error) != SQLITE_OK);
  CHECK(raw.text("SELECT kind FROM event WHERE id = '" + in.id + "'") == "CheckedIn");
  CHECK(raw.text("SELECT payload FROM event WHERE id = '" + in.id + "'") == encodePayload(in.payload));
  // The same (device, seq) can never be written twice.
  CHECK(raw.exec("INSERT INTO event SELECT 'x', device_id, seq, recorded_utc, zone, site_id, actor_staff_id, kind, "
                 "subject_id, payload, schema_version FROM event") != SQLITE_OK);
  CHECK(raw.integer("SELECT count(*) FROM event") == 1);
  // Nor can an event be deleted.
  CHECK(raw.exec("DELETE FROM event", &error) != SQLITE_OK);
  CHECK(contains(error, "append-only"));
  CHECK(raw.integer("SELECT count(*) FROM event") == 1);
}

TEST_CASE("Store: WAL and synchronous=FULL on the store's connection") {
  TempDir dir("store");
  ManualClock clock(mondayAt(9));
  g_connections.clear();
  REQUIRE(sqlite3_auto_extension(reinterpret_cast<void (*)(void)>(&recordConnection)) == SQLITE_OK);
  struct Cancel {
    ~Cancel() { sqlite3_cancel_auto_extension(reinterpret_cast<void (*)(void)>(&recordConnection)); }
  } cancel;

  // Every connection the store holds on its file is in WAL mode with synchronous=FULL.
  const auto checkStoreConnections = [&] {
    int checked = 0;
    for (sqlite3* db : g_connections) {
      const char* name = sqlite3_db_filename(db, "main");
      if (!name || fs::path(name).filename() != store::kDatabaseFileName) continue;
      RawDb own = RawDb::borrow(db);
      CHECK(own.text("PRAGMA journal_mode") == "wal");
      CHECK(own.integer("PRAGMA synchronous") == 2); // FULL
      CHECK(own.integer("PRAGMA foreign_keys") == 1);
      ++checked;
    }
    CHECK(checked >= 1);
  };

  SECTION("a new store") {
    auto s = seed(dir, clock);
    checkStoreConnections();
    store::perform(*s, cmd::CheckIn{"P0001", std::nullopt});
    CHECK(fs::exists(dir / (std::string(store::kDatabaseFileName) + "-wal")));
  }
  SECTION("a reopened store") {
    seed(dir, clock).reset();
    g_connections.clear();
    auto s = KioskStore::open(dir.path(), clock);
    checkStoreConnections();
  }
  g_connections.clear();
  // WAL is a property of the file: a second connection sees it too.
  RawDb other(dbFile(dir));
  CHECK(other.text("PRAGMA journal_mode") == "wal");
}

TEST_CASE("Store: event kinds in SQL come from the payloads' own names") {
  CHECK(store::kindList<CheckedIn>() == "('CheckedIn')");
  CHECK(store::kindList<CheckedIn, CheckedOut, Corrected>() == "('CheckedIn', 'CheckedOut', 'Corrected')");
}

TEST_CASE("Store: a check-in is checked under the write lock, so a second process cannot repeat it") {
  TempDir dir("store");
  ManualClock clock(mondayAt(9));
  auto first = seed(dir, clock);
  auto second = KioskStore::open(dir.path(), clock); // like a badge reader's `dagverk checkin`
  const Event in = store::perform(*first, cmd::CheckIn{"P0001", std::nullopt}).front();
  // The second connection has not reloaded: its memory still says P0001 is out. The check
  // inside its write transaction sees the first one's commit anyway.
  CHECK(errorFrom([&] { store::perform(*second, cmd::CheckIn{"P0001", std::nullopt}); }).code() ==
        ErrorCode::AlreadyPresent);
  CHECK(second->presence().isPresent("P0001"));
  CHECK(second->status().events == 1);
  // What the refused command noticed is still reported to the screen's next poll.
  CHECK(second->reloadIfChangedElsewhere());
  CHECK_FALSE(second->reloadIfChangedElsewhere());
  // And a check-out through the second one closes the first one's visit.
  const Event out = store::perform(*second, cmd::CheckOut{"P0001", std::nullopt}).front();
  CHECK(std::get<CheckedOut>(out.payload).checkInEventId == in.id);
  CHECK(first->reloadIfChangedElsewhere());
  CHECK_FALSE(first->presence().isPresent("P0001"));
}
