// Nothing lost, nothing doubled: at most one close per visit (kept by the schema), a visit that
// a clock running ahead left in the future, a check-out before its check-in, and the command
// line's refusals naming people by id only.
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"
#include "store/Migrations.hpp"

#include <algorithm>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;
using store::KioskStore;

namespace {

std::unique_ptr<KioskStore> seed(const TempDir& dir, const Clock& clock) {
  return KioskStore::createWithRoster(dir.path(), clock, store::demoRoster(), "liljan");
}

const char* const kFaketimeLib = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

} // namespace

TEST_CASE("Durability: a second close of one visit is refused by the schema as not checked in") {
  TempDir dir("close");
  ManualClock clock(mondayAt(9));
  auto s = seed(dir, clock);
  const Event in = store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}).front();
  clock.advanceMs(60'000);
  store::perform(*s, cmd::CheckOut{"P0001", std::nullopt});
  const auto before = s->events().count();

  // Past every check in code: the append itself must fail, and leave nothing behind.
  const DagverkError e = errorFrom([&] {
    s->events().append("liljan", std::nullopt, CheckedOut{"P0001", clock.nowUtc(), true, in.id});
  });
  CHECK(std::string(codeName(e.code())) == "NotPresent");
  CHECK(s->events().count() == before);
  CHECK(s->status().lastSeq == before);

  // A correction that voids the check-out reopens the visit; it can then be closed once more.
  const Event out2 = [&] {
    const auto outs = s->events().aboutSubject("P0001", store::kindList<CheckedOut>());
    REQUIRE(outs.size() == 1);
    return outs.front();
  }();
  store::perform(*s, cmd::Correct{out2.id, "fel_tid", "S001"});
  REQUIRE(s->presence().isPresent("P0001"));
  clock.advanceMs(60'000);
  store::perform(*s, cmd::CheckOut{"P0001", std::nullopt});
  CHECK_FALSE(s->presence().isPresent("P0001"));
  // The whole projection rebuilds from the log to the same state.
  s->events().rebuildProjections();
  CHECK_FALSE(s->presence().isPresent("P0001"));
  CHECK(errorFrom([&] { store::perform(*s, cmd::CheckOut{"P0001", std::nullopt}); }).code() == ErrorCode::NotPresent);
}

TEST_CASE("Durability: a check-in made while the clock ran a year ahead is closed by the next rollover") {
  TempDir dir("future");
  const UtcMs now = mondayAt(9);
  ManualClock clock(now + 365LL * 24 * 3600 * 1000);
  auto s = seed(dir, clock);
  const Event in = store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}).front();
  REQUIRE(s->presence().isPresent("P0001"));

  clock.set(now); // the clock is corrected
  const auto closed = store::runDayRollover(*s);
  REQUIRE(closed.size() == 1);
  CHECK_FALSE(s->presence().isPresent("P0001"));
  const auto& out = std::get<CheckedOut>(closed.front().payload);
  CHECK(out.automatic);
  CHECK(out.checkInEventId == in.id);
  CHECK(out.at == in.recordedUtc); // a visit of no length, never one ending before it began

  // As stored: the flag is in the row's JSON, where central's SQL can read it too.
  RawDb raw(dir / store::kDatabaseFileName);
  CHECK(raw.integer("SELECT count(*) FROM event WHERE kind = 'CheckedOut' "
                    "AND json_extract(payload, '$.v.clockFault') = 1 AND json_extract(payload, '$.v.automatic') = 1") ==
        1);
  // Once closed, the next rollover has nothing to do, and the person can check in again.
  CHECK(store::runDayRollover(*s).empty());
  CHECK_NOTHROW(store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}));
}

TEST_CASE("Durability: a check-out earlier than its check-in is refused") {
  TempDir dir("backwards");
  ManualClock clock(mondayAt(14));
  auto s = seed(dir, clock);
  store::perform(*s, cmd::CheckIn{"P0001", std::nullopt});
  clock.set(mondayAt(13)); // the clock moved back an hour
  const DagverkError e = errorFrom([&] { store::perform(*s, cmd::CheckOut{"P0001", std::nullopt}); });
  CHECK(contains(e.swedish(), "14:00"));
  CHECK(contains(e.swedish(), "klockan"));
  CHECK(s->presence().isPresent("P0001"));
  CHECK(s->events().count() == 1);
  // Once the clock has passed the check-in, the check-out goes through.
  clock.set(mondayAt(14, 1));
  CHECK_NOTHROW(store::perform(*s, cmd::CheckOut{"P0001", std::nullopt}));
}

