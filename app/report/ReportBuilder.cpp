#include "report/ReportBuilder.hpp"
#include "report/HeadcountSection.hpp"

#include "core/Error.hpp"
#include "core/Feedback.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace dagverk::report {

using central::RosterActivityRow;
using central::RosterParticipantRow;
using central::SessionRow;

double SurveyFigures::yesShare(size_t q) const {
  if (q >= counts.size()) return 0.0;
  const int n = counts[q][0] + counts[q][1] + counts[q][2];
  return n == 0 ? 0.0 : static_cast<double>(counts[q][0]) / static_cast<double>(n);
}

void suppressSurvey(std::vector<SurveyFigures*>& sites, SurveyFigures* unit) {
  for (auto* s : sites) {
    s->shown = s->answers >= kSurveyMinAnswers;
    s->hiddenToProtectOthers = false;
  }
  if (!unit) return;
  unit->shown = unit->answers >= kSurveyMinAnswers;
  if (!unit->shown) return;
  // unit - (shown sites) = the hidden sites together: that sum must not be a group under 5.
  for (;;) {
    int hiddenSum = 0;
    for (const auto* s : sites)
      if (!s->shown) hiddenSum += s->answers;
    if (hiddenSum == 0 || hiddenSum >= kSurveyMinAnswers) return;
    SurveyFigures* smallest = nullptr;
    for (auto* s : sites)
      if (s->shown && (!smallest || s->answers < smallest->answers)) smallest = s;
    if (!smallest) return; // cannot happen: the unit is shown, so the sites hold >= 5 answers
    smallest->shown = false;
    smallest->hiddenToProtectOthers = true;
  }
}

namespace {

long dayNumber(LocalDate d) { return daysFromCivil(d); }

struct SessionKeyLess {
  bool operator()(const SessionRow* a, const SessionRow* b) const {
    if (a->recordedUtc != b->recordedUtc) return a->recordedUtc < b->recordedUtc;
    return a->seq < b->seq;
  }
};

std::string unknownSiteMessage(const std::string& site, const std::vector<SiteSection>& sites) {
  std::string ids;
  for (const auto& s : sites) ids += (ids.empty() ? "" : ", ") + s.id;
  return "Verksamheten '" + site + "' finns inte i den centrala databasen. Giltiga verksamheter: " +
         (ids.empty() ? "(inga)" : ids) + ".";
}

bool isComplaintOrComment(const std::string& type) { return type == "klagomal" || type == "synpunkt"; }

} // namespace

