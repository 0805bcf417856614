#include "core/LocalTime.hpp"

#include <array>
#include <cstdio>

namespace dagverk {

long daysFromCivil(LocalDate d) {
  // Howard Hinnant's days_from_civil.
  const long y = d.year - (d.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (d.month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

LocalDate civilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  return LocalDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int isoWeekday(LocalDate d) {
  const long days = daysFromCivil(d); // 1970-01-01 was a Thursday (4)
  long w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

namespace {
constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr std::int64_t kMsPerHour = 3'600'000;

long floorDiv(std::int64_t a, std::int64_t b) {
  return static_cast<long>(a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0));
}

// The last Sunday of a month, as a date.
LocalDate lastSunday(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int last = kDays[static_cast<size_t>(month - 1)];
  LocalDate d{year, month, last};
  return LocalDate{year, month, last - (isoWeekday(d) % 7)};
}

UtcMs utcOf(LocalDate d, int hour) {
  return static_cast<UtcMs>(daysFromCivil(d)) * kMsPerDay + hour * kMsPerHour;
}
} // namespace

int stockholmOffsetMinutes(UtcMs t) {
  const LocalDate utcDate = civilFromDays(floorDiv(t, kMsPerDay));
  // EU rule: summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
  // Sunday of October.
  const UtcMs start = utcOf(lastSunday(utcDate.year, 3), 1);
  const UtcMs end = utcOf(lastSunday(utcDate.year, 10), 1);
  return (t >= start && t < end) ? 120 : 60;
}

LocalDateTime toStockholm(UtcMs t) {
  const UtcMs local = t + static_cast<UtcMs>(stockholmOffsetMinutes(t)) * 60'000;
  const long days = floorDiv(local, kMsPerDay);
  const std::int64_t msOfDay = local - static_cast<std::int64_t>(days) * kMsPerDay;
  LocalDateTime out;
  out.date = civilFromDays(days);
  out.hour = static_cast<int>(msOfDay / kMsPerHour);
  out.minute = static_cast<int>((msOfDay / 60'000) % 60);
  out.second = static_cast<int>((msOfDay / 1000) % 60);
  out.isoWeekday = isoWeekday(out.date);
  return out;
}

UtcMs fromStockholm(LocalDate d, int hour, int minute, int second) {
  const UtcMs naive = static_cast<UtcMs>(daysFromCivil(d)) * kMsPerDay + hour * kMsPerHour +
                      minute * 60'000 + second * 1000;
  // Try winter offset first, then summer: pick the one that maps back to the same wall time.
  for (int offset : {120, 60}) {
    const UtcMs guess = naive - offset * 60'000;
    if (stockholmOffsetMinutes(guess) == offset) return guess;
  }
  return naive - 60 * 60'000; // inside the spring gap: treat as winter time
}

std::string formatIsoDate(LocalDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string formatHourMinute(const LocalDateTime& t) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
  return buf;
}

std::string formatSwedishLongDate(const LocalDateTime& t) {
  static constexpr std::array<const char*, 7> kWeekdays{"måndag", "tisdag", "onsdag", "torsdag",
                                                         "fredag", "lördag", "söndag"};
  static constexpr std::array<const char*, 12> kMonths{
      "januari", "februari", "mars",      "april",   "maj",      "juni",
      "juli",    "augusti",  "september", "oktober", "november", "december"};
  return std::string(kWeekdays[static_cast<size_t>(t.isoWeekday - 1)]) + " " +
         std::to_string(t.date.day) + " " + kMonths[static_cast<size_t>(t.date.month - 1)] + " " +
         std::to_string(t.date.year);
}

int parseHourMinute(const std::string& s) {
  int h = 0, m = 0;
  char extra = 0;
  // Exactly two digits, a colon, two digits: sscanf alone would also take " 8:00" or "08:+5".
  const auto digit = [&](size_t i) { return s[i] >= '0' && s[i] <= '9'; };
  if (s.size() != 5 || !digit(0) || !digit(1) || s[2] != ':' || !digit(3) || !digit(4)) return -1;
  if (std::sscanf(s.c_str(), "%2d:%2d%c", &h, &m, &extra) != 2) return -1;
  if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
  return h * 60 + m;
}

} // namespace dagverk
