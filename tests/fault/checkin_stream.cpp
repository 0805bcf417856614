// checkin_stream DATADIR: opens the store and checks the bound site's participants in and out,
// forever, printing "<event id> <seq> <kind> <participant>" after each call has returned (that
// is, after the event is durable). The fault test kills it with SIGKILL at random points.
#include "core/Error.hpp"
#include "core/Event.hpp"
#include "store/KioskStore.hpp"
#include "core/LocalTime.hpp"
#include "platform/TimeZone.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  using namespace dagverk;
  if (argc != 2) {
    std::fprintf(stderr, "usage: checkin_stream DATADIR\n");
    return 2;
  }
  // The zone (and the zone files) come from the test that starts this program.
  if (!platform::installConfiguredTimeZone("checkin_stream")) return 1;
  // A fixed working day: the stream never crosses midnight, so no day rollover interferes.
  ManualClock clock(fromStockholm({2026, 11, 23}, 9, 0));
  try {
    auto store = store::KioskStore::open(argv[1], clock);
    // Each run starts its fixed clock again: first move it past a visit an earlier, killed run
    // left open, as real time would have moved on, or its check-out would come before it.
    UtcMs latest = clock.nowUtc();
    for (const auto& [id, visit] : store->presence().openVisits()) latest = std::max(latest, visit.since);
    clock.set(latest);
    const auto people = store->roster().participants(store->roster().boundSiteId());
    if (people.empty()) {
      std::fprintf(stderr, "checkin_stream: no participants\n");
      return 1;
    }
    for (;;) {
      for (const auto& p : people) {
        // In, then out; a person left checked in by an earlier, killed run is checked out first.
        const bool leftOver = store->presence().isPresent(p.id);
        for (int k = leftOver ? 0 : 1; k < 3; ++k) {
          clock.advanceMs(1);
          const Event e = (k == 1) ? store::perform(*store, cmd::CheckIn{p.id, std::nullopt}).front() : store::perform(*store, cmd::CheckOut{p.id, std::nullopt}).front();
          std::printf("%s %lld %s %s\n", e.id.c_str(), static_cast<long long>(e.seq), kindOf(e.payload),
                      p.id.c_str());
          std::fflush(stdout);
        }
      }
    }
  } catch (const DagverkError& e) {
    std::fprintf(stderr, "checkin_stream: %s\n", e.english());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "checkin_stream: %s\n", e.what());
    return 1;
  }
}
