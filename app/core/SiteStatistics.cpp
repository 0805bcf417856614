#include "core/SiteStatistics.hpp"

#include "core/SwedishText.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace dagverk {

StatisticsPeriod statisticsPeriod(LocalDate today) {
  return {civilFromDays(daysFromCivil(today) - (kStatisticsDays - 1)), today};
}

namespace {

bool inPeriod(LocalDate d, const StatisticsPeriod& p) { return !(d < p.from) && !(p.to < d); }

void countAttendance(SiteStatistics& s, const std::vector<Event>& events) {
  const std::set<std::string> voided = voidedEventIds(events);
  std::set<std::pair<long, std::string>> present; // (day number, participant): once per day
  for (const auto& e : events) {
    const auto* in = std::get_if<CheckedIn>(&e.payload);
    if (!in || voided.count(e.id)) continue;
    const LocalDate day = toStockholm(in->at).date;
    if (inPeriod(day, s.period)) present.emplace(daysFromCivil(day), in->participantId);
  }
  std::set<std::string> who;
  std::set<long> daysWithVisits;
  for (const auto& [day, participant] : present) {
    who.insert(participant);
    daysWithVisits.insert(day);
    ++s.attendanceDays;
    const int wd = isoWeekday(civilFromDays(day));
    if (wd >= 6) ++s.weekendAttendanceDays;
    else ++s.weekdays[static_cast<size_t>(wd - 1)].attendanceDays;
  }
  s.distinctParticipants = static_cast<int>(who.size());
  for (size_t i = 0; i < s.weekdays.size(); ++i) s.weekdays[i].isoWeekday = static_cast<int>(i) + 1;
  if (present.empty()) return;
  // Days counted: from the first attendance on, working days and any day someone came.
  for (long d = present.begin()->first, end = daysFromCivil(s.period.to); d <= end; ++d) {
    const LocalDate day = civilFromDays(d);
    const int wd = isoWeekday(day);
    if (wd >= 6) continue;
    if (isWorkingDay(day) || daysWithVisits.count(d)) ++s.weekdays[static_cast<size_t>(wd - 1)].days;
  }
}

void countActivities(SiteStatistics& s, const std::vector<ActivitySession>& sessions,
                     const std::vector<Activity>& activities) {
  std::map<std::string, std::string> categoryOf;
  for (const auto& a : activities) categoryOf[a.id] = a.category;
  std::map<std::string, CategoryActivity> byCategory;
  for (const auto& session : sessions) {
    const auto& d = session.data;
    if (d.planned || !inPeriod(toStockholm(d.start).date, s.period)) continue;
    const auto it = categoryOf.find(d.activityId);
    const std::string category = it == categoryOf.end() || it->second.empty() ? kUnknownCategory : it->second;
    CategoryActivity& c = byCategory[category];
    c.category = category;
    ++c.sessions;
    c.participantSessions += static_cast<int>(d.participantIds.size());
    ++s.sessions;
    s.participantSessions += static_cast<int>(d.participantIds.size());
  }
  for (auto& [name, c] : byCategory) s.categories.push_back(std::move(c));
  std::sort(s.categories.begin(), s.categories.end(), [](const CategoryActivity& a, const CategoryActivity& b) {
    if (a.sessions != b.sessions) return a.sessions > b.sessions;
    return swedishLess(a.category, b.category);
  });
}

void countComplaints(SiteStatistics& s, const std::vector<ComplaintState>& complaints) {
  std::vector<OpenComplaint> open;
  for (const auto& c : complaints) {
    if (c.closed || c.data.type == "berom") continue;
    OpenComplaint o;
    o.complaintId = c.data.complaintId;
    o.type = c.data.type;
    o.concerns = c.data.concerns;
    o.receivedDate = c.data.receivedDate;
    if (const auto received = parseIsoDate(c.data.receivedDate))
      o.workingDaysOpen = workingDaysBetween(*received, s.period.to);
    o.overdue = c.overdue(s.period.to);
    if (o.overdue) ++s.overdueComplaints;
    open.push_back(std::move(o));
  }
  s.openComplaints = static_cast<int>(open.size());
  // ISO dates sort as text; the register's order (recorded) breaks ties.
  std::stable_sort(open.begin(), open.end(),
                   [](const OpenComplaint& a, const OpenComplaint& b) { return a.receivedDate < b.receivedDate; });
  if (open.size() > kOldestComplaintsShown) open.resize(kOldestComplaintsShown);
  s.oldestOpen = std::move(open);
}

} // namespace

SiteStatistics computeSiteStatistics(const std::vector<Event>& events, const std::vector<ActivitySession>& sessions,
                                     const std::vector<Activity>& activities,
                                     const std::vector<ComplaintState>& complaints, LocalDate today) {
  SiteStatistics s;
  s.period = statisticsPeriod(today);
  countAttendance(s, events);
  countActivities(s, sessions, activities);
  countComplaints(s, complaints);
  return s;
}

std::string formatSwedishDecimal(double value) {
  const long tenths = std::lround(value * 10.0);
  const long whole = tenths / 10, tenth = std::labs(tenths % 10);
  std::string out = (tenths < 0 && whole == 0 ? "-" : "") + std::to_string(whole);
  return out + "," + std::to_string(tenth);
}

} // namespace dagverk
