#pragma once
// The fire-drill roll call (utrymning): started with everyone checked in, each person marked
// safe, ended. Every step is an event; it never times out. A step's actor is the signed-in staff
// member when there is one, and empty from the home screen (the roll call needs no PIN).
#include "core/Command.hpp"
#include "core/DayRecords.hpp"
#include "core/Event.hpp"

#include <optional>

namespace dagverk::store {

class KioskStore;

// Lists everyone checked in now (participants, then staff). One roll call at a time: a start
// while one is open returns the open one's start.
Event startRollCall(KioskStore& store, const cmd::StartRollCall& c);
// Throws UnknownEvent unless it is the latest roll call, BadInput when it has ended or the
// person is not on its list. Marking twice returns the first mark.
Event markSafe(KioskStore& store, const cmd::MarkSafe& c);
// Ending twice returns the first end.
Event endRollCall(KioskStore& store, const cmd::EndRollCall& c);
// The latest roll call at the site (open or ended), rebuilt from events.
std::optional<RollCallState> latestRollCall(const KioskStore& store);

} // namespace dagverk::store
