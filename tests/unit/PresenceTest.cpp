#include "core/LocalTime.hpp"
#include "core/Presence.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace dagverk;

namespace {
Event checkedIn(const std::string& eventId, const std::string& pid, UtcMs at) {
  Event e;
  e.id = eventId;
  e.siteId = "liljan";
  e.payload = CheckedIn{pid, at};
  return e;
}

Event checkedOut(const std::string& eventId, const std::string& pid, UtcMs at, const std::string& checkInId) {
  Event e;
  e.id = eventId;
  e.siteId = "liljan";
  e.payload = CheckedOut{pid, at, false, checkInId};
  return e;
}

Site liljan() {
  Site s;
  s.id = "liljan";
  s.name = "Liljans dagliga verksamhet";
  s.opensMinute = 8 * 60;
  s.closesMinute = 16 * 60;
  return s;
}

constexpr std::int64_t kMinute = 60'000;
} // namespace

TEST_CASE("Presence: apply check-in and check-out") {
  PresenceBoard board;
  CHECK(board.count() == 0);
  CHECK_FALSE(board.isPresent("P1"));
  CHECK_FALSE(board.visit("P1").has_value());

  board.apply(checkedIn("E1", "P1", 1000));
  board.apply(checkedIn("E2", "P2", 2000));
  CHECK(board.count() == 2);
  REQUIRE(board.isPresent("P1"));
  CHECK(board.visit("P1")->checkInEventId == "E1");
  CHECK(board.visit("P1")->since == 1000);
  CHECK(board.visit("P2")->since == 2000);

  board.apply(checkedOut("E3", "P1", 3000, "E1"));
  CHECK_FALSE(board.isPresent("P1"));
  CHECK(board.isPresent("P2"));
  CHECK(board.count() == 1);

  // A check-out of someone not present changes nothing.
  board.apply(checkedOut("E4", "P9", 4000, "E0"));
  CHECK(board.count() == 1);

  board.clear();
  CHECK(board.count() == 0);
}

TEST_CASE("Presence: a check-out naming an older visit leaves the newer one open") {
  PresenceBoard board;
  board.apply(checkedIn("E1", "P1", 1000));
  board.apply(checkedIn("E2", "P1", 2000)); // e.g. a second kiosk, or a replay
  REQUIRE(board.visit("P1")->checkInEventId == "E2");
  board.apply(checkedOut("E3", "P1", 3000, "E1"));
  REQUIRE(board.isPresent("P1"));
  CHECK(board.visit("P1")->checkInEventId == "E2");
  board.apply(checkedOut("E4", "P1", 4000, "E2"));
  CHECK_FALSE(board.isPresent("P1"));

  // A check-out without a check-in id closes whatever is open.
  board.apply(checkedIn("E5", "P1", 5000));
  board.apply(checkedOut("E6", "P1", 6000, ""));
  CHECK_FALSE(board.isPresent("P1"));
}

TEST_CASE("Presence: meaningOfTap") {
  PresenceBoard board;
  CHECK(meaningOfTap(board, "P1") == TapMeaning::CheckIn);
  board.apply(checkedIn("E1", "P1", 1000));
  CHECK(meaningOfTap(board, "P1") == TapMeaning::AskGoingHome);
  CHECK(meaningOfTap(board, "P2") == TapMeaning::CheckIn);
  board.apply(checkedOut("E2", "P1", 2000, "E1"));
  CHECK(meaningOfTap(board, "P1") == TapMeaning::CheckIn);
}

TEST_CASE("Presence: TapGuard ignores a second tap on the same tile within 1000 ms") {
  const UtcMs t = 1795305600000;
  SECTION("same tile") {
    TapGuard g;
    CHECK(g.accept("P1", t));
    CHECK_FALSE(g.accept("P1", t));
    CHECK_FALSE(g.accept("P1", t + 1));
    CHECK_FALSE(g.accept("P1", t + 999));
    CHECK(g.accept("P1", t + 1000)); // measured from the last accepted tap
    CHECK_FALSE(g.accept("P1", t + 1500));
    CHECK(g.accept("P1", t + 2000));
  }
  SECTION("exactly at 1000 ms") {
    TapGuard g;
    CHECK(g.accept("P1", t));
    CHECK(g.accept("P1", t + kDoubleTapGuardMs));
  }
  SECTION("another tile is accepted at once") {
    TapGuard g;
    CHECK(g.accept("P1", t));
    CHECK(g.accept("P2", t + 1));
    CHECK(g.accept("P1", t + 2)); // the last tap was on P2
    CHECK_FALSE(g.accept("P1", t + 3));
  }
  SECTION("the first tap ever is accepted, even at time 0") {
    TapGuard g;
    CHECK(g.accept("", 0));
  }
}

