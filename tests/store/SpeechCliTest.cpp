// The real `dagverk` binary: the speech settings, and who is present in `status --json`.
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;

namespace {
struct SpeechKiosk {
  TempDir tmp{"cli-speech"};
  fs::path data = tmp / "data";
  std::string d = "--data-dir " + shellQuoted(data.string());
  SpeechKiosk() {
    ManualClock clock(mondayAt(8));
    store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
  }
  CliRun run(const std::string& args) const { return runProgram(tmp.path(), DAGVERK_BIN, args); }
};
} // namespace

TEST_CASE("CLI: settings shows and changes speech, volume and rate, refusing nonsense with a message") {
  SpeechKiosk s;
  const CliRun defaults = s.run("settings " + s.d);
  REQUIRE(defaults.code == 0);
  CHECK(contains(defaults.out, "speech\ton\n"));
  CHECK(contains(defaults.out, "volume\t80\n"));
  CHECK(contains(defaults.out, "speech_rate\t140\n"));

  REQUIRE(s.run("settings " + s.d + " --speech off --volume 35 --speech-rate 120").code == 0);
  const CliRun changed = s.run("settings " + s.d);
  CHECK(contains(changed.out, "speech\toff\n"));
  CHECK(contains(changed.out, "volume\t35\n"));
  CHECK(contains(changed.out, "speech_rate\t120\n"));

  for (const char* bad : {"--volume 101", "--volume -1", "--volume hög", "--speech-rate 79", "--speech-rate 261",
                          "--speech-rate 1e2", "--speech ja", "--speech ''", "--speech on --volume 200"}) {
    INFO(bad);
    const CliRun r = s.run("settings " + s.d + " " + bad);
    CHECK(r.code == 1);
    CHECK(contains(r.err, "Inget ändrades."));
  }
  const CliRun kept = s.run("settings " + s.d);
  CHECK(contains(kept.out, "speech\toff\n")); // the refused "--speech on --volume 200" changed nothing
  CHECK(contains(kept.out, "volume\t35\n"));
  CHECK(contains(kept.out, "speech_rate\t120\n"));
  CHECK(s.run("settings " + s.d + " --speech on").code == 0);
  CHECK(contains(s.run("settings " + s.d).out, "speech\ton\n"));
}

TEST_CASE("CLI: status --json lists who is present by participant id") {
  SpeechKiosk s;
  CHECK(contains(s.run("status " + s.d + " --json").out, "\"present\":[]"));
  REQUIRE(s.run("checkin " + s.d + " --participant P0003").code == 0);
  REQUIRE(s.run("checkin " + s.d + " --participant P0001").code == 0);
  REQUIRE(s.run("checkin " + s.d + " --participant P0002").code == 0);
  REQUIRE(s.run("checkout " + s.d + " --participant P0002").code == 0);
  const CliRun r = s.run("status " + s.d + " --json");
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "\"presentNow\":2"));
  CHECK(contains(r.out, "\"present\":[\"P0001\",\"P0003\"]}"));
  // Ids only: no name of anyone present.
  CHECK_FALSE(contains(r.out, "Dalia"));
  CHECK_FALSE(contains(r.out, "Hedda"));
}
