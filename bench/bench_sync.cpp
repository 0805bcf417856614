// bench_sync: a synthetic year through the weekly sync and the central import.
//
// The year: 9 sites, 129 participants, 250 weekdays. Each site has one kiosk (a real KioskStore
// on disk). Every day each expected participant checks in (about 1 in 10 is away), one activity
// session is logged for the ones present, everyone checks out, and every 10th day a complaint
// is registered. Events are appended untimed (EventLog::appendAll, one transaction per moment
// of the day).
//
// Export: every Friday each kiosk runs the real kiosk sync (sync::runSync: one sealed, signed
// batch of every unacknowledged event, written with O_EXCL + fsync + rename, then its manifest,
// re-read and verified). Timed: the runSync calls only. The receipt of each batch is applied
// between weeks (untimed), as if central had imported it, so each weekly batch holds one week.
//
// Import: the whole share into a fresh central database with central::runImport (manifest,
// size, SHA-256, signature, decryption, one transaction per batch, receipts). Baseline in the
// same run: the same rows (same 14 columns) inserted with one prepared statement in one
// transaction into a fresh central database's event table (its indexes and trigger included).
// Re-import: runImport again on the same share and database (every batch known: skipped by
// batch id + SHA-256 without decrypting). Goals: import >= 0.5x the raw rate; re-import >= 20x
// faster than the first import. Medians over the runs.
#include "BenchUtil.hpp"

#include "central/Admin.hpp"
#include "central/CentralStore.hpp"
#include "central/Enrol.hpp"
#include "store/Database.hpp"
#include "core/Event.hpp"
#include "central/Import.hpp"
#include "store/KioskStore.hpp"
#include "sync/KioskEnrolment.hpp"
#include "sync/KioskSync.hpp"
#include "core/LocalTime.hpp"
#include "platform/Log.hpp"
#include "core/RosterCsv.hpp"
#include "platform/TimeZone.hpp"

#include <sqlite3.h>

#include <map>
#include <memory>
#include <random>

