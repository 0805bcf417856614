// The small-screen tests rely on KioskDriver's target check; these show that it can fail.
// Catch2's [!shouldfail] counts a failing test as passed, so a check that never fails makes
// these tests fail.
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

using namespace dagverk::test;

TEST_CASE("The target check fails for a button reaching past the window's right edge", "[ui][small][!shouldfail]") {
  KioskDriver k("target-check-right", mondayMorning(), 1024, 600);
  k.settle();
  const auto rect = k.screens().buttonRect("staff-entry");
  REQUIRE(rect.has_value());
  k.requireOnScreen("staff-entry moved 200 px right", ImVec4(rect->x + 200, rect->y, rect->z + 200, rect->w));
}

TEST_CASE("The target check fails for a button below the window's bottom edge", "[ui][small][!shouldfail]") {
  KioskDriver k("target-check-bottom", mondayMorning(), 1024, 600);
  k.settle();
  k.requireOnScreen("a button at 580–640", ImVec4(100, 580, 300, 640));
}
