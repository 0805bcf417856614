#include "core/Ids.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

using namespace dagverk;

namespace {
const std::regex kUuidV7(R"(^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$)");

std::array<std::uint8_t, 10> filled(std::uint8_t v) {
  std::array<std::uint8_t, 10> a{};
  a.fill(v);
  return a;
}
} // namespace

TEST_CASE("Ids: makeUuidV7 has the v7 layout, with the time in the first 48 bits") {
  const UtcMs t = 0x0123456789AB;
  CHECK(makeUuidV7(t, filled(0x00)) == "01234567-89ab-7000-8000-000000000000");
  CHECK(makeUuidV7(t, filled(0xFF)) == "01234567-89ab-7fff-bfff-ffffffffffff");
  const std::array<std::uint8_t, 10> r{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x11, 0x22};
  const std::string id = makeUuidV7(1795305600000, r); // 2026-11-22T00:00Z
  CHECK(std::regex_match(id, kUuidV7));
  CHECK(id.substr(0, 13) == "01a2008d-7400"); // 0x01A2008D7400 = 1795305600000
  CHECK(id.substr(14, 4) == "7234");          // version nibble replaces the high nibble of random[0]
  CHECK(id.substr(19, 4) == "9678");          // variant bits 10xx on random[2] (0x56 -> 0x96)
  CHECK(id.substr(24) == "9abcdef01122");
}

TEST_CASE("Ids: version nibble is 7 and variant is RFC 4122 for any random bytes") {
  std::set<std::string> seen;
  for (int v = 0; v < 256; ++v) {
    std::array<std::uint8_t, 10> r{};
    for (size_t i = 0; i < r.size(); ++i) r[i] = static_cast<std::uint8_t>(v * 31 + static_cast<int>(i) * 7);
    const std::string id = makeUuidV7(1700000000000 + v, r);
    INFO(id);
    REQUIRE(id.size() == 36);
    CHECK(id[14] == '7');
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);
    CHECK(std::regex_match(id, kUuidV7));
    CHECK(isUuid(id));
    seen.insert(id);
  }
  CHECK(seen.size() == 256);
}

TEST_CASE("Ids: v7 ids sort by time as text") {
  const auto r = filled(0xAB);
  CHECK(makeUuidV7(1000, r) < makeUuidV7(1001, r));
  CHECK(makeUuidV7(1795305600000, filled(0xFF)) < makeUuidV7(1795305600001, filled(0x00)));
}

TEST_CASE("Ids: isUuid") {
  CHECK(isUuid("01234567-89ab-7def-8123-456789abcdef"));
  CHECK(isUuid("00000000-0000-0000-0000-000000000000"));
  CHECK_FALSE(isUuid(""));
  CHECK_FALSE(isUuid("01234567-89AB-7DEF-8123-456789ABCDEF")); // upper case is not what we write
  CHECK_FALSE(isUuid("01234567-89ab-7def-8123-456789abcde"));  // too short
  CHECK_FALSE(isUuid("01234567-89ab-7def-8123-456789abcdef0")); // too long
  CHECK_FALSE(isUuid("0123456789ab-7def-8123-456789abcdef--"));
  CHECK_FALSE(isUuid("01234567_89ab_7def_8123_456789abcdef"));
  CHECK_FALSE(isUuid("0123456-789ab-7def-8123-456789abcdef"));  // dash in the wrong place
  CHECK_FALSE(isUuid("g1234567-89ab-7def-8123-456789abcdef"));
  CHECK_FALSE(isUuid("{1234567-89ab-7def-8123-456789abcde}"));
}

TEST_CASE("Ids: the id rule for roster ids") {
  for (const char* ok : {"liljan", "P0001", "S062", "liljan-a01", "steget_framat", "A", "0"}) CHECK(isValidId(ok));
  CHECK(isValidId(std::string(64, 'a')));
  CHECK_FALSE(isValidId(std::string(65, 'a')));
  for (const char* bad : {"", ".", "..", "../../evil", "a/b", "a\\b", "a b", "a.b", "*", "liljan\n", "Örnsberg",
                          "a\x7f", "-\t"})
    CHECK_FALSE(isValidId(bad));
  CHECK_FALSE(isValidId(std::string_view("a\0b", 3)));
}

TEST_CASE("Ids: a photo value is a bare file name") {
  for (const char* ok : {"p0001.jpg", "Anna B.png", "bild-2026_01.jpeg", "x", "åsa.jpg"}) CHECK(isPhotoFileName(ok));
  CHECK(isPhotoFileName(std::string(128, 'a')));
  CHECK_FALSE(isPhotoFileName(std::string(129, 'a')));
  for (const char* bad : {"", "/etc/shadow", "../p.jpg", "a/b.jpg", "a\\b.jpg", ".hidden.jpg", ".", "..", "p..jpg",
                          "p\n.jpg", "p\x7f.jpg"})
    CHECK_FALSE(isPhotoFileName(bad));
}
