#pragma once
// What central knows of one site's roster in one ISO week, for the reserve sheets a site prints
// when its tablet is gone: the participants whose roster spell covers a day of the week, with
// the weekdays the spells valid on those days expect them, and the site's active staff.
#include "core/LocalTime.hpp"
#include "core/Roster.hpp"
#include "core/Staff.hpp"

#include <string>
#include <vector>

namespace dagverk::store {
class Database;
}

namespace dagverk::central {

struct SiteWeekRoster {
  Site site;
  std::vector<Participant> participants; // Swedish alphabetical order of first name
  std::vector<StaffMember> staff;        // as on the newest roster (central keeps no staff history)
};

// Throws DagverkError(UnknownSite) for a site central's roster does not hold.
SiteWeekRoster siteRosterForWeek(store::Database& db, const std::string& siteId, LocalDate monday);

} // namespace dagverk::central
