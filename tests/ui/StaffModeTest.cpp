// Staff mode through the real kiosk loop: PIN sign-in and lock-out across a restart, the
// dashboard, absences and corrections with the on-screen keyboard, logging and planning
// sessions, and the roll call.
#include "KioskDriver.hpp"
#include "ui/SessionFormScreen.hpp"
#include "core/SwedishText.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;
using dagverk::test::allEvents;
using dagverk::test::payloadsOf;
using dagverk::test::firstStaff;

namespace {


std::string wrongPinFor(const std::string& right) { return right == "9999" ? "8888" : "9999"; }
} // namespace

TEST_CASE("Staff sign in with a PIN, and five wrong PINs lock that staff member out, also across a restart", "[ui][staff]") {
  KioskDriver k("pin", mondayMorning());
  const std::string staff = firstStaff(k);
  const std::string pin = KioskDriver::demoPin(staff);
  k.tapButton("staff-entry");
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffPicker);
  k.settle("10-staff-picker");
  k.tapButton("staff-" + staff);
  REQUIRE(k.screens().screen() == ui::ScreenId::PinEntry);
  k.tapButton("pin-1");
  k.tapButton("pin-2");
  k.settle("11-pin-entry");
  k.tapButton("pin-back");
  k.tapButton("pin-back");

  for (int i = 1; i <= 4; ++i) {
    k.enterPin(wrongPinFor(pin));
    REQUIRE(k.screens().screen() == ui::ScreenId::PinEntry);
    CHECK(k.store().lockout().state(staff).failures == i);
  }
  k.settle("12-pin-wrong");
  k.enterPin(wrongPinFor(pin));
  CHECK(k.store().lockout().state(staff).secondsLeft(k.clock().nowUtc()) == 30);
  k.settle("13-pin-locked");

  // Kill and restart: the lock-out is still there, and the keypad cannot be used, nor can the
  // right PIN get past the store.
  k.restart();
  k.tapButton("staff-entry");
  k.tapButton("staff-" + staff);
  CHECK(k.store().lockout().state(staff).secondsLeft(k.clock().nowUtc()) > 0);
  CHECK_FALSE(k.screens().buttonRect("pin-ok"));
  CHECK(k.store().lockout().checkPin(staff, pin).result == store::PinResult::LockedOut);
  k.settle();
  CHECK(k.screens().screen() == ui::ScreenId::PinEntry);
  CHECK_FALSE(k.screens().inStaffMode());

  // After the lock-out, the right PIN opens staff mode.
  k.advance(31'000);
  k.enterPin(pin);
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  CHECK(k.screens().signedInStaff() == staff);
  CHECK(k.store().lockout().state(staff).failures == 0);
}

TEST_CASE("The dashboard shows today, staff check in, note an absence and correct a mistake", "[ui][staff]") {
  KioskDriver k("dashboard", mondayMorning());
  const auto people = k.app().model().participants; // a copy: the model is replaced on refresh
  const std::string a = people.at(0).id, b = people.at(1).id;
  store::perform(k.store(), cmd::CheckIn{a, std::nullopt}); // self-service, earlier this morning
  k.settle();
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);

  k.tapButton("staff-me-in");
  CHECK(k.store().staffPresence().isPresent(staff));
  k.settle("14-staff-dashboard");

  // Check someone in on their behalf: the event records who acted.
  const auto& expected = k.app().model().day.expected;
  REQUIRE_FALSE(expected.empty());
  const std::string late = expected.front().participantId;
  k.tapButton("Checka in-" + late);
  CHECK(k.store().presence().isPresent(late));
  CHECK(allEvents(k.store()).back().actorStaffId == staff);

  // Note an absence with a comment typed on the on-screen keyboard.
  const std::string away = k.app().model().day.expected.front().participantId;
  k.tapButton("Frånvaro-" + away);
  REQUIRE(k.screens().screen() == ui::ScreenId::Absence);
  k.tapButton("save"); // no reason chosen yet
  CHECK(k.formMessage() == "Välj en orsak.");
  k.tapButton("reason-sjuk");
  k.tapButton("field-absence-comment");
  k.typeOnScreen("åter på tisdag");
  k.settle("15-absence-keyboard");
  // The field being edited stays above the keyboard (its top row is the digits).
  const auto field = *k.screens().buttonRect("field-absence-comment");
  const auto key = *k.screens().buttonRect("key-1");
  CHECK(field.w < key.y);
  k.tapButton("key-done");
  // A USB keyboard or badge scanner types too: text, then Enter closes the keyboard.
  k.tapButton("field-absence-comment");
  k.typeOnUsbKeyboard(" (A123)");
  CHECK_FALSE(k.keyboardOpen());
  k.settle("16-absence");
  k.tapButton("save");
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  const auto absences = payloadsOf<AbsenceNoted>(k.store());
  REQUIRE(absences.size() == 1);
  CHECK(absences[0].participantId == away);
  CHECK(absences[0].reason == "sjuk");
  CHECK(absences[0].comment == "åter på tisdag (A123)");

  // A participant who is here cannot be noted absent (store rule, shown inline).
  CHECK_FALSE(k.app().perform(cmd::NoteAbsence{a, "sjuk", "", staff}).empty());

  // Correct a mistaken check-in: the original stays, a Corrected event points at it.
  const std::string checkInId = k.store().presence().visit(a)->checkInEventId;
  k.tapButton("Rätta-" + a);
  REQUIRE(k.screens().screen() == ui::ScreenId::Correction);
  k.tapButton("reason-av_misstag");
  k.settle("17-correction");
  k.tapButton("save");
  CHECK(k.screens().screen() == ui::ScreenId::StaffDashboard);
  CHECK_FALSE(k.store().presence().isPresent(a));
  const auto corrections = payloadsOf<Corrected>(k.store());
  REQUIRE(corrections.size() == 1);
  CHECK(corrections[0].correctsEventId == checkInId);
  const auto all = allEvents(k.store());
  CHECK(std::any_of(all.begin(), all.end(), [&](const Event& e) { return e.id == checkInId; }));
  (void)b;
}

