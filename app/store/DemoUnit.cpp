#include "DemoUnit.hpp"

namespace dagverk::store {

RosterFiles demoRoster() { return parseRosterCsv(kDemoSitesCsv, kDemoParticipantsCsv, kDemoActivitiesCsv); }

} // namespace dagverk::store
