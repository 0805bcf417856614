// The theme and text size as kiosk settings: `dagverk settings --theme --text-size` (a bad
// value changes nothing), the kiosk starting in what is stored, and "Utseende" in staff mode,
// where an admin changes the look at once and staff who are not admins never see it.
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

#include "ui/Theme.hpp"

#include <fstream>
#include <sys/wait.h>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;

namespace {
struct Run {
  int code = -1;
  std::string out, err;
};

Run dagverkCli(const std::filesystem::path& dataDir, const std::string& args) {
  const auto out = dataDir.parent_path() / ("cli-out-" + std::to_string(::getpid()));
  const auto err = dataDir.parent_path() / ("cli-err-" + std::to_string(::getpid()));
  const std::string cmd = std::string("'") + DAGVERK_BIN + "' settings --data-dir '" + dataDir.string() + "' " + args +
                          " > '" + out.string() + "' 2> '" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const std::filesystem::path& p) {
    std::ifstream in(p);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  r.out = slurp(out);
  r.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

constexpr const char* kAdmin = "S062"; // Ronja A., admin at every site
} // namespace

TEST_CASE("dagverk settings stores the theme and text size, refuses bad values whole, and the kiosk starts in them",
          "[ui][appearance]") {
  KioskDriver k("appearance-cli", mondayMorning());
  Run r = dagverkCli(k.dataDir(), "--theme high-contrast --text-size 1.25");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("theme\thigh-contrast\n") != std::string::npos);
  CHECK(r.out.find("text_size\t1.25\n") != std::string::npos);
  // One bad value: nothing is written, not even the good one beside it.
  r = dagverkCli(k.dataDir(), "--theme standard --text-size 2");
  CHECK(r.code == 2);
  CHECK(r.err.find("--text-size takes 1, 1.25 or 1.5") != std::string::npos);
  r = dagverkCli(k.dataDir(), "--theme dark --text-size 1.5");
  CHECK(r.code == 2);
  CHECK(r.err.find("--theme takes standard or high-contrast") != std::string::npos);
  CHECK(k.store().settings().value(kSettingTheme) == "high-contrast");
  CHECK(k.store().settings().value(kSettingTextSize) == "1.25");
  k.restart();
  CHECK(k.app().model().appearance.theme == ThemeKind::HighContrast);
  CHECK(ui::theme::appearance().textScale == 1.25f);
  CHECK(ui::theme::kText == ui::theme::kHighContrastPalette.text);
  k.settle("appearance-cli-home-hc");
  // A row written by hand with a wrong value: the kiosk starts in the default and says so in its log.
  k.store().settings().setValue(kSettingTheme, "neon");
  k.restart();
  CHECK(k.app().model().appearance.theme == ThemeKind::Standard);
  CHECK(ui::theme::kText == ui::theme::kStandardPalette.text);
  k.setAppearance("standard", "1");
}

TEST_CASE("An admin changes the look on Utseende and the kiosk redraws in it at once, and staff do not see it",
          "[ui][appearance]") {
  KioskDriver k("appearance-screen", mondayMorning());
  const std::string staff = firstStaff(k);
  k.signInAsStaff(staff, KioskDriver::demoPin(staff));
  CHECK_FALSE(k.screens().buttonRect("open-appearance").has_value());
  k.tapButton("back"); // signs out
  k.signInAsStaff(kAdmin, KioskDriver::demoPin(kAdmin));
  k.tapButton("open-appearance");
  REQUIRE(k.screens().screen() == ui::ScreenId::Appearance);
  k.settle("appearance-screen");
  k.tapButton("theme-high-contrast");
  k.tapButton("text-1.5");
  k.tapButton("appearance-save");
  CHECK(k.formMessage() == "Sparat.");
  CHECK(k.store().settings().value(kSettingTheme) == "high-contrast");
  CHECK(k.store().settings().value(kSettingTextSize) == "1.5");
  CHECK(ui::theme::appearance().theme == ThemeKind::HighContrast);
  CHECK(ui::theme::appearance().textScale == 1.5f);
  CHECK(k.screens().fonts().title->FontSize == Approx(ui::theme::baseFontSize(800) * 2.2f * 1.5f));
  k.settle("appearance-screen-hc-large150");
  // Drawn in it: the screen's ground is the high-contrast white.
  CHECK(KioskDriver::colourAt(KioskDriver::screenshotDir() / "appearance-screen-hc-large150.png", 5, 790) ==
        ui::theme::kHighContrastPalette.background);
  k.tapButton("theme-standard");
  k.tapButton("text-1");
  k.tapButton("appearance-save");
  CHECK(ui::theme::appearance() == Appearance{});
}
