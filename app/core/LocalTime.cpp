#include "core/LocalTime.hpp"

#include "core/TimeZoneRules.hpp"

#include <array>
#include <atomic>
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
// Installed at program start, then read on every thread (the UI, the sync worker): atomic, so
// each read is well defined without a lock.
std::atomic<const TimeZoneRules*> installedRules{nullptr};
} // namespace

NoTimeZoneInstalled::NoTimeZoneInstalled()
    : std::logic_error("no time zone installed: call platform::installTimeZone at the start of main") {}

void installTimeZoneRules(const TimeZoneRules& rules) { installedRules.store(&rules, std::memory_order_release); }

const TimeZoneRules& installedTimeZoneRules() {
  const TimeZoneRules* rules = installedRules.load(std::memory_order_acquire);
  if (rules == nullptr) throw NoTimeZoneInstalled();
  return *rules;
}

bool timeZoneRulesInstalled() { return installedRules.load(std::memory_order_acquire) != nullptr; }

int stockholmOffsetMinutes(UtcMs t) { return installedTimeZoneRules().toLocal(t).offsetSeconds / 60; }

LocalDateTime toStockholm(UtcMs t) { return installedTimeZoneRules().toLocal(t).local; }

UtcMs fromStockholm(LocalDate d, int hour, int minute, int second) {
  return installedTimeZoneRules().toUtc(d, hour, minute, second);
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
