// Pictures for every prompt, through the real kiosk loop: the thank-you repeats the face and
// topic chosen, every "Tyck till" topic has its pictogram, a participant without a photo shows
// their personal symbol, the home schedule shows the activity's pictogram. Screenshots at
// 1280×800 and 1024×600.
#include "KioskDriver.hpp"

#include "core/Feedback.hpp"
#include "core/Pictograms.hpp"
#include "platform/EmojiFont.hpp"
#include "store/Perform.hpp"
#include "ui/PictogramChoiceScreen.hpp"
#include "ui/ThanksScreen.hpp"

#include <cstdlib>

#include <catch2/catch.hpp>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;

TEST_CASE("Pictures: the thank-you shows the face and the topic the participant chose", "[ui][pictures]") {
  for (const auto& size : {std::pair{1280, 800}, std::pair{1024, 600}}) {
    KioskDriver k("pictures-thanks-" + std::to_string(size.first), mondayMorning(), size.first, size.second);
    for (const auto& mood : feedbackMoods()) {
      INFO("mood " << mood.code << " at " << size.first);
      k.tapButton("feedback-entry");
      k.tapButton(std::string("mood-") + mood.code);
      k.tapButton("topic-lokalen");
      k.tapButton("talk-no");
      REQUIRE(k.screens().screen() == ui::ScreenId::Thanks);
      k.settle("pictures-thanks-" + std::string(mood.code) + "-" + std::to_string(size.first));
      CHECK(k.screens().screen<ui::ThanksScreen>().face() == mood.code);
      CHECK(k.screens().pictogramsShown().count("thanks-topic") == 1);
      if (k.screens().pictogramsShown().count("thanks-topic"))
        CHECK(k.screens().pictogramsShown().at("thanks-topic") == "tema-lokalen");
      k.advance(4'100);
      REQUIRE(k.screens().screen() == ui::ScreenId::Home);
    }
  }
}

namespace {
constexpr const char* kAssistantManager = "S059"; // Ann-Sofie M., liljan

std::string shown(KioskDriver& k, const std::string& where) {
  const auto& all = k.screens().pictogramsShown();
  auto it = all.find(where);
  return it == all.end() ? std::string() : it->second;
}

// "Bilder" as an assistant manager: a symbol and colour for a participant.
void chooseSymbol(KioskDriver& k, const std::string& participantId, const std::string& symbol,
                  const std::string& colour, const std::string& screenshot = {}) {
  k.signInAsStaff(kAssistantManager, KioskDriver::demoPin(kAssistantManager));
  k.tapButton("open-pictures");
  REQUIRE(k.screens().screen() == ui::ScreenId::PictogramChoice);
  k.tapButton("subject-" + participantId);
  k.tapButton("colour-" + colour);
  k.tapButton("pick-" + symbol);
  if (!screenshot.empty()) k.settle(screenshot);
  k.tapButton("save-pictogram");
  CHECK(k.screens().screen<ui::PictogramChoiceScreen>().message() == "Sparat.");
  k.tapButton("back");
  k.tapButton("back"); // "Logga ut"
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);
}
} // namespace

TEST_CASE("Pictures: every key of the table is a glyph of the installed emoji font", "[ui][pictures]") {
  const auto font = platform::EmojiFont::open(platform::emojiFontPath());
  REQUIRE(font);
  for (const auto& p : pictograms()) {
    INFO(p.key);
    CHECK(font->hasGlyph(p.codePoint));
    const platform::RgbaImage img = font->render(p.codePoint, 48);
    REQUIRE(img.width == 48);
    int opaque = 0;
    for (size_t i = 3; i < img.rgba.size(); i += 4) opaque += img.rgba[i] > 128;
    CHECK(opaque > 48 * 48 / 10); // a picture, not an empty square
  }
  CHECK_FALSE(font->hasGlyph(U'\U0010FFFD'));
}

TEST_CASE("Pictures: every Tyck till topic has its pictogram, and Vem är du? carries the Tyck till header",
          "[ui][pictures]") {
  for (const auto& size : {std::pair{1280, 800}, std::pair{1024, 600}}) {
    const std::string w = std::to_string(size.first);
    KioskDriver k("pictures-topics-" + w, mondayMorning(), size.first, size.second);
    k.keepTargetsOnScreen();
    k.tapButton("feedback-entry");
    k.tapButton("mood-glad");
    k.settle("pictures-topics-" + w);
    for (const auto& t : feedbackTopics()) CHECK(shown(k, std::string("topic-") + t.code) == topicPictogram(t.code));
    k.tapButton("topic-personalen");
    k.tapButton("talk-yes");
    REQUIRE(k.screens().screen() == ui::ScreenId::FeedbackWho);
    k.settle("pictures-feedback-who-" + w);
    CHECK(shown(k, "feedback-who-header") == kPictogramTalk);
  }
}