namespace {

using namespace dagverk;
using namespace dagverk::bench;

struct Config {
  int sites = 9;
  int participants = 129;
  int days = 250;
  int exportRuns = 3;
  int importRuns = 5;
};

struct Year {
  std::string sitesCsv, participantsCsv, activitiesCsv, staffCsv;
  std::vector<std::string> siteIds;
};

Year makeRoster(const Config& c) {
  Year y;
  y.sitesCsv = "site_id,name,places,opens,closes\n";
  y.activitiesCsv = "activity_id,site_id,name,category\n";
  for (int s = 0; s < c.sites; ++s) {
    const std::string id = "site" + std::to_string(s + 1);
    y.siteIds.push_back(id);
    y.sitesCsv += id + ",Verksamhet " + std::to_string(s + 1) + ",20,08:00,16:00\n";
    for (int a = 0; a < 3; ++a)
      y.activitiesCsv += id + "-a" + std::to_string(a) + "," + id + ",Aktivitet " + std::to_string(a) + ",Skapande\n";
  }
  y.participantsCsv = "participant_id,site_id,first_name,initial,weekdays,photo\n";
  for (int p = 0; p < c.participants; ++p) {
    char id[16];
    std::snprintf(id, sizeof id, "P%04d", p + 1);
    y.participantsCsv += std::string(id) + "," + y.siteIds[static_cast<size_t>(p % c.sites)] + ",Deltagare,A," +
                         (p % 4 == 0 ? "1234" : "12345") + ",\n";
  }
  y.staffCsv = "staff_id,site_id,first_name,initial,role,pin_hash\n";
  return y;
}

// A working day's moments in Stockholm time.
UtcMs at(LocalDate d, int hour, int minute) { return fromStockholm(d, hour, minute); }

struct ExportResult {
  double seconds = 0; // runSync calls only
  std::int64_t events = 0;
  std::int64_t batches = 0;
};

// Builds the kiosks and the share in `dir`, lives through the year, and times the weekly syncs.
ExportResult liveTheYear(const Config& c, const Year& y, const fs::path& dir) {
  const fs::path share = dir / "share", keys = dir / "keys";
  fs::create_directories(share);
  central::initShare(share, keys, "Benchenheten");
  RosterFiles roster = parseRosterCsv(y.sitesCsv, y.participantsCsv, y.activitiesCsv);
  parseStaffCsv(y.staffCsv, roster);

  ManualClock clock(at({2025, 1, 6}, 7, 0));
  struct Kiosk {
    std::string site;
    fs::path dataDir;
    std::unique_ptr<store::KioskStore> store;
    std::vector<const Participant*> people;
  };
  std::vector<Kiosk> kiosks;
  for (const auto& site : y.siteIds) {
    Kiosk k;
    k.site = site;
    k.dataDir = dir / ("kiosk-" + site);
    k.store = store::KioskStore::createWithRoster(k.dataDir, clock, roster, site);
    // Enrolled by code as an admin does it (not timed): central's offer, the kiosk's answer.
    const auto offer = central::createEnrolmentOffer(share, keys, site, false, clock);
    sync::enrolKiosk(*k.store, k.dataDir, share, offer.code, clock);
    for (const auto& p : roster.participants)
      if (p.siteId == site) k.people.push_back(&p);
    kiosks.push_back(std::move(k));
  }

  for (const auto& o : central::acceptEnrolmentRequests(share, keys, clock))
    if (!o.accepted) throw std::runtime_error("enrolment refused: " + o.english);

  std::mt19937 rng(20251);
  ExportResult r;
  LocalDate day{2025, 1, 6}; // a Monday
  int workdays = 0;
  std::int64_t sessionNo = 0, complaintNo = 0;
  auto syncAll = [&] {
    for (auto& k : kiosks) {
      const std::int64_t t0 = monoNs();
      const auto res = sync::runSync(*k.store, k.dataDir, share, clock);
      r.seconds += static_cast<double>(monoNs() - t0) / 1e9;
      if (res.eventsSent == 0) continue;
      r.events += res.eventsSent;
      ++r.batches;
      // Central's receipt, as if it had imported the batch before next week's sync.
      const auto batches = k.store->ledger().batches();
      k.store->ledger().acknowledgeBatch(batches.back().batchId, batches.back().sha256, clock.nowUtc());
    }
  };
  while (workdays < c.days) {
    const int wd = isoWeekday(day);
    if (wd <= 5) {
      ++workdays;
      for (auto& k : kiosks) {
        std::vector<EventPayload> ins;
        std::vector<std::string> present;
        clock.set(at(day, 8, 30));
        for (const auto* p : k.people) {
          if (!p->expectedWeekdays[static_cast<size_t>(wd - 1)] || rng() % 10 == 0) continue;
          ins.push_back(CheckedIn{p->id, clock.nowUtc()});
          present.push_back(p->id);
        }
        const auto checkIns = k.store->events().appendAll(k.site, std::nullopt, std::move(ins));
        clock.set(at(day, 11, 30));
        ActivitySessionLogged s;
        s.sessionId = "session-" + std::to_string(++sessionNo);
        s.activityId = k.site + "-a" + std::to_string(workdays % 3);
        s.participantIds = present;
        s.start = at(day, 10, 0);
        s.end = at(day, 11, 30);
        std::vector<EventPayload> midday{s};
        if (workdays % 10 == static_cast<int>(&k - kiosks.data()) % 10) {
          ComplaintRegistered cr;
          cr.complaintId = "complaint-" + std::to_string(++complaintNo);
          cr.type = "synpunkt";
          cr.source = "brukare";
          cr.concerns = "aktiviteter";
          cr.receivedDate = formatIsoDate(day);
          cr.channel = "muntligt";
          midday.push_back(cr);
        }
        k.store->events().appendAll(k.site, std::nullopt, std::move(midday));
        clock.set(at(day, 15, 30));
        std::vector<EventPayload> outs;
        for (const auto& e : checkIns) {
          const auto& in = std::get<CheckedIn>(e.payload);
          outs.push_back(CheckedOut{in.participantId, clock.nowUtc(), false, e.id});
        }
        k.store->events().appendAll(k.site, std::nullopt, std::move(outs));
      }
    }
    if (wd == 5 || workdays == c.days) {
      clock.set(at(day, 16, 0));
      syncAll();
    }
    day = civilFromDays(daysFromCivil(day) + 1);
  }
  return r;
}

struct Row {
  std::vector<std::string> text; // columns as text (NULL as empty with flag)
  std::vector<bool> isNull;
};


void check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string("sqlite ") + what + ": " + sqlite3_errmsg(db));
}

