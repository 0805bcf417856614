#pragma once
// Voiding a mistaken event of this kiosk with a reason: a Corrected event; the original stays.
#include "core/Command.hpp"
#include "core/Event.hpp"

namespace dagverk::store {

class KioskStore;

// Presence is rebuilt from the log when a check-in or check-out is voided. Throws BadInput
// for an unknown reason or a correction of a correction, UnknownEvent, AlreadyCorrected.
Event correct(KioskStore& store, const cmd::Correct& c);

} // namespace dagverk::store
