// "Besökare" through the real kiosk loop: a staff member signs in with their PIN, opens the
// screen from the dashboard and counts with real taps — "+1" (a second tap within a second
// counts once), "Ångra", a total typed afterwards for an activity, a refusal, and a large total
// confirmed — at 1280×800 and at 1024×600; and the home screen's door counter in headcount mode.
#include "ui/HeadcountScreen.hpp"
#include "ui/HomeScreen.hpp"
#include "store/Settings.hpp"
#include "core/LocalTime.hpp"
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

void openStatistics(KioskDriver& k) {
  k.signInAsStaff(kStaff, "1001");
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.tapButton("open-statistics");
  REQUIRE(k.screens().screen() == ui::ScreenId::Statistics);
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

namespace {
void setHomeMode(KioskDriver& k, const char* mode) {
  k.store().settings().setValue(store::kSettingHomeMode, mode);
  k.restart(); // the kiosk reads its settings when it starts (and at every model refresh)
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);
}
std::string homeMessage(KioskDriver& k) { return k.screens().screen<ui::HomeScreen>().headcountMessage(); }
} // namespace

TEST_CASE("Headcount mode: the home screen's door counter, +1 with no names, −1 within a minute",
          "[ui][headcount][home]") {
  KioskDriver k("home-headcount", mondayMorning());
  // Check-in only (the default): no door counter.
  CHECK_FALSE(k.screens().buttonRect("home-headcount-plus"));
  CHECK(k.screens().buttonRect("enter-grid"));

  // An open meeting place: the counter instead of the check-in.
  setHomeMode(k, "headcount");
  CHECK(k.screens().buttonRect("home-headcount-plus"));
  CHECK_FALSE(k.screens().buttonRect("enter-grid"));
  k.tapButton("home-headcount-plus");
  k.advance(400);
  k.tapButton("home-headcount-plus"); // the same tap twice: counted once
  CHECK(payloadsOf<HeadcountTallied>(k.store()).size() == 1);
  k.advance(1200);
  k.tapButton("home-headcount-plus");
  k.advance(1200);
  k.tapButton("home-headcount-plus");
  const auto tallies = payloadsOf<HeadcountTallied>(k.store());
  REQUIRE(tallies.size() == 3);
  for (const auto& t : tallies) CHECK((t.count == 1 && t.activityId.empty()));
  for (const auto& e : dagverk::test::allEvents(k.store())) CHECK_FALSE(e.actorStaffId); // nobody is named
  CHECK(today(k) == 3);
  k.settle("85-home-headcount");

  // −1 at the door: the newest tally is voided, with no staff member named.
  k.advance(3000);
  k.tapButton("home-headcount-undo");
  const auto corrections = payloadsOf<Corrected>(k.store());
  REQUIRE(corrections.size() == 1);
  CHECK(corrections.front().subjectId == tallies.back().tallyId);
  CHECK_FALSE(dagverk::test::allEvents(k.store()).back().actorStaffId);
  CHECK(today(k) == 2);
  CHECK(homeMessage(k) == "Ångrat: 1 besökare");
  // The same tally cannot be undone twice; the next −1 would void the one before, but a minute
  // after the newest "+1" the door cannot undo anything: only staff can.
  k.advance(61000);
  k.tapButton("home-headcount-undo");
  CHECK(payloadsOf<Corrected>(k.store()).size() == 1);
  const auto events = dagverk::test::allEvents(k.store());
  CHECK_THROWS_AS(store::perform(k.store(), cmd::Correct{events.front().id, "av_misstag", ""}), DagverkError);
  CHECK(payloadsOf<Corrected>(k.store()).size() == 1);

  // A total staff typed is never undone at the door, even at once.
  store::perform(k.store(), cmd::TallyHeadcount{23, kTheatre, false, kStaff});
  const std::string typed = dagverk::test::allEvents(k.store()).back().id;
  CHECK_THROWS_AS(store::perform(k.store(), cmd::Correct{typed, "av_misstag", ""}), DagverkError);
  CHECK(payloadsOf<Corrected>(k.store()).size() == 1);

  // Both modes: check-in and the counter side by side.
  setHomeMode(k, "both");
  CHECK(k.screens().buttonRect("home-headcount-plus"));
  CHECK(k.screens().buttonRect("enter-grid"));
  CHECK(today(k) == 25);
  k.settle("86-home-headcount-both");
}