std::vector<Row> readRows(const fs::path& db) {
  sqlite3* h = nullptr;
  check(h, sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), "open");
  sqlite3_stmt* st = nullptr;
  check(h, sqlite3_prepare_v2(h, "SELECT * FROM event ORDER BY rowid", -1, &st, nullptr), "prepare");
  std::vector<Row> rows;
  while (sqlite3_step(st) == SQLITE_ROW) {
    Row r;
    for (int i = 0; i < 14; ++i) {
      const auto* t = sqlite3_column_text(st, i);
      r.isNull.push_back(t == nullptr);
      r.text.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
    }
    rows.push_back(std::move(r));
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return rows;
}

// The baseline: one prepared INSERT, one transaction, into central's own event table (made,
// untimed, by central's migrations: the same indexes and trigger the import maintains), WAL +
// synchronous=NORMAL (the central store's setting), one fsync at the end like our durability
// barrier.
double rawInsert(const fs::path& file, const std::vector<Row>& rows) {
  central::CentralStore::open(file);
  const std::int64_t t0 = monoNs();
  sqlite3* h = nullptr;
  check(h, sqlite3_open_v2(file.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr), "open");
  check(h, sqlite3_exec(h, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr), "pragma");
  check(h, sqlite3_exec(h, "PRAGMA synchronous=FULL; BEGIN IMMEDIATE", nullptr, nullptr, nullptr), "begin");
  sqlite3_stmt* st = nullptr;
  check(h, sqlite3_prepare_v2(h, "INSERT INTO event VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)", -1, &st,
                              nullptr),
        "prepare");
  const std::array<bool, 14> integer = {false, false, true, true, false, false, false,
                                        false, false, false, true, false, false, true};
  for (const auto& r : rows) {
    for (int i = 0; i < 14; ++i) {
      const auto u = static_cast<size_t>(i);
      if (r.isNull[u])
        sqlite3_bind_null(st, i + 1);
      else if (integer[u])
        sqlite3_bind_int64(st, i + 1, std::stoll(r.text[u]));
      else
        sqlite3_bind_text(st, i + 1, r.text[u].data(), static_cast<int>(r.text[u].size()), SQLITE_STATIC);
    }
    check(h, sqlite3_step(st), "insert");
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  check(h, sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr), "commit");
  // Timed up to the durable commit, like ours (both leave the rows in the WAL).
  const double seconds = static_cast<double>(monoNs() - t0) / 1e9;
  sqlite3_close(h);
  return seconds;
}

void removeDb(const fs::path& f) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(f.string() + suffix);
}

} // namespace

