#include "core/LateVisit.hpp"

#include <set>

namespace dagverk {

namespace {

[[noreturn]] void refuse(const std::string& swedish, const std::string& english) {
  throw DagverkError(ErrorCode::BadInput, swedish, english);
}

bool isMinuteOfDay(const std::optional<int>& m) { return !m || (*m >= 0 && *m < 24 * 60); }

std::string hhmm(int minute) {
  const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return two(minute / 60) + ":" + two(minute % 60);
}

} // namespace

void requireLateDay(LocalDate day, LocalDate today) {
  const long back = daysFromCivil(today) - daysFromCivil(day);
  if (back == 0)
    refuse("Dagens närvaro registreras på kiosken som vanligt, inte i efterhand.",
           "late registration refused: the day is today");
  if (back < 0) refuse("Det går inte att registrera en dag som inte har varit än.",
                       "late registration refused: the day " + formatIsoDate(day) + " is in the future");
  if (back > kLateRegistrationMaxDaysBack)
    refuse("Det går bara att efterregistrera de senaste " + std::to_string(kLateRegistrationMaxDaysBack) +
               " dagarna. Lämna äldre listor till enhetens administratör.",
           "late registration refused: " + std::to_string(back) + " days back (limit " +
               std::to_string(kLateRegistrationMaxDaysBack) + ")");
}

void requireLateLines(const std::vector<LateVisitLine>& lines) {
  if (lines.empty()) refuse("Bocka för minst en person som var där.", "late registration with no lines");
  std::set<std::string> seen;
  for (const auto& l : lines) {
    if (!seen.insert(l.participantId).second)
      refuse("Samma person finns två gånger i listan.",
             "late registration names participant " + l.participantId + " twice");
    if (!isMinuteOfDay(l.arriveMinute) || !isMinuteOfDay(l.leaveMinute))
      refuse("En tid måste vara mellan 00:00 och 23:59.",
             "late registration time outside the day for participant " + l.participantId);
    if (l.arriveMinute && l.leaveMinute && *l.leaveMinute < *l.arriveMinute)
      refuse("Tiden för hemgång (" + hhmm(*l.leaveMinute) + ") är före ankomsten (" + hhmm(*l.arriveMinute) +
                 "). Kontrollera tiderna på listan.",
             "late registration departure before arrival for participant " + l.participantId);
  }
}

LateDecision decideLateVisits(const cmd::RegisterLate& c, LocalDate today,
                              const std::set<std::string>& registeredThatDay) {
  requireLateDay(c.day, today);
  requireLateLines(c.lines);
  LateDecision out;
  const std::string date = formatIsoDate(c.day);
  for (const auto& l : c.lines) {
    if (registeredThatDay.count(l.participantId)) {
      out.alreadyRegistered.push_back(l.participantId);
      continue;
    }
    LateVisitRegistered v;
    v.participantId = l.participantId;
    v.date = date;
    if (l.arriveMinute) v.arrivedAt = fromStockholm(c.day, *l.arriveMinute / 60, *l.arriveMinute % 60);
    if (l.leaveMinute) v.leftAt = fromStockholm(c.day, *l.leaveMinute / 60, *l.leaveMinute % 60);
    out.visits.push_back(std::move(v));
  }
  return out;
}

} // namespace dagverk