ReportData buildReport(central::ReportReader& source, const Period& period, const BuildOptions& options) {
  ReportData data;
  data.period = period;
  data.siteFilter = options.site;
  data.generatedUtc = options.now;
  data.weeks = isoWeeksBetween(period.from, period.to);

  // --- sites: roster order, then sites seen only in the records ---------------------------
  std::vector<SiteSection> all;
  std::set<std::string> seen;
  for (const auto& s : source.rosterSites()) {
    SiteSection site;
    site.id = s.id;
    site.name = s.name;
    site.places = s.places;
    all.push_back(std::move(site));
    seen.insert(s.id);
  }
  for (const auto& id : source.eventSiteIds()) {
    if (seen.count(id)) continue;
    SiteSection site;
    site.id = id;
    site.name = id;
    site.inRoster = false;
    all.push_back(std::move(site));
    seen.insert(id);
  }
  if (options.site) {
    auto it = std::find_if(all.begin(), all.end(), [&](const SiteSection& s) { return s.id == *options.site; });
    if (it == all.end())
      throw DagverkError(ErrorCode::UnknownSite, unknownSiteMessage(*options.site, all),
                         "unknown site (" + std::to_string(options.site->size()) + " bytes) among " +
                             std::to_string(all.size()) + " sites");
    data.sites.push_back(std::move(*it));
  } else {
    data.sites = std::move(all);
  }
  data.unit.id = kUnitId;
  data.unit.name = kUnitName;
  std::unordered_map<std::string, size_t> siteIndex;
  for (size_t i = 0; i < data.sites.size(); ++i) siteIndex[data.sites[i].id] = i;
  const auto siteOf = [&](const std::string& id) -> SiteSection* {
    const auto it = siteIndex.find(id);
    return it == siteIndex.end() ? nullptr : &data.sites[it->second];
  };

  for (const auto& [site, at] : source.lastSyncPerSite())
    if (auto* s = siteOf(site)) s->lastSync = at;
  const auto lastRecorded = source.lastRecordedDayPerSite();
  for (auto& s : data.sites) {
    if (auto it = lastRecorded.find(s.id); it != lastRecorded.end()) s.attendance.lastRecordedDay = it->second;
    s.hasData = source.recordsBetween(period.from, period.to, s.id) > 0;
    s.attendance.byWeek.assign(data.weeks.size(), 0);
    s.attendance.absentByReason[kNoReason] = 0;
    for (const auto& r : absenceReasons()) s.attendance.absentByReason[r.code] = 0;
  }
  data.unit.attendance.byWeek.assign(data.weeks.size(), 0);
  data.unit.attendance.absentByReason = data.sites.empty() ? std::map<std::string, std::int64_t>{{kNoReason, 0}}
                                                           : data.sites.front().attendance.absentByReason;
  data.noData = source.recordsBetween(period.from, period.to, options.site) == 0;
  data.unit.hasData = !data.noData;

  // --- open days --------------------------------------------------------------------------
  const long periodFrom = dayNumber(period.from), periodTo = dayNumber(period.to);
  std::vector<long> workingDays;
  for (long d = periodFrom; d <= periodTo; ++d)
    if (isWorkingDay(civilFromDays(d))) workingDays.push_back(d);
  std::vector<long> siteLastDay(data.sites.size(), periodFrom - 1);
  for (size_t i = 0; i < data.sites.size(); ++i) {
    auto& s = data.sites[i];
    if (s.attendance.lastRecordedDay) siteLastDay[i] = std::min(periodTo, dayNumber(*s.attendance.lastRecordedDay));
    for (long d : workingDays) {
      if (d > siteLastDay[i]) break;
      ++s.attendance.openDays;
      ++s.attendance.openByWeekday[static_cast<size_t>(isoWeekday(civilFromDays(d)) - 1)];
    }
    s.attendance.placeDays = static_cast<std::int64_t>(s.places) * s.attendance.openDays;
    data.unit.attendance.openDays = std::max(data.unit.attendance.openDays, s.attendance.openDays);
    data.unit.attendance.placeDays += s.attendance.placeDays;
    data.unit.places += s.places;
  }

  // --- attendance -------------------------------------------------------------------------
  data.driftIncluded = options.includeDrift && options.site.has_value();
  long queryFrom = periodFrom;
  long driftEnd = periodTo;
  if (data.driftIncluded) {
    driftEnd = std::min(periodTo, siteLastDay.empty() ? periodTo : std::max(siteLastDay[0], periodFrom));
    data.driftEnd = civilFromDays(driftEnd);
    data.driftRecentFrom = civilFromDays(driftEnd - 7 * kDriftRecentWeeks + 1);
    data.driftEarlierFrom = civilFromDays(driftEnd - 7 * (kDriftRecentWeeks + kDriftEarlierWeeks) + 1);
    queryFrom = std::min(queryFrom, dayNumber(data.driftEarlierFrom));
  }
  std::unordered_map<std::string, std::uint32_t> personIndex;
  const auto person = [&](const std::string& id) {
    return personIndex.emplace(id, static_cast<std::uint32_t>(personIndex.size())).first->second;
  };
  const auto key = [](std::uint32_t p, long day) {
    return (static_cast<std::uint64_t>(p) << 32) | static_cast<std::uint32_t>(day);
  };
  std::vector<std::unordered_set<std::uint64_t>> present(data.sites.size()); // (person, day) per site
  std::vector<std::unordered_set<std::uint32_t>> distinct(data.sites.size());
  std::unordered_set<std::uint32_t> unitDistinct;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> driftCounts; // participant -> recent, earlier
  const long recentFrom = data.driftIncluded ? dayNumber(data.driftRecentFrom) : 0;
  std::map<IsoWeek, size_t> weekIndex;
  for (size_t i = 0; i < data.weeks.size(); ++i) weekIndex[data.weeks[i]] = i;

  std::string lastDayText, lastSiteText;
  std::optional<LocalDate> lastDate;
  long lastDay = 0;
  size_t lastWeekday = 0, lastWeek = 0;
  SiteSection* lastSite = nullptr;
  source.forEachAttendance(civilFromDays(queryFrom), period.to,
                           [&](const std::string& site, const std::string& participant, const std::string& dayText) {
                             // Rows come ordered by day (then site): parse each day and look up
                             // each site once per run of equal values.
                             if (dayText != lastDayText) {
                               lastDayText = dayText;
                               lastDate = parseIsoDate(dayText);
                               if (lastDate) {
                                 lastDay = dayNumber(*lastDate);
                                 lastWeekday = static_cast<size_t>(isoWeekday(*lastDate) - 1);
                                 const auto w = weekIndex.find(isoWeekOf(*lastDate));
                                 lastWeek = w == weekIndex.end() ? data.weeks.size() : w->second;
                               }
                             }
                             if (site != lastSiteText) {
                               lastSiteText = site;
                               lastSite = siteOf(site);
                             }
                             SiteSection* s = lastSite;
                             const auto& date = lastDate;
                             if (!s || !date) return;
                             const long day = lastDay;
                             const size_t si = static_cast<size_t>(s - data.sites.data());
                             if (data.driftIncluded && day <= driftEnd) {
                               auto& c = driftCounts[participant];
                               if (day >= recentFrom) ++c.first;
                               else ++c.second;
                             }
                             if (day < periodFrom) return;
                             const std::uint32_t p = person(participant);
                             present[si].insert(key(p, day));
                             distinct[si].insert(p);
                             unitDistinct.insert(p);
                             auto& a = s->attendance;
                             ++a.attendanceDays;
                             ++a.byWeekday[lastWeekday];
                             ++a.byWeek[lastWeek];
                           });
  for (size_t i = 0; i < data.sites.size(); ++i)
    data.sites[i].attendance.distinctParticipants = static_cast<std::int64_t>(distinct[i].size());
  data.unit.attendance.distinctParticipants = static_cast<std::int64_t>(unitDistinct.size());

  // --- expected but absent ------------------------------------------------------------------
  std::map<std::pair<std::string, std::string>, std::string> reasonOf; // (participant, day) -> reason
  for (const auto& a : source.absences(period.from, period.to)) reasonOf[{a.participantId, a.date}] = a.reason;
  const auto roster = source.rosterParticipants();
  for (const auto& p : roster) {
    if (!p.active) continue;
    SiteSection* s = siteOf(p.siteId);
    if (!s) continue;
    const size_t si = static_cast<size_t>(s - data.sites.data());
    const std::uint32_t pi = person(p.id);
    for (long d : workingDays) {
      if (d > siteLastDay[si]) break;
      const LocalDate date = civilFromDays(d);
      if (!p.weekdays[static_cast<size_t>(isoWeekday(date) - 1)]) continue;
      if (present[si].count(key(pi, d))) continue;
      ++s->attendance.expectedAbsentDays;
      const auto it = reasonOf.find({p.id, formatIsoDate(date)});
      std::string reason = it == reasonOf.end() ? kNoReason : it->second;
      if (!s->attendance.absentByReason.count(reason)) reason = "okant"; // a code this build does not know
      ++s->attendance.absentByReason[reason];
    }
  }

  for (const auto& [site, n] : source.automaticCheckouts(period.from, period.to))
    if (auto* s = siteOf(site)) s->attendance.automaticCheckouts = n;

  // --- unit sums ------------------------------------------------------------------------------
  auto& u = data.unit.attendance;
  for (auto& s : data.sites) {
    auto& a = s.attendance;
    u.attendanceDays += a.attendanceDays;
    u.expectedAbsentDays += a.expectedAbsentDays;
    u.automaticCheckouts += a.automaticCheckouts;
    for (size_t w = 0; w < 7; ++w) u.byWeekday[w] += a.byWeekday[w];
    for (size_t w = 0; w < a.byWeek.size(); ++w) u.byWeek[w] += a.byWeek[w];
    for (const auto& [r, n] : a.absentByReason) u.absentByReason[r] += n;
    for (size_t w = 0; w < 5; ++w) {
      a.averageByWeekday[w] = a.openByWeekday[w] == 0 ? 0.0
                                                      : static_cast<double>(a.byWeekday[w]) /
                                                            static_cast<double>(a.openByWeekday[w]);
      u.averageByWeekday[w] += a.averageByWeekday[w];
      u.openByWeekday[w] = std::max(u.openByWeekday[w], a.openByWeekday[w]);
    }
  }

  // --- drifting away ------------------------------------------------------------------------
  if (data.driftIncluded) {
    std::map<std::string, const RosterParticipantRow*> byId;
    for (const auto& p : roster) byId[p.id] = &p;
    for (const auto& [participant, c] : driftCounts) {
      if (c.second == 0 || 4 * c.first >= c.second) continue;
      DriftingParticipant d;
      d.siteId = data.sites.front().id;
      d.participantId = participant;
      const auto it = byId.find(participant);
      d.displayName = it == byId.end() ? participant : it->second->firstName + " " + it->second->initial + ".";
      d.recent = c.first;
      d.earlier = c.second;
      data.drifting.push_back(std::move(d));
    }
    std::sort(data.drifting.begin(), data.drifting.end(), [](const auto& a, const auto& b) {
      return a.displayName != b.displayName ? a.displayName < b.displayName : a.participantId < b.participantId;
    });
  }

  // --- activities ---------------------------------------------------------------------------
  std::map<std::string, RosterActivityRow> activityInfo;
  for (auto& a : source.rosterActivities()) activityInfo[a.id] = a;
  const UtcMs fromUtc = fromStockholm(period.from, 0, 0);
  const UtcMs toUtc = fromStockholm(addDays(period.to, 1), 0, 0);
  const auto sessionRows = source.sessions(fromUtc, toUtc);
  std::map<std::string, const SessionRow*> current; // session id -> latest version
  for (const auto& r : sessionRows) {
    if (!siteOf(r.siteId)) continue;
    auto& slot = current[r.sessionId];
    if (!slot || SessionKeyLess{}(slot, &r)) slot = &r;
  }
  struct Acc {
    ActivityRow row;
    std::int64_t ms = 0;
    std::set<std::string> people;
  };
  std::map<std::tuple<size_t, bool, std::string>, Acc> byActivity; // (site index, outing, activity)
  std::map<std::pair<std::string, std::string>, Acc> byCategory;   // (site id or unit, category)
  for (const auto& [sid, r] : current) {
    const SiteSection* s = siteOf(r->siteId);
    const size_t si = static_cast<size_t>(s - data.sites.data());
    const auto info = activityInfo.find(r->activityId);
    const std::string name = info == activityInfo.end() ? "Okänd aktivitet (" + r->activityId + ")" : info->second.name;
    const std::string category = info == activityInfo.end() ? "Okänd kategori" : info->second.category;
    const std::int64_t n = static_cast<std::int64_t>(r->participantIds.size());
    const std::int64_t ms = std::max<std::int64_t>(0, r->end - r->start) * n;
    const auto add = [&](Acc& acc, const std::string& siteId) {
      acc.row.siteId = siteId;
      acc.row.activityId = r->activityId;
      acc.row.activityName = name;
      acc.row.category = category;
      ++acc.row.sessions;
      acc.row.participantSessions += n;
      acc.ms += ms;
      acc.people.insert(r->participantIds.begin(), r->participantIds.end());
    };
    add(byActivity[{si, r->outing, r->activityId}], r->siteId);
    if (!r->outing) {
      add(byCategory[{r->siteId, category}], r->siteId);
      add(byCategory[{kUnitId, category}], kUnitId);
    }
  }
  const auto finish = [](Acc& acc) {
    acc.row.participantMinutes = static_cast<std::int64_t>(std::llround(static_cast<double>(acc.ms) / 60000.0));
    acc.row.distinctParticipants = static_cast<std::int64_t>(acc.people.size());
    return acc.row;
  };
  for (auto& [k, acc] : byActivity) (std::get<1>(k) ? data.outings : data.activities).push_back(finish(acc));
  for (const auto& s : data.sites)
    for (auto& [k, acc] : byCategory)
      if (k.first == s.id) data.categories.push_back(finish(acc));
  if (!options.site)
    for (auto& [k, acc] : byCategory)
      if (k.first == kUnitId) data.categories.push_back(finish(acc));
  const auto byName = [&](const ActivityRow& a, const ActivityRow& b) {
    const size_t sa = siteIndex.count(a.siteId) ? siteIndex[a.siteId] : data.sites.size();
    const size_t sb = siteIndex.count(b.siteId) ? siteIndex[b.siteId] : data.sites.size();
    if (sa != sb) return sa < sb;
    if (a.category != b.category) return a.category < b.category;
    return a.activityName < b.activityName;
  };
  std::stable_sort(data.activities.begin(), data.activities.end(), byName);
  std::stable_sort(data.outings.begin(), data.outings.end(), byName);

  // --- complaints -----------------------------------------------------------------------------
  std::vector<Event> feedback = source.feedbackEvents();
  std::vector<Event> scope;
  std::map<std::string, std::vector<Event>> perSite;
  for (auto& e : feedback) {
    if (!siteOf(e.siteId)) continue;
    perSite[e.siteId].push_back(e);
    scope.push_back(std::move(e));
  }
  for (auto& s : data.sites) s.complaints = buildComplaintTable(perSite[s.id], period.from, period.to);
  data.unit.complaints = buildComplaintTable(scope, period.from, period.to);
  const auto column = [&](const std::string& label, const std::string& k, LocalDate from, LocalDate to) {
    data.complaintColumns.push_back({label, k, from, to, buildComplaintTable(scope, from, to)});
  };
  if (period.kind == Period::Kind::Year || (period.kind == Period::Kind::Tertial && period.number == 3)) {
    const int y = period.year;
    column("Utfall T1", "t1", tertialPeriod(y, 1).from, tertialPeriod(y, 1).to);
    column("Utfall T2", "t2", tertialPeriod(y, 2).from, tertialPeriod(y, 2).to);
    column("Utfall VB", "vb", tertialPeriod(y, 3).from, tertialPeriod(y, 3).to);
    column("Totalt ack.", "ack", LocalDate{y, 1, 1}, LocalDate{y, 12, 31});
  } else if (period.kind == Period::Kind::Tertial) {
    for (int t = 1; t <= period.number; ++t)
      column("Utfall T" + std::to_string(t), "t" + std::to_string(t), tertialPeriod(period.year, t).from,
             tertialPeriod(period.year, t).to);
    if (period.number > 1) column("Totalt ack.", "ack", LocalDate{period.year, 1, 1}, period.to);
  } else {
    column("Utfall", "period", period.from, period.to);
  }
  for (const auto& c : currentComplaints(scope)) {
    if (!isComplaintOrComment(c.data.type)) continue;
    const auto received = parseIsoDate(c.data.receivedDate);
    if (!received || period.to < *received) continue;
    bool feedbackGiven = false, closed = false;
    for (const auto& f : c.followUps) {
      const auto d = parseIsoDate(f.date);
      if (!d || period.to < *d) continue;
      feedbackGiven = feedbackGiven || f.step == kFollowUpFeedbackGiven;
      closed = closed || f.step == kFollowUpClosed;
    }
    const int days = workingDaysBetween(*received, period.to);
    if (feedbackGiven || closed || days <= kFeedbackDueWorkingDays) continue;
    // The complaint's site: the event that registered it.
    std::string siteId;
    for (const auto& e : scope)
      if (e.id == c.eventId) siteId = e.siteId;
    data.overdue.push_back({siteId, c.data.receivedDate, c.data.type, c.data.concerns, days});
  }

  // --- survey ---------------------------------------------------------------------------------
  const auto& answerCodes = surveyAnswers();
  for (const auto& a : source.surveyAnswers(period.from, period.to)) {
    SiteSection* s = siteOf(a.siteId);
    if (!s) continue;
    for (SurveyFigures* f : {&s->survey, &data.unit.survey}) {
      ++f->answers;
      for (size_t q = 0; q < 3; ++q)
        for (size_t k = 0; k < answerCodes.size(); ++k)
          if (a.answers[q] == answerCodes[k].code) ++f->counts[q][k];
    }
  }
  std::vector<SurveyFigures*> surveys;
  for (auto& s : data.sites) surveys.push_back(&s.survey);
  suppressSurvey(surveys, options.site ? nullptr : &data.unit.survey);
  buildHeadcounts(source, data);
  return data;
}

} // namespace dagverk::report
