// The kiosk's Statistik screen over a year at a 35-person site (the demo unit's Liljan): the
// figures as the kiosk computes them when the screen opens (computeSiteStatistics over the
// kiosk's own SQLite through store::KioskCountingSource, sessions, catalogue and complaints),
// beside a plain SQL count of the same attendance days on the same database in the same run.
// Medians.
//
//   bench_statistics [--quick] [--runs N] [--dir DIR] [--keep]
//   --quick   two months of history instead of a year (ctest smoke test)
#include "BenchUtil.hpp"
#include "KioskHistory.hpp"

#include "core/Period.hpp"
#include "core/SiteStatistics.hpp"
#include "platform/TimeZone.hpp"
#include "store/Complaints.hpp"
#include "store/CountingRows.hpp"
#include "store/Sessions.hpp"

#include <sqlite3.h>

using namespace dagverk;
using namespace dagverk::bench;

namespace {

// The baseline: one plain query for the period's attendance days (distinct participant and
// local day among check-ins), with the sqlite3 library on its own connection.
double plainCountMs(const fs::path& dbFile, UtcMs from, std::int64_t& rows) {
  sqlite3* db = nullptr;
  checkSqlite(db, sqlite3_open_v2(dbFile.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), "open");
  const std::int64_t t0 = monoNs();
  sqlite3_stmt* st = nullptr;
  checkSqlite(db,
              sqlite3_prepare_v2(db, "SELECT count(*) FROM (SELECT DISTINCT subject_id, "
                                     "date(recorded_utc / 1000, 'unixepoch', 'localtime') FROM event WHERE "
                                     "kind = 'CheckedIn' AND recorded_utc >= ?1)",
                                 -1, &st, nullptr),
              "prepare");
  sqlite3_bind_int64(st, 1, from);
  checkSqlite(db, sqlite3_step(st), "step");
  rows = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  const double ms = static_cast<double>(monoNs() - t0) / 1e6;
  sqlite3_close(db);
  return ms;
}

} // namespace

int main(int argc, char** argv) {
  try {
    platform::installTimeZone(kSiteZone);
    bool quick = false, keep = false;
    int runs = 15;
    fs::path dir;
    for (ArgReader a{argc, argv}; !a.done();) {
      const std::string arg = a.next();
      if (arg == "--quick") quick = true;
      else if (arg == "--keep") keep = true;
      else if (arg == "--runs") runs = static_cast<int>(a.number(arg));
      else if (arg == "--dir") dir = a.value(arg);
      else throw std::runtime_error("unknown argument " + arg);
    }
    ScratchDir scratch(dir.string(), "bench-statistics", keep);
    const int days = quick ? 60 : 365;
    const std::int64_t events = 35LL * 2 * days; // every participant in and out every day
    const Built built = buildKioskHistory(scratch.path() / "kiosk", events, false);
    std::printf("bench_statistics: Statistik (8 weeks) on a kiosk holding %d days at a 35-person site (%lld events, "
                "built in %.1f s)%s\n",
                days, static_cast<long long>(built.events), built.seconds, quick ? " [quick]" : "");

    platform::SystemClock clock;
    auto store = store::KioskStore::open(scratch.path() / "kiosk", clock);
    const std::string site = store->roster().boundSiteId();
    const LocalDate today = toStockholm(clock.nowUtc()).date;
    const StatisticsPeriod period = statisticsPeriod(today);
    const UtcMs from = fromStockholm(period.from, 0, 0);
    std::vector<double> ours, plain;
    std::int64_t plainRows = 0, attendance = 0;
    for (int r = 0; r < runs; ++r) {
      plain.push_back(plainCountMs(scratch.path() / "kiosk" / store::kDatabaseFileName, from, plainRows));
      const std::int64_t t0 = monoNs();
      // Exactly what the kiosk does when Statistik opens (KioskApp::refreshStatistics).
      const auto sessions = store::sessions(*store, site, from, fromStockholm(addDays(period.to, 1), 0, 0));
      store::KioskCountingSource rows(store->database());
      const StatisticsSite counted{site, store->roster().site(site).places,
                                   store::kioskRosterSpells(store->database(), site)};
      const SiteStatistics s = computeSiteStatistics(rows, counted, sessions, store->roster().activities(site),
                                                     store::complaints(*store), today);
      ours.push_back(static_cast<double>(monoNs() - t0) / 1e6);
      attendance = s.attendanceDays;
    }
    const double o = median(ours), p = median(plain);
    std::printf("  baseline: one plain SQL count of the period's attendance days (sqlite3): median %.2f ms (%lld days, "
                "%d runs)\n",
                p, static_cast<long long>(plainRows), runs);
    std::printf("  ours:     computeSiteStatistics over the kiosk's SQLite (AttendanceCount, sessions, complaints): "
                "median %.2f ms (%lld attendance days)\n",
                o, static_cast<long long>(attendance));
    std::printf("  ratio:    %.2fx the plain count\n", o / p);
    std::printf("goal: under 50 ms: %s\n", o < 50.0 ? "met" : "NOT met");
    if (attendance != plainRows) {
      std::fprintf(stderr, "bench_statistics: the two counts differ (%lld vs %lld)\n", static_cast<long long>(attendance),
                   static_cast<long long>(plainRows));
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_statistics: %s\n", e.what());
    return 1;
  }
}
