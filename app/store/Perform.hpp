#pragma once
// The one way a command reaches the kiosk's records: the screens (after a frame) and the CLI
// both call perform(). Each command is carried out by its feature (store/CheckInOut.hpp,
// store/Absence.hpp, …), which checks it against the records inside the write transaction; a
// command whose rule needs only the common facts (core/CommandFacts.hpp) is carried out here,
// with no feature file of its own.
#include "core/Command.hpp"
#include "core/DayRecords.hpp"
#include "core/Event.hpp"

#include <optional>
#include <vector>

namespace dagverk::store {

class KioskStore;

// Checks the command against the records and appends its events in one transaction. Throws
// DagverkError (Swedish user message, English log message) and then appends nothing. Returns
// the events appended (or, for a command that repeats one already done — a second roll-call
// start, mark or end — the event that stands); empty when the command changes nothing (a
// second "Tyck till" inside the pressed-twice guard).
std::vector<Event> perform(KioskStore& store, const Command& command);

// Throws DagverkError(BadInput) with the rule's messages when a pure rule refused.
void requireValid(const std::optional<ValidationError>& refusal);

} // namespace dagverk::store
