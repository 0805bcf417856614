#include "store/StoreGrowth.hpp"

#include "core/PowerStatus.hpp"
#include "platform/FileSystem.hpp"
#include "store/Database.hpp"
#include "store/KioskStore.hpp"

namespace dagverk::store {

StoreGrowth measureGrowth(const KioskStore& store, UtcMs now) {
  StoreGrowth g;
  const auto& file = store.database().file();
  for (const char* suffix : {"", "-wal"}) {
    const std::filesystem::path p = file.string() + suffix;
    if (platform::fileExists(p)) g.bytes += static_cast<std::uint64_t>(platform::fileSize(p));
  }
  g.events = store.events().count();
  Statement recent(store.database(), "SELECT count(*) FROM event WHERE recorded_utc >= ?1");
  recent.bind(1, now - static_cast<std::int64_t>(kGrowthWindowDays) * 24 * 60 * 60 * 1000);
  g.eventsInWindow = recent.step() ? recent.integer(0) : 0;
  return g;
}

} // namespace dagverk::store
