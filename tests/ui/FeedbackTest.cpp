// "Tyck till" and the quick survey through the real kiosk loop: anonymous and named feedback,
// the pressed-twice guard, and a survey answered by six participants (shares shown to staff)
// and by four (hidden).
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;
using dagverk::test::payloadsOf;
using dagverk::test::firstStaff;

namespace {

void answerSurvey(KioskDriver& k, const std::string& participantId, const std::vector<std::string>& answers,
                  const std::string& screenshotPrefix = {}) {
  k.tapButton("survey-entry");
  REQUIRE(k.screens().screen() == ui::ScreenId::SurveyWho);
  if (!screenshotPrefix.empty()) k.settle(screenshotPrefix + "-who");
  k.tapTile(participantId);
  REQUIRE(k.screens().screen() == ui::ScreenId::SurveyQuestion);
  for (size_t i = 0; i < answers.size(); ++i) {
    if (!screenshotPrefix.empty()) k.settle(screenshotPrefix + "-q" + std::to_string(i + 1));
    k.tapButton("answer-" + answers[i]);
  }
  REQUIRE(k.screens().screen() == ui::ScreenId::Thanks);
  k.advance(4'100); // the thank-you closes by itself
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);
}

void openWindow(KioskDriver& k) {
  const LocalDate today = toStockholm(k.clock().nowUtc()).date;
  const LocalDate last = civilFromDays(daysFromCivil(today) + 13);
  REQUIRE(k.app().perform(cmd::OpenSurveyWindow{today, last, firstStaff(k)}).empty());
  k.settle();
  REQUIRE(k.app().model().surveyOpenToday());
}
} // namespace

