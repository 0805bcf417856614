#include "core/LocalTime.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using namespace dagverk;

namespace {
constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;

// Reference instants computed outside the code under test (GNU date, tzdata).
constexpr UtcMs kSummerStart2026 = 1774746000LL * 1000; // 2026-03-29T01:00:00Z
constexpr UtcMs kSummerEnd2026 = 1792890000LL * 1000;   // 2026-10-25T01:00:00Z
constexpr UtcMs kMidnight2026_11_22Utc = 1795305600LL * 1000;

void requireWallTime(const LocalDateTime& t, LocalDate d, int h, int m, int s) {
  INFO(formatIsoDate(t.date) << " " << t.hour << ":" << t.minute << ":" << t.second);
  CHECK(t.date == d);
  CHECK(t.hour == h);
  CHECK(t.minute == m);
  CHECK(t.second == s);
}
} // namespace

TEST_CASE("LocalTime: Stockholm offset switches at 01:00 UTC on the last Sundays of March and October 2026") {
  CHECK(stockholmOffsetMinutes(kSummerStart2026 - 1) == 60);
  CHECK(stockholmOffsetMinutes(kSummerStart2026) == 120);
  CHECK(stockholmOffsetMinutes(kSummerStart2026 + kHour) == 120);
  CHECK(stockholmOffsetMinutes(kSummerEnd2026 - 1) == 120);
  CHECK(stockholmOffsetMinutes(kSummerEnd2026) == 60);
  CHECK(stockholmOffsetMinutes(kSummerEnd2026 + kHour) == 60);
  // Deep winter and deep summer.
  CHECK(stockholmOffsetMinutes(kMidnight2026_11_22Utc) == 60);
  CHECK(stockholmOffsetMinutes(kSummerStart2026 + 90LL * 24 * kHour) == 120);
}

TEST_CASE("LocalTime: summer-time switches in other years follow the EU rule") {
  // {last Sunday of March 01:00Z, last Sunday of October 01:00Z}, from GNU date.
  const std::vector<std::pair<std::int64_t, std::int64_t>> switches = {
      {828234000, 846378000},   // 1996 (first year of the current EU rule)
      {1711846800, 1729990800}, // 2024
      {1743296400, 1761440400}, // 2025
      {1806195600, 1824944400}, // 2027 (October 31)
      {1837645200, 1856394000}, // 2028 (leap year)
      {1901149200, 1919293200}, // 2030 (March 31)
      {2121901200, 2140045200}, // 2037
  };
  for (const auto& [startS, endS] : switches) {
    const UtcMs start = startS * 1000, end = endS * 1000;
    INFO("start " << startS << " end " << endS);
    CHECK(stockholmOffsetMinutes(start - 1) == 60);
    CHECK(stockholmOffsetMinutes(start) == 120);
    CHECK(stockholmOffsetMinutes(end - 1) == 120);
    CHECK(stockholmOffsetMinutes(end) == 60);
  }
}

TEST_CASE("LocalTime: toStockholm around the spring switch skips 02:00-03:00") {
  requireWallTime(toStockholm(kSummerStart2026 - kSecond), {2026, 3, 29}, 1, 59, 59);
  requireWallTime(toStockholm(kSummerStart2026), {2026, 3, 29}, 3, 0, 0);
  CHECK(toStockholm(kSummerStart2026).isoWeekday == 7);
}

TEST_CASE("LocalTime: toStockholm around the autumn switch repeats 02:00-03:00") {
  requireWallTime(toStockholm(kSummerEnd2026 - kHour), {2026, 10, 25}, 2, 0, 0);
  requireWallTime(toStockholm(kSummerEnd2026 - kSecond), {2026, 10, 25}, 2, 59, 59);
  requireWallTime(toStockholm(kSummerEnd2026), {2026, 10, 25}, 2, 0, 0);
  requireWallTime(toStockholm(kSummerEnd2026 + kHour), {2026, 10, 25}, 3, 0, 0);
}

