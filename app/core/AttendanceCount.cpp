#include "core/AttendanceCount.hpp"

#include "core/DayRecords.hpp"
#include "core/Feedback.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace dagverk {

std::optional<double> SiteAttendance::occupancy() const {
  if (placeDays <= 0) return std::nullopt;
  return static_cast<double>(attendanceDays) / static_cast<double>(placeDays);
}

std::optional<double> SiteAttendance::averageOn(size_t weekday) const {
  if (weekday >= 7 || openByWeekday[weekday] == 0) return std::nullopt;
  return static_cast<double>(byWeekday[weekday]) / static_cast<double>(openByWeekday[weekday]);
}

SiteAttendance::Part SiteAttendance::between(LocalDate periodFrom, LocalDate from, LocalDate to, int places) const {
  Part p;
  const long base = daysFromCivil(periodFrom);
  const long a = std::max(0L, daysFromCivil(from) - base);
  const long b = std::min(static_cast<long>(presentPerDay.size()) - 1, daysFromCivil(to) - base);
  for (long i = a; i <= b; ++i) {
    p.attendanceDays += presentPerDay[static_cast<size_t>(i)];
    p.openDays += openPerDay[static_cast<size_t>(i)];
  }
  p.placeDays = static_cast<std::int64_t>(places) * p.openDays;
  return p;
}

namespace {

std::map<std::string, std::int64_t> emptyReasons() {
  std::map<std::string, std::int64_t> out{{kNoAbsenceReason, 0}, {kUnknownAbsenceReason, 0}};
  for (const auto& r : absenceReasons()) out[r.code] = 0;
  return out;
}

std::uint64_t key(std::uint32_t person, long dayIndex) {
  return (static_cast<std::uint64_t>(person) << 32) | static_cast<std::uint32_t>(dayIndex);
}

struct Counting {
  const CountRequest& req;
  long from = 0, to = 0;
  size_t days = 0;
  std::unordered_map<std::string, size_t> siteIndex;
  std::unordered_map<std::string, std::uint32_t> personIndex;
  std::vector<std::unordered_set<std::uint32_t>> rostered; // per site: anyone with a spell there
  std::unordered_set<std::uint32_t> rosteredAnywhere;
  std::vector<std::unordered_set<std::uint64_t>> present;   // per site: (person, day index)
  std::vector<std::vector<std::uint8_t>> visited;            // per site and day: anyone checked in
  std::map<std::pair<size_t, std::uint32_t>, std::set<long>> notOnRoster;
  std::vector<std::string> personIds;

  explicit Counting(const CountRequest& r) : req(r) {
    from = daysFromCivil(r.from);
    to = daysFromCivil(r.to);
    days = to >= from ? static_cast<size_t>(to - from + 1) : 0;
    for (size_t i = 0; i < r.sites.size(); ++i) siteIndex.emplace(r.sites[i].id, i);
    rostered.resize(r.sites.size());
    present.resize(r.sites.size());
    visited.assign(r.sites.size(), std::vector<std::uint8_t>(days, 0));
    for (const auto& s : r.roster) {
      const std::uint32_t p = person(s.participantId);
      rosteredAnywhere.insert(p);
      if (const auto it = siteIndex.find(s.siteId); it != siteIndex.end()) rostered[it->second].insert(p);
    }
  }

  std::uint32_t person(const std::string& id) {
    const auto [it, added] = personIndex.emplace(id, static_cast<std::uint32_t>(personIndex.size()));
    if (added) personIds.push_back(id);
    return it->second;
  }
};

void spanOf(SiteAttendance& a, const std::optional<DaySpan>& recorded, const CountRequest& req) {
  a.recorded = recorded;
  if (!recorded) return;
  const LocalDate first = std::max(recorded->first, req.from);
  const LocalDate last = std::min(recorded->last, req.to);
  if (last < first) return;
  a.counted = DaySpan{first, last};
}

} // namespace

