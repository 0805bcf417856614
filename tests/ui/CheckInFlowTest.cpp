// The participant's path through the real kiosk loop: home -> grid -> tap -> welcome -> home,
// tap again -> "Vill du gå hem?" -> yes -> goodbye. Every step is checked in the database too.
#include "KioskDriver.hpp"
#include "core/SwedishText.hpp"

#include <sqlite3.h>
#include <stb/stb_image_write.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;
using dagverk::test::allEvents;


TEST_CASE("A participant checks in with one tap on their picture and out again", "[ui]") {
  KioskDriver k("flow", mondayMorning());
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);
  k.settle("01-home");

  k.tapButton("enter-grid");
  REQUIRE(k.screens().screen() == ui::ScreenId::CheckInGrid);
  k.settle("02-grid");

  const Participant first = k.app().model().participants.front();
  k.tapTile(first.id);
  // The event is in the database, durable, before the confirmation shows.
  auto events = allEvents(k.store());
  REQUIRE(events.size() == 1);
  REQUIRE(std::holds_alternative<CheckedIn>(events[0].payload));
  CHECK(std::get<CheckedIn>(events[0].payload).participantId == first.id);
  CHECK_FALSE(events[0].actorStaffId.has_value()); // self-service
  CHECK(k.store().presence().isPresent(first.id));
  REQUIRE(k.screens().screen() == ui::ScreenId::Welcome);
  k.settle("03-welcome");

  // Home again after 10 s on its own (as long as "Det är inte jag" is offered).
  k.advance(9900);
  CHECK(k.screens().screen() == ui::ScreenId::Welcome);
  k.advance(200);
  REQUIRE(k.screens().screen() == ui::ScreenId::Home);
  k.settle("04-home-one-present");

  k.tapButton("enter-grid");
  k.settle("05-grid-with-present");
  k.tapTile(first.id);
  REQUIRE(k.screens().screen() == ui::ScreenId::GoingHomeQuestion);
  CHECK(allEvents(k.store()).size() == 1); // a question, not yet a check-out
  k.settle("06-going-home-question");

  k.clock().advanceMs(1'000); // a real person reads the question first
  k.tapButton("yes");
  REQUIRE(k.screens().screen() == ui::ScreenId::Goodbye);
  events = allEvents(k.store());
  REQUIRE(events.size() == 2);
  REQUIRE(std::holds_alternative<CheckedOut>(events[1].payload));
  const auto& out = std::get<CheckedOut>(events[1].payload);
  CHECK(out.participantId == first.id);
  CHECK_FALSE(out.automatic);
  CHECK(out.checkInEventId == events[0].id);
  CHECK(events[1].seq == events[0].seq + 1);
  CHECK_FALSE(k.store().presence().isPresent(first.id));
  k.settle("07-goodbye");

  // A tap (after the first second) also goes home.
  k.advance(1500);
  k.tapAt(640, 400);
  CHECK(k.screens().screen() == ui::ScreenId::Home);
}

