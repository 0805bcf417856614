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

void countAttendance(SiteStatistics& s, CountingSource& rows, const StatisticsSite& site) {
  CountRequest req;
  req.from = s.period.from;
  req.to = s.period.to;
  req.sites = {{site.id, site.places}};
  req.roster = site.roster;
  AttendanceCount count = countAttendance(rows, req);
  s.attendance = std::move(count.sites.front());
  const auto& a = s.attendance;
  s.attendanceDays = static_cast<int>(a.attendanceDays);
  s.weekendAttendanceDays = static_cast<int>(a.byWeekday[5] + a.byWeekday[6]);
  s.distinctParticipants = static_cast<int>(a.distinctParticipants);
  for (size_t i = 0; i < s.weekdays.size(); ++i) {
    s.weekdays[i].isoWeekday = static_cast<int>(i) + 1;
    s.weekdays[i].days = static_cast<int>(a.openByWeekday[i]);
    s.weekdays[i].attendanceDays = static_cast<int>(a.byWeekday[i]);
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

SiteStatistics computeSiteStatistics(CountingSource& rows, const StatisticsSite& site,
                                     const std::vector<ActivitySession>& sessions,
                                     const std::vector<Activity>& activities,
                                     const std::vector<ComplaintState>& complaints, LocalDate today) {
  SiteStatistics s;
  s.period = statisticsPeriod(today);
  countAttendance(s, rows, site);
  countActivities(s, sessions, activities);
  countComplaints(s, complaints);
  return s;
}

} // namespace dagverk
