// Two writers at once: real `dagverk` processes started side by side on one data directory.
// Whoever loses a race is refused cleanly (exit 1, "redan incheckad" / "inte incheckad"); no
// participant is ever checked in twice, and no visit is ever closed twice, also when both
// writers run the day rollover.
#include "RacingCli.hpp"
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#include <map>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;
using store::KioskStore;

namespace {

// Rounds per test: each round of the first test is two races (check-in, check-out), of the
// second one race of rollovers; 600 races in all. DAGVERK_RACE_ROUNDS runs more.
int raceRounds() {
  if (const char* s = std::getenv("DAGVERK_RACE_ROUNDS"); s && *s) return std::stoi(s);
  return 200;
}

// Two `dagverk <command> --participant <id>` started together; both outcomes.
std::pair<CliOutcome, CliOutcome> race(const fs::path& data, const fs::path& scratch, const std::string& command,
                                       const std::string& first, const std::string& second) {
  RacingCli a(DAGVERK_BIN, {command, "--data-dir", data.string(), "--participant", first}, scratch, "a");
  RacingCli b(DAGVERK_BIN, {command, "--data-dir", data.string(), "--participant", second}, scratch, "b");
  return {a.wait(), b.wait()};
}

// Every visit closed at most once, and no one checked in twice without a check-out between.
void requireNothingDoubled(const fs::path& file) {
  RawDb raw(file);
  CHECK(raw.rows("SELECT json_extract(payload, '$.v.checkInEventId'), count(*) FROM event "
                 "WHERE kind = 'CheckedOut' GROUP BY 1 HAVING count(*) > 1")
            .empty());
  std::map<std::string, std::string> open; // participant -> open check-in
  for (const auto& r : raw.rows("SELECT id, kind, subject_id, json_extract(payload, '$.v.checkInEventId') "
                                "FROM event WHERE kind IN ('CheckedIn', 'CheckedOut') ORDER BY seq")) {
    if (r[1] == "CheckedIn") {
      if (open.count(r[2])) FAIL_CHECK("double check-in of " << r[2] << ": " << open[r[2]] << " and " << r[0]);
      open[r[2]] = r[0];
    } else if (open.count(r[2]) && open[r[2]] == r[3]) {
      open.erase(r[2]);
    } else {
      FAIL_CHECK("check-out " << r[0] << " of " << r[2] << " closes no open visit");
    }
  }
  CHECK(raw.text("PRAGMA integrity_check") == "ok");
}

} // namespace

TEST_CASE("Race: two check-ins, then two check-outs, of one participant, one of each pair wins") {
  TempDir tmp("race");
  const fs::path data = tmp / "data";
  {
    ManualClock clock(realNowMs() - 3'600'000);
    KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan").reset();
  }
  const int rounds = raceRounds();
  for (int round = 0; round < rounds; ++round) {
    INFO("round " << round);
    const auto [inA, inB] = race(data, tmp.path(), "checkin", "P0001", "P0001");
    INFO("a: exit " << inA.code << " " << inA.err << "b: exit " << inB.code << " " << inB.err);
    REQUIRE(inA.code + inB.code == 1); // one 0, one 1
    const CliOutcome& inLoser = inA.code == 1 ? inA : inB;
    CHECK(contains(inLoser.err, "redan incheckad"));

    const auto [outA, outB] = race(data, tmp.path(), "checkout", "P0001", "P0001");
    INFO("a: exit " << outA.code << " " << outA.err << "b: exit " << outB.code << " " << outB.err);
    REQUIRE(outA.code + outB.code == 1);
    const CliOutcome& outLoser = outA.code == 1 ? outA : outB;
    CHECK(contains(outLoser.err, "inte incheckad"));
  }
  const fs::path file = data / store::kDatabaseFileName;
  RawDb raw(file);
  CHECK(raw.integer("SELECT count(*) FROM event WHERE kind = 'CheckedIn'") == rounds);
  CHECK(raw.integer("SELECT count(*) FROM event WHERE kind = 'CheckedOut'") == rounds);
  CHECK(raw.integer("SELECT max(seq) FROM event") == 2LL * rounds);
  requireNothingDoubled(file);
}

TEST_CASE("Race: two writers running the day rollover close each of yesterday's visits once") {
  TempDir tmp("rollrace");
  const fs::path data = tmp / "data";
  const fs::path file = data / store::kDatabaseFileName;
  {
    ManualClock clock(realNowMs() - 86'400'000LL);
    KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan").reset();
  }
  const std::vector<std::string> yesterdays = {"P0002", "P0003", "P0004"};
  const int rounds = raceRounds();
  for (int round = 0; round < rounds; ++round) {
    INFO("round " << round);
    {
      // Yesterday's visits, left open: the store's own clock is set a day back.
      ManualClock yesterday(realNowMs() - 86'400'000LL);
      auto s = KioskStore::open(data, yesterday);
      for (const auto& id : yesterdays) store::perform(*s, cmd::CheckIn{id, std::nullopt});
    }
    // Two writers now: each runs the rollover before its own check-in.
    const auto [a, b] = race(data, tmp.path(), "checkin", "P0005", "P0006");
    INFO("a: exit " << a.code << " " << a.err << "b: exit " << b.code << " " << b.err);
    REQUIRE(a.code == 0);
    REQUIRE(b.code == 0);
    {
      RawDb raw(file);
      CHECK(raw.integer("SELECT count(*) FROM event WHERE kind = 'CheckedOut' "
                        "AND json_extract(payload, '$.v.automatic') = 1") == 3LL * (round + 1));
      CHECK(raw.integer("SELECT count(*) FROM presence WHERE is_staff = 0") == 2);
    }
    {
      ManualClock now(realNowMs() + 1'000);
      auto s = KioskStore::open(data, now);
      store::perform(*s, cmd::CheckOut{"P0005", std::nullopt});
      store::perform(*s, cmd::CheckOut{"P0006", std::nullopt});
    }
  }
  requireNothingDoubled(file);
}
