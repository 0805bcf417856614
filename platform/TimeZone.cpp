#include "platform/TimeZone.hpp"

#include "core/LocalTime.hpp"
#include "platform/Log.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <exception>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <system_error>

namespace dagverk::platform {

namespace {

constexpr const char* kSystemZoneDirectory = "/usr/share/zoneinfo";
constexpr std::int64_t kSecondsPerDay = 86'400;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// A zone name is a relative path of plain components. That keeps a name from leaving the zone
// directory ("..", "/etc/passwd"), and keeps out POSIX rule strings ("CET-1CEST,M3.5.0,…") and
// the ":file" form: the C library would take those without a zone file, and an unknown name it
// silently reads as UTC. "right/…" zones count leap seconds, which Unix time does not.
bool isPlainZoneName(const std::string& name) {
  if (name.empty() || name.size() > 200 || name.rfind("right/", 0) == 0) return false;
  size_t start = 0;
  while (start <= name.size()) {
    const size_t slash = std::min(name.find('/', start), name.size());
    const std::string part = name.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    for (char c : part) {
      const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                      c == '-' || c == '+';
      if (!ok) return false;
    }
    start = slash + 1;
  }
  return true;
}

// Only the four-byte mark every compiled zone file starts with: the C library reads the rest.
// It refuses the directory's other files (zone.tab, iso3166.tab, tzdata.zi) and directories.
bool isZoneFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, sizeof magic);
  return in.good() && std::memcmp(magic, "TZif", sizeof magic) == 0;
}

// The zone of the process (TZ), seen through localtime_r. localtime_r is thread-safe and does
// not re-read TZ; only installTimeZone changes the zone, before threads start.
class ProcessTimeZone final : public TimeZoneRules {
public:
  const std::string& name() const override { return name_; }
  void rename(std::string name) { name_ = std::move(name); }

  ZonedDateTime toLocal(UtcMs t) const override {
    const std::tm tm = localTm(floorDiv(t, 1000));
    ZonedDateTime z;
    z.local.date = LocalDate{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    z.local.hour = tm.tm_hour;
    z.local.minute = tm.tm_min;
    z.local.second = tm.tm_sec;
    z.local.isoWeekday = tm.tm_wday == 0 ? 7 : tm.tm_wday;
    z.offsetSeconds = static_cast<int>(tm.tm_gmtoff);
    return z;
  }

  UtcMs toUtc(LocalDate d, int hour, int minute, int second) const override {
    // The wall time read as if it were UTC; the instant is that minus the offset in force then.
    const std::int64_t wall = static_cast<std::int64_t>(daysFromCivil(d)) * kSecondsPerDay +
                              std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second;
    // Offsets a day either side: no zone changes its clocks twice within two days, so these are
    // the offsets before and after any change near this wall time (equal when there is none).
    const int before = offsetAt(wall - kSecondsPerDay);
    const int after = offsetAt(wall + kSecondsPerDay);
    std::optional<std::int64_t> first;
    for (const int offset : {before, after}) {
      const std::int64_t candidate = wall - offset;
      if (offsetAt(candidate) == offset && (!first || candidate < *first)) first = candidate;
      if (before == after) break;
    }
    // No candidate: the wall time falls in the gap when the clocks go forward.
    return (first ? *first : wall - before) * 1000;
  }

private:
  static std::tm localTm(std::int64_t seconds) {
    const auto t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    if (static_cast<std::int64_t>(t) != seconds || ::localtime_r(&t, &tm) == nullptr)
      throw std::range_error("time outside the C library's range: " + std::to_string(seconds) + " s");
    return tm;
  }

  static int offsetAt(std::int64_t seconds) { return static_cast<int>(localTm(seconds).tm_gmtoff); }

  std::string name_;
};

// Never destroyed: a worker thread may still convert a time while the program exits.
ProcessTimeZone& processZone() {
  static auto* zone = new ProcessTimeZone();
  return *zone;
}

} // namespace

UnknownTimeZone::UnknownTimeZone(const std::string& zone, const std::string& directory)
    : DagverkError(ErrorCode::BadInput, "Okänd tidszon: " + zone,
                   "unknown time zone \"" + zone + "\" (" + kTimeZoneVariable + "): no zone file of that name in " +
                       directory + "; is tzdata installed?") {}

std::string timeZoneDirectory() {
  const char* dir = std::getenv("TZDIR");
  return (dir != nullptr && *dir != '\0') ? std::string(dir) : std::string(kSystemZoneDirectory);
}

std::string configuredTimeZoneName() {
  const char* name = std::getenv(kTimeZoneVariable);
  return (name != nullptr && *name != '\0') ? std::string(name) : std::string(kSiteZone);
}

bool timeZoneExists(const std::string& name) {
  return isPlainZoneName(name) && isZoneFile(timeZoneDirectory() + "/" + name);
}

const TimeZoneRules& installTimeZone(const std::string& name) {
  const std::string directory = timeZoneDirectory();
  const std::string file = directory + "/" + name;
  if (!isPlainZoneName(name) || !isZoneFile(file)) throw UnknownTimeZone(name, directory);
  // TZ names the checked file itself (":/path"), so the C library loads exactly that file and
  // never falls back to UTC on a name it does not find.
  if (::setenv("TZ", (":" + file).c_str(), 1) != 0)
    throw std::system_error(errno, std::generic_category(), "setenv TZ");
  ::tzset();
  ProcessTimeZone& zone = processZone();
  zone.rename(name);
  installTimeZoneRules(zone);
  return zone;
}

bool installConfiguredTimeZone(const char* program) {
  try {
    installTimeZone(configuredTimeZoneName());
    return true;
  } catch (const DagverkError& e) {
    std::fprintf(stderr, "%s: %s\n", program, e.swedish().c_str());
    logError(e.english());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", program, e.what());
    logError(std::string("time zone: ") + e.what());
  }
  return false;
}

void installStoredTimeZone(const std::optional<std::string>& stored) {
  const char* fixed = std::getenv(kTimeZoneVariable);
  if ((fixed && *fixed) || !stored || stored->empty()) return;
  if (*stored == installedTimeZoneRules().name()) return;
  installTimeZone(*stored);
}

} // namespace dagverk::platform
