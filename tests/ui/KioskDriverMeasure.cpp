// KioskDriver's checks that every screen can be read and tapped: texts inside their widgets,
// targets large enough for a finger, and WCAG contrast measured on the screenshot's pixels.
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

#include "platform/StbPhotoDecoder.h"
#include "ui/KioskUi.hpp"
#include "ui/Screen.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace dagverk::test {

namespace {

struct Rgb {
  int r = 0, g = 0, b = 0;
  bool operator<(const Rgb& o) const { return std::tie(r, g, b) < std::tie(o.r, o.g, o.b); }
};

double channel(int v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(const Rgb& c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }
double contrast(const Rgb& a, const Rgb& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
std::string hex(const Rgb& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}
std::string describe(const ImVec4& r) {
  return "(" + std::to_string(static_cast<int>(r.x)) + "," + std::to_string(static_cast<int>(r.y)) + ")-(" +
         std::to_string(static_cast<int>(r.z)) + "," + std::to_string(static_cast<int>(r.w)) + ")";
}

class Image {
public:
  explicit Image(const std::filesystem::path& png) {
    std::ifstream in(png, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(!bytes.empty());
    unsigned char* px = dagverk_photo_decode_rgba(reinterpret_cast<const unsigned char*>(bytes.data()),
                                                  static_cast<int>(bytes.size()), &w_, &h_, 256u << 20);
    REQUIRE(px != nullptr);
    pixels_.assign(px, px + static_cast<size_t>(w_) * static_cast<size_t>(h_) * 4);
    dagverk_photo_free(px);
  }
  bool inside(int x, int y) const { return x >= 0 && y >= 0 && x < w_ && y < h_; }
  Rgb at(int x, int y) const {
    const size_t i = (static_cast<size_t>(y) * static_cast<size_t>(w_) + static_cast<size_t>(x)) * 4;
    return {pixels_[i], pixels_[i + 1], pixels_[i + 2]};
  }
  // The most frequent colour in a rectangle (clipped to the image); nullopt when empty.
  std::optional<Rgb> mode(int x0, int y0, int x1, int y1) const {
    std::map<Rgb, int> n;
    for (int y = std::max(0, y0); y < std::min(h_, y1); ++y)
      for (int x = std::max(0, x0); x < std::min(w_, x1); ++x) ++n[at(x, y)];
    if (n.empty()) return std::nullopt;
    return std::max_element(n.begin(), n.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  }
  // The colour in a rectangle that stands out most from `ground`.
  std::optional<Rgb> strongest(int x0, int y0, int x1, int y1, const Rgb& ground) const {
    std::optional<Rgb> best;
    double bestRatio = 0;
    for (int y = std::max(0, y0); y < std::min(h_, y1); ++y)
      for (int x = std::max(0, x0); x < std::min(w_, x1); ++x) {
        const double r = contrast(at(x, y), ground);
        if (r > bestRatio) bestRatio = r, best = at(x, y);
      }
    return best;
  }

private:
  int w_ = 0, h_ = 0;
  std::vector<unsigned char> pixels_;
};

bool participantScreen(ui::ScreenId s) {
  using ui::ScreenId;
  switch (s) {
  case ScreenId::Home: case ScreenId::CheckInGrid: case ScreenId::Welcome: case ScreenId::GoingHomeQuestion:
  case ScreenId::Goodbye: case ScreenId::FeedbackMood: case ScreenId::FeedbackTopic: case ScreenId::FeedbackMore:
  case ScreenId::FeedbackWho: case ScreenId::SurveyWho: case ScreenId::SurveyQuestion: case ScreenId::Thanks:
    return true;
  default: return false;
  }
}

// A target that is drawn on screen now: inside its region and not scrolled out of view.
bool visible(const ui::HitTarget& t) {
  return t.rect.w > t.region.y + 1 && t.rect.y < t.region.w - 1 && t.rect.y >= t.region.y - 1 &&
         t.rect.w <= t.region.w + 1;
}
} // namespace

ImU32 KioskDriver::colourAt(const std::filesystem::path& png, int x, int y) {
  const Image img(png);
  REQUIRE(img.inside(x, y));
  const Rgb c = img.at(x, y);
  return IM_COL32(c.r, c.g, c.b, 0xFF);
}

float KioskDriver::minimumTargetPx() const {
  const double pxPerMm = std::hypot(1280.0, 800.0) / (10.1 * 25.4);
  return static_cast<float>(12.0 * pxPerMm * static_cast<double>(height_) / 800.0);
}

void KioskDriver::requireTextFits() const {
  const auto screen = static_cast<int>(app_->screens().screen());
  for (const auto& t : ui::textPlacements()) {
    INFO("text \"" << t.text << "\" at " << describe(t.rect) << " in its widget " << describe(t.widget)
                   << ", screen " << screen << ", " << width_ << "x" << height_);
    CHECK(t.rect.x >= t.widget.x - 1);
    CHECK(t.rect.z <= t.widget.z + 1);
    CHECK(t.rect.y >= t.widget.y - 1);
    CHECK(t.rect.w <= t.widget.w + 1);
  }
}

void KioskDriver::requireTargetSizes() const {
  if (!participantScreen(app_->screens().screen())) return;
  const float min = minimumTargetPx();
  auto check = [&](const std::string& what, const ui::HitTarget& t) {
    INFO(what << " at " << describe(t.rect) << ", screen " << static_cast<int>(app_->screens().screen()) << ", "
              << width_ << "x" << height_ << ": at least " << min << " px each way");
    CHECK(t.rect.z - t.rect.x >= min - 0.5f);
    CHECK(t.rect.w - t.rect.y >= min - 0.5f);
  };
  // Staff's own ways in on the participant's home screen are not the participants' targets.
  static const std::set<std::string> kStaffTargets = {"staff-entry", "sync-note", "sync-warning"};
  for (const auto& [name, t] : app_->screens().buttons())
    if (!kStaffTargets.count(name)) check("button " + name, t);
  for (const auto& [id, t] : app_->screens().tiles()) check("tile " + id, t);
}

void KioskDriver::requireContrast(const std::filesystem::path& png, double textRatio) const {
  const Image img(png);
  const auto screen = static_cast<int>(app_->screens().screen());
  for (const auto& t : ui::textPlacements()) {
    const int x0 = static_cast<int>(std::ceil(t.rect.x)), y0 = static_cast<int>(std::ceil(t.rect.y));
    const int x1 = static_cast<int>(t.rect.z), y1 = static_cast<int>(t.rect.w);
    if (x1 - x0 < 2 || y1 - y0 < 2 || !img.inside(x0, y0) || !img.inside(x1 - 1, y1 - 1)) continue;
    const auto ground = img.mode(x0, y0, x1, y1);
    const auto ink = img.strongest(x0, y0, x1, y1, *ground);
    const double ratio = contrast(*ink, *ground);
    INFO("text \"" << t.text << "\" " << hex(*ink) << " on " << hex(*ground) << " = " << ratio << ":1 at "
                   << describe(t.rect) << ", screen " << screen << " (" << png.filename().string() << ")");
    CHECK(ratio >= textRatio - 0.05);
  }
  // An edge: the control's own colour along its top and left edges (its fill, or its border
  // inside or just outside the edge, whichever stands out most) against the colour a few pixels
  // further out. The middle halves of the edges only: corners are rounded, and the shadow
  // falls right and below. Staff's text link on the participant's home and the dashboard's
  // warnings (remembered only for tests to find) are text, not controls with an edge.
  auto edge = [&](const std::string& what, const ui::HitTarget& t) {
    if (!visible(t)) return;
    const int x0 = static_cast<int>(std::ceil(t.rect.x)), y0 = static_cast<int>(std::ceil(t.rect.y));
    const int x1 = static_cast<int>(t.rect.z), y1 = static_cast<int>(t.rect.w);
    const int w = x1 - x0, h = y1 - y0;
    if (w < 8 || h < 8) return;
    const int qx = x0 + w / 4, qx1 = x1 - w / 4, qy = y0 + h / 4, qy1 = y1 - h / 4;
    const auto outside = img.mode(qx, y0 - 11, qx1, y0 - 8);
    const auto outsideLeft = img.mode(x0 - 11, qy, x0 - 8, qy1);
    if (!outside || !outsideLeft) return; // at the window's edge: nothing around it to compare
    double best = 0;
    std::string seen;
    for (const auto& [inX0, inY0, inX1, inY1, around] :
         {std::tuple{qx, y0, qx1, y0 + 2, *outside}, std::tuple{x0, qy, x0 + 2, qy1, *outsideLeft},
          std::tuple{qx, y0 + 3, qx1, y0 + 6, *outside}, std::tuple{qx, y0 - 3, qx1, y0 - 1, *outside}}) {
      const auto own = img.mode(inX0, inY0, inX1, inY1);
      const double r = contrast(*own, around);
      seen += " " + hex(*own) + "/" + hex(around) + "=" + std::to_string(r);
      best = std::max(best, r);
    }
    INFO(what << " at " << describe(t.rect) << ", screen " << screen << " (" << png.filename().string()
              << "): edge against its surroundings" << seen);
    CHECK(best >= 3.0 - 0.05);
  };
  // Status lines registered for tests are text, not controls: they have no edge to see.
  static const std::set<std::string> kStatusLines = {"sync-note", "battery-level", "storage-headroom"};
  for (const auto& [name, t] : app_->screens().buttons())
    if (!kStatusLines.count(name) && name.rfind("warning-", 0) != 0) edge("button " + name, t);
  for (const auto& [id, t] : app_->screens().tiles()) edge("tile " + id, t);
}

void KioskDriver::requireReadable(const std::string& screenshot) {
  settle(screenshot);
  const bool hc = app_->model().appearance.theme == ThemeKind::HighContrast;
  requireTextFits();
  requireTargetSizes();
  requireContrast(screenshotDir() / (screenshot + ".png"), hc ? 7.0 : 4.5);
}

void KioskDriver::setAppearance(const std::string& theme, const std::string& textSize) {
  store_->settings().setValues({{kSettingTheme, theme}, {kSettingTextSize, textSize}});
  restart();
}

} // namespace dagverk::test
