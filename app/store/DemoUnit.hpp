#pragma once
// The demo unit: Liljeholmens dagliga verksamheter with invented participants and staff (data/demo/).
#include "core/RosterCsv.hpp"

namespace dagverk::store {

extern const char* const kDemoSitesCsv;
extern const char* const kDemoParticipantsCsv;
extern const char* const kDemoActivitiesCsv;
extern const char* const kDemoStaffCsv; // Argon2id hashes of the demo PINs (see data/README.md)

RosterFiles demoRoster();

} // namespace dagverk::store
