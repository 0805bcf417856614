#pragma once
// The roster as CSV files: sites.csv, participants.csv, activities.csv (see data/README.md).
#include "core/Roster.hpp"
#include "core/Staff.hpp"

#include <string_view>
#include <vector>

namespace dagverk {

struct RosterFiles {
  std::vector<Site> sites;
  std::vector<Participant> participants;
  std::vector<Activity> activities;
  std::vector<StaffMember> staff; // from staff.csv: pin_hash holds Argon2id strings, never PINs
};

// Parses staff.csv (staff_id, site_id, first_name, initial, role, pin_hash) into `roster`,
// checking sites against roster.sites. Throws DagverkError(BadInput) with file:line:col.
void parseStaffCsv(std::string_view staffCsv, RosterFiles& roster);

// Parses and cross-checks the three files; throws DagverkError(BadInput) naming file, line and
// column for the first fault (unknown site, duplicate id, bad weekdays, bad time, …).
RosterFiles parseRosterCsv(std::string_view sitesCsv, std::string_view participantsCsv,
                           std::string_view activitiesCsv);

} // namespace dagverk
