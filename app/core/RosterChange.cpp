#include "core/RosterChange.hpp"

#include <algorithm>
#include <map>

namespace dagverk {

namespace {
bool sameRecord(const Participant& a, const Participant& b) {
  return a.firstName == b.firstName && a.initial == b.initial && a.expectedWeekdays == b.expectedWeekdays &&
         a.photoFile == b.photoFile;
}
} // namespace

std::vector<SiteRosterChange> compareParticipants(const std::vector<Participant>& current,
                                                  const std::vector<Participant>& next,
                                                  const std::vector<Site>& nextSites) {
  std::vector<SiteRosterChange> out;
  std::map<std::string, size_t> index;
  const auto at = [&](const std::string& siteId) -> SiteRosterChange& {
    const auto [it, added] = index.emplace(siteId, out.size());
    if (added) out.push_back(SiteRosterChange{siteId, 0, 0, 0, 0, {}});
    return out[it->second];
  };
  for (const auto& s : nextSites) at(s.id);

  std::map<std::string, const Participant*> nextById;
  for (const auto& p : next) nextById.emplace(p.id, &p);
  std::map<std::string, const Participant*> currentById;
  for (const auto& p : current) {
    currentById.emplace(p.id, &p);
    SiteRosterChange& c = at(p.siteId);
    ++c.before;
    const auto it = nextById.find(p.id);
    if (it == nextById.end() || it->second->siteId != p.siteId) c.endedIds.push_back(p.id);
    else if (!sameRecord(p, *it->second)) ++c.changed;
  }
  for (const auto& p : next) {
    SiteRosterChange& c = at(p.siteId);
    ++c.after;
    const auto it = currentById.find(p.id);
    if (it == currentById.end() || it->second->siteId != p.siteId) ++c.added;
  }
  for (auto& c : out) std::sort(c.endedIds.begin(), c.endedIds.end());
  return out;
}

} // namespace dagverk