TEST_CASE("Durability: the command line's refusals name people by id, never by name") {
  TempDir tmp("cliids");
  const fs::path data = tmp / "data";
  std::vector<std::string> names;
  {
    ManualClock clock(mondayAt(8));
    auto s = KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
    for (const auto& p : s->roster().participants("liljan")) names.push_back(p.firstName);
  }
  REQUIRE(std::find(names.begin(), names.end(), "Dalia") != names.end()); // P0001
  const std::string d = "--data-dir " + shellQuoted(data.string());
  // Every run's clock is noon today in Stockholm (libfaketime, seconds from the real clock), so
  // "ten minutes ahead" below never lands in tomorrow, whatever time the test runs at.
  REQUIRE(fs::exists(kFaketimeLib));
  const long long wallMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  const long long noon = (fromStockholm(toStockholm(wallMs).date, 12, 0) - wallMs) / 1000;
  const auto clockAt = [&](long long seconds) {
    return std::string("LD_PRELOAD=") + kFaketimeLib + " FAKETIME=" + (seconds < 0 ? "-" : "+") +
           std::to_string(seconds < 0 ? -seconds : seconds) +
           " FAKETIME_DONT_FAKE_MONOTONIC=1 ASAN_OPTIONS=verify_asan_link_order=0";
  };
  const std::string atNoon = clockAt(noon);
  const auto run = [&](const std::string& args, const std::string& env = "") {
    return runProgram(tmp.path(), "/usr/bin/env",
                      (env.empty() ? atNoon : env) + " " + shellQuoted(DAGVERK_BIN) + " " + args);
  };
  const auto noNames = [&](const CliRun& r) {
    for (const auto& n : names) {
      INFO("name " << n);
      CHECK_FALSE(contains(r.err, n + " "));
    }
  };

  REQUIRE(run("checkin " + d + " --participant P0001").code == 0);
  const CliRun again = run("checkin " + d + " --participant P0001");
  CHECK(again.code == 1);
  CHECK(contains(again.err, "Deltagare P0001 är redan incheckad."));
  noNames(again);

  const CliRun notIn = run("checkout " + d + " --participant P0002");
  CHECK(notIn.code == 1);
  CHECK(contains(notIn.err, "Deltagare P0002 är inte incheckad"));
  noNames(notIn);

  // A check-in ten minutes ahead, then a check-out at noon: before its check-in.
  const std::string ahead = clockAt(noon + 600);
  REQUIRE(run("checkin " + d + " --participant P0003", ahead).code == 0);
  const CliRun early = run("checkout " + d + " --participant P0003");
  CHECK(early.code == 1);
  CHECK(contains(early.err, "P0003"));
  noNames(early);
  const CliRun later = run("checkout " + d + " --participant P0003", ahead);
  CHECK(later.code == 0);
}

TEST_CASE("Durability: a schema-5 log that already holds a double close migrates and opens") {
  TempDir dir("migrate6");
  const fs::path file = dir / store::kDatabaseFileName;
  ManualClock clock(mondayAt(9));
  std::string checkInId;
  {
    auto s = seed(dir, clock);
    checkInId = store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}).front().id;
    clock.advanceMs(60'000);
    store::perform(*s, cmd::CheckOut{"P0001", std::nullopt});
  }
  {
    // Back to schema 5, and a second close of the same visit, as an older build could write.
    RawDb raw(file);
    REQUIRE(raw.exec("DROP TABLE visit_close; DELETE FROM setting WHERE key = 'visit_close_filled'; "
                     "ALTER TABLE participant DROP COLUMN symbol; ALTER TABLE participant DROP COLUMN symbol_colour; "
                     "ALTER TABLE participant DROP COLUMN spoken_name; ALTER TABLE activity DROP COLUMN pictogram; "
                     "DROP TABLE local_pictogram; PRAGMA user_version = 5;") == SQLITE_OK);
    const std::string sql =
        "INSERT INTO event(id, device_id, seq, recorded_utc, zone, site_id, actor_staff_id, kind, subject_id, "
        "payload, schema_version) SELECT 'double-close', device_id, seq + 1, recorded_utc, zone, site_id, NULL, "
        "'CheckedOut', subject_id, payload, schema_version FROM event WHERE seq = 2; "
        "UPDATE device_sequence SET last_seq = 3;";
    std::string error;
    REQUIRE(raw.exec(sql, &error) == SQLITE_OK);
  }
  auto s = KioskStore::open(dir.path(), clock);
  CHECK(s->status().schemaVersion == store::latestSchemaVersion());
  CHECK_FALSE(s->presence().isPresent("P0001"));
  {
    RawDb raw(file);
    CHECK(raw.integer("SELECT count(*) FROM visit_close") == 1);
    CHECK(raw.text("SELECT check_out_event_id FROM visit_close WHERE check_in_event_id = '" + checkInId + "'") !=
          "double-close");
  }
  CHECK_NOTHROW(s->events().rebuildProjections());
  clock.advanceMs(60'000);
  CHECK_NOTHROW(store::perform(*s, cmd::CheckIn{"P0001", std::nullopt}));
}
