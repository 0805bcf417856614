#pragma once
// Central's roster history (table roster_spell, migration 3): who was on which site's roster on
// which day, so that expected days are counted against the roster valid on each day, and the
// check-ins that name someone not on the site's roster are found (data quality).
#include "core/AttendanceCount.hpp"
#include "core/Roster.hpp"
#include "core/RosterCsv.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dagverk::store {
class Database;
}

namespace dagverk::central {

// Inside the caller's transaction: the roster published as `version` takes effect on
// `effective`. A participant who is new, moved site or changed weekdays gets a spell from that
// day (the previous one ends the day before); one who left or became inactive has their spell
// ended. The first roster central ever holds is taken as valid since before any record.
void recordRosterSpells(store::Database& db, const RosterFiles& roster, std::int64_t version, LocalDate effective);

std::vector<RosterSpell> readRosterSpells(store::Database& db);

// Non-voided check-ins at a site by someone with no spell on that site's roster, per site and
// participant (ids only, never names).
std::vector<NotOnRoster> checkInsNotOnRoster(store::Database& db);

} // namespace dagverk::central
