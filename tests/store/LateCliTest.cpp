// `dagverk late`: the real binary on a real data directory, against the machine's own clock
// (the days are counted back from the real today).
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#include <chrono>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;

namespace {

struct LateKiosk {
  TempDir tmp{"latecli"};
  fs::path data = tmp / "data";
  std::string d = "--data-dir " + shellQuoted(data.string());
  LateKiosk() {
    ManualClock clock(mondayAt(8));
    store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
  }
  CliRun run(const std::string& args) const { return runProgram(tmp.path(), DAGVERK_BIN, args); }
  long long events() const { return RawDb(data / store::kDatabaseFileName).integer("SELECT count(*) FROM event"); }
};

std::string daysBack(int n) {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return formatIsoDate(civilFromDays(daysFromCivil(toStockholm(now).date) - n));
}

} // namespace

TEST_CASE("CLI: late registers a past day's visit with its times, staff member and mark") {
  LateKiosk k;
  const std::string day = daysBack(2);
  const auto r = k.run("late " + k.d + " --date " + day + " --participant P0002 --in 08:30 --out 15:10 --staff S001");
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "efterregistrerad P0002 " + day + " seq 1"));
  RawDb raw(k.data / store::kDatabaseFileName);
  CHECK(raw.text("SELECT kind FROM event") == "LateVisitRegistered");
  CHECK(raw.text("SELECT actor_staff_id FROM event") == "S001");
  CHECK(raw.text("SELECT json_extract(payload, '$.v.date') FROM event") == day);
  CHECK(raw.integer("SELECT count(*) FROM presence") == 0);
  // Without a departure time (the sheet has none): taken, the day counts.
  const auto noOut = k.run("late " + k.d + " --date " + day + " --participant P0003 --in 09:00 --staff S001");
  CHECK(noOut.code == 0);
  CHECK(k.events() == 2);
}

TEST_CASE("CLI: late refuses a second registration of the day, today, a bad time order and bad options") {
  LateKiosk k;
  const std::string day = daysBack(1);
  REQUIRE(k.run("late " + k.d + " --date " + day + " --participant P0002 --in 08:30 --staff S001").code == 0);
  const auto twice = k.run("late " + k.d + " --date " + day + " --participant P0002 --in 09:00 --staff S001");
  CHECK(twice.code == 1);
  CHECK(contains(twice.err, "Deltagare P0002 är redan registrerad den dagen (" + day + ")."));
  CHECK_FALSE(contains(twice.err, "Hugo")); // ids only on the command line
  const auto today = k.run("late " + k.d + " --date " + daysBack(0) + " --participant P0004 --in 09:00 --staff S001");
  CHECK(today.code == 1);
  CHECK(contains(today.err, "Dagens närvaro registreras på kiosken som vanligt"));
  const auto order =
      k.run("late " + k.d + " --date " + day + " --participant P0004 --in 15:00 --out 09:00 --staff S001");
  CHECK(order.code == 1);
  CHECK(contains(order.err, "före ankomsten"));
  const auto staff = k.run("late " + k.d + " --date " + day + " --participant P0004 --in 09:00 --staff S999");
  CHECK(staff.code == 1);
  const auto noStaff = k.run("late " + k.d + " --date " + day + " --participant P0004 --in 09:00");
  CHECK(noStaff.code == 2);
  CHECK(contains(noStaff.err, "'late' needs --staff"));
  const auto badTime = k.run("late " + k.d + " --date " + day + " --participant P0004 --in 9 --staff S001");
  CHECK(badTime.code == 2);
  CHECK(contains(badTime.err, "--in takes a time HH:MM"));
  const auto badDate = k.run("late " + k.d + " --date 2026-02-30 --participant P0004 --in 09:00 --staff S001");
  CHECK(badDate.code == 2);
  CHECK(k.events() == 1); // only the first one
}
