#include "platform/PowerInfo.hpp"

#include "platform/Log.hpp"

#include <SDL.h>

#include <cstdlib>
#include <string>
#include <utility>

namespace dagverk::platform {

namespace {
BatteryReading fromTestSetting(const std::string& v) {
  BatteryReading b;
  const auto colon = v.find(':');
  const std::string state = v.substr(0, colon);
  if (state == "ac") return b;
  int percent = -1;
  if (colon != std::string::npos) {
    try {
      percent = std::stoi(v.substr(colon + 1));
    } catch (const std::exception&) {
      percent = -1;
    }
  }
  if ((state != "battery" && state != "charging" && state != "charged") || percent < 0 || percent > 100) {
    static bool logged = false;
    if (!std::exchange(logged, true)) logError("DAGVERK_TEST_POWER is not battery:N, charging:N, charged:N or ac");
    return b;
  }
  b.hasBattery = true;
  b.onBattery = state == "battery";
  b.percent = percent;
  return b;
}
} // namespace

BatteryReading readBattery() {
  if (const char* test = std::getenv("DAGVERK_TEST_POWER"); test && *test) return fromTestSetting(test);
  int percent = -1;
  BatteryReading b;
  switch (SDL_GetPowerInfo(nullptr, &percent)) {
  case SDL_POWERSTATE_ON_BATTERY: b.hasBattery = b.onBattery = true; break;
  case SDL_POWERSTATE_CHARGING:
  case SDL_POWERSTATE_CHARGED: b.hasBattery = true; break;
  default: return b; // unknown, or no battery: a desktop or a kiosk on mains only
  }
  if (percent >= 0) b.percent = percent;
  return b;
}

} // namespace dagverk::platform
