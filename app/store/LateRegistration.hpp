#pragma once
// Registering a past day afterwards from the paper sheet (core/LateVisit.hpp has the rules).
#include "core/Command.hpp"
#include "core/Event.hpp"
#include "core/LocalTime.hpp"

#include <set>
#include <string>
#include <vector>

namespace dagverk::store {

class KioskStore;

// Appends one LateVisitRegistered per ticked participant who has no visit that day yet, all in
// one write transaction, with the checks inside it. Throws UnknownStaff (the actor is not an
// active staff member of the site), UnknownParticipant (not on the site's roster), BadInput
// (the day or a time refused), AlreadyPresent ("redan registrerad den dagen") when everyone
// ticked already has a visit that day; nothing is written then. Returns the visits appended:
// fewer than the lines when some were already registered.
std::vector<Event> registerLate(KioskStore& store, const cmd::RegisterLate& c);

// Participants with a visit on `day` at the site on this kiosk: a check-in recorded that day,
// or a visit of that day entered afterwards, neither voided by a correction.
std::set<std::string> registeredOnDay(const KioskStore& store, const std::string& siteId, LocalDate day);

// The day's visits entered afterwards (not voided), oldest entry first: for the screen's summary.
std::vector<Event> lateVisitsOfDay(const KioskStore& store, const std::string& siteId, LocalDate day);

} // namespace dagverk::store
