#pragma once
// Drives the real kiosk loop headless: real SDL touch and mouse events pushed into SDL's queue,
// the real screens, a real SQLite file in a temp directory, and PNG screenshots of each screen.
#include "store/DemoUnit.hpp"
#include "kiosk/KioskApp.hpp"
#include "store/KioskStore.hpp"
#include "core/LocalTime.hpp"

#include <SDL.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace dagverk::test {

class KioskDriver {
public:
  // A fresh data directory with the demo unit, a kiosk at `site`, the clock at `start`.
  KioskDriver(const std::string& name, UtcMs start, int width = 1280, int height = 800,
              const std::string& site = "liljan");
  ~KioskDriver();

  kiosk::KioskApp& app() { return *app_; }
  store::KioskStore& store() { return *store_; }
  ManualClock& clock() { return clock_; }
  ui::KioskUi& screens() { return app_->screens(); }
  const std::filesystem::path& dataDir() const { return dir_; }

  // Renders until still; saves <screenshots>/<name>.png when a name is given.
  void settle(const std::string& screenshot = {});
  // A finger tap (SDL_FINGERDOWN + SDL_FINGERUP) at a point, then settle.
  void tapAt(float x, float y);
  void tap(const ImVec4& rect) { tapAt((rect.x + rect.z) / 2, (rect.y + rect.w) / 2); }
  // A mouse click (button down + up) at a point, then settle.
  void clickAt(float x, float y);
  // A finger drag from one point to another in `steps` moves, then settle.
  void dragFinger(float x0, float y0, float x1, float y1, int steps = 8);
  // Taps a button the screens remembered by name, or a participant's tile; fails the test if absent.
  void tapButton(const std::string& name);
  void tapTile(const std::string& participantId);
  // Moves the clock on and lets the kiosk notice.
  void advance(std::int64_t ms);
  // Closes the kiosk as a crash would (nothing more is saved) and starts it again on the same
  // data directory.
  void restart();
  // Types digits on the PIN keypad and taps OK.
  void enterPin(const std::string& digits);
  // From the home screen: "Personal", the staff member's tile, their PIN.
  void signInAsStaff(const std::string& staffId, const std::string& pin);
  // The demo PIN of a demo staff member: "1" + the last three digits of the id.
  static std::string demoPin(const std::string& staffId);
  // Types on a USB keyboard or badge scanner: SDL_TEXTINPUT, then Enter (down and up in the
  // same frame, as a scanner does).
  void typeOnUsbKeyboard(const std::string& text, bool enter = true);
  // Types text on the on-screen keyboard (letters, digits, space, å ä ö).
  void typeOnScreen(const std::string& text);
  // The open form's inline message ("" when the screen has no form).
  std::string formMessage();
  // True while the on-screen keyboard is drawn (a field is being typed into).
  bool keyboardOpen() const { return app_->screens().buttonRect("key-done").has_value(); }

  // A tappable target lies fully inside the window; fails the test otherwise.
  void requireOnScreen(const std::string& what, const ImVec4& rect) const;
  // Every tile and button of the last frame can be tapped: fully inside the window, or, in a
  // scrolling region inside the window, not cut at the region's sides (only scrolled past its
  // top or bottom, or out of view).
  void requireTargetsOnScreen() const;
  // From now on, every target tapped and every frame settled is checked as above. Small-screen
  // tests turn this on: what fits at 1280×800 may not at 1024×600.
  void keepTargetsOnScreen();

  static std::filesystem::path screenshotDir();

  // --- readable and tappable (KioskDriverMeasure.cpp) -----------------------------------------
  // The smallest side a participant's target may have here: 12 mm on a 10.1-inch 1280×800
  // screen (5.88 px/mm, 70.6 px), scaled with the layout, which follows the window height
  // (53 px at 1024×600: 7.9 mm on a 7-inch panel).
  float minimumTargetPx() const;
  // Every text the drawing helpers noted in the last frame lies inside its widget.
  void requireTextFits() const;
  // On a participant's screen, every tile and button is at least minimumTargetPx() each way.
  void requireTargetSizes() const;
  // From the screenshot's pixels: each noted text against its background, and each button's
  // and tile's edge against what is around it (WCAG contrast). Text needs `textRatio` (7 in
  // high contrast, 4.5 otherwise), edges 3.
  void requireContrast(const std::filesystem::path& png, double textRatio) const;
  // The colour of one pixel of a screenshot, as ImGui's IM_COL32 (opaque).
  static ImU32 colourAt(const std::filesystem::path& png, int x, int y);
  // Settles, saves the screenshot and runs all three checks on it.
  void requireReadable(const std::string& screenshot);
  // Stores the theme and text size as `dagverk settings` does, and restarts the kiosk.
  void setAppearance(const std::string& theme, const std::string& textSize);
  int width() const { return width_; }
  int height() const { return height_; }

private:
  void push(SDL_Event e);
  void startApp();
  std::filesystem::path dir_;
  ManualClock clock_;
  std::unique_ptr<store::KioskStore> store_;
  std::unique_ptr<kiosk::KioskApp> app_;
  int width_, height_;
  std::string prefix_;
  bool keepTargetsOnScreen_ = false;
};

// 08:05 on Monday 23 November 2026, Stockholm time.
UtcMs mondayMorning();

// Every event in the store, in sequence order; and the payloads of one kind.
std::vector<Event> allEvents(store::KioskStore& s);
template <class T> std::vector<T> payloadsOf(store::KioskStore& s) {
  std::vector<T> out;
  for (const auto& e : allEvents(s))
    if (const auto* p = std::get_if<T>(&e.payload)) out.push_back(*p);
  return out;
}
// The first ordinary staff member at the kiosk's site (not an assistant manager or admin).
std::string firstStaff(KioskDriver& k);

} // namespace dagverk::test
