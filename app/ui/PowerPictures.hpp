#pragma once
// The battery and storage parts of the screens: the staff dashboard's lines and warnings, and
// the calm battery picture the home screen shows when the battery is nearly flat.
#include "ui/KioskUi.hpp"

#include <imgui.h>

namespace dagverk::ui {

inline constexpr const char* kLowBatterySv = "Batteriet är nästan slut – anslut laddaren";
inline constexpr const char* kLowStorageSv = "Lagringen är nästan full – synka och kontakta IT";

// One muted line (battery level where there is a battery; free space and days of headroom),
// then each warning in red on its own line. Registered for tests as "battery-level",
// "storage-headroom", "warning-low-battery" and "warning-low-storage".
void drawPowerAndStorageLines(KioskUi& ui, const KioskModel& model);

// A battery outline with one low segment, `height` tall, its top-left corner at `at` (screen
// coordinates). No text: it is for participants too, and should not alarm anyone.
ImVec2 drawLowBatteryPicture(ImDrawList* dl, ImVec2 at, float height);

} // namespace dagverk::ui
