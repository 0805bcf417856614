#pragma once
// The one way a command reaches the kiosk's records: the screens (after a frame) and the CLI
// both call perform().
#include "core/Command.hpp"
#include "core/Event.hpp"

#include <vector>

namespace dagverk::store {

class KioskStore;

// Checks the command against the records and appends its events in one transaction. Throws
// DagverkError (Swedish user message, English log message) and then appends nothing. Returns
// the events appended; empty when the command changes nothing (a second "Tyck till" inside
// the pressed-twice guard).
std::vector<Event> perform(KioskStore& store, const Command& command);

} // namespace dagverk::store
