#pragma once
// The unit's roster cut into one part per site, so that a kiosk receives only its own site's
// participants, activities and staff: a stolen tablet then holds one site, not the whole unit.
#include <string>
#include <vector>

namespace dagverk::central {

struct SiteRosterPart {
  std::string siteId;
  std::string sitesCsv;        // the header and this site's row only
  std::string participantsCsv; // the site's participants
  std::string activitiesCsv;   // the site's activities
  // Staff who work at the site (listed by id or by "*"), with site_id narrowed to this site:
  // a kiosk never learns where else a staff member or an admin works.
  std::string staffCsv;
};

// Splits CSV texts that have already passed parseRosterCsv and parseStaffCsv (so every site
// id is known and every row has its columns). One part per row of sites.csv, in its order.
std::vector<SiteRosterPart> splitRosterBySite(const std::string& sitesCsv, const std::string& participantsCsv,
                                              const std::string& activitiesCsv, const std::string& staffCsv);

} // namespace dagverk::central
