#pragma once
// What the kiosk knows about its battery and its data disk, and the rules that turn it into
// warnings: read by platform/ (SDL_GetPowerInfo, statvfs), judged here, shown by the staff
// dashboard and the home screen.
#include <cstdint>
#include <optional>

namespace dagverk {

// At this charge or less, on battery, the kiosk checkpoints its database and warns staff.
inline constexpr int kLowBatteryPercent = 10;
// Under this share of the data disk free, the staff dashboard warns.
inline constexpr double kLowStorageFraction = 0.10;
// The rate of writing is measured over this many recent days.
inline constexpr int kGrowthWindowDays = 14;

struct BatteryReading {
  bool hasBattery = false;
  bool onBattery = false;            // discharging: no charger connected
  std::optional<int> percent;        // when the system reports one
};

struct DiskSpace {
  std::uint64_t freeBytes = 0;  // available to this (unprivileged) user
  std::uint64_t totalBytes = 0;
};

bool batteryLow(const BatteryReading& b);

// True exactly once each time the battery goes low (on battery, at or under the threshold);
// charging or a charge above the threshold arms it again.
class LowBatteryCrossing {
public:
  bool update(const BatteryReading& b);

private:
  bool low_ = false;
};

struct StorageHeadroom {
  int freePercent = 0;
  std::optional<int> daysLeft; // none: nothing written in the window, so no rate to go by
  bool low = false;            // under kLowStorageFraction free
};

// Days of headroom = free bytes / bytes written per day, where bytes per day is the store's
// size per event times the events of the last kGrowthWindowDays days per day. The store grows
// with its events (the log, its indexes and projections), and the recent days say how busy the
// site is now, not how busy it was over a whole history.
StorageHeadroom storageHeadroom(const DiskSpace& disk, std::uint64_t storeBytes, std::int64_t eventsTotal,
                                std::int64_t eventsInWindow);

} // namespace dagverk
