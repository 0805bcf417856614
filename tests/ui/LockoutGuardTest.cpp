// The PIN lock-out against someone at the keypad, through the real kiosk loop: it cannot be
// walked around through the fire drill, it locks only the staff member whose PIN was guessed,
// a restart does not lift it, and the fire drill's path never tells whether a PIN is right.
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;
using dagverk::test::payloadsOf;
using dagverk::test::firstStaff;

namespace {
std::string wrongPinFor(const std::string& right) { return right == "9999" ? "8888" : "9999"; }

// Another ordinary staff member of the kiosk's site than `not_`.
std::string otherStaff(KioskDriver& k, const std::string& not_) {
  for (const auto& s : k.app().model().staff)
    if (s.id != not_ && s.role == StaffRole::Staff) return s.id;
  FAIL("the demo site has only one ordinary staff member");
  return {};
}

// Five wrong PINs for one staff member from the home screen, then back home.
void lockOut(KioskDriver& k, const std::string& staff) {
  k.tapButton("staff-entry");
  k.tapButton("staff-" + staff);
  for (int i = 0; i < 5; ++i) k.enterPin(wrongPinFor(KioskDriver::demoPin(staff)));
  k.tapButton("back");
  k.tapButton("back");
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);
}

// "Utrymning" from home, giving whatever the kiosk asks for on the way (the staff member's
// picture and right PIN, if it asks).
void openRollCall(KioskDriver& k, const std::string& staff) {
  k.tapButton("rollcall-entry");
  if (k.screens().screen() == ui::ScreenId::StaffPicker) {
    k.tapButton("staff-" + staff);
    k.enterPin(KioskDriver::demoPin(staff));
  }
  REQUIRE(k.screens().screen() == ui::ScreenId::RollCall);
}
} // namespace

TEST_CASE("Ending a fire drill during a lock-out does not open staff mode", "[ui][staff][rollcall][lockout]") {
  KioskDriver k("lockout-walkaround", mondayMorning());
  const auto people = k.app().model().participants;
  store::perform(k.store(), cmd::CheckIn{people.at(0).id, std::nullopt});
  const std::string staff = firstStaff(k);
  lockOut(k, staff);

  openRollCall(k, staff);
  k.tapButton("end-rollcall");
  if (k.screens().buttonRect("end-rollcall-yes")) k.tapButton("end-rollcall-yes"); // the confirmation
  REQUIRE(store::latestRollCall(k.store())->ended);
  CHECK_FALSE(k.screens().inStaffMode());
  CHECK(k.screens().screen() != ui::ScreenId::StaffDashboard);
  CHECK(k.screens().screen() == ui::ScreenId::RollCallSummary);
  k.tapButton("summary-done");
  CHECK(k.screens().screen() == ui::ScreenId::Home);
  CHECK_FALSE(k.screens().inStaffMode());
  // The attack went on to check someone in on their behalf from the dashboard.
  const std::string target = "Checka in-" + people.at(1).id;
  if (k.screens().buttonRect(target)) k.tapButton(target);
  for (const auto& e : test::allEvents(k.store()))
    if (std::holds_alternative<CheckedIn>(e.payload)) CHECK_FALSE(e.actorStaffId.has_value());
}

TEST_CASE("Wrong PINs lock out only the staff member they were typed for", "[ui][staff][lockout]") {
  KioskDriver k("lockout-per-staff", mondayMorning());
  const std::string guessed = firstStaff(k);
  const std::string colleague = otherStaff(k, guessed);
  lockOut(k, guessed);
  k.signInAsStaff(colleague, KioskDriver::demoPin(colleague));
  CHECK(k.screens().screen() == ui::ScreenId::StaffDashboard);
  CHECK(k.screens().signedInStaff() == colleague);
}

TEST_CASE("A restart does not lift a staff member's lock-out, and their keypad stays disabled",
          "[ui][staff][lockout]") {
  KioskDriver k("lockout-restart", mondayMorning());
  const std::string guessed = firstStaff(k);
  const std::string colleague = otherStaff(k, guessed);
  lockOut(k, guessed);
  k.restart();
  k.tapButton("staff-entry");
  k.tapButton("staff-" + guessed);
  REQUIRE(k.screens().screen() == ui::ScreenId::PinEntry);
  // Nothing can be typed: the digit keys and OK are not there to tap.
  for (const char* key : {"pin-0", "pin-1", "pin-5", "pin-9", "pin-ok"}) CHECK_FALSE(k.screens().buttonRect(key));
  k.settle("lockout-pin-locked");
  // The right PIN, had it been typed some other way, is not even verified.
  CHECK(k.store().lockout().checkPin(guessed, KioskDriver::demoPin(guessed)).result == store::PinResult::LockedOut);
  CHECK(k.store().lockout().state(colleague).failures == 0);
  k.tapButton("back");
  // A colleague signs in as usual.
  k.tapButton("staff-" + colleague);
  k.enterPin(KioskDriver::demoPin(colleague));
  CHECK(k.screens().screen() == ui::ScreenId::StaffDashboard);
}

TEST_CASE("During a lock-out the fire drill opens without a PIN, so it tells nothing about one",
          "[ui][staff][rollcall][lockout]") {
  KioskDriver k("lockout-no-oracle", mondayMorning());
  store::perform(k.store(), cmd::CheckIn{k.app().model().participants.at(0).id, std::nullopt});
  const std::string staff = firstStaff(k);
  lockOut(k, staff);
  // No PIN is asked for: there is nothing to guess at and no answer to read.
  k.tapButton("rollcall-entry");
  CHECK(k.screens().screen() == ui::ScreenId::RollCall);
  CHECK_FALSE(k.screens().inStaffMode());
  const auto rc = store::latestRollCall(k.store());
  REQUIRE(rc.has_value());
  // Started from home: nobody is known, so no one is named as who started it.
  const auto events = test::allEvents(k.store());
  const auto start = std::find_if(events.begin(), events.end(),
                                  [](const Event& e) { return std::holds_alternative<RollCallStarted>(e.payload); });
  REQUIRE(start != events.end());
  CHECK_FALSE(start->actorStaffId.has_value());
  // The locked-out staff member's counter was not touched by any of it.
  CHECK(k.store().lockout().state(staff).failures == 5);
}

TEST_CASE("Started from staff mode, the roll call names who started it and closes staff mode",
          "[ui][staff][rollcall][lockout]") {
  KioskDriver k("rollcall-from-staff", mondayMorning());
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  k.tapButton("open-rollcall");
  REQUIRE(k.screens().screen() == ui::ScreenId::RollCall);
  CHECK_FALSE(k.screens().inStaffMode());
  for (const auto& e : test::allEvents(k.store()))
    if (std::holds_alternative<RollCallStarted>(e.payload)) CHECK(e.actorStaffId == staff);
}

TEST_CASE("A locked-out staff member's keypad at a small 1024x600 kiosk", "[ui][staff][lockout][small]") {
  KioskDriver k("small-lockout", mondayMorning(), 1024, 600);
  k.keepTargetsOnScreen();
  const std::string staff = firstStaff(k);
  lockOut(k, staff);
  k.tapButton("staff-entry");
  k.tapButton("staff-" + staff);
  CHECK_FALSE(k.screens().buttonRect("pin-ok"));
  k.settle("small-lockout-pin-locked");
  // Once the lock-out has run out, the keypad is back.
  k.advance(31'000);
  CHECK(k.screens().buttonRect("pin-ok").has_value());
  k.enterPin(KioskDriver::demoPin(staff));
  CHECK(k.screens().screen() == ui::ScreenId::StaffDashboard);
}
