// A visit whose check-in lies on a later day than the rollover's (the clock ran ahead) is closed
// and flagged; the flag is a new, optional field of the check-out payloads that older rows lack.
#include "core/Event.hpp"
#include "core/Presence.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace dagverk;

namespace {
Event checkIn(const std::string& id, const std::string& who, UtcMs at) {
  Event e;
  e.id = id;
  e.payload = CheckedIn{who, at};
  return e;
}
} // namespace

TEST_CASE("Rollover: a check-in on a later day is closed at its own time and flagged as a clock fault") {
  Site site{"liljan", "Liljan", 35, 8 * 60, 16 * 60};
  const UtcMs now = fromStockholm({2026, 11, 23}, 9, 0);
  PresenceBoard board;
  board.apply(checkIn("e-future", "P0001", fromStockholm({2027, 11, 23}, 9, 0)));
  board.apply(checkIn("e-later-today", "P0002", fromStockholm({2026, 11, 23}, 15, 0)));
  board.apply(checkIn("e-yesterday", "P0003", fromStockholm({2026, 11, 22}, 9, 0)));
  REQUIRE(rolloverDue(board, now));

  auto out = dayRollover(board, site, now);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.participantId < b.participantId; });
  REQUIRE(out.size() == 2); // today's visit stays open, even one a few hours ahead
  CHECK(out[0].participantId == "P0001");
  CHECK(out[0].clockFault);
  CHECK(out[0].at == fromStockholm({2027, 11, 23}, 9, 0));
  CHECK(out[1].participantId == "P0003");
  CHECK_FALSE(out[1].clockFault);
  CHECK(out[1].at == fromStockholm({2026, 11, 22}, 16, 0));

  PresenceBoard today;
  today.apply(checkIn("e-later-today", "P0002", fromStockholm({2026, 11, 23}, 15, 0)));
  CHECK_FALSE(rolloverDue(today, now));
}

TEST_CASE("Payload: clockFault is written only when set, and rows without it still decode") {
  const std::string old = R"({"v":{"participantId":"P0001","at":5,"automatic":true,"checkInEventId":"e1"}})";
  const auto decoded = std::get<CheckedOut>(decodePayload("CheckedOut", old));
  CHECK(decoded.automatic);
  CHECK_FALSE(decoded.clockFault);
  // An ordinary check-out is written as before the flag existed.
  CHECK(encodePayload(decoded).find("clockFault") == std::string::npos);

  CheckedOut flagged = decoded;
  flagged.clockFault = true;
  const std::string json = encodePayload(flagged);
  CHECK(json.find("clockFault") != std::string::npos);
  CHECK(std::get<CheckedOut>(decodePayload("CheckedOut", json)).clockFault);

  StaffCheckedOut staff{"S001", 5, true, "e2", true};
  CHECK(std::get<StaffCheckedOut>(decodePayload("StaffCheckedOut", encodePayload(staff))).clockFault);
}
