#pragma once
// Visitors at the open meeting places (träffpunkter), counted by tallies with no names: per
// site, weekday, time of day, activity and tertial. Built by buildHeadcounts
// (HeadcountSection.cpp) and laid out there as the report's section 6.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dagverk::report {

// Time of day by the local hour the tally was made: before 10, 10–12, 12–14, 14–16, 16–18, 18–.
inline constexpr size_t kHourBands = 6;

struct HeadcountScope {
  std::string siteId; // a site, or kUnitId
  std::string name;
  std::int64_t total = 0;
  std::array<std::int64_t, 7> byWeekday{};          // index 0 = Monday
  std::array<std::int64_t, kHourBands> byHourBand{}; // see kHourBands
  std::map<std::string, std::int64_t> byActivity;    // activity id ("" for none) -> visitors
  std::map<std::string, std::int64_t> byTertial;     // tertial key ("2026-1") -> visitors
};

struct HeadcountFigures {
  std::vector<HeadcountScope> sites; // sites with at least one tally, in the report's order
  HeadcountScope unit;               // the whole unit (not in a site's own report)
  std::vector<std::string> tertials; // keys of the tertials the period touches, in order
  std::map<std::string, std::string> activityNames; // activity id -> name (roster)
};

} // namespace dagverk::report