TEST_CASE("A check-in from another process (a badge reader) shows, and no to going home keeps it", "[ui]") {
  KioskDriver k("no", mondayMorning());
  const std::string id = k.app().model().participants.at(3).id;
  {
    // `dagverk checkin` from a badge reader: a second connection to the same database.
    auto reader = store::KioskStore::open(k.dataDir(), k.clock());
    store::perform(*reader, cmd::CheckIn{id, std::nullopt});
  }
  k.settle();
  CHECK(k.app().model().presentSince.count(id) == 1);
  k.tapButton("enter-grid");
  k.tapTile(id);
  REQUIRE(k.screens().screen() == ui::ScreenId::GoingHomeQuestion);
  k.clock().advanceMs(1'000);
  k.tapButton("no");
  CHECK(k.screens().screen() == ui::ScreenId::Home);
  CHECK(k.store().presence().isPresent(id));
  CHECK(allEvents(k.store()).size() == 1);
}

TEST_CASE("A second tap on the same tile within a second does nothing", "[ui]") {
  KioskDriver k("doubletap", mondayMorning());
  k.tapButton("enter-grid");
  const std::string id = k.app().model().participants.at(1).id;
  const ImVec4 rect = *k.screens().tileRect(id);
  k.tap(rect);
  REQUIRE(k.screens().screen() == ui::ScreenId::Welcome);
  k.clock().advanceMs(300);
  k.tap(rect); // lands on the greeting: must not dismiss it, must not check out
  CHECK(k.screens().screen() == ui::ScreenId::Welcome);
  CHECK(allEvents(k.store()).size() == 1);
  CHECK(k.store().presence().isPresent(id));

  // A double tap on a present participant's tile: the second tap lands where "Ja" is on the
  // question it opened, and must not check them out.
  k.advance(10'100);
  k.tapButton("enter-grid");
  const ImVec2 c((rect.x + rect.z) / 2, (rect.y + rect.w) / 2);
  k.tapAt(c.x, c.y);
  REQUIRE(k.screens().screen() == ui::ScreenId::GoingHomeQuestion);
  const auto yes = *k.screens().buttonRect("yes");
  k.clock().advanceMs(300);
  k.tapAt((yes.x + yes.z) / 2, (yes.y + yes.w) / 2);
  CHECK(k.screens().screen() == ui::ScreenId::GoingHomeQuestion);
  CHECK(k.store().presence().isPresent(id));
}

TEST_CASE("A mouse click checks in like a finger", "[ui]") {
  KioskDriver k("mouse", mondayMorning());
  const auto enter = *k.screens().buttonRect("enter-grid");
  k.clickAt((enter.x + enter.z) / 2, (enter.y + enter.w) / 2);
  REQUIRE(k.screens().screen() == ui::ScreenId::CheckInGrid);
  const std::string id = k.app().model().participants.at(2).id;
  const auto r = *k.screens().tileRect(id);
  k.clickAt((r.x + r.z) / 2, (r.y + r.w) / 2);
  CHECK(k.screens().screen() == ui::ScreenId::Welcome);
  CHECK(k.store().presence().isPresent(id));
}

TEST_CASE("Dragging the grid scrolls it and checks nobody in", "[ui]") {
  KioskDriver k("drag", mondayMorning());
  k.tapButton("enter-grid");
  const std::string id = k.app().model().participants.front().id;
  const float before = k.screens().tileRect(id)->y;
  const auto r = *k.screens().tileRect(id);
  // Start the drag on a tile: a drag must never count as a tap on it.
  k.dragFinger((r.x + r.z) / 2, 700, (r.x + r.z) / 2, 250);
  k.settle("08-grid-scrolled");
  CHECK(allEvents(k.store()).empty());
  CHECK(k.screens().screen() == ui::ScreenId::CheckInGrid);
  const auto after = k.screens().tileRect(id);
  // The first tile moved up by the drag, or scrolled out of view entirely.
  CHECK((!after || after->y < before - 200));
}

TEST_CASE("The grid goes home by itself after a minute without touch", "[ui]") {
  KioskDriver k("grid-timeout", mondayMorning());
  k.tapButton("enter-grid");
  k.advance(59'000);
  CHECK(k.screens().screen() == ui::ScreenId::CheckInGrid);
  k.advance(2'000);
  CHECK(k.screens().screen() == ui::ScreenId::Home);
}

TEST_CASE("Yesterday's forgotten check-out is closed automatically and the morning tap checks in", "[ui]") {
  KioskDriver k("rollover", mondayMorning());
  const std::string id = k.app().model().participants.at(5).id;
  k.tapButton("enter-grid");
  k.tapTile(id);
  REQUIRE(k.store().presence().isPresent(id));
  // The participant goes home without checking out; the kiosk runs on through the night.
  k.advance(24LL * 3600 * 1000);
  CHECK_FALSE(k.store().presence().isPresent(id));
  auto events = allEvents(k.store());
  REQUIRE(events.size() == 2);
  const auto& out = std::get<CheckedOut>(events[1].payload);
  CHECK(out.automatic);
  CHECK(toStockholm(out.at).hour == 16); // Liljan closes at 16:00
  k.screens().go(ui::ScreenId::Home);
  k.settle();
  k.tapButton("enter-grid");
  k.tapTile(id);
  CHECK(k.screens().screen() == ui::ScreenId::Welcome);
  CHECK(k.store().presence().isPresent(id));
}

TEST_CASE("Screens fit a small 1024x600 kiosk", "[ui]") {
  KioskDriver k("small", mondayMorning(), 1024, 600);
  k.keepTargetsOnScreen(); // every target tapped and every frame settled lies inside the window
  k.settle("small-01-home");
  k.tapButton("enter-grid");
  k.settle("small-02-grid");
  const auto people = k.app().model().participants; // a copy: the model is replaced on refresh
  const auto rect = *k.screens().tileRect(people.front().id);
  // Tiles come from the font size: at least ~12 mm on a 7-inch 1024x600 screen (~170 dpi, 80 px).
  CHECK(rect.z - rect.x >= 80);
  k.tapTile(people.front().id);
  k.settle("small-03-welcome");
  k.clock().advanceMs(10'100);
  k.settle();
  k.tapButton("enter-grid");
  k.tapTile(people.front().id);
  k.settle("small-04-going-home-question");
  const auto yes = k.screens().buttonRect("yes");
  REQUIRE(yes.has_value());
  CHECK(yes->w <= 600);
}

TEST_CASE("A participant with a photo (by choice) is shown with it, and a missing, crafted or non-PNG/JPEG file "
          "falls back to initials",
          "[ui]") {
  KioskDriver k("photo", mondayMorning());
  const auto people = k.app().model().participants;
  const std::string withPhoto = people.at(0).id, broken = people.at(1).id, crafted = people.at(2).id,
                    gif = people.at(3).id;
  // A small picture: a soft gradient, written as PNG into the data directory's photos/.
  std::filesystem::create_directories(k.dataDir() / "photos");
  std::vector<unsigned char> rgb(64 * 64 * 3);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) {
      unsigned char* px = &rgb[static_cast<size_t>((y * 64 + x) * 3)];
      px[0] = static_cast<unsigned char>(120 + x);
      px[1] = static_cast<unsigned char>(160 + y / 2);
      px[2] = 200;
    }
  REQUIRE(stbi_write_png((k.dataDir() / "photos" / "bild.png").c_str(), 64, 64, 3, rgb.data(), 64 * 3) != 0);
  // A crafted JPEG from a USB stick (a Huffman table of 16 x 255 symbols, which overruns Debian's
  // stb_image) and a GIF: the photo reader decodes neither, as it decodes only PNG.
  {
    std::ofstream jpeg(k.dataDir() / "photos" / "trasig.jpg", std::ios::binary);
    jpeg << std::string("\xff\xd8\xff\xc4\x01\x13\x00", 7) << std::string(16, '\xff') << std::string(300, '\x01');
    std::ofstream gifFile(k.dataDir() / "photos" / "bild.gif", std::ios::binary);
    gifFile << std::string("GIF89a\x01\x00\x01\x00\x80\x00\x00", 13);
  }
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((k.dataDir() / store::kDatabaseFileName).c_str(), &db) == SQLITE_OK);
    const std::string sql = "UPDATE participant SET photo_file = 'bild.png' WHERE id = '" + withPhoto +
                            "'; UPDATE participant SET photo_file = 'saknas.png' WHERE id = '" + broken +
                            "'; UPDATE participant SET photo_file = 'trasig.jpg' WHERE id = '" + crafted +
                            "'; UPDATE participant SET photo_file = 'bild.gif' WHERE id = '" + gif + "';";
    CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  k.restart();
  const auto& model = k.app().model();
  CHECK(k.app().pictureOf(*model.find(withPhoto)) != nullptr);
  CHECK(k.app().pictureOf(*model.find(broken)) == nullptr); // initials instead, logged once
  CHECK(k.app().pictureOf(*model.find(crafted)) == nullptr);
  CHECK(k.app().pictureOf(*model.find(gif)) == nullptr);
  k.tapButton("enter-grid");
  k.settle("02-grid-with-photo");
  k.tapTile(withPhoto);
  CHECK(k.screens().screen() == ui::ScreenId::Welcome);
}
