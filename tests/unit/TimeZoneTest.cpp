// The zone rules from the tz database (platform/TimeZone) behind app/core's time functions:
// they agree with the EU rule the code used to compute by hand, refuse unknown zones, and
// work for zones without summer time. Zone files come from tests/data/zoneinfo (catch_main).
#include "core/LocalTime.hpp"
#include "core/TimeZoneRules.hpp"
#include "platform/TimeZone.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#ifndef DAGVERK_SOURCE_DIR
#error "DAGVERK_SOURCE_DIR must be defined by CMake"
#endif

using namespace dagverk;

namespace {
constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

// The hand-written EU rule that app/core used before the tz database, kept only as a reference:
// summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
// October, CET (+1) otherwise.
namespace eu_rule {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

LocalDate lastSunday(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int last = kDays[static_cast<size_t>(month - 1)];
  return LocalDate{year, month, last - (isoWeekday(LocalDate{year, month, last}) % 7)};
}

UtcMs utcOf(LocalDate d, int hour) { return static_cast<UtcMs>(daysFromCivil(d)) * kDay + hour * kHour; }

int offsetMinutes(UtcMs t) {
  const LocalDate utcDate = civilFromDays(static_cast<long>(floorDiv(t, kDay)));
  const UtcMs start = utcOf(lastSunday(utcDate.year, 3), 1);
  const UtcMs end = utcOf(lastSunday(utcDate.year, 10), 1);
  return (t >= start && t < end) ? 120 : 60;
}

LocalDateTime toLocal(UtcMs t) {
  const UtcMs local = t + static_cast<UtcMs>(offsetMinutes(t)) * kMinute;
  const std::int64_t days = floorDiv(local, kDay);
  const std::int64_t msOfDay = local - days * kDay;
  LocalDateTime out;
  out.date = civilFromDays(static_cast<long>(days));
  out.hour = static_cast<int>(msOfDay / kHour);
  out.minute = static_cast<int>((msOfDay / kMinute) % 60);
  out.second = static_cast<int>((msOfDay / kSecond) % 60);
  out.isoWeekday = isoWeekday(out.date);
  return out;
}

UtcMs fromLocal(LocalDate d, int hour, int minute, int second) {
  const UtcMs naive = static_cast<UtcMs>(daysFromCivil(d)) * kDay + hour * kHour + minute * kMinute + second * kSecond;
  for (int offset : {120, 60}) {
    const UtcMs guess = naive - offset * kMinute;
    if (offsetMinutes(guess) == offset) return guess;
  }
  return naive - 60 * kMinute; // inside the spring gap: winter time
}

} // namespace eu_rule

bool sameWallTime(const LocalDateTime& a, const LocalDateTime& b) {
  return a.date == b.date && a.hour == b.hour && a.minute == b.minute && a.second == b.second &&
         a.isoWeekday == b.isoWeekday;
}

std::string show(const LocalDateTime& t) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d (%d)", formatIsoDate(t.date).c_str(), t.hour, t.minute, t.second,
                t.isoWeekday);
  return buf;
}

// Installs another zone for one test and puts the site's zone back afterwards, whatever happens.
class ZoneForTest {
public:
  explicit ZoneForTest(const std::string& name) { platform::installTimeZone(name); }
  ~ZoneForTest() { platform::installTimeZone(kSiteZone); }
  ZoneForTest(const ZoneForTest&) = delete;
  ZoneForTest& operator=(const ZoneForTest&) = delete;
};
} // namespace

TEST_CASE("TimeZone: the tests run in Europe/Stockholm from the zone files shipped with them") {
  REQUIRE(timeZoneRulesInstalled());
  CHECK(installedTimeZoneRules().name() == "Europe/Stockholm");
  const char* tz = std::getenv("TZ");
  REQUIRE(tz != nullptr);
  const std::string shipped = (std::filesystem::path(DAGVERK_SOURCE_DIR) / "tests/data/zoneinfo/Europe/Stockholm").string();
  CHECK(std::string(tz) == ":" + shipped);
}

