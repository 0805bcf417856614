// bench_open: what the damage check at open costs.
//
// Builds a kiosk data directory with the demo unit and N events (50,000 and 1,000,000 by
// default), then alternately times, in this process and with a warm page cache:
//   baseline: sqlite3_open_v2 + the first read (the schema and one event row) + close;
//   check:    the same open and first read + PRAGMA quick_check (what the check adds);
//   ours:     KioskStore::open + close (the store's whole open; it runs the check only up to
//             store::kCheckAtOpenMaxBytes, a larger file is checked before each sync instead).
// Figures are medians in milliseconds; the ratio is ours / baseline.
#include "BenchUtil.hpp"
#include "KioskHistory.hpp"

#include "core/Event.hpp"
#include "core/Ids.hpp"
#include "core/LocalTime.hpp"
#include "platform/SystemClock.hpp"
#include "platform/TimeZone.hpp"
#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#include <sqlite3.h>

#include <array>
#include <random>

namespace {

using namespace dagverk;
using namespace dagverk::bench;


double msSince(std::int64_t t0) { return static_cast<double>(monoNs() - t0) / 1e6; }

// sqlite3_open_v2, the schema and the first event read, and (if `quickCheck`) PRAGMA
// quick_check; milliseconds including the close.
double timeRawOpen(const fs::path& file, bool quickCheck) {
  const std::int64_t t0 = monoNs();
  sqlite3* db = nullptr;
  checkSqlite(db, sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), "open");
  auto one = [&](const char* sql, const char* expect) {
    sqlite3_stmt* st = nullptr;
    checkSqlite(db, sqlite3_prepare_v2(db, sql, -1, &st, nullptr), "prepare");
    const int rc = sqlite3_step(st);
    checkSqlite(db, rc, sql);
    const auto* t = sqlite3_column_text(st, 0);
    const bool ok = !expect || (t && std::string(reinterpret_cast<const char*>(t)) == expect);
    sqlite3_finalize(st);
    if (!ok) throw std::runtime_error(std::string(sql) + " did not return " + expect);
  };
  one("SELECT count(*) FROM sqlite_master", nullptr);
  one("SELECT payload FROM event LIMIT 1", nullptr);
  if (quickCheck) one("PRAGMA quick_check", "ok");
  sqlite3_close(db);
  return msSince(t0);
}

double timeStoreOpen(const fs::path& dir, const Clock& clock) {
  const std::int64_t t0 = monoNs();
  store::KioskStore::open(dir, clock);
  return msSince(t0);
}

struct Row {
  std::int64_t events;
  double mb;
  double base, check, ours;
};

Row measure(const fs::path& root, std::int64_t events, long runs) {
  const fs::path dir = root / ("data-" + std::to_string(events));
  const std::int64_t t0 = monoNs();
  buildKioskHistory(dir, events, false);
  const fs::path file = dir / store::kDatabaseFileName;
  const double mb = static_cast<double>(fs::file_size(file)) / (1024.0 * 1024.0);
  std::printf("\n%lld events: %.1f MiB, built in %.1f s\n", static_cast<long long>(events), mb, msSince(t0) / 1000);
  platform::SystemClock clock;
  timeRawOpen(file, true); // warm the page cache, untimed
  timeStoreOpen(dir, clock);
  std::vector<double> b, c, o;
  std::printf("run  baseline ms  +quick_check ms  KioskStore::open ms\n");
  for (long i = 0; i < runs; ++i) {
    // The order rotates, so the page cache and the disk treat each side alike.
    double tb = 0, tc = 0, to = 0;
    for (int k = 0; k < 3; ++k) {
      switch ((k + i) % 3) {
      case 0: tb = timeRawOpen(file, false); break;
      case 1: tc = timeRawOpen(file, true); break;
      default: to = timeStoreOpen(dir, clock); break;
      }
    }
    b.push_back(tb);
    c.push_back(tc);
    o.push_back(to);
    std::printf("%3ld  %11.2f  %15.2f  %19.2f\n", i + 1, tb, tc, to);
  }
  std::fflush(stdout);
  fs::remove_all(dir);
  return {events, mb, median(b), median(c), median(o)};
}

int run(int argc, char** argv) {
  long runs = 7;
  bool quick = false, keep = false;
  std::string dirArg;
  std::vector<std::int64_t> sizes = {50'000, 1'000'000};
  ArgReader a{argc, argv};
  while (!a.done()) {
    const std::string o = a.next();
    if (o == "--quick") quick = true;
    else if (o == "--runs") runs = a.number(o);
    else if (o == "--events") sizes = {a.number(o)};
    else if (o == "--dir") dirArg = a.value(o);
    else if (o == "--keep") keep = true;
    else {
      std::fprintf(stderr, "usage: bench_open [--quick] [--runs N] [--events N] [--dir D] [--keep]\n");
      return 2;
    }
  }
  if (quick) {
    runs = 3;
    sizes = {2000};
  }
  ScratchDir scratch(dirArg, "bench-open", keep);
  std::printf("bench_open: the damage check (PRAGMA quick_check) at open%s\n", quick ? " [quick]" : "");
  std::printf("directory: %s (%s), warm page cache, %ld runs per size, order rotating\n", scratch.path().c_str(),
              fileSystemName(scratch.path()), runs);
  std::printf("baseline:  sqlite3_open_v2 + first read (schema, first event) + close\n");
  std::printf("check:     the same + PRAGMA quick_check\n");
  std::printf("ours:      KioskStore::open (quick_check up to %lld MiB, WAL set-up, migrations, rooms) + close\n",
              static_cast<long long>(store::kCheckAtOpenMaxBytes >> 20));
  std::fflush(stdout);
  std::vector<Row> rows;
  for (const auto n : sizes) rows.push_back(measure(scratch.path(), n, runs));

  std::printf("\n    events     MiB  baseline ms  +quick_check ms  KioskStore::open ms  ours/baseline\n");
  for (const auto& r : rows)
    std::printf("%10lld  %6.1f  %11.2f  %15.2f  %19.2f  %12.1fx\n", static_cast<long long>(r.events), r.mb, r.base,
                r.check, r.ours, r.ours / r.base);
  std::printf("\ngoal: KioskStore::open median <= 1000 ms at every size:");
  bool met = true;
  for (const auto& r : rows) met = met && r.ours <= 1000;
  std::printf(" %s\n", met ? "met" : "MISSED");
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  if (!dagverk::platform::installConfiguredTimeZone("bench_open")) return 1;
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_open: %s\n", e.what());
    return 1;
  }
}
