#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

#include "core/SwedishText.hpp"
#include "ui/Screen.hpp"

namespace dagverk::test {

namespace fs = std::filesystem;

UtcMs mondayMorning() { return fromStockholm(LocalDate{2026, 11, 23}, 8, 5); }

std::vector<Event> allEvents(store::KioskStore& s) { return s.events().after(0, 1'000'000); }

std::string firstStaff(KioskDriver& k) {
  for (const auto& s : k.app().model().staff)
    if (s.role == StaffRole::Staff) return s.id;
  FAIL("no staff at the site");
  return {};
}

fs::path KioskDriver::screenshotDir() {
  fs::path dir = DAGVERK_SCREENSHOT_DIR;
  fs::create_directories(dir);
  return dir;
}

KioskDriver::KioskDriver(const std::string& name, UtcMs start, int width, int height, const std::string& site)
    : clock_(start), width_(width), height_(height), prefix_(name) {
  ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
  // Silent unless a test chose a driver (the speech tests choose "disk"): no test plays sound.
  ::setenv("SDL_AUDIODRIVER", "dummy", 0);
  dir_ = fs::temp_directory_path() / ("dagverk-ui-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir_);
  store_ = store::KioskStore::createWithRoster(dir_, clock_, store::demoRoster(), site);
  startApp();
}

void KioskDriver::startApp() {
  platform::WindowOptions w;
  w.width = width_;
  w.height = height_;
  w.software = true;
  app_ = std::make_unique<kiosk::KioskApp>(*store_, clock_, w, dir_);
  settle();
}

void KioskDriver::restart() {
  app_.reset();
  store_.reset();
  store_ = store::KioskStore::open(dir_, clock_);
  startApp();
}

void KioskDriver::enterPin(const std::string& digits) {
  for (char c : digits) tapButton(std::string("pin-") + c);
  tapButton("pin-ok");
}

void KioskDriver::signInAsStaff(const std::string& staffId, const std::string& pin) {
  tapButton("staff-entry");
  tapButton("staff-" + staffId);
  enterPin(pin);
}

std::string KioskDriver::demoPin(const std::string& staffId) { return "1" + staffId.substr(staffId.size() - 3); }

void KioskDriver::typeOnUsbKeyboard(const std::string& text, bool enter) {
  SDL_Event t{};
  t.type = SDL_TEXTINPUT;
  REQUIRE(text.size() < sizeof t.text.text);
  std::snprintf(t.text.text, sizeof t.text.text, "%s", text.c_str());
  push(t);
  if (enter) {
    SDL_Event k{};
    k.key.keysym.scancode = SDL_SCANCODE_RETURN;
    k.key.keysym.sym = SDLK_RETURN;
    k.type = SDL_KEYDOWN;
    k.key.state = SDL_PRESSED;
    push(k);
    k.type = SDL_KEYUP;
    k.key.state = SDL_RELEASED;
    push(k);
  }
  settle();
}

void KioskDriver::typeOnScreen(const std::string& text) {
  for (char32_t c : decodeUtf8(text)) {
    if (c == U' ') {
      tapButton("key-space");
    } else {
      tapButton("key-" + encodeUtf8(c));
    }
  }
}

KioskDriver::~KioskDriver() {
  app_.reset();
  store_.reset();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void KioskDriver::settle(const std::string& screenshot) {
  app_->settle(screenshot.empty() ? std::string() : (screenshotDir() / (screenshot + ".png")).string());
  if (keepTargetsOnScreen_) requireTargetsOnScreen();
}

std::string KioskDriver::formMessage() {
  const auto* form = dynamic_cast<const ui::FormScreen*>(&screens().current());
  return form ? form->message() : std::string();
}

namespace {
bool inside(const ImVec4& r, const ImVec4& area) {
  return r.x >= area.x && r.y >= area.y && r.z <= area.z && r.w <= area.w;
}
std::string describe(const ImVec4& r) {
  return "(" + std::to_string(r.x) + ", " + std::to_string(r.y) + ") – (" + std::to_string(r.z) + ", " +
         std::to_string(r.w) + ")";
}
} // namespace

void KioskDriver::requireOnScreen(const std::string& what, const ImVec4& rect) const {
  const ImVec4 window(0, 0, static_cast<float>(width_), static_cast<float>(height_));
  INFO(what << " at " << describe(rect) << " in a " << width_ << "×" << height_ << " window, screen "
            << static_cast<int>(app_->screens().screen()));
  REQUIRE(inside(rect, window));
}

void KioskDriver::requireTargetsOnScreen() const {
  const ImVec4 window(0, 0, static_cast<float>(width_), static_cast<float>(height_));
  auto check = [&](const std::string& what, const ui::HitTarget& t) {
    const bool wholeScreen = t.region.x <= 0 && t.region.y <= 0 && t.region.z >= window.z && t.region.w >= window.w;
    if (wholeScreen) {
      requireOnScreen(what, t.rect);
      return;
    }
    INFO(what << " in the region " << describe(t.region));
    requireOnScreen(what + "'s region", t.region);
    const bool inView = t.rect.w > t.region.y && t.rect.y < t.region.w;
    if (!inView) return; // scrolled out of view: not tappable now
    CHECK(t.rect.x >= t.region.x);
    CHECK(t.rect.z <= t.region.z);
  };
  for (const auto& [name, t] : app_->screens().buttons()) check("button " + name, t);
  for (const auto& [id, t] : app_->screens().tiles()) check("tile " + id, t);
}

void KioskDriver::keepTargetsOnScreen() {
  keepTargetsOnScreen_ = true;
  requireTargetsOnScreen();
}

void KioskDriver::push(SDL_Event e) { REQUIRE(SDL_PushEvent(&e) == 1); }

void KioskDriver::tapAt(float x, float y) {
  SDL_Event e{};
  e.tfinger.touchId = 1;
  e.tfinger.fingerId = 1;
  e.tfinger.x = x / static_cast<float>(width_);
  e.tfinger.y = y / static_cast<float>(height_);
  e.tfinger.pressure = 1.0f;
  e.type = SDL_FINGERDOWN;
  push(e);
  e.type = SDL_FINGERUP;
  push(e);
  settle();
}

void KioskDriver::clickAt(float x, float y) {
  SDL_Event e{};
  e.type = SDL_MOUSEMOTION;
  e.motion.x = static_cast<Sint32>(x);
  e.motion.y = static_cast<Sint32>(y);
  push(e);
  SDL_Event b{};
  b.button.button = SDL_BUTTON_LEFT;
  b.button.x = static_cast<Sint32>(x);
  b.button.y = static_cast<Sint32>(y);
  b.button.clicks = 1;
  b.type = SDL_MOUSEBUTTONDOWN;
  b.button.state = SDL_PRESSED;
  push(b);
  b.type = SDL_MOUSEBUTTONUP;
  b.button.state = SDL_RELEASED;
  push(b);
  settle();
}

void KioskDriver::dragFinger(float x0, float y0, float x1, float y1, int steps) {
  SDL_Event e{};
  e.tfinger.touchId = 1;
  e.tfinger.fingerId = 2;
  e.tfinger.pressure = 1.0f;
  auto at = [&](float x, float y) {
    e.tfinger.x = x / static_cast<float>(width_);
    e.tfinger.y = y / static_cast<float>(height_);
  };
  at(x0, y0);
  e.type = SDL_FINGERDOWN;
  push(e);
  e.type = SDL_FINGERMOTION;
  for (int i = 1; i <= steps; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(steps);
    at(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
    push(e);
    settle(); // each move is its own frame, as a real finger would be
  }
  e.type = SDL_FINGERUP;
  push(e);
  settle();
}

void KioskDriver::tapButton(const std::string& name) {
  const auto rect = screens().buttonRect(name);
  INFO("button " << name << " on screen " << static_cast<int>(screens().screen()));
  REQUIRE(rect.has_value());
  if (keepTargetsOnScreen_) requireOnScreen("button " + name, *rect);
  tap(*rect);
}

void KioskDriver::tapTile(const std::string& participantId) {
  const auto rect = screens().tileRect(participantId);
  INFO("tile " << participantId);
  REQUIRE(rect.has_value());
  if (keepTargetsOnScreen_) requireOnScreen("tile " + participantId, *rect);
  tap(*rect);
}

void KioskDriver::advance(std::int64_t ms) {
  clock_.advanceMs(ms);
  settle();
}

} // namespace dagverk::test