TEST_CASE("Pictures: a personal symbol in the grid, on the welcome and in the roll call, kept across bundles",
          "[ui][pictures]") {
  for (const auto& size : {std::pair{1280, 800}, std::pair{1024, 600}}) {
    const std::string w = std::to_string(size.first);
    KioskDriver k("pictures-symbol-" + w, mondayMorning(), size.first, size.second);
    const std::string who = k.app().model().participants.at(0).id;
    const std::string other = k.app().model().participants.at(1).id;
    chooseSymbol(k, who, "katt", "grön", "pictures-choose-symbol-" + w);
    CHECK(k.app().model().find(who)->symbol == std::optional<std::string>("katt"));
    CHECK(k.app().model().find(who)->symbolColour == std::optional<std::string>("grön"));
    k.tapButton("enter-grid");
    REQUIRE(k.screens().screen() == ui::ScreenId::CheckInGrid);
    k.settle("pictures-grid-symbol-" + w);
    CHECK(shown(k, "person-" + who) == "katt");
    CHECK(shown(k, "person-" + other).empty()); // no symbol: initials as before
    k.tapTile(who);
    REQUIRE(k.screens().screen() == ui::ScreenId::Welcome);
    k.settle("pictures-welcome-symbol-" + w);
    CHECK(shown(k, "person-" + who) == "katt");
    k.advance(10'100); // the welcome (with "Det är inte jag") closes after 10 s
    k.tapButton("rollcall-entry");
    REQUIRE(k.screens().screen() == ui::ScreenId::RollCall);
    k.settle("pictures-rollcall-symbol-" + w);
    CHECK(shown(k, "person-" + who) == "katt");

    // The next roster bundle keeps the kiosk's choice; where central's CSV sets one, it wins.
    RosterFiles roster = store::demoRoster();
    REQUIRE_NOTHROW(k.store().roster().applyBundle(roster, {}, 50));
    k.restart();
    CHECK(k.app().model().find(who)->symbol == std::optional<std::string>("katt"));
    for (auto& p : roster.participants)
      if (p.id == who) {
        p.symbol = "hund";
        p.symbolColour = "lila";
      }
    REQUIRE_NOTHROW(k.store().roster().applyBundle(roster, {}, 51));
    k.restart();
    CHECK(k.app().model().find(who)->symbol == std::optional<std::string>("hund"));
    CHECK(k.app().model().find(who)->symbolColour == std::optional<std::string>("lila"));
  }
}

TEST_CASE("Pictures: the home schedule shows each activity's pictogram", "[ui][pictures]") {
  for (const auto& size : {std::pair{1280, 800}, std::pair{1024, 600}}) {
    const std::string w = std::to_string(size.first);
    KioskDriver k("pictures-home-" + w, mondayMorning(), size.first, size.second);
    const auto activities = k.app().model().activities;
    REQUIRE(activities.size() >= 3);
    for (size_t i = 0; i < 3; ++i) {
      SessionDraft d;
      d.activityId = activities[i].id;
      d.participantIds = {k.app().model().participants.at(0).id};
      d.staffIds = {kAssistantManager};
      d.start = k.clock().nowUtc() + static_cast<std::int64_t>(i + 1) * 3'600'000;
      d.end = d.start + 3'000'000;
      d.planned = true;
      const std::string refusal = k.app().perform(cmd::LogSession{d, kAssistantManager});
      INFO(refusal);
      REQUIRE(refusal.empty());
    }
    k.settle("pictures-home-schedule-" + w);
    for (size_t i = 0; i < 3; ++i)
      CHECK(shown(k, "schedule-" + activities[i].id) == categoryPictogram(activities[i].category));
  }
}

TEST_CASE("Pictures: without the emoji font the kiosk draws its shapes and keeps working", "[ui][pictures]") {
  ::setenv("DAGVERK_EMOJI_FONT", "/nonexistent/NotoColorEmoji.ttf", 1);
  {
    KioskDriver k("pictures-no-font", mondayMorning());
    k.tapButton("feedback-entry");
    k.tapButton("mood-ledsen");
    k.settle("pictures-no-font-topics");
    CHECK(k.screens().pictogramsShown().empty());
    k.tapButton("topic-maten");
    k.tapButton("talk-no");
    REQUIRE(k.screens().screen() == ui::ScreenId::Thanks);
    CHECK(k.screens().screen<ui::ThanksScreen>().face() == "ledsen");
  }
  ::unsetenv("DAGVERK_EMOJI_FONT");
}