TEST_CASE("Headcount mode at a small 1024x600 kiosk", "[ui][headcount][home][small]") {
  KioskDriver k("small-home-headcount", mondayMorning(), 1024, 600);
  k.keepTargetsOnScreen();
  setHomeMode(k, "both");
  k.tapButton("home-headcount-plus");
  k.advance(2000);
  k.tapButton("home-headcount-plus");
  CHECK(today(k) == 2);
  k.settle("small-86-home-headcount-both");
  k.advance(2000);
  k.tapButton("home-headcount-undo");
  CHECK(today(k) == 1);
  setHomeMode(k, "headcount");
  k.settle("small-85-home-headcount");
}

namespace {
// Tallies over past weeks, recorded beside the kiosk as its store would record them then.
void tallyOn(KioskDriver& k, LocalDate day, int hour, int count, bool undo = false) {
  k.clock().set(fromStockholm(day, hour, 0));
  const Event e = store::perform(k.store(), cmd::TallyHeadcount{count, "", true, std::nullopt}).front();
  if (undo) store::perform(k.store(), cmd::Correct{e.id, "av_misstag", ""});
}
} // namespace

TEST_CASE("Statistik of an open meeting place: visitors per week of the last 8 weeks",
          "[ui][headcount][statistics]") {
  // Monday 23 November 2026; the 8 weeks are the 56 days ending today: 29 Sep .. 23 Nov.
  KioskDriver k("headcount-statistics", mondayMorning());
  k.store().settings().setValue(store::kSettingHomeMode, "both");
  const LocalDate today = toStockholm(k.clock().nowUtc()).date;
  const auto daysAgo = [&](long n) { return civilFromDays(daysFromCivil(today) - n); };
  tallyOn(k, daysAgo(60), 10, 9);   // before the 8 weeks: not shown
  tallyOn(k, daysAgo(55), 10, 4);   // week 1 (its first day)
  tallyOn(k, daysAgo(50), 14, 12);  // week 1
  tallyOn(k, daysAgo(30), 11, 7);   // week 4
  tallyOn(k, daysAgo(30), 12, 3, true); // week 4, undone: not counted
  tallyOn(k, daysAgo(2), 18, 23);   // week 8
  tallyOn(k, today, 8, 1);          // today, week 8
  k.restart();
  openStatistics(k);
  const auto& weeks = k.app().model().headcountWeeks;
  REQUIRE(weeks.size() == 8);
  CHECK(weeks.front().from == daysAgo(55));
  const std::vector<std::int64_t> expected{16, 0, 0, 7, 0, 0, 0, 24};
  for (size_t i = 0; i < 8; ++i) CHECK(weeks[i].visitors == expected[i]);
  k.settle("87-statistics-headcount");
}

TEST_CASE("Statistik of an open meeting place at a small 1024x600 kiosk", "[ui][headcount][statistics][small]") {
  KioskDriver k("small-headcount-statistics", mondayMorning(), 1024, 600);
  k.store().settings().setValue(store::kSettingHomeMode, "headcount");
  const LocalDate today = toStockholm(k.clock().nowUtc()).date;
  tallyOn(k, civilFromDays(daysFromCivil(today) - 10), 15, 31);
  tallyOn(k, today, 8, 2);
  k.restart();
  openStatistics(k);
  CHECK(k.app().model().headcountWeeks.back().visitors == 2);
  CHECK(k.app().model().headcountWeeks[6].visitors == 31);
  k.settle("small-87-statistics-headcount");
  // The panel lies under the other sections: scrolled to, it is inside the window.
  k.dragFinger(500, 500, 500, 100);
  k.settle("small-87-statistics-headcount-scrolled");
}
