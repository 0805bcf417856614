// Section figures for activities: per site and activity, outings apart, per category, and
// for a year the tertial split of sessions.
#include "report/FigureSections.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace dagverk::report::figures {

using central::RosterActivityRow;
using central::SessionRow;

namespace {

struct SessionKeyLess {
  bool operator()(const SessionRow* a, const SessionRow* b) const {
    if (a->recordedUtc != b->recordedUtc) return a->recordedUtc < b->recordedUtc;
    return a->seq < b->seq;
  }
};

// Sessions per split column (outings included), by the local day the session started.
void splitSessions(ReportData& data, const Context& ctx, const std::map<std::string, const SessionRow*>& current) {
  if (data.splitColumns.empty()) return;
  for (const auto& [sid, r] : current) {
    SiteSection* s = ctx.siteOf(data, r->siteId);
    const LocalDate day = toStockholm(r->start).date;
    const auto n = static_cast<std::int64_t>(r->participantIds.size());
    for (size_t c = 0; c < data.splitColumns.size(); ++c) {
      if (day < data.splitColumns[c].from || data.splitColumns[c].to < day) continue;
      for (SiteSection* x : {s, &data.unit}) {
        ++x->split[c].sessions;
        x->split[c].participantSessions += n;
      }
    }
  }
}

} // namespace

void activities(central::ReportReader& source, const Context& ctx, ReportData& data) {
  std::map<std::string, RosterActivityRow> activityInfo;
  for (auto& a : source.rosterActivities()) activityInfo[a.id] = a;
  const UtcMs fromUtc = fromStockholm(data.period.from, 0, 0);
  const UtcMs toUtc = fromStockholm(addDays(data.period.to, 1), 0, 0);
  const auto sessionRows = source.sessions(fromUtc, toUtc);
  std::map<std::string, const SessionRow*> current; // session id -> latest version
  for (const auto& r : sessionRows) {
    if (!ctx.siteOf(data, r.siteId)) continue;
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
    const SiteSection* s = ctx.siteOf(data, r->siteId);
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
  if (!ctx.options.site)
    for (auto& [k, acc] : byCategory)
      if (k.first == kUnitId) data.categories.push_back(finish(acc));
  const auto indexOf = [&](const std::string& id) {
    const auto it = ctx.siteIndex.find(id);
    return it == ctx.siteIndex.end() ? data.sites.size() : it->second;
  };
  const auto byName = [&](const ActivityRow& a, const ActivityRow& b) {
    const size_t sa = indexOf(a.siteId), sb = indexOf(b.siteId);
    if (sa != sb) return sa < sb;
    if (a.category != b.category) return a.category < b.category;
    return a.activityName < b.activityName;
  };
  std::stable_sort(data.activities.begin(), data.activities.end(), byName);
  std::stable_sort(data.outings.begin(), data.outings.end(), byName);

  splitSessions(data, ctx, current);
}

} // namespace dagverk::report::figures
