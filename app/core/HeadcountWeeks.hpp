#pragma once
// The kiosk's "Statistik" view of an open meeting place: visitors per week over the last 8
// weeks, from the tallies of the site (those no Corrected voids).
#include "core/Event.hpp"
#include "core/LocalTime.hpp"

#include <cstdint>
#include <vector>

namespace dagverk {

struct HeadcountWeek {
  LocalDate from;             // the first of its 7 days
  std::int64_t visitors = 0;
};

// `weeks` blocks of 7 days from `from` (the statistics period's first day), oldest first; a
// tally counts in the block of the local day it was made. `events` may hold any kinds.
std::vector<HeadcountWeek> headcountWeeks(const std::vector<Event>& events, LocalDate from, int weeks = 8);

} // namespace dagverk