TEST_CASE("Presence: dayRollover closes yesterday's check-in at the site's closing time") {
  // Saturday 2026-11-21 09:00 local = 08:00Z; closing 16:00 local = 15:00Z (from GNU date).
  const UtcMs yesterday0900 = fromStockholm({2026, 11, 21}, 9, 0);
  REQUIRE(yesterday0900 == 1795248000LL * 1000);
  PresenceBoard board;
  board.apply(checkedIn("E1", "P1", yesterday0900));
  const auto out = dayRollover(board, liljan(), fromStockholm({2026, 11, 22}, 8, 0));
  REQUIRE(out.size() == 1);
  CHECK(out[0].participantId == "P1");
  CHECK(out[0].checkInEventId == "E1");
  CHECK(out[0].at == 1795273200LL * 1000);
  CHECK(out[0].at == fromStockholm({2026, 11, 21}, 16, 0));
}

TEST_CASE("Presence: dayRollover of a check-in after closing uses the check-in time") {
  const UtcMs yesterday1730 = fromStockholm({2026, 11, 21}, 17, 30);
  PresenceBoard board;
  board.apply(checkedIn("E1", "P1", yesterday1730));
  const auto out = dayRollover(board, liljan(), fromStockholm({2026, 11, 22}, 8, 0));
  REQUIRE(out.size() == 1);
  CHECK(out[0].at == yesterday1730);
}

TEST_CASE("Presence: dayRollover leaves today's check-ins alone") {
  PresenceBoard board;
  board.apply(checkedIn("E1", "P1", fromStockholm({2026, 11, 22}, 7, 30)));
  // 00:30 local on the 22nd is 23:30 UTC on the 21st: today by the site's clock.
  board.apply(checkedIn("E2", "P2", fromStockholm({2026, 11, 22}, 0, 30)));
  board.apply(checkedIn("E3", "P3", fromStockholm({2026, 11, 21}, 23, 59)));
  const UtcMs now = fromStockholm({2026, 11, 22}, 8, 0);
  const auto out = dayRollover(board, liljan(), now);
  REQUIRE(out.size() == 1);
  CHECK(out[0].participantId == "P3");
  CHECK(out[0].at == fromStockholm({2026, 11, 21}, 23, 59)); // after closing: its own time
  // Nothing at all later the same day.
  PresenceBoard today;
  today.apply(checkedIn("E1", "P1", fromStockholm({2026, 11, 22}, 7, 30)));
  CHECK(dayRollover(today, liljan(), fromStockholm({2026, 11, 22}, 23, 59)).empty());
  CHECK(dayRollover(PresenceBoard{}, liljan(), now).empty());
}

TEST_CASE("Presence: dayRollover across the autumn switch and several days") {
  PresenceBoard board;
  // Saturday 2026-10-24 09:00 summer time; the rollover runs on Monday after the switch.
  board.apply(checkedIn("E1", "P1", fromStockholm({2026, 10, 24}, 9, 0)));
  board.apply(checkedIn("E2", "P2", fromStockholm({2026, 10, 20}, 10, 15)));
  Site s = liljan();
  s.closesMinute = 15 * 60 + 30;
  const auto out = dayRollover(board, s, fromStockholm({2026, 10, 26}, 8, 0));
  REQUIRE(out.size() == 2);
  for (const auto& a : out) {
    if (a.participantId == "P1") {
      CHECK(a.at == 1792850400LL * 1000 - 30 * kMinute); // 2026-10-24 15:30 CEST = 13:30Z
    } else {
      CHECK(a.participantId == "P2");
      CHECK(a.at == fromStockholm({2026, 10, 20}, 15, 30));
    }
  }
}
