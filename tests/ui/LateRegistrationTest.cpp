// "Efterregistrera" through the real kiosk loop: a staff member signs in with their PIN, opens
// the screen from the dashboard, picks last Friday, sees the one checked in on the kiosk that
// day as registered (not tickable), ticks two from the paper sheet with times typed on the
// keypad, is refused a departure before the arrival (nothing written), and saves; at 1280×800
// and at 1024×600.
#include "ui/LateRegistrationScreen.hpp"
#include "core/LocalTime.hpp"
#include "store/Perform.hpp"
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;
using dagverk::test::payloadsOf;

namespace {

const std::string kStaff = "S001"; // Annika B., demo PIN 1001
const LocalDate kFriday{2026, 11, 20};

// Hugo N. (P0002) checked in on the kiosk last Friday; the rollover closed his visit.
void fridayOnTheKiosk(KioskDriver& k) {
  k.clock().set(fromStockholm(kFriday, 9, 0));
  REQUIRE_NOTHROW(store::perform(k.store(), Command{cmd::CheckIn{"P0002", std::nullopt}}));
  k.clock().set(mondayMorning());
  store::runDayRollover(k.store());
}

ui::LateRegistrationScreen& screen(KioskDriver& k) { return k.screens().screen<ui::LateRegistrationScreen>(); }

void openFriday(KioskDriver& k, const std::string& shots) {
  k.signInAsStaff(kStaff, "1001");
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.tapButton("open-late");
  REQUIRE(k.screens().screen() == ui::ScreenId::LateRegistration);
  k.settle(shots + "-days");
  // The last 30 days are offered, today and day 31 are not.
  CHECK(k.screens().buttonRect("late-day-2026-11-22"));
  CHECK_FALSE(k.screens().buttonRect("late-day-2026-11-23"));
  k.tapButton("late-day-2026-11-20");
  k.settle();
  REQUIRE(screen(k).day() == kFriday);
  REQUIRE(k.app().model().lateDay.day == kFriday);
  CHECK(k.app().model().lateDay.registered == std::set<std::string>{"P0002"});
}

void typeTime(KioskDriver& k, const std::string& button, const std::string& digits) {
  k.tapButton(button);
  for (char c : digits) k.tapButton(std::string("pin-") + c);
  k.tapButton("pin-ok");
}

} // namespace

TEST_CASE("Efterregistrera: pick a past day, tick from the sheet with times, merged with the kiosk's own",
          "[ui][late]") {
  KioskDriver k("late", mondayMorning());
  fridayOnTheKiosk(k);
  openFriday(k, "90-late");
  k.settle("90-late-sheet");
  // Hugo was checked in on the kiosk that day: shown as registered, nothing to tick.
  CHECK_FALSE(k.screens().buttonRect("late-tick-P0002"));
  // Ali C. (P0017) and Anton E. (P0004) are expected on Fridays.
  k.tapButton("late-tick-P0017");
  typeTime(k, "late-in-P0004", "0830");
  k.tapButton("late-out-P0004");
  k.tapButton("pin-1");
  k.tapButton("pin-5");
  k.settle("90-late-time");
  k.tapButton("pin-1");
  k.tapButton("pin-5");
  k.tapButton("pin-ok");
  CHECK(screen(k).lines().at("P0004").ticked); // a time on the sheet means they came
  CHECK(screen(k).lines().at("P0004").arrive == 8 * 60 + 30);
  CHECK(screen(k).lines().at("P0004").leave == 15 * 60 + 15);

  // Not a time: said on the screen, nothing set.
  typeTime(k, "late-in-P0017", "2575");
  CHECK(screen(k).message() == "Skriv tiden som fyra siffror, till exempel 0830 för 08:30.");
  k.tapButton("late-time-cancel");
  CHECK_FALSE(screen(k).lines().at("P0017").arrive);

  // A departure before the arrival is refused by the rule and nothing is written.
  typeTime(k, "late-in-P0017", "1500");
  typeTime(k, "late-out-P0017", "0900");
  k.tapButton("late-save");
  CHECK(screen(k).message() == "Tiden för hemgång (09:00) är före ankomsten (15:00). Kontrollera tiderna på listan.");
  CHECK(payloadsOf<LateVisitRegistered>(k.store()).empty());
  k.settle("90-late-refused");
  k.tapButton("late-out-P0017");
  k.tapButton("late-time-clear");
  CHECK_FALSE(screen(k).lines().at("P0017").leave);

  k.tapButton("late-save");
  k.settle("90-late-saved");
  const auto visits = payloadsOf<LateVisitRegistered>(k.store());
  REQUIRE(visits.size() == 2);
  for (const auto& v : visits) CHECK(v.date == "2026-11-20");
  CHECK(screen(k).summary().rfind("Sparat: 2 besök fredag 20 november", 0) == 0);
  CHECK(screen(k).message().empty());
  // Now both are registered that day and cannot be ticked again; today's presence is untouched.
  CHECK(k.app().model().lateDay.registered == std::set<std::string>{"P0002", "P0004", "P0017"});
  CHECK_FALSE(k.screens().buttonRect("late-tick-P0017"));
  CHECK(k.store().presence().count() == 0);
  CHECK(k.app().model().presentSince.empty());

  // "Visa alla i schemat" lists those not expected on Fridays too (Alva R., P0008, Mon–Thu).
  CHECK_FALSE(k.screens().buttonRect("late-tick-P0008"));
  k.tapButton("late-show-all");
  CHECK(k.screens().buttonRect("late-tick-P0008"));

  // "Byt dag" goes back to the days; "Tillbaka" to the dashboard.
  k.tapButton("back");
  CHECK_FALSE(screen(k).day());
  k.tapButton("back");
  CHECK(k.screens().screen() == ui::ScreenId::StaffDashboard);
}

TEST_CASE("Efterregistrera at a small 1024x600 kiosk", "[ui][late][small]") {
  KioskDriver k("small-late", mondayMorning(), 1024, 600);
  k.keepTargetsOnScreen();
  fridayOnTheKiosk(k);
  openFriday(k, "small-90-late");
  k.settle("small-90-late-sheet");
  k.tapButton("late-tick-P0017");
  typeTime(k, "late-in-P0004", "0845");
  k.tapButton("late-out-P0004");
  k.settle("small-90-late-time");
  k.tapButton("late-time-cancel");
  k.tapButton("late-save");
  k.settle("small-90-late-saved");
  CHECK(payloadsOf<LateVisitRegistered>(k.store()).size() == 2);
}
