// "Det är inte jag" on the welcome: someone who tapped the wrong picture undoes that check-in
// themselves within 10 seconds (a Corrected with no staff member: the participant at the
// screen, as for the check-in itself) and is back at the grid to find their own.
#include "KioskDriver.hpp"
#include "store/Perform.hpp"

#include <catch2/catch.hpp>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::allEvents;
using dagverk::test::mondayMorning;
using dagverk::test::payloadsOf;

TEST_CASE("Det är inte jag voids the check-in and goes back to the grid", "[ui][notme]") {
  KioskDriver k("not-me", mondayMorning());
  k.tapButton("enter-grid");
  const Participant wrong = k.app().model().participants.at(0);
  const Participant right = k.app().model().participants.at(1);
  k.tapTile(wrong.id);
  REQUIRE(k.screens().screen() == ui::ScreenId::Welcome);
  REQUIRE(k.store().presence().isPresent(wrong.id));
  k.settle("03b-welcome-not-me");

  k.clock().advanceMs(2000);
  k.tapButton("not-me");
  REQUIRE(k.screens().screen() == ui::ScreenId::CheckInGrid);
  CHECK_FALSE(k.store().presence().isPresent(wrong.id));
  const auto corrections = payloadsOf<Corrected>(k.store());
  REQUIRE(corrections.size() == 1);
  CHECK(corrections[0].subjectId == wrong.id);
  CHECK(corrections[0].reason == "fel_person");
  const auto events = allEvents(k.store());
  CHECK(corrections[0].correctsEventId == events.front().id);
  CHECK_FALSE(events.back().actorStaffId.has_value()); // the participant, not staff

  // The right person checks in from the grid the screen went back to.
  k.tapTile(right.id);
  REQUIRE(k.screens().screen() == ui::ScreenId::Welcome);
  CHECK(k.store().presence().isPresent(right.id));
  CHECK(k.app().model().presentSince.size() == 1);
}

TEST_CASE("Det är inte jag stays for 10 seconds, then the welcome closes", "[ui][notme]") {
  KioskDriver k("not-me-time", mondayMorning(), 1024, 600);
  k.keepTargetsOnScreen();
  k.tapButton("enter-grid");
  const Participant p = k.app().model().participants.front();
  k.tapTile(p.id);
  k.settle("03b-welcome-not-me-1024x600");
  k.advance(9'900);
  REQUIRE(k.screens().screen() == ui::ScreenId::Welcome);
  CHECK(k.screens().buttonRect("not-me").has_value());
  k.advance(200);
  CHECK(k.screens().screen() == ui::ScreenId::Home);
  CHECK(k.store().presence().isPresent(p.id));
  CHECK(payloadsOf<Corrected>(k.store()).empty());
}

TEST_CASE("Without staff only a fresh self-service check-in can be undone", "[ui][notme]") {
  KioskDriver k("not-me-rules", mondayMorning());
  const auto& people = k.app().model().participants;
  // Checked in by staff: not the participant's own tap.
  const Event byStaff = store::perform(k.store(), cmd::CheckIn{people.at(0).id, std::string("S001")}).front();
  CHECK_THROWS_AS(store::perform(k.store(), cmd::Correct{byStaff.id, "fel_person", ""}), DagverkError);
  // Their own, but long ago.
  const Event own = store::perform(k.store(), cmd::CheckIn{people.at(1).id, std::nullopt}).front();
  k.clock().advanceMs(60'000);
  CHECK_THROWS_AS(store::perform(k.store(), cmd::Correct{own.id, "fel_person", ""}), DagverkError);
  CHECK(k.store().presence().isPresent(people.at(0).id));
  CHECK(k.store().presence().isPresent(people.at(1).id));
}