TEST_CASE("Logging a session with three participants", "[ui][staff]") {
  KioskDriver k("session", mondayMorning());
  const auto people = k.app().model().participants;
  const std::string staff = firstStaff(k);
  k.clock().advanceMs(2 * 3600 * 1000); // 10:05
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  k.tapButton("open-activities");
  REQUIRE(k.screens().screen() == ui::ScreenId::ActivityLog);
  k.tapButton("new-session");
  REQUIRE(k.screens().screen() == ui::ScreenId::SessionForm);

  // Saving with nothing chosen says what is missing and saves nothing.
  k.tapButton("save");
  CHECK(k.formMessage() == "Välj en aktivitet.");
  const Activity art = k.app().model().activities.front();
  k.tapButton("activity-" + art.id);
  k.settle("18-session-form-activity");
  k.tapButton("next");
  REQUIRE(k.screens().screen<ui::SessionFormScreen>().step() == 2);
  k.tapButton("pick-none");
  k.tapButton("save");
  CHECK(k.formMessage() == "Välj minst en deltagare.");
  for (int i = 0; i < 3; ++i) k.tapButton("pick-" + people.at(static_cast<size_t>(i)).id);
  k.settle("18-session-form-participants");
  k.tapButton("next");
  k.settle("18-session-form-time");
  k.tapButton("duration-90");
  k.tapButton("next");
  k.tapButton("field-note");
  k.typeOnScreen("bra dag");
  k.settle("18-session-form-note");
  k.tapButton("key-done");
  k.tapButton("save");
  REQUIRE(k.screens().screen() == ui::ScreenId::ActivityLog);
  k.settle("19-activity-log");

  const auto sessions = payloadsOf<ActivitySessionLogged>(k.store());
  REQUIRE(sessions.size() == 1);
  CHECK(sessions[0].activityId == art.id);
  CHECK(sessions[0].participantIds.size() == 3);
  CHECK(sessions[0].staffIds == std::vector<std::string>{staff});
  CHECK(sessions[0].end - sessions[0].start == 90 * 60 * 1000);
  CHECK_FALSE(sessions[0].planned);
  CHECK(k.app().model().todaysSessions.size() == 1);

  // Editing it is a correction, never an update in place.
  CHECK(sessions[0].note == "bra dag");
  k.tapButton("session-" + sessions[0].sessionId);
  REQUIRE(k.screens().screen() == ui::ScreenId::SessionForm);
  k.tapButton("step-2");
  k.tapButton("pick-" + people.at(3).id);
  k.tapButton("save");
  const auto after = payloadsOf<ActivitySessionLogged>(k.store());
  CHECK(after.size() == 2);
  CHECK(payloadsOf<Corrected>(k.store()).size() == 1);
  REQUIRE(k.app().model().todaysSessions.size() == 1);
  CHECK(k.app().model().todaysSessions[0].data.participantIds.size() == 4);
}

