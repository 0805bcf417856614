// A check-in made while the kiosk's clock ran a year ahead: once the clock is right again, the
// next rollover closes it (automatic, flagged as a clock fault) and the dashboard says so.
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;
using dagverk::test::payloadsOf;
using dagverk::test::firstStaff;

TEST_CASE("A check-in from a clock a year ahead is closed and the dashboard tells staff", "[ui][staff]") {
  const UtcMs yearAhead = mondayMorning() + 365LL * 24 * 3600 * 1000;
  KioskDriver k("clockfault", yearAhead);
  const std::string who = k.app().model().participants.at(0).id;
  k.tapButton("enter-grid");
  k.tapTile(who);
  REQUIRE(k.store().presence().isPresent(who));
  k.advance(10'100); // "Välkommen" closes
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);

  // The clock is corrected; within a minute the kiosk's rollover closes the future visit.
  k.clock().set(mondayMorning());
  k.advance(61'000);
  CHECK_FALSE(k.store().presence().isPresent(who));
  const auto outs = payloadsOf<CheckedOut>(k.store());
  REQUIRE(outs.size() == 1);
  CHECK(outs.front().automatic);
  CHECK(outs.front().clockFault);
  CHECK(k.app().model().day.clockFaultClosures == 1);

  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.settle("16-dashboard-clock-fault");
}
