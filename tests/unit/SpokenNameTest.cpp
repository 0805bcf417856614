// Speech says the roster's spoken form ("uttal") where there is one, else the first name.
#include "core/SpokenName.hpp"

#include <catch2/catch.hpp>

using namespace dagverk;

TEST_CASE("speech says the roster's uttal where there is one, else the first name", "[speech]") {
  Participant p;
  p.firstName = "Jože";
  CHECK(spokenName(p) == "Jože");
  p.spokenName = "Josje";
  CHECK(spokenName(p) == "Josje");
  p.spokenName = "";
  CHECK(spokenName(p) == "Jože");
}