TEST_CASE("LocalTime: toStockholm crosses local midnight and the new year") {
  // 2026-11-22T00:00Z is 01:00 local; 23:30Z the day before is 00:30 local on the 22nd.
  requireWallTime(toStockholm(kMidnight2026_11_22Utc), {2026, 11, 22}, 1, 0, 0);
  requireWallTime(toStockholm(kMidnight2026_11_22Utc - 30 * kMinute), {2026, 11, 22}, 0, 30, 0);
  requireWallTime(toStockholm(kMidnight2026_11_22Utc - 61 * kMinute), {2026, 11, 21}, 23, 59, 0);
  // 2026-12-31T23:30Z = 2027-01-01 00:30 local.
  const UtcMs nye = kMidnight2026_11_22Utc + 39LL * 24 * kHour + 23 * kHour + 30 * kMinute;
  requireWallTime(toStockholm(nye), {2027, 1, 1}, 0, 30, 0);
  // Before 1970: negative instants.
  requireWallTime(toStockholm(-kHour), {1970, 1, 1}, 0, 0, 0);
  requireWallTime(toStockholm(-2 * kHour), {1969, 12, 31}, 23, 0, 0);
}

TEST_CASE("LocalTime: fromStockholm at the switches") {
  CHECK(fromStockholm({2026, 3, 29}, 3, 0) == kSummerStart2026);
  CHECK(fromStockholm({2026, 3, 29}, 1, 59, 59) == kSummerStart2026 - kSecond);
  // Autumn overlap: 02:30 happens twice; the first (summer time) is returned.
  CHECK(fromStockholm({2026, 10, 25}, 2, 30) == kSummerEnd2026 - 30 * kMinute);
  CHECK(fromStockholm({2026, 10, 25}, 3, 0) == kSummerEnd2026 + kHour);
  // Spring gap: 02:30 does not exist; it is read as winter time (= 03:30 summer time).
  CHECK(fromStockholm({2026, 3, 29}, 2, 30) == kSummerStart2026 + 30 * kMinute);
  CHECK(fromStockholm({2026, 11, 22}, 1, 0) == kMidnight2026_11_22Utc);
  CHECK(fromStockholm({2026, 11, 21}, 16, 0) == 1795273200LL * 1000);
  CHECK(fromStockholm({2026, 10, 24}, 16, 0) == 1792850400LL * 1000);
}

TEST_CASE("LocalTime: toStockholm / fromStockholm round trip over two years") {
  // Every 7 min 13 s from 2025-12-01 to 2027-12-01 (about 145,000 instants).
  const UtcMs from = fromStockholm({2025, 12, 1}, 0, 0);
  const UtcMs to = fromStockholm({2027, 12, 1}, 0, 0);
  int checked = 0, overlap = 0;
  for (UtcMs t = from; t < to; t += 7 * kMinute + 13 * kSecond) {
    const LocalDateTime local = toStockholm(t);
    const UtcMs back = fromStockholm(local.date, local.hour, local.minute, local.second);
    // In the second pass through the autumn overlap, fromStockholm gives the first instant.
    const bool secondPass = stockholmOffsetMinutes(t) == 60 && stockholmOffsetMinutes(t - kHour) == 120;
    const UtcMs expected = secondPass ? t - kHour : t;
    if (secondPass) ++overlap;
    if (back != expected) {
      FAIL("round trip failed at " << t << ": " << formatIsoDate(local.date) << " " << formatHourMinute(local)
                                   << " -> " << back);
    }
    CHECK(local.isoWeekday == isoWeekday(local.date));
    ++checked;
  }
  CHECK(checked > 100000);
  CHECK(overlap > 0);
}

