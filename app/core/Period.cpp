#include "core/Period.hpp"

#include "core/Error.hpp"
#include "core/Feedback.hpp"

#include <array>
#include <cstdio>

namespace dagverk {

namespace {

bool allDigits(const std::string& s, size_t at, size_t len) {
  if (at + len > s.size()) return false;
  for (size_t i = at; i < at + len; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(const std::string& s, size_t at, size_t len) {
  int v = 0;
  for (size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int daysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[static_cast<size_t>(m - 1)];
}

constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;
bool yearOk(int y) { return y >= kMinYear && y <= kMaxYear; }

std::string twoDigits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string dayMonth(LocalDate d) { return std::to_string(d.day) + " " + swedishMonthName(d.month); }
std::string dayMonthYear(LocalDate d) { return dayMonth(d) + " " + std::to_string(d.year); }

} // namespace

const char* swedishMonthName(int month) {
  static constexpr std::array<const char*, 12> kMonths{"januari", "februari", "mars",      "april",
                                                       "maj",     "juni",     "juli",      "augusti",
                                                       "september", "oktober", "november", "december"};
  if (month < 1 || month > 12) return "";
  return kMonths[static_cast<size_t>(month - 1)];
}

LocalDate addDays(LocalDate d, long days) { return civilFromDays(daysFromCivil(d) + days); }

int Period::dayCount() const { return static_cast<int>(daysFromCivil(to) - daysFromCivil(from) + 1); }

std::string Period::swedishLabel() const {
  switch (kind) {
  case Kind::Tertial:
    return "T" + std::to_string(number) + " " + std::to_string(year) + " (" + swedishMonthName(from.month) + "–" +
           swedishMonthName(to.month) + ")";
  case Kind::Year: return "år " + std::to_string(year);
  case Kind::IsoWeek:
    return "vecka " + std::to_string(number) + " " + std::to_string(year) + " (" +
           (from.month == to.month ? std::to_string(from.day) : dayMonth(from)) + "–" + dayMonthYear(to) + ")";
  case Kind::Month: return std::string(swedishMonthName(number)) + " " + std::to_string(year);
  case Kind::Range: return dayMonthYear(from) + " – " + dayMonthYear(to);
  }
  return code;
}

Period tertialPeriod(int year, int tertial) {
  Period p;
  p.kind = Period::Kind::Tertial;
  p.year = year;
  p.number = tertial;
  p.code = std::to_string(year) + "-T" + std::to_string(tertial);
  const int firstMonth = 1 + (tertial - 1) * 4, lastMonth = firstMonth + 3;
  p.from = LocalDate{year, firstMonth, 1};
  p.to = LocalDate{year, lastMonth, daysInMonth(year, lastMonth)};
  return p;
}

Period yearPeriod(int year) {
  Period p;
  p.kind = Period::Kind::Year;
  p.year = year;
  p.code = std::to_string(year);
  p.from = LocalDate{year, 1, 1};
  p.to = LocalDate{year, 12, 31};
  return p;
}

Period rangePeriod(LocalDate from, LocalDate to) {
  Period p;
  p.kind = Period::Kind::Range;
  p.from = from;
  p.to = to;
  p.code = formatIsoDate(from) + ".." + formatIsoDate(to);
  return p;
}

IsoWeek isoWeekOf(LocalDate d) {
  // The week belongs to the year of its Thursday.
  const LocalDate thursday = addDays(d, 4 - isoWeekday(d));
  const LocalDate jan1{thursday.year, 1, 1};
  const long ordinal = daysFromCivil(thursday) - daysFromCivil(jan1); // 0-based
  return IsoWeek{thursday.year, static_cast<int>(ordinal / 7) + 1};
}

LocalDate isoWeekMonday(int isoYear, int week) {
  // Week 1 holds 4 January.
  const LocalDate jan4{isoYear, 1, 4};
  const LocalDate week1Monday = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(week1Monday, 7L * (week - 1));
}

int isoWeeksInYear(int isoYear) { return isoWeekOf(LocalDate{isoYear, 12, 28}).week; }

std::vector<IsoWeek> isoWeeksBetween(LocalDate from, LocalDate to) {
  std::vector<IsoWeek> out;
  if (to < from) return out;
  LocalDate monday = addDays(from, 1 - isoWeekday(from));
  while (!(to < monday)) {
    out.push_back(isoWeekOf(monday));
    monday = addDays(monday, 7);
  }
  return out;
}

std::string formatIsoWeek(IsoWeek w) { return std::to_string(w.year) + "-W" + twoDigits(w.week); }

std::optional<Period> parsePeriod(const std::string& t) {
  // YYYY
  if (t.size() == 4 && allDigits(t, 0, 4)) {
    const int y = number(t, 0, 4);
    if (!yearOk(y)) return std::nullopt;
    return yearPeriod(y);
  }
  if (t.size() < 7 || !allDigits(t, 0, 4) || t[4] != '-') return std::nullopt;
  const int y = number(t, 0, 4);
  if (!yearOk(y)) return std::nullopt;
  // YYYY-Tn
  if (t.size() == 7 && t[5] == 'T' && (t[6] >= '1' && t[6] <= '3')) return tertialPeriod(y, t[6] - '0');
  // YYYY-Www
  if (t.size() == 8 && t[5] == 'W' && allDigits(t, 6, 2)) {
    const int w = number(t, 6, 2);
    if (w < 1 || w > isoWeeksInYear(y)) return std::nullopt;
    Period p;
    p.kind = Period::Kind::IsoWeek;
    p.year = y;
    p.number = w;
    p.code = t;
    p.from = isoWeekMonday(y, w);
    p.to = addDays(p.from, 6);
    return p;
  }
  // YYYY-MM
  if (t.size() == 7 && allDigits(t, 5, 2)) {
    const int m = number(t, 5, 2);
    if (m < 1 || m > 12) return std::nullopt;
    Period p;
    p.kind = Period::Kind::Month;
    p.year = y;
    p.number = m;
    p.code = t;
    p.from = LocalDate{y, m, 1};
    p.to = LocalDate{y, m, daysInMonth(y, m)};
    return p;
  }
  // YYYY-MM-DD..YYYY-MM-DD
  if (t.size() == 22 && t.compare(10, 2, "..") == 0) {
    const auto from = parseIsoDate(t.substr(0, 10));
    const auto to = parseIsoDate(t.substr(12, 10));
    if (!from || !to || !yearOk(from->year) || !yearOk(to->year) || *to < *from) return std::nullopt;
    Period p = rangePeriod(*from, *to);
    if (p.dayCount() > kMaxPeriodDays) return std::nullopt;
    return p;
  }
  return std::nullopt;
}

Period periodFromText(const std::string& text) {
  if (auto p = parsePeriod(text)) return *p;
  // The text is a command-line argument of the person running the report, not personal data,
  // but only its length goes to the log.
  throw DagverkError(ErrorCode::UnknownPeriod,
                     "Perioden '" + text +
                         "' känns inte igen. Skriv till exempel 2025-T1 (januari–april), 2025-T2 (maj–augusti), "
                         "2025-T3 (september–december), 2025 (hela året), 2025-W07 (vecka 7), 2025-03 (mars) "
                         "eller 2025-01-01..2025-03-31 (högst fem år, år 2000–2100).",
                     "unknown period (" + std::to_string(text.size()) +
                         " bytes); expected YYYY-Tn, YYYY, YYYY-Www, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD");
}

} // namespace dagverk
