#pragma once
// Visits registered afterwards from a paper sheet (LateVisitRegistered), as the report's data
// quality section and `dagverk-central status` read them: per site and day, how many. The day
// is the one the visit counts on, read from the payload (the event's own local_date is the day
// it was entered).
#include "core/LocalTime.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::store {
class Database;
}

namespace dagverk::central {

struct LateVisitDayRow {
  std::string siteId;
  LocalDate day;
  std::int64_t visits = 0;
};

// Non-voided LateVisitRegistered whose day is in [from, to] (every day when nullopt), by site
// then day (LateVisitRows.cpp).
std::vector<LateVisitDayRow> readLateVisitDays(store::Database& db, std::optional<LocalDate> from,
                                               std::optional<LocalDate> to);

} // namespace dagverk::central
