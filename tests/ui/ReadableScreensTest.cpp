// Every screen a participant goes to, and the staff screens named in the contrast and fit
// fixes, in both themes, at 1280×800 and 1024×600 and at each text size: every text inside
// its widget, every participant target at least 12 mm (scaled), and WCAG contrast measured on
// the screenshot's pixels (KioskDriverMeasure.cpp).
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

#include "store/Perform.hpp"

using namespace dagverk;
using namespace dagverk::test;

namespace {

struct Look {
  int width, height;
  const char* theme;
  const char* textSize;
};

// "<size>-[hc-][large125-|large150-]": the screenshots' names say what they show.
std::string prefixOf(const Look& l) {
  std::string p = std::to_string(l.width) + "-";
  if (std::string(l.theme) == "high-contrast") p += "hc-";
  if (std::string(l.textSize) == "1.25") p += "large125-";
  if (std::string(l.textSize) == "1.5") p += "large150-";
  return p;
}

void openSurvey(KioskDriver& k) {
  const LocalDate today = toStockholm(k.clock().nowUtc()).date;
  REQUIRE(k.app().perform(cmd::OpenSurveyWindow{today, civilFromDays(daysFromCivil(today) + 13), firstStaff(k)})
              .empty());
  k.settle();
}

// The participant's path through every screen, then the staff screens, checked on each.
void walk(KioskDriver& k, const std::string& p) {
  const auto people = k.app().model().participants;
  k.requireReadable(p + "home");
  k.tapButton("enter-grid");
  k.requireReadable(p + "grid");
  k.tapTile(people.front().id);
  k.requireReadable(p + "welcome");
  k.advance(10'100); // the welcome (with "Det är inte jag") closes after 10 s
  k.tapButton("enter-grid");
  k.tapTile(people.front().id);
  k.requireReadable(p + "going-home-guard"); // the answers greyed for the first second
  k.advance(1'000);
  k.requireReadable(p + "going-home");
  k.tapButton("yes");
  k.requireReadable(p + "goodbye");
  k.advance(5'000);
  k.tapButton("feedback-entry");
  k.requireReadable(p + "feedback-mood");
  k.tapButton("mood-mittemellan");
  k.requireReadable(p + "feedback-topic");
  k.tapButton("topic-personalen");
  k.requireReadable(p + "feedback-more");
  k.tapButton("talk-no");
  k.requireReadable(p + "thanks");
  k.advance(5'000);
  k.tapButton("survey-entry");
  k.requireReadable(p + "survey-who");
  k.tapTile(people.at(1).id);
  k.requireReadable(p + "survey-question");
  k.tapButton("home");
  const std::string staff = firstStaff(k);
  k.tapButton("staff-entry");
  k.requireReadable(p + "staff-picker");
  k.tapButton("staff-" + staff);
  k.tapButton("pin-1");
  k.requireReadable(p + "pin");
  k.tapButton("pin-" + KioskDriver::demoPin(staff).substr(1, 1));
  for (char c : KioskDriver::demoPin(staff).substr(2)) k.tapButton(std::string("pin-") + c);
  k.tapButton("pin-ok");
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.requireReadable(p + "dashboard");
  k.tapButton("open-statistics");
  k.requireReadable(p + "statistics");
}

void checkLook(const Look& l) {
  const std::string p = prefixOf(l);
  KioskDriver k("readable-" + p, mondayMorning(), l.width, l.height);
  k.setAppearance(l.theme, l.textSize);
  k.keepTargetsOnScreen();
  // A full day: many on the dashboard's lists, as at a busy site.
  const auto people = k.app().model().participants;
  for (size_t i = 2; i < people.size(); i += 3) store::perform(k.store(), cmd::CheckIn{people[i].id, std::nullopt});
  openSurvey(k);
  walk(k, "a11y-" + p);
}

} // namespace

TEST_CASE("Every screen is readable and tappable in the standard theme", "[ui][readable]") {
  const char* size = GENERATE("1", "1.25", "1.5");
  SECTION("1280x800") { checkLook({1280, 800, "standard", size}); }
  SECTION("1024x600") { checkLook({1024, 600, "standard", size}); }
}

TEST_CASE("Every screen is readable and tappable in the high-contrast theme", "[ui][readable]") {
  const char* size = GENERATE("1", "1.25", "1.5");
  SECTION("1280x800") { checkLook({1280, 800, "high-contrast", size}); }
  SECTION("1024x600") { checkLook({1024, 600, "high-contrast", size}); }
}
