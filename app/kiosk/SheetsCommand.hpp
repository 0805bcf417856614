#pragma once
// The kiosk's reserve sheets (sheets/ReserveSheets.hpp) from its own roster: `dagverk sheets`.
#include "core/LocalTime.hpp"
#include "store/KioskStore.hpp"

#include <filesystem>
#include <vector>

namespace dagverk::kiosk {

// Writes the attendance and roll-call sheets of the bound site for the week starting `monday`
// into `outDir` (created 0700 if missing), each file 0600, replacing an earlier print of the
// same week. Pictures come from <dataDir>/photos; one that is not a readable PNG becomes the
// initials tile. Returns the files written.
std::vector<std::filesystem::path> saveReserveSheets(const store::KioskStore& store,
                                                     const std::filesystem::path& dataDir, LocalDate monday,
                                                     const std::filesystem::path& outDir);

} // namespace dagverk::kiosk
