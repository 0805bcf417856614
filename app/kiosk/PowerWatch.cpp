#include "kiosk/PowerWatch.hpp"

#include "core/Error.hpp"
#include "platform/DiskSpace.hpp"
#include "platform/Log.hpp"
#include "platform/PowerInfo.hpp"
#include "store/Database.hpp"
#include "store/StoreGrowth.hpp"

namespace dagverk::kiosk {

PowerWatch::Reading PowerWatch::poll(store::KioskStore& store, const std::filesystem::path& dataDir) {
  Reading r;
  r.battery = platform::readBattery();
  if (crossing_.update(r.battery)) {
    ++checkpoints_;
    try {
      // TRUNCATE, not the minute's PASSIVE: everything goes into the database file itself and
      // the WAL is left empty, the state a cut-off kiosk restarts from fastest.
      store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
      platform::logInfo("battery at " + std::to_string(r.battery.percent.value_or(-1)) +
                        " %, on battery: database checkpointed");
    } catch (const DagverkError& e) {
      platform::logError(std::string("low-battery checkpoint failed: ") + e.english());
    }
  }
  if (const auto disk = platform::diskSpaceOf(dataDir)) {
    try {
      const auto g = store::measureGrowth(store, store.clock().nowUtc());
      r.storage = storageHeadroom(*disk, g.bytes, g.events, g.eventsInWindow);
    } catch (const DagverkError& e) {
      platform::logError(std::string("storage headroom: ") + e.english());
    }
  }
  return r;
}

} // namespace dagverk::kiosk
