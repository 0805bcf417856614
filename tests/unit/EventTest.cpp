#include "core/Error.hpp"
#include "core/Event.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace dagverk;

namespace {
void requireBadInput(const std::string& kind, const std::string& json) {
  INFO("kind '" << kind << "' json '" << json << "'");
  try {
    decodePayload(kind, json);
    FAIL("decodePayload did not throw");
  } catch (const DagverkError& e) {
    CHECK(e.code() == ErrorCode::BadInput);
    CHECK_FALSE(e.swedish().empty());
    CHECK(std::string(e.english()).size() > 0);
  }
}
} // namespace

TEST_CASE("Event: CheckedIn payload round trip") {
  const CheckedIn in{"P0001", 1795305600123};
  const EventPayload p = in;
  CHECK(std::string(kindOf(p)) == "CheckedIn");
  CHECK(subjectOf(p) == "P0001");
  const std::string json = encodePayload(p);
  CHECK(json.find("\"participantId\"") != std::string::npos);
  CHECK(json.find("1795305600123") != std::string::npos);
  const EventPayload back = decodePayload("CheckedIn", json);
  REQUIRE(std::holds_alternative<CheckedIn>(back));
  CHECK(std::get<CheckedIn>(back).participantId == "P0001");
  CHECK(std::get<CheckedIn>(back).at == 1795305600123);
}

TEST_CASE("Event: CheckedOut payload round trip, automatic and not") {
  for (bool automatic : {false, true}) {
    const CheckedOut out{"P0002", -5, automatic, "01a2008d-7400-7234-9678-9abcdef01122"};
    const std::string json = encodePayload(out);
    const EventPayload back = decodePayload(kindOf(EventPayload{out}), json);
    REQUIRE(std::holds_alternative<CheckedOut>(back));
    const auto& o = std::get<CheckedOut>(back);
    CHECK(o.participantId == "P0002");
    CHECK(o.at == -5);
    CHECK(o.automatic == automatic);
    CHECK(o.checkInEventId == "01a2008d-7400-7234-9678-9abcdef01122");
  }
}

TEST_CASE("Event: payload text with quotes, backslashes and non-ASCII survives") {
  const std::string id = "Åsa \"x\" \\ \n\t ö";
  const EventPayload back = decodePayload("CheckedIn", encodePayload(CheckedIn{id, 1}));
  CHECK(std::get<CheckedIn>(back).participantId == id);
}

TEST_CASE("Event: decodePayload of an unknown kind throws BadInput") {
  const std::string json = encodePayload(CheckedIn{"P0001", 1});
  requireBadInput("Bogus", json);
  requireBadInput("", json);
  requireBadInput("checkedin", json); // kinds are case-sensitive
}

TEST_CASE("Event: decodePayload of malformed JSON throws BadInput") {
  requireBadInput("CheckedIn", "");
  requireBadInput("CheckedIn", "not json");
  requireBadInput("CheckedIn", "{");
  requireBadInput("CheckedIn", R"({"v":{"participantId":"P1")");      // truncated
  requireBadInput("CheckedIn", R"({"v":{"participantId":5,"at":1}})"); // wrong type
  requireBadInput("CheckedIn", R"({"v":{"participantId":"P1"}})");     // missing field
  requireBadInput("CheckedIn", R"({"w":{"participantId":"P1","at":1}})");
  requireBadInput("CheckedOut", encodePayload(CheckedIn{"P0001", 1})); // CheckedIn fields as a CheckedOut
  requireBadInput("CheckedIn", "[1,2,3]");
}