AttendanceCount countAttendance(CountingSource& source, const CountRequest& req) {
  Counting c(req);
  AttendanceCount out;
  out.sites.resize(req.sites.size());
  const auto spans = source.recordedSpans();
  for (size_t i = 0; i < req.sites.size(); ++i) {
    auto& a = out.sites[i];
    const auto it = spans.find(req.sites[i].id);
    spanOf(a, it == spans.end() ? std::nullopt : std::optional<DaySpan>(it->second), req);
    a.absentByReason = emptyReasons();
    a.presentPerDay.assign(c.days, 0);
    a.openPerDay.assign(c.days, 0);
  }
  out.unit.absentByReason = emptyReasons();
  out.unit.presentPerDay.assign(c.days, 0);
  out.unit.openPerDay.assign(c.days, 0);

  // Rows usually come in runs of one site and one day: look each up once per run.
  std::string lastSite;
  size_t lastIndex = req.sites.size();
  source.forEachCheckIn(req.from, req.to, [&](const std::string& site, const std::string& participant, LocalDate day) {
    if (site != lastSite) {
      lastSite = site;
      const auto it = c.siteIndex.find(site);
      lastIndex = it == c.siteIndex.end() ? req.sites.size() : it->second;
    }
    if (lastIndex == req.sites.size()) return;
    const long d = daysFromCivil(day) - c.from;
    if (d < 0 || d >= static_cast<long>(c.days)) return;
    c.visited[lastIndex][static_cast<size_t>(d)] = 1;
    const std::uint32_t p = c.person(participant);
    if (!c.rostered[lastIndex].count(p)) {
      c.notOnRoster[{lastIndex, p}].insert(d);
      return;
    }
    if (!c.present[lastIndex].insert(key(p, d)).second) return;
    auto& a = out.sites[lastIndex];
    ++a.presentPerDay[static_cast<size_t>(d)];
    ++a.byWeekday[static_cast<size_t>(isoWeekday(day) - 1)];
    ++a.attendanceDays;
  });

  // Open days: counted working days, and any counted day someone came.
  for (size_t i = 0; i < req.sites.size(); ++i) {
    auto& a = out.sites[i];
    if (!a.counted) continue;
    for (long d = daysFromCivil(a.counted->first); d <= daysFromCivil(a.counted->last); ++d) {
      const size_t di = static_cast<size_t>(d - c.from);
      const LocalDate day = civilFromDays(d);
      if (!isWorkingDay(day) && !c.visited[i][di]) continue;
      a.openPerDay[di] = 1;
      ++a.openDays;
      ++a.openByWeekday[static_cast<size_t>(isoWeekday(day) - 1)];
    }
    a.placeDays = static_cast<std::int64_t>(req.sites[i].places) * a.openDays;
  }

  // Expected but absent, against the roster spell valid on each day.
  std::map<std::pair<std::string, long>, std::string> reasonOf; // (participant, day) -> latest reason
  for (const auto& n : source.absenceNotes(req.from, req.to)) reasonOf[{n.participantId, daysFromCivil(n.day)}] = n.reason;
  for (const auto& spell : req.roster) {
    const auto it = c.siteIndex.find(spell.siteId);
    if (it == c.siteIndex.end()) continue;
    auto& a = out.sites[it->second];
    if (!a.counted) continue;
    const std::uint32_t p = c.person(spell.participantId);
    const long first = std::max(daysFromCivil(a.counted->first), daysFromCivil(spell.validFrom));
    const long last = std::min(daysFromCivil(a.counted->last), spell.validTo ? daysFromCivil(*spell.validTo) : c.to);
    for (long d = first; d <= last; ++d) {
      const size_t di = static_cast<size_t>(d - c.from);
      if (!a.openPerDay[di]) continue;
      const LocalDate day = civilFromDays(d);
      if (!spell.weekdays[static_cast<size_t>(isoWeekday(day) - 1)]) continue;
      if (c.present[it->second].count(key(p, static_cast<long>(di)))) continue;
      ++a.expectedAbsentDays;
      const auto r = reasonOf.find({spell.participantId, d});
      std::string reason = r == reasonOf.end() ? kNoAbsenceReason : r->second;
      if (!a.absentByReason.count(reason)) reason = kUnknownAbsenceReason;
      ++a.absentByReason[reason];
    }
  }

  source.forEachAutomaticCheckout(req.from, req.to, [&](const std::string& site, LocalDate) {
    if (const auto it = c.siteIndex.find(site); it != c.siteIndex.end()) ++out.sites[it->second].automaticCheckouts;
  });

  // Distinct participants, per site and over the unit.
  std::unordered_set<std::uint32_t> unitDistinct;
  for (size_t i = 0; i < req.sites.size(); ++i) {
    std::unordered_set<std::uint32_t> who;
    for (const std::uint64_t k : c.present[i]) who.insert(static_cast<std::uint32_t>(k >> 32));
    out.sites[i].distinctParticipants = static_cast<std::int64_t>(who.size());
    unitDistinct.insert(who.begin(), who.end());
  }

  // The unit: sums of the unrounded site figures.
  auto& u = out.unit;
  u.distinctParticipants = static_cast<std::int64_t>(unitDistinct.size());
  for (const auto& a : out.sites) {
    if (a.counted)
      u.counted = u.counted ? DaySpan{std::min(u.counted->first, a.counted->first), std::max(u.counted->last, a.counted->last)}
                            : *a.counted;
    u.attendanceDays += a.attendanceDays;
    u.openDays += a.openDays;
    u.placeDays += a.placeDays;
    u.expectedAbsentDays += a.expectedAbsentDays;
    u.automaticCheckouts += a.automaticCheckouts;
    for (size_t w = 0; w < 7; ++w) {
      u.byWeekday[w] += a.byWeekday[w];
      u.openByWeekday[w] += a.openByWeekday[w];
    }
    for (const auto& [r, n] : a.absentByReason) u.absentByReason[r] += n;
    for (size_t d = 0; d < c.days; ++d) {
      u.presentPerDay[d] += a.presentPerDay[d];
      u.openPerDay[d] = static_cast<std::uint8_t>(std::max(u.openPerDay[d], a.openPerDay[d]));
    }
  }

  for (const auto& [k, daysSeen] : c.notOnRoster) {
    NotOnRoster n;
    n.siteId = req.sites[k.first].id;
    n.participantId = c.personIds[k.second];
    n.otherSitesParticipant = c.rosteredAnywhere.count(k.second) > 0;
    n.checkIns = static_cast<std::int64_t>(daysSeen.size());
    out.notOnRoster.push_back(std::move(n));
  }
  std::sort(out.notOnRoster.begin(), out.notOnRoster.end(), [](const NotOnRoster& a, const NotOnRoster& b) {
    return a.siteId != b.siteId ? a.siteId < b.siteId : a.participantId < b.participantId;
  });
  return out;
}

} // namespace dagverk