TEST_CASE("A planned session shows on the home schedule in pictures", "[ui][staff]") {
  KioskDriver k("plan", mondayMorning());
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  k.tapButton("open-activities");
  k.tapButton("plan-session");
  const auto acts = k.app().model().activities;
  k.tapButton("activity-" + acts.at(2).id);
  k.tapButton("step-2");
  k.tapButton("pick-" + k.app().model().participants.at(4).id);
  k.tapButton("save");
  REQUIRE(k.screens().screen() == ui::ScreenId::ActivityLog);
  // A second one, an outing with a place typed on the keyboard.
  k.tapButton("plan-session");
  k.tapButton("activity-" + acts.back().id);
  k.tapButton("step-2");
  k.tapButton("pick-" + k.app().model().participants.at(5).id);
  k.tapButton("step-3");
  k.tapButton("start-plus");
  k.tapButton("start-plus");
  k.tapButton("start-plus");
  k.tapButton("start-plus");
  k.tapButton("duration-120");
  k.tapButton("step-4");
  k.tapButton("outing");
  k.tapButton("field-place");
  k.typeOnScreen("skansen");
  k.tapButton("key-done");
  k.tapButton("save");
  REQUIRE(k.app().model().todaysSessions.size() == 2);
  CHECK(k.app().model().todaysSessions[1].data.place == "skansen");
  CHECK(k.app().model().todaysSessions[0].data.planned);
  k.tapButton("back");   // to the dashboard
  k.tapButton("back");   // log out
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);
  CHECK_FALSE(k.screens().inStaffMode());
  k.settle("20-home-schedule");
}

