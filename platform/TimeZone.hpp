#pragma once
// The process's time zone, read from the system's tz database (Debian: tzdata) through the C
// library. When a summer-time rule changes, a tzdata update carries it; no code changes.
// The zone is a setting: DAGVERK_TIME_ZONE names it, Europe/Stockholm (kSiteZone) otherwise.
#include "core/Error.hpp"
#include "core/TimeZoneRules.hpp"

#include <optional>
#include <string>

namespace dagverk::platform {

// The environment variable naming the zone; unset or empty means kSiteZone.
inline constexpr const char* kTimeZoneVariable = "DAGVERK_TIME_ZONE";

// A name the tz database does not have, or that is not a plain zone name ("Europe/Stockholm",
// "UTC", "Etc/GMT-1"). Swedish: "Okänd tidszon: <name>".
class UnknownTimeZone : public DagverkError {
public:
  UnknownTimeZone(const std::string& zone, const std::string& directory);
};

// Where zone files are read: $TZDIR when set (the tests point it at their own copy), else
// /usr/share/zoneinfo.
std::string timeZoneDirectory();

// The zone named by DAGVERK_TIME_ZONE, or kSiteZone.
std::string configuredTimeZoneName();

// Whether installTimeZone would take this name: a plain zone name with a zone file in
// timeZoneDirectory(). For checking a setting before it is stored; installs nothing.
bool timeZoneExists(const std::string& name);

// Loads the named zone and makes it the zone of the whole process: TZ names its file and
// tzset() runs, and app/core's time functions use it from then on (installTimeZoneRules).
// There is one zone per process; installing another replaces it for every caller.
// Not thread-safe, because it changes the environment: call it at the start of main, before
// any thread starts. Throws UnknownTimeZone, and leaves the installed zone as it was then.
const TimeZoneRules& installTimeZone(const std::string& name);

// The first line of every main: installs the configured zone. For an unknown one it prints
// "<program>: Okänd tidszon: <name>" on stderr, logs the English reason and returns false;
// main then exits 1.
bool installConfiguredTimeZone(const char* program);

// A zone stored in a program's own settings. DAGVERK_TIME_ZONE, when set, wins (tests and a
// one-off override pin the zone that way); otherwise the stored name is installed if it is not
// the installed zone already. Same thread rule as installTimeZone; throws UnknownTimeZone.
void installStoredTimeZone(const std::optional<std::string>& stored);

} // namespace dagverk::platform
