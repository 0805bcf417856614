#pragma once
// The battery as SDL reports it (SDL_GetPowerInfo). DAGVERK_TEST_POWER, when set, is read
// instead, so a test can put the kiosk on a flat battery: "battery:8" (on battery at 8 %),
// "charging:40", "charged:100", "ac" (mains, no battery). Anything else there counts as no
// battery, and is logged once.
#include "core/PowerStatus.hpp"

namespace dagverk::platform {

BatteryReading readBattery();

} // namespace dagverk::platform
