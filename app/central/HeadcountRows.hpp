#pragma once
// Visitor tallies of the open meeting places, as the reports read them: one row per tally that
// no Corrected voids. No names: a tally never has any.
#include "core/Clock.hpp"
#include "core/LocalTime.hpp"

#include <string>
#include <vector>

namespace dagverk::store {
class Database;
}

namespace dagverk::central {

struct HeadcountRow {
  std::string siteId;
  std::string activityId; // empty: no activity
  UtcMs at = 0;           // when it was counted
  int count = 0;
};

// Non-voided HeadcountTallied of central's database whose local day of recording is in
// [from, to], oldest first (HeadcountReader.cpp).
std::vector<HeadcountRow> readHeadcounts(store::Database& db, LocalDate from, LocalDate to);

} // namespace dagverk::central