TEST_CASE("Tyck till, anonymous: a face, a topic, a few words, no talk", "[ui][feedback]") {
  KioskDriver k("feedback-anon", mondayMorning());
  k.settle("30-home-with-feedback");
  k.tapButton("feedback-entry");
  REQUIRE(k.screens().screen() == ui::ScreenId::FeedbackMood);
  k.settle("31-feedback-mood");
  k.tapButton("mood-ledsen");
  REQUIRE(k.screens().screen() == ui::ScreenId::FeedbackTopic);
  k.settle("32-feedback-topic");
  k.tapButton("topic-maten");
  REQUIRE(k.screens().screen() == ui::ScreenId::FeedbackMore);
  k.settle("33-feedback-more");
  k.tapButton("field-feedback-text");
  k.typeOnScreen("soppan var kall");
  k.settle("34-feedback-keyboard");
  k.tapButton("key-done");
  k.tapButton("talk-no");
  REQUIRE(k.screens().screen() == ui::ScreenId::Thanks);
  k.settle("35-feedback-thanks");
  const auto fb = payloadsOf<FeedbackGiven>(k.store());
  REQUIRE(fb.size() == 1);
  CHECK(fb[0].mood == "ledsen");
  CHECK(fb[0].topic == "maten");
  CHECK(fb[0].text == "soppan var kall");
  CHECK_FALSE(fb[0].wantsTalk);
  CHECK(fb[0].participantId.empty());
  // Self-service: no staff member acted.
  CHECK_FALSE(k.store().events().after(0, 100).back().actorStaffId.has_value());
  k.advance(4'100);
  CHECK(k.screens().screen() == ui::ScreenId::Home);
}

TEST_CASE("Tyck till, named: wants to talk, taps their own picture, and a second entry within 5 s is ignored",
          "[ui][feedback]") {
  KioskDriver k("feedback-named", mondayMorning());
  const std::string who = k.app().model().participants.at(2).id;
  k.tapButton("feedback-entry");
  k.tapButton("mood-mittemellan");
  k.tapButton("topic-resan");
  k.tapButton("talk-yes");
  REQUIRE(k.screens().screen() == ui::ScreenId::FeedbackWho);
  k.settle("36-feedback-who");
  k.tapTile(who);
  REQUIRE(k.screens().screen() == ui::ScreenId::Thanks);
  k.settle("37-feedback-thanks-named");
  auto fb = payloadsOf<FeedbackGiven>(k.store());
  REQUIRE(fb.size() == 1);
  CHECK(fb[0].participantId == who);
  CHECK(fb[0].wantsTalk);

  // Pressed twice: the same path again within 5 s saves nothing more.
  k.tapAt(640, 400);
  k.clock().advanceMs(1'500);
  k.tapAt(640, 400);
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);
  k.tapButton("feedback-entry");
  k.tapButton("mood-glad");
  k.tapButton("topic-lokalen");
  k.tapButton("talk-no");
  CHECK(payloadsOf<FeedbackGiven>(k.store()).size() == 1);
  // After the guard, a new entry counts.
  k.advance(6'000);
  k.tapButton("feedback-entry");
  k.tapButton("mood-glad");
  k.tapButton("topic-lokalen");
  k.tapButton("talk-no");
  CHECK(payloadsOf<FeedbackGiven>(k.store()).size() == 2);
}

TEST_CASE("Tyck till left half-way saves nothing", "[ui][feedback]") {
  KioskDriver k("feedback-abandoned", mondayMorning());
  k.tapButton("feedback-entry");
  k.tapButton("mood-ledsen");
  k.advance(61'000);
  CHECK(k.screens().screen() == ui::ScreenId::Home);
  CHECK(payloadsOf<FeedbackGiven>(k.store()).empty());
}

TEST_CASE("A survey answered by six participants: shares shown to staff", "[ui][survey]") {
  KioskDriver k("survey-six", mondayMorning());
  CHECK_FALSE(k.screens().buttonRect("survey-entry").has_value()); // no window yet
  openWindow(k);
  k.settle("40-home-with-survey");
  const auto people = k.app().model().participants; // a copy: the model is replaced on refresh
  const std::vector<std::vector<std::string>> answers = {
      {"ja", "ja", "ja"},     {"ja", "ibland", "nej"}, {"ibland", "ja", "ja"},
      {"nej", "ja", "ibland"}, {"ja", "ja", "nej"},    {"ja", "nej", "ja"}};
  for (size_t i = 0; i < answers.size(); ++i)
    answerSurvey(k, people.at(i).id, answers[i], i == 0 ? "41-survey" : "");
  const auto events = payloadsOf<SurveyAnswered>(k.store());
  REQUIRE(events.size() == 6);
  // Answers are anonymous: no participant id anywhere in them.
  for (const auto& e : k.store().events().after(0, 100000))
    if (std::holds_alternative<SurveyAnswered>(e.payload)) {
      CHECK_FALSE(e.actorStaffId.has_value());
      for (size_t i = 0; i < 6; ++i) CHECK(encodePayload(e.payload).find(people.at(i).id) == std::string::npos);
    }
  // Each participant answers once per window: the tile is pale and a tap says so.
  k.tapButton("survey-entry");
  k.settle("42-survey-who-answered");
  k.tapTile(people.at(0).id);
  CHECK(k.screens().screen() == ui::ScreenId::SurveyWho);
  CHECK(payloadsOf<SurveyAnswered>(k.store()).size() == 6);
  k.tapButton("home");

  const SurveyResult r = store::surveyResult(k.store(), k.app().model().surveyWindow->windowId);
  CHECK(r.answers == 6);
  CHECK(r.shown());
  CHECK(r.counts[0][0] == 4); // "ja" to question 1: hand-counted from the table above
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  k.tapButton("open-survey");
  REQUIRE(k.screens().screen() == ui::ScreenId::SurveyAdmin);
  CHECK(k.screens().buttonRect("survey-shares").has_value());
  k.settle("43-survey-admin-shares");
}

TEST_CASE("A survey answered by four participants: shares hidden", "[ui][survey]") {
  KioskDriver k("survey-four", mondayMorning());
  openWindow(k);
  const auto people = k.app().model().participants; // a copy: the model is replaced on refresh
  for (size_t i = 0; i < 4; ++i) answerSurvey(k, people.at(i).id, {"ja", "ja", "ja"});
  CHECK_FALSE(store::surveyResult(k.store(), k.app().model().surveyWindow->windowId).shown());
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  k.tapButton("open-survey");
  REQUIRE(k.screens().screen() == ui::ScreenId::SurveyAdmin);
  CHECK_FALSE(k.screens().buttonRect("survey-shares").has_value());
  k.settle("44-survey-admin-too-few");
}

TEST_CASE("Tyck till and the survey at a small 1024x600 kiosk", "[ui][feedback][small]") {
  KioskDriver k("small-feedback", mondayMorning(), 1024, 600);
  k.keepTargetsOnScreen(); // every target tapped and every frame settled lies inside the window
  openWindow(k);
  k.settle("small-30-home");
  k.tapButton("feedback-entry");
  k.settle("small-31-feedback-mood");
  k.tapButton("mood-glad");
  k.settle("small-32-feedback-topic");
  k.tapButton("topic-personalen");
  k.settle("small-33-feedback-more");
  k.tapButton("talk-no");
  k.advance(4'100);
  k.tapButton("survey-entry");
  k.tapTile(k.app().model().participants.front().id);
  k.settle("small-41-survey-question");
}
