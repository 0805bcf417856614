// Registering a day afterwards from the paper sheet: a full 35-person day (Liljan of the demo
// unit, everyone with an arrival and a departure) saved in one "Spara", as the Efterregistrera
// screen sends it — store::perform(cmd::RegisterLate) with its checks inside the transaction —
// beside plain inserts of the same event rows into raw SQLite (WAL, synchronous=FULL, the
// kiosk's event table) in one transaction, in the same run. Medians.
//
// A late visit is one event (LateVisitRegistered, arrival and departure in it), so a 35-person
// sheet writes 35 rows; the second baseline inserts 70 (a check-in/check-out pair per person),
// for comparison with a representation that would write a pair.
//
//   bench_late [--quick] [--runs N] [--dir DIR] [--keep]
//   --quick   3 runs (ctest smoke test)
#include "BenchUtil.hpp"
#include "KioskHistory.hpp"

#include "platform/SystemClock.hpp"
#include "platform/TimeZone.hpp"
#include "store/DemoUnit.hpp"
#include "store/EventLog.hpp"
#include "store/EventTable.hpp"
#include "store/KioskStore.hpp"
#include "store/Perform.hpp"

#include <sqlite3.h>

using namespace dagverk;
using namespace dagverk::bench;

namespace {

// The kiosk's event table and its indexes, as app/store/Migrations.cpp makes them.
constexpr const char* kRawSchema = DAGVERK_CREATE_EVENT_TABLE_SQL("") R"SQL(
CREATE INDEX event_site_kind ON event(site_id, kind);
CREATE INDEX event_subject ON event(subject_id);
CREATE INDEX event_site_recorded ON event(site_id, recorded_utc);
)SQL";

class RawLog {
public:
  explicit RawLog(const fs::path& file) {
    checkSqlite(db_, sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr), "open");
    checkSqlite(db_, sqlite3_exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", nullptr, nullptr, nullptr),
                "pragmas");
    checkSqlite(db_, sqlite3_exec(db_, kRawSchema, nullptr, nullptr, nullptr), "schema");
    const std::string insert = "INSERT INTO event(" + std::string(store::kEventColumns) +
                               ") VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)";
    checkSqlite(db_, sqlite3_prepare_v2(db_, insert.c_str(), -1, &insert_, nullptr), "prepare");
  }
  ~RawLog() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
  }
  RawLog(const RawLog&) = delete;
  RawLog& operator=(const RawLog&) = delete;

  // All rows in one BEGIN IMMEDIATE … COMMIT; `copies` times each, with fresh ids and
  // sequence numbers. Returns milliseconds.
  double insert(const std::vector<EventRow>& rows, int copies) {
    std::vector<EventRow> batch;
    for (int c = 0; c < copies; ++c)
      for (auto r : rows) {
        r.id = std::to_string(++next_) + "-" + r.id;
        r.seq = next_;
        batch.push_back(std::move(r));
      }
    const std::int64_t t0 = monoNs();
    checkSqlite(db_, sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), "begin");
    for (const auto& r : batch) {
      int i = 1;
      const auto text = [&](const std::string& s) { sqlite3_bind_text(insert_, i++, s.c_str(), -1, SQLITE_TRANSIENT); };
      text(r.id);
      text(r.deviceId);
      sqlite3_bind_int64(insert_, i++, r.seq);
      sqlite3_bind_int64(insert_, i++, r.recordedUtc);
      text(r.zone);
      text(r.siteId);
      if (r.actorStaffId) text(*r.actorStaffId);
      else sqlite3_bind_null(insert_, i++);
      text(r.kind);
      text(r.subjectId);
      text(r.payloadJson);
      sqlite3_bind_int(insert_, i++, r.schemaVersion);
      checkSqlite(db_, sqlite3_step(insert_), "insert");
      sqlite3_reset(insert_);
    }
    checkSqlite(db_, sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr), "commit");
    return static_cast<double>(monoNs() - t0) / 1e6;
  }

private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  std::int64_t next_ = 0;
};

EventRow rowOf(const Event& e) {
  EventRow r;
  r.id = e.id;
  r.deviceId = e.deviceId;
  r.seq = e.seq;
  r.recordedUtc = e.recordedUtc;
  r.zone = e.zone;
  r.siteId = e.siteId;
  r.actorStaffId = e.actorStaffId;
  r.kind = kindOf(e.payload);
  r.subjectId = subjectOf(e.payload);
  r.payloadJson = encodePayload(e.payload);
  r.schemaVersion = kEventSchemaVersion;
  return r;
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
    if (quick) runs = 3;
    if (runs < 1 || runs > kLateRegistrationMaxDaysBack) throw std::runtime_error("--runs takes 1..30 (one past day each)");
    ScratchDir scratch(dir.string(), "bench-late", keep);
    std::printf("bench_late: a 35-person day registered afterwards in one save, %d runs (one past day each) in %s "
                "(%s)%s\n",
                runs, scratch.path().c_str(), fileSystemName(scratch.path()), quick ? " [quick]" : "");

    platform::SystemClock clock;
    auto store = store::KioskStore::createWithRoster(scratch.path() / "kiosk", clock, store::demoRoster(), "liljan");
    const auto participants = store->roster().participants("liljan");
    RawLog raw(scratch.path() / "raw.sqlite");
    const LocalDate today = toStockholm(clock.nowUtc()).date;
    std::vector<double> ours, raw35, raw70;
    size_t visits = 0;
    for (int r = 0; r < runs; ++r) {
      cmd::RegisterLate c;
      c.day = civilFromDays(daysFromCivil(today) - 1 - r);
      c.actorStaffId = "S001";
      for (size_t i = 0; i < participants.size(); ++i)
        c.lines.push_back({participants[i].id, 8 * 60 + static_cast<int>(i % 30), 15 * 60 + static_cast<int>(i % 45)});
      const std::int64_t t0 = monoNs();
      const auto events = store::perform(*store, Command{c});
      ours.push_back(static_cast<double>(monoNs() - t0) / 1e6);
      visits = events.size();
      std::vector<EventRow> rows;
      for (const auto& e : events) rows.push_back(rowOf(e));
      // The baselines alternate which goes first, so disk noise hits both.
      if (r % 2 == 0) {
        raw35.push_back(raw.insert(rows, 1));
        raw70.push_back(raw.insert(rows, 2));
      } else {
        raw70.push_back(raw.insert(rows, 2));
        raw35.push_back(raw.insert(rows, 1));
      }
    }
    const double o = median(ours), b = median(raw35), b2 = median(raw70);
    std::printf("  baseline: the same %zu event rows, plain INSERTs in one transaction (raw sqlite3, WAL, FULL): "
                "median %.2f ms\n",
                visits, b);
    std::printf("  baseline: %zu rows (a check-in/check-out pair per person) the same way: median %.2f ms\n",
                visits * 2, b2);
    std::printf("  ours:     store::perform(RegisterLate) of %zu lines (staff and roster checks, the day's visits "
                "read, %zu events appended): median %.2f ms\n",
                participants.size(), visits, o);
    std::printf("  ratio:    %.2fx the same rows, %.2fx the pairs\n", o / b, o / b2);
    std::printf("goal: under 1 s: %s\n", o < 1000.0 ? "met" : "NOT met");
    return visits == participants.size() ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_late: %s\n", e.what());
    return 1;
  }
}