TEST_CASE("TimeZone: the tz database agrees with the EU rule for every hour of 2020-2030") {
  const UtcMs from = static_cast<UtcMs>(daysFromCivil({2020, 1, 1})) * kDay;
  const UtcMs to = static_cast<UtcMs>(daysFromCivil({2031, 1, 1})) * kDay;
  const TimeZoneRules& rules = installedTimeZoneRules();
  int hours = 0, mismatches = 0;
  // Every UTC hour, and a minute and a second either side of it (the switches fall on the hour).
  for (UtcMs hour = from; hour < to; hour += kHour, ++hours) {
    for (const UtcMs t : {hour - kSecond, hour, hour + kMinute + 59 * kSecond}) {
      const ZonedDateTime got = rules.toLocal(t);
      const LocalDateTime want = eu_rule::toLocal(t);
      if (!sameWallTime(got.local, want) || got.offsetSeconds != eu_rule::offsetMinutes(t) * 60 ||
          toStockholm(t).hour != want.hour || stockholmOffsetMinutes(t) != eu_rule::offsetMinutes(t)) {
        if (++mismatches <= 10)
          FAIL_CHECK("UTC " << t << ": tz database " << show(got.local) << " offset " << got.offsetSeconds
                            << " s, EU rule " << show(want));
      }
    }
  }
  CHECK(hours == 96'432); // 11 years, 3 of them leap years
  CHECK(mismatches == 0);
}

TEST_CASE("TimeZone: wall times back to UTC agree with the EU rule for every hour of 2020-2030, gaps and overlaps "
          "included") {
  int wallTimes = 0, mismatches = 0;
  for (long day = daysFromCivil({2020, 1, 1}); day < daysFromCivil({2031, 1, 1}); ++day) {
    const LocalDate d = civilFromDays(day);
    for (int hour = 0; hour < 24; ++hour) {
      for (const int minute : {0, 30, 59}) {
        ++wallTimes;
        const UtcMs got = fromStockholm(d, hour, minute, 0);
        const UtcMs want = eu_rule::fromLocal(d, hour, minute, 0);
        if (got != want && ++mismatches <= 10)
          FAIL_CHECK(formatIsoDate(d) << " " << hour << ":" << minute << ": tz database " << got << ", EU rule " << want);
      }
    }
  }
  CHECK(wallTimes == 96'432 * 3);
  CHECK(mismatches == 0);
}

TEST_CASE("TimeZone: an unknown zone is refused with its message and the installed zone stays") {
  for (const char* bad : {"Mars/Olympus", "Europe/Stokholm", "europe/stockholm", "Europe", "", "/etc/passwd",
                          "../zoneinfo/Europe/Stockholm", "Europe/../Europe/Stockholm", "Europe//Stockholm",
                          ":Europe/Stockholm", "CET-1CEST,M3.5.0,M10.5.0/3", "right/Europe/Stockholm",
                          "Europe/Stockholm/"}) {
    INFO("zone '" << bad << "'");
    CHECK_FALSE(platform::timeZoneExists(bad));
    try {
      platform::installTimeZone(bad);
      FAIL("installed");
    } catch (const platform::UnknownTimeZone& e) {
      CHECK(e.swedish() == std::string("Okänd tidszon: ") + bad);
      CHECK_THAT(e.english(), Catch::Contains("unknown time zone"));
      CHECK_THAT(e.english(), Catch::Contains("DAGVERK_TIME_ZONE"));
    }
    CHECK(installedTimeZoneRules().name() == "Europe/Stockholm");
    CHECK(stockholmOffsetMinutes(fromStockholm({2026, 7, 1}, 12, 0)) == 120);
  }
}

TEST_CASE("TimeZone: timeZoneExists knows the shipped zones and installs nothing") {
  for (const char* good : {"Europe/Stockholm", "Asia/Tokyo", "Etc/UTC"}) CHECK(platform::timeZoneExists(good));
  CHECK(installedTimeZoneRules().name() == "Europe/Stockholm");
}

TEST_CASE("TimeZone: the zone is read from DAGVERK_TIME_ZONE, Europe/Stockholm when unset or empty") {
  const char* before = std::getenv(platform::kTimeZoneVariable);
  const std::string saved = before != nullptr ? before : "";
  ::unsetenv(platform::kTimeZoneVariable);
  CHECK(platform::configuredTimeZoneName() == "Europe/Stockholm");
  ::setenv(platform::kTimeZoneVariable, "", 1);
  CHECK(platform::configuredTimeZoneName() == "Europe/Stockholm");
  ::setenv(platform::kTimeZoneVariable, "Asia/Tokyo", 1);
  CHECK(platform::configuredTimeZoneName() == "Asia/Tokyo");
  ::setenv(platform::kTimeZoneVariable, "Mars/Olympus", 1);
  CHECK_FALSE(platform::installConfiguredTimeZone("tests")); // prints "tests: Okänd tidszon: Mars/Olympus"
  CHECK(installedTimeZoneRules().name() == "Europe/Stockholm");
  if (before != nullptr) ::setenv(platform::kTimeZoneVariable, saved.c_str(), 1);
  else ::unsetenv(platform::kTimeZoneVariable);
}

TEST_CASE("TimeZone: a zone without summer time (Asia/Tokyo) has one offset and no gap or overlap") {
  ZoneForTest tokyo("Asia/Tokyo");
  CHECK(installedTimeZoneRules().name() == "Asia/Tokyo");
  // 2026-03-29T01:00Z and 2026-10-25T01:00Z, Stockholm's switches, are ordinary hours in Tokyo.
  constexpr UtcMs kSpring = 1774746000LL * 1000, kAutumn = 1792890000LL * 1000;
  for (const UtcMs t : {kSpring - kSecond, kSpring, kAutumn - kSecond, kAutumn, kSpring + 90 * kDay})
    CHECK(stockholmOffsetMinutes(t) == 9 * 60);
  const LocalDateTime spring = toStockholm(kSpring);
  CHECK(spring.date == LocalDate{2026, 3, 29});
  CHECK(spring.hour == 10);
  CHECK(spring.isoWeekday == 7);
  // 02:30 exists once on both Sundays.
  CHECK(fromStockholm({2026, 3, 29}, 2, 30) == kSpring - 7 * kHour - 30 * kMinute);
  CHECK(fromStockholm({2026, 10, 25}, 2, 30) == kAutumn - 7 * kHour - 30 * kMinute);
  // Local midnight is 15:00 UTC the day before.
  CHECK(fromStockholm({2026, 11, 22}, 0, 0) == 1795305600LL * 1000 - 9 * kHour);
  CHECK(formatSwedishLongDate(toStockholm(1795305600LL * 1000 - 9 * kHour)) == "söndag 22 november 2026");
  // Round trip every 17 minutes over a year.
  for (UtcMs t = kSpring - 100 * kDay; t < kSpring + 265 * kDay; t += 17 * kMinute) {
    const LocalDateTime l = toStockholm(t);
    REQUIRE(fromStockholm(l.date, l.hour, l.minute, l.second) == t);
  }
}

TEST_CASE("TimeZone: UTC is UTC") {
  ZoneForTest utc("Etc/UTC");
  for (const UtcMs t : std::array<UtcMs, 4>{0, -kHour, 1774746000LL * 1000, 1792890000LL * 1000 + 59 * kSecond}) {
    const LocalDateTime l = toStockholm(t);
    CHECK(stockholmOffsetMinutes(t) == 0);
    CHECK(l.date == civilFromDays(static_cast<long>(eu_rule::floorDiv(t, kDay))));
    CHECK(fromStockholm(l.date, l.hour, l.minute, l.second) == t);
  }
}

TEST_CASE("TimeZone: a re-installed zone takes effect at once") {
  const UtcMs summerNoon = 1782900000LL * 1000; // 2026-07-01T10:00Z
  CHECK(toStockholm(summerNoon).hour == 12);
  {
    ZoneForTest tokyo("Asia/Tokyo");
    CHECK(toStockholm(summerNoon).hour == 19);
  }
  CHECK(toStockholm(summerNoon).hour == 12);
}

TEST_CASE("TimeZone: app/core asks no OS for the time or the zone") {
  // The zone's rules come through TimeZoneRules; <ctime>, <chrono> (with its own tz database)
  // or system headers in app/core would let a rule computed elsewhere slip back in.
  const std::regex forbidden(R"(^\s*#\s*include\s*[<"](ctime|time\.h|chrono|sys/|unistd\.h|fcntl\.h))");
  const std::filesystem::path core = std::filesystem::path(DAGVERK_SOURCE_DIR) / "app" / "core";
  REQUIRE(std::filesystem::is_directory(core));
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(core)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line))
      if (std::regex_search(line, forbidden)) FAIL_CHECK(entry.path().string() << ": " << line);
    ++files;
  }
  CHECK(files >= 10);
}