int main(int argc, char** argv) {
  if (!dagverk::platform::installConfiguredTimeZone("bench_sync")) return 1;
  try {
    Config c;
    bool quick = false, keep = false;
    std::string dirArg;
    ArgReader args{argc, argv};
    while (!args.done()) {
      const std::string o = args.next();
      if (o == "--quick") quick = true;
      else if (o == "--runs") c.importRuns = static_cast<int>(args.number(o));
      else if (o == "--export-runs") c.exportRuns = static_cast<int>(args.number(o));
      else if (o == "--dir") dirArg = args.value(o);
      else if (o == "--days") c.days = static_cast<int>(args.number(o));
      else if (o == "--keep") keep = true;
      else {
        std::fprintf(stderr, "usage: bench_sync [--quick] [--days N] [--runs N] [--export-runs N] [--dir D] [--keep]\n");
        return 2;
      }
    }
    if (quick) {
      c.sites = 2;
      c.participants = 12;
      c.days = 8;
      c.exportRuns = 1;
      c.importRuns = 2;
    }
    // The per-batch log lines of the import would dominate the output; keep stderr for errors.
    ScratchDir scratch(dirArg, "bench-sync", keep);
    const Year year = makeRoster(c);
    std::printf("bench_sync: a synthetic year through the weekly sync and the central import%s\n",
                quick ? " [quick]" : "");
    std::printf("directory:  %s (%s)\n", scratch.path().c_str(), fileSystemName(scratch.path()));
    std::printf("year:       %d sites, %d participants, %d weekdays; weekly sync per kiosk\n\n", c.sites,
                c.participants, c.days);

    std::vector<double> exportRates;
    ExportResult last;
    fs::path lastDir;
    for (int run = 0; run < c.exportRuns; ++run) {
      const fs::path d = scratch.path() / ("export-" + std::to_string(run));
      fs::create_directories(d);
      const ExportResult e = liveTheYear(c, year, d);
      exportRates.push_back(static_cast<double>(e.events) / e.seconds);
      std::printf("export run %d: %lld events in %lld batches, %.3f s in runSync, %.0f events/s\n", run + 1,
                  static_cast<long long>(e.events), static_cast<long long>(e.batches), e.seconds,
                  exportRates.back());
      last = e;
      lastDir = d;
      if (run + 1 < c.exportRuns && !keep) fs::remove_all(d);
    }
    std::printf("export:     median %.0f events/s (runSync: seal + write + manifest + verify)\n\n",
                median(exportRates));

    const fs::path share = lastDir / "share", keys = lastDir / "keys";
    std::vector<double> ours, raw, reimport, oursNoReceipts;
    std::int64_t events = 0;
    for (int run = 0; run < c.importRuns; ++run) {
      const fs::path db = lastDir / "central.sqlite";
      const fs::path rawDb = lastDir / "raw.sqlite";
      removeDb(db);
      removeDb(rawDb);
      fs::remove_all(share / "receipts");
      fs::create_directories(share / "receipts");
      ManualClock clock(fromStockholm({2026, 1, 10}, 12, 0));
      double first = 0, again = 0;
      {
        const std::int64_t t0 = monoNs();
        auto store = central::CentralStore::open(db);
        const auto s = central::runImport(share, keys, *store, clock);
        first = static_cast<double>(monoNs() - t0) / 1e9;
        if (!s.ok() || s.batchesImported != last.batches)
          throw std::runtime_error("import did not take every batch: " + central::formatImportSummary(s));
        events = s.newEvents;
        oursNoReceipts.push_back(static_cast<double>(events) / (first - static_cast<double>(s.receiptMs) / 1000.0));
        const std::int64_t t1 = monoNs();
        const auto s2 = central::runImport(share, keys, *store, clock);
        again = static_cast<double>(monoNs() - t1) / 1e9;
        if (s2.batchesAlreadyImported != last.batches || s2.newEvents != 0)
          throw std::runtime_error("re-import changed something: " + central::formatImportSummary(s2));
      }
      const auto rows = readRows(db);
      const double base = rawInsert(rawDb, rows);
      ours.push_back(static_cast<double>(events) / first);
      raw.push_back(static_cast<double>(rows.size()) / base);
      reimport.push_back(first / again);
      std::printf("import run %d: ours %.3f s (%.0f events/s; %.0f without receipts), raw %.3f s (%.0f rows/s), "
                  "re-import %.4f s (%.0fx)\n",
                  run + 1, first, ours.back(), oursNoReceipts.back(), base, raw.back(), again, reimport.back());
    }
    const double o = median(ours), b = median(raw), ri = median(reimport);
    std::printf("\nevents:     %lld in %lld batches from %d kiosks\n", static_cast<long long>(events),
                static_cast<long long>(last.batches), c.sites);
    std::printf("baseline:   raw sqlite3 bulk insert, one transaction   %10.0f rows/s\n", b);
    std::printf("ours:       central::runImport (verify, decrypt, import, receipts) %10.0f events/s\n", o);
    std::printf("ours without the receipt files (%lld fsynced writes on the share)   %10.0f events/s\n",
                static_cast<long long>(last.batches), median(oursNoReceipts));
    std::printf("ratio ours/raw: %.2f  goal >= 0.50: %s   (without receipts: %.2f)\n", o / b,
                o / b >= 0.5 ? "met" : "MISSED", median(oursNoReceipts) / b);
    std::printf("re-import speed-up: %.1fx  goal >= 20x: %s\n", ri, ri >= 20 ? "met" : "MISSED");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_sync: %s\n", e.what());
    return 1;
  }
}
