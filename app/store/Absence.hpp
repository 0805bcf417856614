#pragma once
// Staff note why an expected participant is not here today.
#include "core/Command.hpp"
#include "core/Event.hpp"

namespace dagverk::store {

class KioskStore;

// Throws BadInput for an unknown reason or a bad comment (validateAbsence), UnknownStaff,
// UnknownParticipant, PresentNotAbsent if the participant is checked in now.
Event noteAbsence(KioskStore& store, const cmd::NoteAbsence& c);

} // namespace dagverk::store