TEST_CASE("Roll call: two of three marked safe", "[ui][staff][rollcall]") {
  KioskDriver k("rollcall", mondayMorning());
  const auto people = k.app().model().participants;
  const std::string staff = firstStaff(k);
  store::perform(k.store(), cmd::CheckIn{people.at(0).id, std::nullopt});
  store::perform(k.store(), cmd::CheckIn{people.at(1).id, std::nullopt});
  store::perform(k.store(), cmd::StaffCheckIn{staff});
  k.settle();

  // From the home screen's large entry, with no PIN: anyone in a fire needs the list.
  k.tapButton("rollcall-entry");
  REQUIRE(k.screens().screen() == ui::ScreenId::RollCall);
  CHECK_FALSE(k.screens().inStaffMode());
  auto rc = store::latestRollCall(k.store());
  REQUIRE(rc.has_value());
  CHECK(rc->expectedIds.size() == 3);
  k.settle("21-rollcall-start");

  k.tapButton("person-" + people.at(0).id);
  k.tapButton("person-" + staff);
  rc = store::latestRollCall(k.store());
  CHECK(rc->remaining() == 1);
  CHECK(rc->safeIds.count(people.at(0).id) == 1);
  k.settle("22-rollcall-two-safe");
  k.tapButton("hide-found");
  CHECK_FALSE(k.screens().buttonRect("person-" + people.at(0).id).has_value());
  CHECK(k.screens().buttonRect("person-" + people.at(1).id).has_value());
  k.settle("23-rollcall-hidden");

  // The roll call never times out, even long after the staff idle limit.
  k.advance(5 * 60 * 1000);
  CHECK(k.screens().screen() == ui::ScreenId::RollCall);

  // One stray tap on "Avsluta" does not end it: it asks, and "Nej" carries on.
  k.advance(72'000);
  k.tapButton("end-rollcall");
  k.settle("23b-rollcall-end-question");
  CHECK_FALSE(store::latestRollCall(k.store())->ended);
  CHECK_FALSE(k.screens().buttonRect("end-rollcall").has_value());
  k.tapButton("end-rollcall-no");
  CHECK_FALSE(store::latestRollCall(k.store())->ended);
  // A double tap on "Avsluta utrymning" lands on "Nej, fortsätt".
  const ImVec4 endButton = *k.screens().buttonRect("end-rollcall");
  k.tap(endButton);
  k.tap(endButton);
  CHECK_FALSE(store::latestRollCall(k.store())->ended);
  CHECK(k.screens().buttonRect("end-rollcall").has_value());
  k.tapButton("end-rollcall");
  k.tapButton("end-rollcall-yes");
  rc = store::latestRollCall(k.store());
  CHECK(rc->ended);
  const auto ends = payloadsOf<RollCallEnded>(k.store());
  REQUIRE(ends.size() == 1);
  CHECK(ends[0].notMarked == 1);
  CHECK(payloadsOf<RollCallMarkedSafe>(k.store()).size() == 2);
  // The summary: the one not marked, the two safe, the time it took; "Klar" goes home.
  REQUIRE(k.screens().screen() == ui::ScreenId::RollCallSummary);
  CHECK(rc->endedAt - rc->startedAt == 5 * 60 * 1000 + 72'000);
  CHECK_FALSE(k.screens().inStaffMode());
  k.settle("23c-rollcall-summary");
  k.tapButton("summary-done");
  CHECK(k.screens().screen() == ui::ScreenId::Home);
  CHECK_FALSE(k.screens().inStaffMode());
}

TEST_CASE("Staff mode closes by itself after 90 s without input", "[ui][staff]") {
  KioskDriver k("idle", mondayMorning());
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  REQUIRE(k.screens().inStaffMode());
  k.advance(89'000);
  CHECK(k.screens().inStaffMode());
  k.advance(2'000);
  CHECK_FALSE(k.screens().inStaffMode());
  CHECK(k.screens().screen() == ui::ScreenId::Home);
}

TEST_CASE("A crash between the taps of a form saves nothing half-done", "[ui][staff]") {
  KioskDriver k("crash-form", mondayMorning());
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  k.tapButton("open-activities");
  k.tapButton("new-session");
  k.tapButton("activity-" + k.app().model().activities.front().id);
  k.tapButton("step-2");
  k.tapButton("pick-" + k.app().model().participants.front().id);
  k.tapButton("step-4");
  k.tapButton("field-note");
  k.typeOnScreen("halvfärdig");
  const auto before = allEvents(k.store()).size();
  k.restart(); // the kiosk dies here
  CHECK(allEvents(k.store()).size() == before);
  CHECK(payloadsOf<ActivitySessionLogged>(k.store()).empty());
  CHECK(k.screens().screen() == ui::ScreenId::Home);
  CHECK_FALSE(k.screens().inStaffMode());
}

TEST_CASE("A note over 1,000 characters is refused with the count, nothing saved", "[ui][staff]") {
  KioskDriver k("long-note", mondayMorning());
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  k.tapButton("open-activities");
  k.tapButton("new-session");
  k.tapButton("activity-" + k.app().model().activities.front().id);
  k.tapButton("step-2");
  k.tapButton("pick-" + k.app().model().participants.front().id);
  k.screens().screen<ui::SessionFormScreen>().draft().note = std::string(1001, 'x'); // as if pasted from a USB keyboard
  k.tapButton("save");
  CHECK(k.formMessage().find("1001") != std::string::npos);
  CHECK(payloadsOf<ActivitySessionLogged>(k.store()).empty());
  k.settle("24-session-note-too-long");
}

TEST_CASE("Staff screens at a small 1024x600 kiosk", "[ui][staff][small]") {
  KioskDriver k("small-staff", mondayMorning(), 1024, 600);
  k.keepTargetsOnScreen(); // every target tapped and every frame settled lies inside the window
  const auto people = k.app().model().participants;
  store::perform(k.store(), cmd::CheckIn{people.at(0).id, std::nullopt});
  store::perform(k.store(), cmd::CheckIn{people.at(1).id, std::nullopt});
  k.settle();
  const std::string staff = firstStaff(k);
  k.tapButton("staff-entry");
  k.settle("small-10-staff-picker");
  k.tapButton("staff-" + staff);
  k.settle("small-11-pin");
  k.enterPin(KioskDriver::demoPin(staff));
  k.settle("small-12-dashboard");
  k.tapButton("open-activities");
  k.tapButton("new-session");
  k.settle("small-13-session-form");
  k.tapButton("step-4");
  k.tapButton("field-note");
  k.settle("small-14-session-keyboard");
  k.tapButton("key-done");
  k.tapButton("back");
  k.tapButton("back");
  k.tapButton("open-rollcall");
  k.settle("small-15-rollcall");
  CHECK(k.screens().screen() == ui::ScreenId::RollCall);
  CHECK_FALSE(k.screens().inStaffMode()); // the roll call never holds staff mode
  k.tapButton("end-rollcall");
  k.settle("small-16-rollcall-end-question");
  k.tapButton("end-rollcall-yes");
  CHECK(k.screens().screen() == ui::ScreenId::RollCallSummary);
  k.settle("small-17-rollcall-summary");
}
