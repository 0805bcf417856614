#pragma once
// Report periods: the city's tertials, the year (VB), an ISO week, a
// month, or an explicit range. Pure calendar arithmetic on local dates.
#include "core/LocalTime.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dagverk {

struct Period {
  enum class Kind { Tertial, Year, IsoWeek, Month, Range };
  Kind kind = Kind::Range;
  std::string code; // canonical text: "2025-T1", "2025", "2025-W07", "2025-03", "2025-01-01..2025-01-31"
  LocalDate from;   // first day, inclusive
  LocalDate to;     // last day, inclusive
  int year = 0;     // tertial, year, month: the calendar year; week: the ISO week-numbering year
  int number = 0;   // tertial 1..3, ISO week 1..53, month 1..12; 0 otherwise

  bool contains(LocalDate d) const { return !(d < from) && !(to < d); }
  int dayCount() const;
  // "T1 2025 (januari–april)", "år 2025", "vecka 7 2025 (10–16 februari 2025)", "mars 2025",
  // "1 januari 2025 – 31 januari 2025".
  std::string swedishLabel() const;
};

inline constexpr int kMaxPeriodDays = 5 * 366 + 1; // an explicit range may span at most five years

// nullopt for anything that is not one of the forms above, a date that does not exist
// (2025-02-30), week 53 of a year without one, TO before FROM or a range over five years.
std::optional<Period> parsePeriod(const std::string& text);
// The same, throwing DagverkError(UnknownPeriod) with the accepted forms in the message.
Period periodFromText(const std::string& text);

Period tertialPeriod(int year, int tertial); // 1: Jan–Apr, 2: May–Aug, 3: Sep–Dec
Period yearPeriod(int year);
Period rangePeriod(LocalDate from, LocalDate to);

// ISO 8601 weeks: the week-numbering year and week of a date, Monday of a week, weeks in a year.
struct IsoWeek {
  int year = 0;
  int week = 0;
  auto operator<=>(const IsoWeek&) const = default;
};
IsoWeek isoWeekOf(LocalDate d);
LocalDate isoWeekMonday(int isoYear, int week);
int isoWeeksInYear(int isoYear);
// Every ISO week that has at least one day in [from, to], in order.
std::vector<IsoWeek> isoWeeksBetween(LocalDate from, LocalDate to);
std::string formatIsoWeek(IsoWeek w); // "2025-W07"

LocalDate addDays(LocalDate d, long days);
const char* swedishMonthName(int month); // "januari".."december"

} // namespace dagverk
