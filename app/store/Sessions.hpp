#pragma once
// Activity sessions, done or planned. An edit is a new version plus a Corrected voiding the
// old one, appended together; never an update in place.
#include "core/Command.hpp"
#include "core/DayRecords.hpp"
#include "core/Event.hpp"

#include <string>
#include <vector>

namespace dagverk::store {

class KioskStore;

// Logs (or plans) a session; an edit (draft.replacesEventId set) appends the new version and
// a Corrected for the old one in one transaction. Throws BadInput with the validation message,
// UnknownEvent / AlreadyCorrected for an edit of a version that is gone or already replaced.
std::vector<Event> logSession(KioskStore& store, const cmd::LogSession& c);
// Sessions (current versions) of the site whose start falls in [from, to).
std::vector<ActivitySession> sessions(const KioskStore& store, const std::string& siteId, UtcMs from, UtcMs to);

} // namespace dagverk::store
