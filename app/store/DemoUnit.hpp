#pragma once
// The demo unit: Liljeholmens dagliga verksamheter with invented participants (data/demo/).
#include "RosterCsv.hpp"

namespace dagverk::store {

extern const char* const kDemoSitesCsv;
extern const char* const kDemoParticipantsCsv;
extern const char* const kDemoActivitiesCsv;

RosterFiles demoRoster();

} // namespace dagverk::store
