// Catch2's main for every test program. It pins the time zone first, so results never depend on
// the machine: zone files come from the copy under tests/data/zoneinfo (TZDIR), the zone is
// Europe/Stockholm, and the programs the tests start (dagverk, dagverk-central, helpers)
// inherit both through the environment.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "core/LocalTime.hpp"
#include "platform/TimeZone.hpp"

#include <cstdlib>

#ifndef DAGVERK_TEST_ZONEINFO
#error "DAGVERK_TEST_ZONEINFO must be defined by CMake"
#endif

int main(int argc, char** argv) {
  ::setenv("TZDIR", DAGVERK_TEST_ZONEINFO, 1);
  ::setenv(dagverk::platform::kTimeZoneVariable, dagverk::kSiteZone, 1);
  if (!dagverk::platform::installConfiguredTimeZone("tests")) return 1;
  return Catch::Session().run(argc, argv);
}
