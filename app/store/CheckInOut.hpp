#pragma once
// Check-in and check-out, of participants (by their own tap or by staff) and of staff, and the
// day rollover that closes visits left open from an earlier day.
#include "core/Command.hpp"
#include "core/DayRecords.hpp"
#include "core/Event.hpp"
#include "core/LocalTime.hpp"

#include <string>
#include <vector>

namespace dagverk::store {

class KioskStore;

// Throws AlreadyPresent, UnknownParticipant (or not at this site), DiskFull, Storage.
Event checkIn(KioskStore& store, const cmd::CheckIn& c);
// Throws NotPresent when the participant is not checked in.
Event checkOut(KioskStore& store, const cmd::CheckOut& c);
Event staffCheckIn(KioskStore& store, const cmd::StaffCheckIn& c);   // throws AlreadyPresent
Event staffCheckOut(KioskStore& store, const cmd::StaffCheckOut& c); // throws NotPresent
// Closes every check-in left open from an earlier day with an automatic check-out at the
// site's closing time. Runs before every tap and once a minute; cheap when there is none.
std::vector<Event> runDayRollover(KioskStore& store);

// The staff dashboard's day: who is here, expected, gone home, absent.
DayOverview dayOverview(const KioskStore& store, const std::string& siteId, LocalDate day);

} // namespace dagverk::store
