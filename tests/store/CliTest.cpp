// The real `dagverk` binary: exit codes 0 ok, 1 failure, 2 usage, messages in Swedish.
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#include <cstdlib>
#include <sstream>
#include <sys/wait.h>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;

namespace {

using Run = CliRun;
const auto quoted = shellQuoted;

// Runs dagverk with `args` (already quoted where needed); a hang counts as a failure.
Run dagverkCli(const TempDir& tmp, const std::string& args) { return runProgram(tmp.path(), DAGVERK_BIN, args); }

// A data directory with the demo unit, seeded in-process (no window is opened).
struct Seeded {
  TempDir tmp{"cli"};
  fs::path data = tmp / "data";
  std::string d = "--data-dir " + quoted(data.string());
  Seeded() {
    ManualClock clock(mondayAt(8));
    store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
  }
  Run run(const std::string& args) const { return dagverkCli(tmp, args); }
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

const std::vector<std::string> kDemoSiteIds = {"liljan", "ornsberg", "trofast", "vastertorp", "steget",
                                               "natverket", "fruangen", "vaxtverket", "langsjon"};

} // namespace

TEST_CASE("CLI: status --json") {
  Seeded s;
  const Run r = s.run("status " + s.d + " --json");
  REQUIRE(r.code == 0);
  CHECK(r.out.front() == '{');
  CHECK(r.out.substr(r.out.size() - 2) == "}\n");
  CHECK(contains(r.out, "\"presentNow\":0"));
  CHECK(contains(r.out, "\"site\":\"liljan\""));
  CHECK(contains(r.out, "\"participants\":35"));
  CHECK(contains(r.out, "\"events\":0"));
  CHECK(contains(r.out, "\"lastSeq\":0"));
  // Without --json: the Swedish summary.
  const Run plain = s.run("status " + s.d);
  REQUIRE(plain.code == 0);
  CHECK(contains(plain.out, "Liljans dagliga verksamhet"));
  CHECK(contains(plain.out, "Deltagare:    35"));
}

TEST_CASE("CLI: checkin, then again fails with a Swedish message") {
  Seeded s;
  const Run first = s.run("checkin " + s.d + " --participant P0001");
  REQUIRE(first.code == 0);
  CHECK(contains(first.out, "incheckad P0001 seq 1"));

  const Run second = s.run("checkin " + s.d + " --participant P0001");
  CHECK(second.code == 1);
  CHECK(contains(second.err, "Deltagare P0001 är redan incheckad.")); // by id: this stream may be logged

  const Run status = s.run("status " + s.d + " --json");
  REQUIRE(status.code == 0);
  CHECK(contains(status.out, "\"presentNow\":1"));
  CHECK(contains(status.out, "\"events\":1")); // the refused check-in added nothing

  const Run out = s.run("checkout " + s.d + " --participant P0001");
  CHECK(out.code == 0);
  CHECK(contains(out.out, "utcheckad P0001 seq 2"));
}

TEST_CASE("CLI: checkout of someone not present fails") {
  Seeded s;
  const Run r = s.run("checkout " + s.d + " --participant P0002");
  CHECK(r.code == 1);
  CHECK(contains(r.err, "inte incheckad"));
  const Run unknown = s.run("checkin " + s.d + " --participant P9999");
  CHECK(unknown.code == 1);
  CHECK(contains(unknown.err, "P9999"));
  CHECK(contains(s.run("status " + s.d + " --json").out, "\"events\":0"));
}

TEST_CASE("CLI: usage errors exit with 2") {
  Seeded s;
  const Run unknownOption = s.run("status " + s.d + " --bogus");
  CHECK(unknownOption.code == 2);
  CHECK(contains(unknownOption.err, "--bogus"));
  CHECK(contains(unknownOption.err, "Exit codes"));            // the usage text follows
  CHECK(s.run("checkin " + s.d).code == 2);                     // --participant missing
  CHECK(s.run("checkin " + s.d + " --participant").code == 2); // option without its value
  CHECK(s.run("status --data-dir").code == 2);
  CHECK(s.run("frobnicate " + s.d).code == 2);
  CHECK(s.run("status " + s.d + " --size").code == 2);
  const Run help = s.run("--help");
  CHECK(help.code == 0);
  CHECK(contains(help.out, "dagverk status --data-dir D"));
}

TEST_CASE("CLI: a missing data directory exits with 1 and names it") {
  Seeded s;
  const fs::path missing = s.tmp / "nonexistent";
  const Run r = s.run("status --data-dir " + quoted(missing.string()));
  CHECK(r.code == 1);
  CHECK(contains(r.err, missing.string()));
  CHECK(s.run("participants --data-dir " + quoted(missing.string())).code == 1);
  CHECK_FALSE(fs::exists(missing));
}

TEST_CASE("CLI: an unknown site exits with 1 and lists the valid site ids") {
  Seeded s;
  for (const std::string& cmd : {std::string("status ") + s.d + " --site nowhere",
                                 std::string("checkin ") + s.d + " --site nowhere --participant P0001",
                                 // the kiosk itself: refused before any window opens
                                 s.d + " --site nowhere --software --frames 1"}) {
    const Run r = s.run(cmd);
    CHECK(r.code == 1);
    CHECK(contains(r.err, "nowhere"));
    for (const auto& id : kDemoSiteIds) {
      INFO(id);
      CHECK(contains(r.err, id));
    }
  }
  const Run status = s.run("status " + s.d + " --json");
  CHECK(contains(status.out, "\"site\":\"liljan\"")); // the binding was not changed
  CHECK(contains(status.out, "\"events\":0"));

  // --site on an admin command never moves the kiosk: another valid site is refused, saying
  // how to move it, and the binding stays.
  const Run other = s.run("status " + s.d + " --site ornsberg --json");
  CHECK(other.code == 1);
  CHECK(contains(other.err, "--site ornsberg"));
  CHECK(contains(s.run("status " + s.d + " --json").out, "\"site\":\"liljan\""));
  const Run same = s.run("status " + s.d + " --site liljan --json");
  CHECK(same.code == 0);
  CHECK(contains(same.out, "\"participants\":35"));
}

TEST_CASE("CLI: settings shows and changes the staff idle time, refusing nonsense") {
  Seeded s;
  const Run show = s.run("settings " + s.d);
  CHECK(show.code == 0);
  CHECK(contains(show.out, "staff_idle_seconds\t90"));
  CHECK(s.run("settings " + s.d + " --staff-idle-seconds 120").code == 0);
  CHECK(contains(s.run("settings " + s.d).out, "staff_idle_seconds\t120"));
  const Run bad = s.run("settings " + s.d + " --staff-idle-seconds 5");
  CHECK(bad.code == 1);
  CHECK(contains(bad.err, "10 och 3600"));
  CHECK(contains(s.run("settings " + s.d).out, "staff_idle_seconds\t120"));
}

TEST_CASE("CLI: settings shows and changes the retention in days, refusing values outside 60-3650 with a message") {
  Seeded s;
  CHECK(contains(s.run("settings " + s.d).out, "retention_days\t90"));
  CHECK(s.run("settings " + s.d + " --retention-days 365").code == 0);
  CHECK(contains(s.run("settings " + s.d).out, "retention_days\t365"));
  for (const char* bad : {"59", "3651", "0", "-90", "90.5", "tre", "''"}) {
    INFO("--retention-days " << bad);
    const Run r = s.run("settings " + s.d + " --retention-days " + bad);
    CHECK(r.code == 1);
    CHECK(contains(r.err, "Lagringstiden ska vara ett helt antal dagar mellan 60 och 3650. Inget ändrades."));
  }
  CHECK(contains(s.run("settings " + s.d).out, "retention_days\t365"));
}

TEST_CASE("CLI: participants lists the 35 of liljan in Swedish order") {
  Seeded s;
  REQUIRE(s.run("checkin " + s.d + " --participant P0001").code == 0);
  const Run r = s.run("participants " + s.d);
  REQUIRE(r.code == 0);
  const auto ls = lines(r.out);
  REQUIRE(ls.size() == 35);
  CHECK(contains(ls.front(), "Albin V."));
  CHECK(contains(ls.back(), "Örjan O."));
  int here = 0;
  for (const auto& l : ls) {
    INFO(l);
    CHECK(l.rfind("P0", 0) == 0);
    if (contains(l, "här sedan")) {
      ++here;
      CHECK(l.rfind("P0001\tDalia R.\t", 0) == 0);
    } else {
      CHECK(l.substr(l.size() - 2) == "\t-");
    }
  }
  CHECK(here == 1);
}

TEST_CASE("CLI: a too-new or corrupt database exits with 1 and is left alone") {
  Seeded s;
  const fs::path file = s.data / store::kDatabaseFileName;
  {
    RawDb raw(file);
    REQUIRE(raw.exec("PRAGMA user_version = 99") == SQLITE_OK);
  }
  const std::string tooNew = readBytes(file);
  const Run r = s.run("status " + s.d);
  CHECK(r.code == 1);
  CHECK(contains(r.err, "nyare version"));
  CHECK(readBytes(file) == tooNew);

  std::string junk(4096, '\x5A');
  writeBytes(file, junk);
  const Run c = s.run("checkin " + s.d + " --participant P0001");
  CHECK(c.code == 1);
  CHECK(contains(c.err, file.string()));
  CHECK(readBytes(file) == junk);
}

TEST_CASE("CLI: settings --time-zone refuses a zone the tz database does not have and keeps the old one") {
  Seeded s;
  const Run bad = s.run("settings " + s.d + " --time-zone Mars/Olympus");
  CHECK(bad.code == 1);
  CHECK(contains(bad.err, "Okänd tidszon: Mars/Olympus"));
  const Run shown = s.run("settings " + s.d);
  REQUIRE(shown.code == 0);
  CHECK(contains(shown.out, "time_zone\tEurope/Stockholm\n"));
}

TEST_CASE("CLI: the stored time zone is the one the kiosk records in, unless DAGVERK_TIME_ZONE pins another") {
  Seeded s;
  const Run set = s.run("settings " + s.d + " --time-zone Asia/Tokyo");
  REQUIRE(set.code == 0);
  CHECK(contains(set.out, "time_zone\tAsia/Tokyo\n"));
  // The test runner pins Europe/Stockholm through the variable: it wins over the setting.
  REQUIRE(s.run("checkin " + s.d + " --participant P0001").code == 0);
  // Without the variable the stored zone applies.
  const Run free = runProgram(s.tmp.path(), "/usr/bin/env",
                              "-u DAGVERK_TIME_ZONE " + quoted(DAGVERK_BIN) + " checkout " + s.d + " --participant P0001");
  REQUIRE(free.code == 0);
  ManualClock clock(mondayAt(9));
  const auto store = store::KioskStore::open(s.data, clock);
  const auto events = store->events().after(0, 10);
  REQUIRE(events.size() == 2);
  CHECK(events[0].zone == "Europe/Stockholm");
  CHECK(events[1].zone == "Asia/Tokyo");
}

TEST_CASE("cli: headcount counts visitors, asks --yes above 500, refuses bad counts and unknown activities") {
  Seeded s;
  Run r = s.run("headcount " + s.d);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "räknat 1 besökare"));
  r = s.run("headcount " + s.d + " --count 23 --activity liljan-a02");
  REQUIRE(r.code == 0); // a total: counted even within a second of the "+1"
  r = s.run("headcount " + s.d + " --count 612");
  CHECK(r.code == 1);
  CHECK(contains(r.err, "lägg till --yes"));
  for (const char* bad : {"0", "-3", "12a", ""}) {
    r = s.run("headcount " + s.d + " --count " + quoted(bad));
    CHECK(r.code == (std::string(bad) == "0" ? 1 : 2));
  }
  r = s.run("headcount " + s.d + " --count 5 --activity nope");
  CHECK(r.code == 1);
  CHECK(contains(r.err, "katalog"));
  ManualClock clock(mondayAt(9));
  const auto store = store::KioskStore::open(s.data, clock);
  int visitors = 0;
  for (const Event& e : store->events().after(0, 100)) {
    const auto* t = std::get_if<HeadcountTallied>(&e.payload);
    REQUIRE(t);
    CHECK_FALSE(e.actorStaffId);
    visitors += t->count;
  }
  CHECK(visitors == 24);
  r = s.run("settings " + s.d + " --home-mode both");
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "home_mode\tboth\n"));
  CHECK(s.run("settings " + s.d + " --home-mode door").code == 2);
  r = s.run("--version");
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "dagverk 0."));
}
