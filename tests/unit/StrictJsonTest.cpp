// The strict JSON reader for text from outside: what cereal's JSON writer produces reads back
// through it, and everything outside Dagverk's shapes is refused with a reason, before any
// other JSON library could see it.
#include "core/Event.hpp"
#include "core/StrictJson.hpp"
#include "core/StrictJsonArchive.hpp"

#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace dagverk;

namespace {

std::string refusal(std::string_view text, std::size_t maxBytes = 4096, int maxDepth = 8) {
  try {
    parseStrictJson(text, maxBytes, maxDepth);
  } catch (const JsonError& e) {
    return e.what();
  }
  return "accepted";
}

struct Sample {
  std::string name;
  std::int64_t at = 0;
  int count = 0;
  bool flag = false;
  std::vector<std::string> ids;
  template <class Archive> void serialize(Archive& ar) {
    ar(cereal::make_nvp("name", name), cereal::make_nvp("at", at), cereal::make_nvp("count", count),
       cereal::make_nvp("flag", flag), cereal::make_nvp("ids", ids));
  }
};

std::string written(const Sample& s) {
  std::ostringstream os;
  {
    cereal::JSONOutputArchive ar(os);
    ar(cereal::make_nvp("v", const_cast<Sample&>(s)));
  }
  return os.str();
}

Sample readBack(const std::string& text, StrictJsonInputArchive::Keys keys = StrictJsonInputArchive::Keys::RefuseUnknown) {
  Sample s;
  StrictJsonInputArchive ar(text, 4096, 8, keys);
  ar(cereal::make_nvp("v", s));
  ar.finish();
  return s;
}

std::string archiveRefusal(const std::string& text,
                           StrictJsonInputArchive::Keys keys = StrictJsonInputArchive::Keys::RefuseUnknown) {
  try {
    readBack(text, keys);
  } catch (const JsonError& e) {
    return e.what();
  }
  return "accepted";
}

} // namespace

TEST_CASE("StrictJson: what cereal's JSON writer produces reads back, strings byte for byte") {
  Sample s;
  s.name = "Åsa \"Örjan\" \\ tab\t newline\n ctrl\x01 emoji 😀 slash /";
  s.at = -1'780'000'000'000;
  s.count = 2147483647;
  s.flag = true;
  s.ids = {"P0001", "", "P0003"};
  const Sample back = readBack(written(s));
  CHECK(back.name == s.name);
  CHECK(back.at == s.at);
  CHECK(back.count == s.count);
  CHECK(back.flag);
  CHECK(back.ids == s.ids);
}

TEST_CASE("StrictJson: every event payload kind reads back what the kiosk writes") {
  ActivitySessionLogged a;
  a.sessionId = "0190a0b0-2222-7000-8000-000000000001";
  a.participantIds = {"P0001", "P0002"};
  a.start = 1'780'000'000'000;
  a.end = 1'780'003'600'000;
  a.note = "Åsa följde med — 😀";
  a.planned = true;
  const auto back = std::get<ActivitySessionLogged>(decodePayload(a.kKind, encodePayload(a)));
  CHECK(back.participantIds == a.participantIds);
  CHECK(back.note == a.note);
  CHECK(back.end == a.end);
  CHECK(back.planned);
  // The optional last field: present only when set, and read only when present.
  CheckedOut out;
  out.participantId = "P0001";
  out.clockFault = true;
  CHECK(std::get<CheckedOut>(decodePayload(out.kKind, encodePayload(out))).clockFault);
  out.clockFault = false;
  CHECK_FALSE(std::get<CheckedOut>(decodePayload(out.kKind, encodePayload(out))).clockFault);
}

TEST_CASE("StrictJson: numbers only as plain integers of at most 18 digits") {
  for (const char* text : {R"({"byteSize": 0e99})", R"({"n":0e-30})", R"({"n":1E5})", R"({"n":1.5})", "[0.0]",
                           R"({"n":-0e99})"}) {
    INFO(text);
    CHECK(refusal(text).find("fraction or an exponent") != std::string::npos);
  }
  CHECK(refusal(R"({"n":1234567890123456789})").find("more than 18 digits") != std::string::npos);
  CHECK(refusal(R"({"n":-})").find("minus sign") != std::string::npos);
  CHECK(refusal(R"({"n":007})").find("leading zero") != std::string::npos);
  CHECK(refusal(R"({"n":123456789012345678,"m":-123456789012345678})") == "accepted");
}