TEST_CASE("LocalTime: daysFromCivil and civilFromDays are inverse") {
  CHECK(daysFromCivil({1970, 1, 1}) == 0);
  CHECK(daysFromCivil({2026, 11, 22}) == 1795305600LL / 86400);
  CHECK(daysFromCivil({1969, 12, 31}) == -1);
  for (long d = -800000; d <= 800000; d += 997) {
    const LocalDate c = civilFromDays(d);
    REQUIRE(daysFromCivil(c) == d);
    REQUIRE(c.month >= 1);
    REQUIRE(c.month <= 12);
    REQUIRE(c.day >= 1);
    REQUIRE(c.day <= 31);
  }
  CHECK(civilFromDays(daysFromCivil({2028, 2, 29}) + 1) == LocalDate{2028, 3, 1});
  CHECK(civilFromDays(daysFromCivil({2100, 2, 28}) + 1) == LocalDate{2100, 3, 1}); // not a leap year
  CHECK(civilFromDays(daysFromCivil({2000, 2, 28}) + 1) == LocalDate{2000, 2, 29}); // leap year
}

TEST_CASE("LocalTime: isoWeekday") {
  CHECK(isoWeekday({1970, 1, 1}) == 4);  // Thursday
  CHECK(isoWeekday({1969, 12, 31}) == 3); // Wednesday
  CHECK(isoWeekday({2000, 2, 29}) == 2);  // Tuesday
  CHECK(isoWeekday({2026, 3, 29}) == 7);  // Sunday
  CHECK(isoWeekday({2026, 3, 30}) == 1);  // Monday
  CHECK(isoWeekday({2026, 6, 1}) == 1);   // Monday
  CHECK(isoWeekday({2026, 11, 22}) == 7); // Sunday
  CHECK(isoWeekday({2026, 11, 27}) == 5); // Friday
  CHECK(isoWeekday({2026, 11, 28}) == 6); // Saturday
  // Seven consecutive days cover 1..7 in order.
  const long start = daysFromCivil({2026, 11, 23});
  for (int i = 0; i < 7; ++i) CHECK(isoWeekday(civilFromDays(start + i)) == i + 1);
}

TEST_CASE("LocalTime: formatSwedishLongDate and other formats") {
  CHECK(formatSwedishLongDate(toStockholm(fromStockholm({2026, 11, 22}, 10, 0))) == "söndag 22 november 2026");
  CHECK(formatSwedishLongDate(toStockholm(fromStockholm({2026, 6, 1}, 0, 0))) == "måndag 1 juni 2026");
  CHECK(formatSwedishLongDate(toStockholm(fromStockholm({2026, 3, 28}, 23, 59))) == "lördag 28 mars 2026");
  CHECK(formatSwedishLongDate(toStockholm(fromStockholm({2027, 1, 1}, 0, 30))) == "fredag 1 januari 2027");
  // 23:30 UTC on 21 November is already Sunday 22 November in Stockholm.
  CHECK(formatSwedishLongDate(toStockholm(kMidnight2026_11_22Utc - 30 * kMinute)) == "söndag 22 november 2026");
  CHECK(formatIsoDate({2026, 3, 9}) == "2026-03-09");
  CHECK(formatHourMinute(toStockholm(fromStockholm({2026, 11, 22}, 9, 5))) == "09:05");
}

TEST_CASE("LocalTime: parseHourMinute accepts HH:MM") {
  CHECK(parseHourMinute("00:00") == 0);
  CHECK(parseHourMinute("08:00") == 8 * 60);
  CHECK(parseHourMinute("08:30") == 8 * 60 + 30);
  CHECK(parseHourMinute("16:00") == 16 * 60);
  CHECK(parseHourMinute("23:59") == 23 * 60 + 59);
}

TEST_CASE("LocalTime: parseHourMinute rejects anything else") {
  for (const char* bad : {"", "8:00", "08:0", "0800", "08.00", "08-00", "24:00", "12:60", "99:99", "-1:00",
                          "08:-1", "08:00:00", "08:00 ", " 8:00", "+8:00", "08:+5", "08: 5", "ab:cd", "08:0x",
                          "1:000", "08:00x"}) {
    INFO("input '" << bad << "'");
    CHECK(parseHourMinute(bad) == -1);
  }
}
