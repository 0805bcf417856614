#include "core/PowerStatus.hpp"

#include <algorithm>
#include <cmath>

namespace dagverk {

bool batteryLow(const BatteryReading& b) {
  return b.hasBattery && b.onBattery && b.percent && *b.percent <= kLowBatteryPercent;
}

bool LowBatteryCrossing::update(const BatteryReading& b) {
  const bool low = batteryLow(b);
  const bool crossed = low && !low_;
  low_ = low;
  return crossed;
}

StorageHeadroom storageHeadroom(const DiskSpace& disk, std::uint64_t storeBytes, std::int64_t eventsTotal,
                                std::int64_t eventsInWindow) {
  StorageHeadroom h;
  const double fraction =
      disk.totalBytes > 0 ? static_cast<double>(disk.freeBytes) / static_cast<double>(disk.totalBytes) : 0.0;
  h.freePercent = static_cast<int>(std::floor(fraction * 100.0));
  h.low = fraction < kLowStorageFraction;
  if (eventsTotal > 0 && eventsInWindow > 0) {
    const double bytesPerEvent = static_cast<double>(storeBytes) / static_cast<double>(eventsTotal);
    const double perDay = bytesPerEvent * static_cast<double>(eventsInWindow) / kGrowthWindowDays;
    if (perDay > 0) h.daysLeft = static_cast<int>(std::min(static_cast<double>(disk.freeBytes) / perDay, 99999.0));
  }
  return h;
}

} // namespace dagverk
