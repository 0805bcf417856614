#pragma once
// The rules of the site's time zone: how a UTC instant reads on the wall clock, and back.
// app/core never asks the OS: the rules are installed once at program start (platform/TimeZone
// reads them from the system's tz database), so a change in the summer-time rule arrives with a
// tzdata update, not with a code change.
#include "core/Clock.hpp"
#include "core/LocalTime.hpp"

#include <stdexcept>
#include <string>

namespace dagverk {

// A wall time and the zone's offset from UTC at that instant.
struct ZonedDateTime {
  LocalDateTime local;
  int offsetSeconds = 0; // east of UTC: 3600 for CET, 7200 for CEST
};

class TimeZoneRules {
public:
  virtual ~TimeZoneRules() = default;
  // The tz database name, e.g. "Europe/Stockholm".
  virtual const std::string& name() const = 0;
  // The wall time at instant t (milliseconds are dropped, rounding towards the past).
  virtual ZonedDateTime toLocal(UtcMs t) const = 0;
  // The instant a wall time names. Where the clocks change it is not one instant:
  // - a wall time that happens twice (clocks go back) is the first of the two;
  // - a wall time that never happens (clocks go forward) is read with the offset in force
  //   before the change, so it lands as far past the change as it is past the skipped start
  //   (in Stockholm, 02:30 on the spring Sunday is 03:30 summer time).
  // Fields out of range carry over (minute 90 is an hour and a half), as in plain arithmetic.
  virtual UtcMs toUtc(LocalDate d, int hour, int minute, int second) const = 0;
};

// Thrown when a time function runs before any rules are installed: computing UTC instead would
// put every record an hour or two off without anyone noticing.
class NoTimeZoneInstalled : public std::logic_error {
public:
  NoTimeZoneInstalled();
};

// Makes `rules` the ones every app/core time function uses. The rules must live until the
// program ends. Install before starting threads; reading them afterwards is thread-safe.
void installTimeZoneRules(const TimeZoneRules& rules);
// The installed rules; throws NoTimeZoneInstalled before the first install.
const TimeZoneRules& installedTimeZoneRules();
bool timeZoneRulesInstalled();

} // namespace dagverk
