// The rules of registering a past day afterwards (core/LateVisit.hpp), without a store.
#include "core/Error.hpp"
#include "core/Event.hpp"
#include "core/LateVisit.hpp"

#include <catch2/catch.hpp>

using namespace dagverk;

namespace {

const LocalDate kToday{2026, 11, 23}; // a Monday

LocalDate daysBack(int n) { return civilFromDays(daysFromCivil(kToday) - n); }

cmd::RegisterLate sheet(LocalDate day, std::vector<LateVisitLine> lines) {
  return cmd::RegisterLate{day, std::move(lines), "S001"};
}

std::string refusal(const cmd::RegisterLate& c, const std::set<std::string>& registered = {}) {
  try {
    decideLateVisits(c, kToday, registered);
  } catch (const DagverkError& e) {
    CHECK(e.code() == ErrorCode::BadInput);
    return e.swedish();
  }
  FAIL("the sheet was not refused");
  return {};
}

} // namespace

TEST_CASE("Late visit: a day 1 to 30 days back is taken - today, the future and older days are refused") {
  const auto one = [](LocalDate d) { return sheet(d, {{"P0001", 9 * 60, 15 * 60}}); };
  CHECK(decideLateVisits(one(daysBack(1)), kToday, {}).visits.size() == 1);
  CHECK(decideLateVisits(one(daysBack(30)), kToday, {}).visits.size() == 1);
  CHECK(refusal(one(kToday)) == "Dagens närvaro registreras på kiosken som vanligt, inte i efterhand.");
  CHECK(refusal(one(daysBack(-1))) == "Det går inte att registrera en dag som inte har varit än.");
  CHECK(refusal(one(daysBack(31))).find("de senaste 30 dagarna") != std::string::npos);
}

TEST_CASE("Late visit: times become the day's UTC instants - a missing time is stored as 0") {
  const LocalDate friday = daysBack(3);
  const auto d = decideLateVisits(sheet(friday, {{"P0001", 8 * 60 + 15, 15 * 60 + 30}, {"P0002", 9 * 60, {}},
                                                 {"P0003", {}, {}}}),
                                  kToday, {});
  REQUIRE(d.visits.size() == 3);
  CHECK(d.visits[0].participantId == "P0001");
  CHECK(d.visits[0].date == "2026-11-20");
  CHECK(d.visits[0].arrivedAt == fromStockholm(friday, 8, 15));
  CHECK(d.visits[0].leftAt == fromStockholm(friday, 15, 30));
  CHECK(d.visits[1].arrivedAt == fromStockholm(friday, 9, 0));
  CHECK(d.visits[1].leftAt == 0);
  CHECK(d.visits[2].arrivedAt == 0);
  CHECK(d.visits[2].leftAt == 0);
  CHECK(d.alreadyRegistered.empty());
}

TEST_CASE("Late visit: someone who already has a visit that day is left out, not doubled") {
  const auto d = decideLateVisits(sheet(daysBack(2), {{"P0001", 9 * 60, {}}, {"P0002", 9 * 60, {}}}), kToday,
                                  {"P0002", "P0009"});
  REQUIRE(d.visits.size() == 1);
  CHECK(d.visits[0].participantId == "P0001");
  CHECK(d.alreadyRegistered == std::vector<std::string>{"P0002"});
}

TEST_CASE("Late visit: a departure before the arrival, a time outside the day, a person twice, an empty sheet") {
  const LocalDate d = daysBack(1);
  CHECK(refusal(sheet(d, {{"P0001", 15 * 60, 9 * 60}})) ==
        "Tiden för hemgång (09:00) är före ankomsten (15:00). Kontrollera tiderna på listan.");
  CHECK(refusal(sheet(d, {{"P0001", 24 * 60, {}}})) == "En tid måste vara mellan 00:00 och 23:59.");
  CHECK(refusal(sheet(d, {{"P0001", {}, -1}})) == "En tid måste vara mellan 00:00 och 23:59.");
  CHECK(refusal(sheet(d, {{"P0001", 9 * 60, {}}, {"P0001", 10 * 60, {}}})) == "Samma person finns två gånger i listan.");
  CHECK(refusal(sheet(d, {})) == "Bocka för minst en person som var där.");
  // A departure equal to the arrival is a visit of no length, not an error.
  CHECK(decideLateVisits(sheet(d, {{"P0001", 9 * 60, 9 * 60}}), kToday, {}).visits.size() == 1);
}

TEST_CASE("Late visit: the payload round-trips through the stored JSON and names its participant") {
  LateVisitRegistered v{"P0007", "2026-11-20", fromStockholm({2026, 11, 20}, 8, 0), 0};
  const EventPayload p = v;
  CHECK(std::string(kindOf(p)) == "LateVisitRegistered");
  CHECK(subjectOf(p) == "P0007");
  CHECK(kindLabelSv("LateVisitRegistered") == "Efterregistrerade besök");
  const auto back = std::get<LateVisitRegistered>(decodePayload("LateVisitRegistered", encodePayload(p)));
  CHECK(back.participantId == v.participantId);
  CHECK(back.date == v.date);
  CHECK(back.arrivedAt == v.arrivedAt);
  CHECK(back.leftAt == 0);
}
