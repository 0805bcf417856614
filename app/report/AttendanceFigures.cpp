// Section figures for attendance and occupancy (counted by core/AttendanceCount, the same
// counter as the kiosk's Statistik screen), the kiosks behind each site, and drifting away.
#include "report/FigureSections.hpp"

#include "core/Feedback.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace dagverk::report::figures {

namespace {

long dayNumber(LocalDate d) { return daysFromCivil(d); }

void addWeeks(const ReportData& data, AttendanceFigures& a) {
  a.byWeek.assign(data.weeks.size(), 0);
  std::map<IsoWeek, size_t> weekIndex;
  for (size_t i = 0; i < data.weeks.size(); ++i) weekIndex[data.weeks[i]] = i;
  const long from = dayNumber(data.period.from);
  for (size_t d = 0; d < a.presentPerDay.size(); ++d) {
    if (a.presentPerDay[d] == 0) continue;
    const auto w = weekIndex.find(isoWeekOf(civilFromDays(from + static_cast<long>(d))));
    if (w != weekIndex.end()) a.byWeek[w->second] += a.presentPerDay[d];
  }
}

} // namespace

void kiosks(central::ReportReader& source, const Context& ctx, ReportData& data) {
  for (auto& k : source.kiosks())
    if (SiteSection* s = ctx.siteOf(data, k.siteId)) s->kiosks.push_back(std::move(k));
  for (auto& s : data.sites) {
    std::optional<LocalDate> newest;
    for (const auto& k : s.kiosks)
      if (k.lastDay && (!newest || *newest < *k.lastDay)) newest = k.lastDay;
    std::string why;
    for (const auto& k : s.kiosks) {
      if (newest && k.lastDay && dayNumber(*newest) - dayNumber(*k.lastDay) > kStaleKioskDays)
        why += (why.empty() ? "" : "; ") + std::string("kiosk ") + k.deviceId + " har data bara till och med " +
               formatIsoDate(*k.lastDay) + " (" + std::to_string(dayNumber(*newest) - dayNumber(*k.lastDay)) +
               " dagar efter den nyaste)";
      if (k.sequenceGap)
        why += (why.empty() ? "" : "; ") + std::string("kiosk ") + k.deviceId + " saknar händelser (lucka i numreringen)";
    }
    s.incomplete = !why.empty();
    s.incompleteWhy = why;
  }
}

void attendance(central::ReportReader& source, const Context&, ReportData& data) {
  CountRequest req;
  req.from = data.period.from;
  req.to = data.period.to;
  for (const auto& s : data.sites) req.sites.push_back({s.id, s.places});
  req.roster = source.rosterSpells();
  AttendanceCount count = countAttendance(source, req);

  for (size_t i = 0; i < data.sites.size(); ++i) {
    auto& a = data.sites[i].attendance;
    static_cast<SiteAttendance&>(a) = std::move(count.sites[i]);
    if (a.recorded) a.lastRecordedDay = a.recorded->last;
    addWeeks(data, a);
    for (size_t w = 0; w < 5; ++w) a.averageByWeekday[w] = a.averageOn(w);
  }
  auto& u = data.unit.attendance;
  static_cast<SiteAttendance&>(u) = std::move(count.unit);
  addWeeks(data, u);
  // The unit's average per weekday: the sum of its sites' unrounded averages, rounded once.
  for (size_t w = 0; w < 5; ++w)
    for (const auto& s : data.sites)
      if (const auto& avg = s.attendance.averageByWeekday[w]) u.averageByWeekday[w] = u.averageByWeekday[w].value_or(0.0) + *avg;

  for (auto& s : data.sites) {
    s.split.clear();
    for (const auto& c : data.splitColumns)
      s.split.push_back({s.attendance.between(data.period.from, c.from, c.to, s.places), 0, 0});
  }
  data.unit.split.assign(data.splitColumns.size(), SplitFigures{});
  for (const auto& s : data.sites)
    for (size_t c = 0; c < s.split.size(); ++c) {
      auto& u2 = data.unit.split[c].attendance;
      u2.attendanceDays += s.split[c].attendance.attendanceDays;
      u2.openDays += s.split[c].attendance.openDays;
      u2.placeDays += s.split[c].attendance.placeDays;
    }
  data.notOnRoster = std::move(count.notOnRoster);
}

void drift(central::ReportReader& source, const Context& ctx, ReportData& data) {
  data.driftIncluded = ctx.options.includeDrift && ctx.options.site.has_value() && !data.sites.empty();
  if (!data.driftIncluded) return;
  const SiteSection& site = data.sites.front();
  const long periodFrom = dayNumber(data.period.from), periodTo = dayNumber(data.period.to);
  const long lastDay = site.attendance.lastRecordedDay ? std::min(periodTo, dayNumber(*site.attendance.lastRecordedDay))
                                                       : periodFrom - 1;
  const long end = std::min(periodTo, std::max(lastDay, periodFrom));
  data.driftEnd = civilFromDays(end);
  data.driftRecentFrom = civilFromDays(end - 7 * kDriftRecentWeeks + 1);
  data.driftEarlierFrom = civilFromDays(end - 7 * (kDriftRecentWeeks + kDriftEarlierWeeks) + 1);
  const long recentFrom = dayNumber(data.driftRecentFrom);
  std::set<std::pair<std::string, long>> seen;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> counts; // participant -> recent, earlier
  source.forEachCheckIn(data.driftEarlierFrom, data.driftEnd,
                        [&](const std::string& s, const std::string& participant, LocalDate day) {
                          const long d = dayNumber(day);
                          if (s != site.id || !seen.emplace(participant, d).second) return;
                          auto& c = counts[participant];
                          ++(d >= recentFrom ? c.first : c.second);
                        });
  std::map<std::string, central::RosterParticipantRow> byId;
  for (auto& p : source.rosterParticipants()) byId[p.id] = std::move(p);
  for (const auto& [participant, c] : counts) {
    if (c.second == 0 || 4 * c.first >= c.second) continue;
    DriftingParticipant d;
    d.siteId = site.id;
    d.participantId = participant;
    const auto it = byId.find(participant);
    d.displayName = it == byId.end() ? participant : it->second.firstName + " " + it->second.initial + ".";
    d.recent = c.first;
    d.earlier = c.second;
    data.drifting.push_back(std::move(d));
  }
  std::sort(data.drifting.begin(), data.drifting.end(), [](const auto& a, const auto& b) {
    return a.displayName != b.displayName ? a.displayName < b.displayName : a.participantId < b.participantId;
  });
}

} // namespace dagverk::report::figures
