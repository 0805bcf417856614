// A program that forgets to install a time zone: app/core's time functions must throw
// NoTimeZoneInstalled rather than quietly compute UTC. Exit 0 when every one of them threw.
#include "core/LocalTime.hpp"
#include "core/TimeZoneRules.hpp"

#include <cstdio>

namespace {
template <class F> bool throwsNoZone(const char* what, F&& f) {
  try {
    f();
  } catch (const dagverk::NoTimeZoneInstalled& e) {
    std::printf("%s: %s\n", what, e.what());
    return true;
  }
  std::printf("%s: did not throw\n", what);
  return false;
}
} // namespace

int main() {
  using namespace dagverk;
  bool ok = !timeZoneRulesInstalled();
  ok = throwsNoZone("toStockholm", [] { toStockholm(0); }) && ok;
  ok = throwsNoZone("fromStockholm", [] { fromStockholm({2026, 11, 23}, 9, 0); }) && ok;
  ok = throwsNoZone("stockholmOffsetMinutes", [] { stockholmOffsetMinutes(0); }) && ok;
  ok = throwsNoZone("installedTimeZoneRules", [] { installedTimeZoneRules(); }) && ok;
  // Calendar arithmetic needs no zone.
  ok = daysFromCivil({1970, 1, 2}) == 1 && ok;
  return ok ? 0 : 1;
}
