#pragma once
// The battery and the data disk, read at start and once a minute from the kiosk loop: the
// staff dashboard shows both, and when the battery goes low the database is checkpointed once,
// so that what a flat battery cuts off is as little as possible.
#include "core/PowerStatus.hpp"
#include "store/KioskStore.hpp"

#include <filesystem>
#include <optional>

namespace dagverk::kiosk {

class PowerWatch {
public:
  struct Reading {
    BatteryReading battery;
    std::optional<StorageHeadroom> storage; // none when the disk cannot be asked
  };
  // Reads both; on the reading that first finds the battery low, checkpoints the store (the
  // WAL is copied into the database file and truncated) and logs it.
  Reading poll(store::KioskStore& store, const std::filesystem::path& dataDir);
  int lowBatteryCheckpoints() const { return checkpoints_; }

private:
  LowBatteryCrossing crossing_;
  int checkpoints_ = 0;
};

} // namespace dagverk::kiosk
