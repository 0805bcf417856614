// "Besökare" through the real kiosk loop: a staff member signs in with their PIN, opens the
// screen from the dashboard and counts with real taps — "+1" (a second tap within a second
// counts once), "Ångra", a total typed afterwards for an activity, a refusal, and a large total
// confirmed — at 1280×800 and at 1024×600.
#include "ui/HeadcountScreen.hpp"
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;
using dagverk::test::payloadsOf;

namespace {

const std::string kStaff = "S001"; // Annika B., demo PIN 1001
const std::string kTheatre = "liljan-a02"; // Teater, in Liljan's catalogue

void openHeadcount(KioskDriver& k) {
  k.signInAsStaff(kStaff, "1001");
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.tapButton("open-headcount");
  REQUIRE(k.screens().screen() == ui::ScreenId::Headcount);
}

void typeTotal(KioskDriver& k, const std::string& digits) {
  for (char c : digits) k.tapButton(std::string("pin-") + c);
  k.tapButton("pin-ok");
}

int today(KioskDriver& k) { return k.app().model().headcount.today; }

std::string message(KioskDriver& k) { return k.screens().screen<ui::HeadcountScreen>().message(); }

} // namespace

TEST_CASE("Besökare: +1 with the double-tap guard, Ångra, a typed total, a refusal, a confirmed large total",
          "[ui][headcount]") {
  KioskDriver k("headcount", mondayMorning());
  openHeadcount(k);
  k.settle("80-headcount-empty");
  CHECK(today(k) == 0);

  // Three people come in; the second tap comes 0.3 s after the first, the same tap twice.
  k.tapButton("headcount-plus");
  k.advance(300);
  k.tapButton("headcount-plus");
  CHECK(payloadsOf<HeadcountTallied>(k.store()).size() == 1);
  CHECK(today(k) == 1);
  k.advance(1500);
  k.tapButton("headcount-plus");
  k.advance(1500);
  k.tapButton("headcount-plus");
  CHECK(payloadsOf<HeadcountTallied>(k.store()).size() == 3);
  CHECK(today(k) == 3);
  k.settle("80-headcount");

  // One tap too many: "Ångra" voids the newest tally with a correction; the tally stays.
  k.advance(5000);
  k.tapButton("headcount-undo");
  const auto corrections = payloadsOf<Corrected>(k.store());
  REQUIRE(corrections.size() == 1);
  CHECK(corrections.front().reason == "av_misstag");
  CHECK(corrections.front().subjectId == payloadsOf<HeadcountTallied>(k.store()).back().tallyId);
  CHECK(today(k) == 2);
  CHECK(message(k) == "Ångrat: 1 besökare");

  // The theatre afternoon, counted afterwards: 23 visitors.
  k.advance(60000);
  k.tapButton("activity-" + kTheatre);
  typeTotal(k, "23");
  k.settle("81-headcount-total");
  const auto tallies = payloadsOf<HeadcountTallied>(k.store());
  REQUIRE(tallies.size() == 4);
  CHECK(tallies.back().count == 23);
  CHECK(tallies.back().activityId == kTheatre);
  CHECK(dagverk::test::allEvents(k.store()).back().actorStaffId == kStaff);
  CHECK(message(k) == "Sparat: Teater: 23 besökare");
  CHECK(today(k) == 25);

  // Nobody came: the rule refuses 0, and the screen says why.
  k.advance(2000);
  typeTotal(k, "0");
  CHECK(payloadsOf<HeadcountTallied>(k.store()).size() == 4);
  CHECK(message(k).find("minst 1") != std::string::npos);
  k.settle("82-headcount-refused");

  // 600 is asked about first: "Nej" saves nothing, "Ja" saves it.
  k.advance(2000);
  typeTotal(k, "600");
  REQUIRE(k.screens().buttonRect("confirm-yes"));
  k.settle("83-headcount-confirm");
  k.tapButton("confirm-no");
  CHECK(payloadsOf<HeadcountTallied>(k.store()).size() == 4);
  CHECK_FALSE(k.screens().buttonRect("confirm-yes"));
  typeTotal(k, "600");
  k.tapButton("confirm-yes");
  REQUIRE(payloadsOf<HeadcountTallied>(k.store()).size() == 5);
  CHECK(payloadsOf<HeadcountTallied>(k.store()).back().count == 600);
  CHECK(today(k) == 625);

  // The same command unconfirmed, as the CLI or another screen could send it: refused, nothing
  // appended.
  k.advance(2000);
  CHECK_THROWS_AS(store::perform(k.store(), cmd::TallyHeadcount{600, "", false, kStaff}), DagverkError);
  CHECK(payloadsOf<HeadcountTallied>(k.store()).size() == 5);

  // "Ångra" is for a tap just made: a minute later it cannot be tapped.
  k.advance(61000);
  k.tapButton("headcount-undo");
  CHECK(payloadsOf<Corrected>(k.store()).size() == 1);
  k.settle("84-headcount-day");
}

TEST_CASE("Besökare at a small 1024x600 kiosk", "[ui][headcount][small]") {
  KioskDriver k("small-headcount", mondayMorning(), 1024, 600);
  k.keepTargetsOnScreen(); // every target tapped and every frame settled lies inside the window
  openHeadcount(k);
  k.tapButton("headcount-plus");
  k.advance(2000);
  k.tapButton("headcount-plus");
  CHECK(today(k) == 2);
  k.settle("small-80-headcount");
  k.advance(2000);
  k.tapButton("activity-" + kTheatre);
  typeTotal(k, "612");
  k.settle("small-83-headcount-confirm");
  k.tapButton("confirm-yes");
  CHECK(today(k) == 614);
  CHECK(message(k) == "Sparat: Teater: 612 besökare");
  k.settle("small-81-headcount-total");
}
