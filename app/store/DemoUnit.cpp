#include "store/DemoUnit.hpp"

namespace dagverk::store {

RosterFiles demoRoster() {
  RosterFiles roster = parseRosterCsv(kDemoSitesCsv, kDemoParticipantsCsv, kDemoActivitiesCsv);
  parseStaffCsv(kDemoStaffCsv, roster);
  return roster;
}

} // namespace dagverk::store
