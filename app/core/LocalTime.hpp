#pragma once
// Civil time in the site's zone. The calendar arithmetic is here; the zone's rules (offsets,
// summer time) come from the installed TimeZoneRules (core/TimeZoneRules.hpp), which the
// programs take from the system's tz database at start.
#include "core/Clock.hpp"
#include <string>

namespace dagverk {

// The zone the sites are in unless configured otherwise, and the one tests use.
inline constexpr const char* kSiteZone = "Europe/Stockholm";

struct LocalDate {
  int year = 1970;
  int month = 1; // 1..12
  int day = 1;   // 1..31
  auto operator<=>(const LocalDate&) const = default;
};

struct LocalDateTime {
  LocalDate date;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int isoWeekday = 4; // 1 = Monday .. 7 = Sunday
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
long daysFromCivil(LocalDate d);
LocalDate civilFromDays(long days);
int isoWeekday(LocalDate d);

// The functions below use the installed zone (Europe/Stockholm unless configured otherwise;
// the names predate the setting) and throw NoTimeZoneInstalled before one is installed.
// Offset of the zone from UTC at a UTC instant, in whole minutes (60 or 120 in Stockholm).
int stockholmOffsetMinutes(UtcMs t);
LocalDateTime toStockholm(UtcMs t);
// The UTC instant of a wall time: in the autumn overlap the first of the two; in the spring
// gap read with the winter offset (see TimeZoneRules::toUtc).
UtcMs fromStockholm(LocalDate d, int hour, int minute, int second = 0);

std::string formatIsoDate(LocalDate d);        // 2026-11-22
std::string formatHourMinute(const LocalDateTime& t); // 09:05
// "söndag 22 november 2026"
std::string formatSwedishLongDate(const LocalDateTime& t);
// Parses "HH:MM" into minutes after midnight; -1 if malformed.
int parseHourMinute(const std::string& s);

} // namespace dagverk
