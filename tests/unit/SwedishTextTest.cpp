#include "core/SwedishText.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace dagverk;

TEST_CASE("SwedishText: Å Ä Ö sort after Z, in that order") {
  CHECK(swedishLess("Zara", "Åsa"));
  CHECK_FALSE(swedishLess("Åsa", "Zara"));
  CHECK(swedishLess("Åsa", "Ängla"));
  CHECK_FALSE(swedishLess("Ängla", "Åsa"));
  CHECK(swedishLess("Ängla", "Östen"));
  CHECK(swedishLess("Åsa", "Östen"));
  CHECK(swedishLess("Zara", "Östen"));
  CHECK(swedishLess("Yousef", "Zara"));

  std::vector<std::string> names = {"Östen", "Ängla", "Zara", "Åsa", "Adam", "Ärla", "Örjan", "Bo", "Åke", "Yngve"};
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return swedishLess(a, b); });
  const std::vector<std::string> expected = {"Adam", "Bo", "Yngve", "Zara", "Åke", "Åsa", "Ängla", "Ärla", "Örjan", "Östen"};
  CHECK(names == expected);
  CHECK(names.back() == "Östen");
}

TEST_CASE("SwedishText: a shorter prefix sorts first") {
  CHECK(swedishLess("Ann", "Anna"));
  CHECK_FALSE(swedishLess("Anna", "Ann"));
  CHECK(swedishLess("", "A"));
}

TEST_CASE("SwedishText: order is case-insensitive") {
  CHECK(swedishLess("adam", "Bertil"));
  CHECK(swedishLess("Adam", "bertil"));
  CHECK(swedishLess("zara", "Åsa"));
  CHECK(swedishLess("Zara", "åsa"));
  CHECK(swedishLess("åsa", "Ängla"));
  CHECK(swedishLess("Åsa", "ängla"));
  CHECK(swedishLess("ängla", "Östen"));
  CHECK(swedishLess("ÄNGLA", "östen"));
  CHECK_FALSE(swedishLess("östen", "Zara"));
  // Names equal but for case still have a strict, consistent order (irreflexive, asymmetric).
  CHECK_FALSE(swedishLess("anna", "anna"));
  CHECK(swedishLess("Anna", "anna") != swedishLess("anna", "Anna"));
  // And they sort next to each other, not "Anna" < "Bo" < "anna" as byte order would give.
  std::vector<std::string> names = {"anna", "Bo", "Anna", "bo", "Cecilia"};
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return swedishLess(a, b); });
  CHECK((names[0] == "Anna" || names[0] == "anna"));
  CHECK((names[1] == "Anna" || names[1] == "anna"));
  CHECK((names[2] == "Bo" || names[2] == "bo"));
  CHECK(names[4] == "Cecilia");
}

TEST_CASE("SwedishText: É sorts with E, not after Ö") {
  CHECK(swedishLess("Emil", "Éva"));
  CHECK(swedishLess("Éva", "Fredrik"));
  CHECK(swedishLess("Éva", "Åsa"));
}

TEST_CASE("SwedishText: firstLetterUpper") {
  CHECK(firstLetterUpper("åsa") == "Å");
  CHECK(firstLetterUpper("Åsa") == "Å");
  CHECK(firstLetterUpper("ängla") == "Ä");
  CHECK(firstLetterUpper("östen") == "Ö");
  CHECK(firstLetterUpper("adam") == "A");
  CHECK(firstLetterUpper("Zara") == "Z");
  CHECK(firstLetterUpper("éva") == "É");
  CHECK(firstLetterUpper("") == "");
  CHECK(firstLetterUpper("7") == "7");
}

TEST_CASE("SwedishText: the alphabet strip is A-Z then Å Ä Ö") {
  const auto& letters = swedishAlphabet();
  REQUIRE(letters.size() == 29);
  CHECK(letters.front() == "A");
  CHECK(letters[25] == "Z");
  CHECK(letters[26] == "Å");
  CHECK(letters[27] == "Ä");
  CHECK(letters[28] == "Ö");
  CHECK(std::is_sorted(letters.begin(), letters.end(), [](const auto& a, const auto& b) { return swedishLess(a, b); }));
}

TEST_CASE("SwedishText: isValidUtf8 accepts well-formed text") {
  CHECK(isValidUtf8(""));
  CHECK(isValidUtf8("Dalia"));
  CHECK(isValidUtf8("Åsa Ängla Östen"));
  CHECK(isValidUtf8("\xE2\x82\xAC"));         // €
  CHECK(isValidUtf8("\xF0\x9F\x98\x80"));     // U+1F600
  CHECK(isValidUtf8("\xF4\x8F\xBF\xBF"));     // U+10FFFF, the last code point
  CHECK(isValidUtf8("\xED\x9F\xBF"));         // U+D7FF, just below the surrogates
  CHECK(isValidUtf8("\xEE\x80\x80"));         // U+E000, just above them
  CHECK(isValidUtf8(std::string("a\0b", 3))); // NUL is valid UTF-8 (the CSV rejects it separately)
  CHECK(isValidUtf8("\xEF\xBF\xBD"));         // U+FFFD itself is a valid character
}

TEST_CASE("SwedishText: isValidUtf8 rejects overlong forms") {
  for (const char* bad : {"\xC0\x80", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xE0\x9F\xBF", "\xF0\x80\x80\xAF",
                          "\xF0\x8F\xBF\xBF"}) {
    INFO("bytes " << bad);
    CHECK_FALSE(isValidUtf8(bad));
  }
}

TEST_CASE("SwedishText: isValidUtf8 rejects truncated sequences") {
  for (const char* bad : {"\xC3", "abc\xC3", "\xE2\x82", "\xF0\x9F\x98", "abc\xF0\x9F\x98", "\xC3x", "\xE2\x82x"}) {
    INFO("bytes " << bad);
    CHECK_FALSE(isValidUtf8(bad));
  }
}

TEST_CASE("SwedishText: isValidUtf8 rejects surrogates, stray bytes and values past U+10FFFF") {
  for (const char* bad : {"\xED\xA0\x80", "\xED\xAF\xBF", "\xED\xB0\x80", "\xED\xBF\xBF",
                          "\xED\xA0\xBD\xED\xB8\x80", // CESU-8 style surrogate pair
                          "\x80", "a\xBFz", "\xFE", "\xFF", "\xF8\x88\x80\x80\x80", "\xF4\x90\x80\x80",
                          "\xF5\x80\x80\x80"}) {
    INFO("bytes " << bad);
    CHECK_FALSE(isValidUtf8(bad));
  }
}

TEST_CASE("SwedishText: decodeUtf8 replaces each bad byte with U+FFFD and keeps the rest") {
  CHECK(decodeUtf8("Åsa") == U"Åsa");
  CHECK(decodeUtf8("a\xFF" "b") == U"a\uFFFDb");
  CHECK(decodeUtf8("\xC3") == U"\uFFFD");
  CHECK(encodeUtf8(U'Ö') == "Ö");
  CHECK(encodeUtf8(0x1F600) == "\xF0\x9F\x98\x80");
}