TEST_CASE("StrictJson: size, depth, NUL, control bytes, bad UTF-8, duplicate keys and null are refused") {
  CHECK(refusal(std::string(5000, ' ')).find("too large") != std::string::npos);
  CHECK(refusal("[[[[[[[[[1]]]]]]]]]").find("deeper than 8") != std::string::npos);
  CHECK(refusal("[[[[[[[[1]]]]]]]]") == "accepted");
  CHECK(refusal(std::string("{\"a\":1}\0", 8)).find("text after") != std::string::npos);
  CHECK(refusal(R"({"a":"x\u0000y"})").find("NUL") != std::string::npos);
  CHECK(refusal("{\"a\":\"x\x01y\"}").find("control byte") != std::string::npos);
  CHECK(refusal("{\"a\":\"\xc3\x28\"}").find("invalid UTF-8") != std::string::npos);
  CHECK(refusal("{\"a\":\"\xed\xa0\x80\"}").find("invalid UTF-8") != std::string::npos);   // a surrogate
  CHECK(refusal("{\"a\":\"\xe0\x80\xaf\"}").find("invalid UTF-8") != std::string::npos);   // overlong
  CHECK(refusal(R"({"a":"\ud800"})").find("surrogate") != std::string::npos);
  CHECK(refusal(R"({"a":"\ud83d\ude00"})") == "accepted");
  CHECK(refusal(R"({"a":1,"a":2})").find("twice") != std::string::npos);
  CHECK(refusal(R"({"a":null})").find("null") != std::string::npos);
  CHECK(refusal(R"({"a":1,})").find("a key expected") != std::string::npos);
  CHECK(refusal(R"({"a":tru})").find("unknown word") != std::string::npos);
  CHECK(refusal(R"({"a":"\x"})").find("unknown escape") != std::string::npos);
  CHECK(refusal(R"({"a":"open)").find("end of text") != std::string::npos);
}

TEST_CASE("StrictJsonInputArchive: missing, mistyped, out-of-range and unknown keys are refused") {
  Sample s;
  s.name = "x";
  const std::string good = written(s);
  CHECK(archiveRefusal(good) == "accepted");
  CHECK(archiveRefusal(R"({"v":{"name":"x","at":0,"count":0,"flag":false}})").find("'ids' missing") !=
        std::string::npos);
  CHECK(archiveRefusal(R"({"v":{"name":1,"at":0,"count":0,"flag":false,"ids":[]}})").find("'name' is an integer") !=
        std::string::npos);
  CHECK(archiveRefusal(R"({"v":{"name":"x","at":0,"count":2147483648,"flag":false,"ids":[]}})")
            .find("'count' is out of range") != std::string::npos);
  CHECK(archiveRefusal(R"({"v":{"name":"x","at":0,"count":0,"flag":false,"ids":[1]}})").find("a list element is an integer") !=
        std::string::npos);
  CHECK(archiveRefusal(R"({"v":{"name":"x","at":0,"count":0,"flag":false,"ids":{}}})").find("a list was expected") !=
        std::string::npos);
  const std::string extra = R"({"v":{"name":"x","at":0,"count":0,"flag":false,"ids":[],"later":true}})";
  CHECK(archiveRefusal(extra).find("unknown key 'later'") != std::string::npos);
  CHECK(archiveRefusal(extra, StrictJsonInputArchive::Keys::IgnoreUnknown) == "accepted");
  CHECK(archiveRefusal(R"({"v":{"name":"x","at":0,"count":0,"flag":false,"ids":[]},"w":1})")
            .find("unknown key 'w'") != std::string::npos);
  CHECK(archiveRefusal(R"(["v"])").find("top level is an array") != std::string::npos);
  // Members in another order than the writer's are still found by name.
  CHECK(archiveRefusal(R"({"v":{"ids":[],"flag":true,"count":1,"at":2,"name":"x"}})") == "accepted");
}
