#pragma once
// How fast the kiosk's database grows, for the staff dashboard's storage headroom
// (core/PowerStatus.hpp: storageHeadroom).
#include "core/LocalTime.hpp"

#include <cstdint>

namespace dagverk::store {

class KioskStore;

struct StoreGrowth {
  std::uint64_t bytes = 0;          // the database file with its WAL
  std::int64_t events = 0;          // in the log
  std::int64_t eventsInWindow = 0;  // recorded in the last kGrowthWindowDays days
};

StoreGrowth measureGrowth(const KioskStore& store, UtcMs now);

} // namespace dagverk::store
