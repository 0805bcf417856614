// "Tal" in staff mode: assistant managers and admins turn speech on or off and set its volume
// and rate; ordinary staff do not see it. Stored in the `setting` table, read by the kiosk at once.
#include "KioskDriver.hpp"
#include "kiosk/KioskSpeech.hpp"
#include "ui/SpeechSettingsScreen.hpp"

#include <catch2/catch.hpp>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;

namespace {
constexpr const char* kAssistantManager = "S059"; // Ann-Sofie M.
}

TEST_CASE("Tal: an assistant manager turns speech down and off, and it is stored", "[ui][speech]") {
  KioskDriver k("speech-settings", mondayMorning());
  k.signInAsStaff(kAssistantManager, KioskDriver::demoPin(kAssistantManager));
  k.tapButton("open-speech");
  REQUIRE(k.screens().screen() == ui::ScreenId::SpeechSettings);
  k.settle("speech-settings");
  k.tapButton("volume-down");
  k.tapButton("volume-down");
  k.tapButton("rate-down");
  k.tapButton("speech-off");
  const auto& draft = k.screens().screen<ui::SpeechSettingsScreen>().draft();
  CHECK(draft.volume == SpeechSettings::kDefaultVolume - 20);
  CHECK(draft.rate == SpeechSettings::kDefaultRate - 20);
  CHECK_FALSE(draft.on);
  // Nothing is stored before "Spara".
  CHECK(kiosk::readSpeechSettings(k.store().settings()) == SpeechSettings{});
  k.tapButton("speech-save");
  CHECK(k.formMessage() == "Sparat.");
  const SpeechSettings stored = kiosk::readSpeechSettings(k.store().settings());
  CHECK_FALSE(stored.on);
  CHECK(stored.volume == 60);
  CHECK(stored.rate == 120);
  CHECK(k.app().model().speech.settings == stored);
  k.settle("speech-settings-saved");

  // The limits: the rate stops at its slowest, the volume at 0.
  for (int i = 0; i < 20; ++i) {
    if (k.screens().buttonRect("rate-down")) k.tapButton("rate-down");
    if (k.screens().buttonRect("volume-down")) k.tapButton("volume-down");
  }
  CHECK(k.screens().screen<ui::SpeechSettingsScreen>().draft().rate == SpeechSettings::kMinRate);
  CHECK(k.screens().screen<ui::SpeechSettingsScreen>().draft().volume == 0);
}

TEST_CASE("Tal fits a 1024x600 screen", "[ui][speech]") {
  KioskDriver k("speech-settings-small", mondayMorning(), 1024, 600);
  k.keepTargetsOnScreen();
  k.signInAsStaff(kAssistantManager, KioskDriver::demoPin(kAssistantManager));
  k.tapButton("open-speech");
  REQUIRE(k.screens().screen() == ui::ScreenId::SpeechSettings);
  k.tapButton("speech-off");
  k.tapButton("speech-on");
  k.settle("speech-settings-1024x600");
}

TEST_CASE("Tal is not offered to ordinary staff", "[ui][speech]") {
  KioskDriver k("speech-settings-staff", mondayMorning());
  k.signInAsStaff("S001", KioskDriver::demoPin("S001"));
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  CHECK_FALSE(k.screens().buttonRect("open-speech").has_value());
}
