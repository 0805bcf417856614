#pragma once
// What a new roster changes for each site's participants, compared with the roster the kiosks
// have now: the count publish prints before a roster reaches every kiosk, and the rule that
// stops a roster that would end a large part of a site's participants by mistake (a truncated
// export, a file with only its header).
#include "core/Roster.hpp"

#include <string>
#include <vector>

namespace dagverk {

struct SiteRosterChange {
  std::string siteId;
  int before = 0;  // the site's participants in the current roster
  int after = 0;   // ... and in the new one
  int added = 0;   // new at the site (new ids, or moved here from another site)
  int changed = 0; // at the site in both, with another name, initial, weekdays or photo
  std::vector<std::string> endedIds; // at the site now, not in the new roster (or moved away)

  // Ending more than a quarter of the site's participants at once is rarely what was meant.
  bool isLarge() const { return endedIds.size() * 4 > static_cast<size_t>(before); }
};

// One entry per site: the new roster's sites in its order, then sites that only the current
// roster has participants at.
std::vector<SiteRosterChange> compareParticipants(const std::vector<Participant>& current,
                                                  const std::vector<Participant>& next,
                                                  const std::vector<Site>& nextSites);

} // namespace dagverk
