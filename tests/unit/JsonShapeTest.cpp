// The strict look at JSON text that comes before the JSON library: only what Dagverk writes
// passes (objects, arrays, strings, booleans, plain integers), within size and depth.
#include "core/JsonShape.hpp"

#include <catch2/catch.hpp>

using dagverk::jsonShapeProblem;

TEST_CASE("JsonShape: what Dagverk writes passes") {
  CHECK(jsonShapeProblem(R"({"v":{"participantId":"P0001","at":1772438400000,"automatic":false}})", 4096, 8).empty());
  CHECK(jsonShapeProblem(R"({"a":[-1,0,7,123456789012345678],"s":"1.5e3 and -0e99 inside a string"})", 4096, 8)
            .empty());
  CHECK(jsonShapeProblem(R"({"s":"an escaped \" quote, then 2e5"})", 4096, 8).empty());
}

TEST_CASE("JsonShape: a number with an exponent or a fraction is refused before any parser") {
  for (const char* text : {R"({"byteSize": 0e99})", R"({"byteSize":0e-30})", R"({"n":1E5})", R"({"n":1.5})",
                           R"([0.0])", "0e-30\r", R"({"n":-0e99})"}) {
    INFO(text);
    CHECK(jsonShapeProblem(text, 4096, 8).find("fraction or an exponent") != std::string::npos);
  }
}

TEST_CASE("JsonShape: overlong numbers, a bare minus, NUL, size and depth are refused") {
  CHECK(jsonShapeProblem(R"({"n":1234567890123456789})", 4096, 8).find("more than 18 digits") != std::string::npos);
  CHECK(jsonShapeProblem(R"({"n":-})", 4096, 8).find("minus sign") != std::string::npos);
  CHECK(jsonShapeProblem(std::string("{\"a\":1}\0", 8), 4096, 8).find("NUL") != std::string::npos);
  CHECK(jsonShapeProblem(std::string(5000, ' '), 4096, 8).find("too large") != std::string::npos);
  CHECK(jsonShapeProblem("[[[[[[[[[1]]]]]]]]]", 4096, 8).find("deeper") != std::string::npos);
}
