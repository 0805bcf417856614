// Taps that slide: a few millimetres on a tile still tap it, a long slide on a button that
// cannot scroll still taps it, and a slide on the scrolling grid scrolls instead; and the
// going-home answers look disabled while the double-tap guard holds them. Real SDL touch
// events through the real kiosk loop.
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

#include "ui/Theme.hpp"

using namespace dagverk;
using namespace dagverk::test;

namespace {
// Millimetres on the 10.1-inch 1280×800 tablet the tests' window stands for.
float mm(float millimetres) { return millimetres * 1509.4f / (10.1f * 25.4f); }
} // namespace

TEST_CASE("A 4 mm slide on a tile still checks in", "[ui][taps]") {
  KioskDriver k("slide-tile", mondayMorning());
  k.tapButton("enter-grid");
  const std::string id = k.app().model().participants.front().id;
  const auto r = *k.screens().tileRect(id);
  const float x = (r.x + r.z) / 2, y = (r.y + r.w) / 2;
  k.dragFinger(x, y, x + mm(4), y, 4);
  CHECK(k.store().presence().isPresent(id));
  CHECK(k.screens().screen() == ui::ScreenId::Welcome);
}

TEST_CASE("A 10 mm slide on a button that never scrolls still taps it", "[ui][taps]") {
  KioskDriver k("slide-button", mondayMorning());
  const auto r = *k.screens().buttonRect("enter-grid");
  const float x = (r.x + r.z) / 2, y = (r.y + r.w) / 2;
  k.dragFinger(x - mm(5), y, x + mm(5), y, 6);
  CHECK(k.screens().screen() == ui::ScreenId::CheckInGrid);
}

TEST_CASE("A slide on the scrolling grid scrolls it and taps nobody", "[ui][taps]") {
  KioskDriver k("slide-grid", mondayMorning());
  k.tapButton("enter-grid");
  const auto people = k.app().model().participants;
  const auto r = *k.screens().tileRect(people.at(0).id);
  const float x = (r.x + r.z) / 2, y = (r.y + r.w) / 2;
  k.dragFinger(x, y + mm(10), x, y - mm(10), 6);
  CHECK(allEvents(k.store()).empty());
  CHECK(k.screens().screen() == ui::ScreenId::CheckInGrid);
  const auto after = k.screens().tileRect(people.at(0).id);
  CHECK((!after || after->y < r.y - mm(8)));
}

TEST_CASE("The grid's next row shows in part and the page arrows page through it", "[ui][taps]") {
  for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{1024, 600}}) {
    KioskDriver k("grid-pages-" + std::to_string(w), mondayMorning(), w, h);
    k.tapButton("enter-grid");
    k.settle("grid-pages-" + std::to_string(w));
    const auto people = k.app().model().participants;
    // Some tile is cut by the grid's bottom edge: the grid visibly goes on.
    bool cut = false;
    for (const auto& [id, t] : k.screens().tiles()) cut |= t.rect.y < t.region.w - 20 && t.rect.w > t.region.w + 20;
    CHECK(cut);
    const auto up = k.screens().buttonRect("page-up"), down = k.screens().buttonRect("page-down");
    REQUIRE(up.has_value());
    REQUIRE(down.has_value());
    CHECK(down->z - down->x >= k.minimumTargetPx());
    CHECK(down->w - down->y >= k.minimumTargetPx());
    CHECK(up->w - up->y >= k.minimumTargetPx());
    const auto first = *k.screens().tileRect(people.front().id);
    k.tapButton("page-up"); // at the top: nothing happens
    CHECK(k.screens().tileRect(people.front().id)->y == first.y);
    const Participant last = people.back();
    for (int i = 0; i < 10 && !k.screens().tileRect(last.id); ++i) k.tapButton("page-down");
    const auto rect = k.screens().tileRect(last.id);
    REQUIRE(rect.has_value());
    CHECK(rect->w <= static_cast<float>(h)); // the last participant is reachable and whole
    k.tapTile(last.id);
    CHECK(k.store().presence().isPresent(last.id));
  }
}

TEST_CASE("Ja and Nej look disabled during the double-tap guard and active after it", "[ui][taps]") {
  KioskDriver k("guard-look", mondayMorning());
  const std::string id = k.app().model().participants.front().id;
  k.tapButton("enter-grid");
  k.tapTile(id);
  k.advance(10'100); // the welcome (with "Det är inte jag") closes after 10 s
  k.tapButton("enter-grid");
  k.tapTile(id);
  REQUIRE(k.screens().screen() == ui::ScreenId::GoingHomeQuestion);
  const auto yes = *k.screens().buttonRect("yes");
  const int x = static_cast<int>(yes.x + (yes.z - yes.x) * 0.1f), y = static_cast<int>((yes.y + yes.w) / 2);
  k.settle("guard-look-during");
  const ImU32 during = k.colourAt(KioskDriver::screenshotDir() / "guard-look-during.png", x, y);
  CHECK(during == ui::theme::kDisabledButton);
  k.advance(1'000); // the guard ends and the kiosk redraws by itself
  k.settle("guard-look-after");
  const ImU32 after = k.colourAt(KioskDriver::screenshotDir() / "guard-look-after.png", x, y);
  CHECK(after == ui::theme::kYes);
  k.tapButton("yes");
  CHECK_FALSE(k.store().presence().isPresent(id));
}
