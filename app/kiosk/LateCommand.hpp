#pragma once
// `dagverk late`: one line of a past day's paper sheet entered afterwards from the command line.
#include "core/LateVisit.hpp"

#include <map>
#include <optional>
#include <string>

namespace dagverk::store {
class KioskStore;
}

namespace dagverk::kiosk {

// --date YYYY-MM-DD --participant P --in HH:MM [--out HH:MM] --staff S, as parsed option values.
// nullopt with `error` (English, for the usage message) when one is missing or malformed.
std::optional<cmd::RegisterLate> parseLateOptions(const std::map<std::string, std::string>& values, std::string& error);

// Performs it and prints what was registered (ids only). Refusals throw DagverkError.
int runLate(const cmd::RegisterLate& c, store::KioskStore& store);

} // namespace dagverk::kiosk
