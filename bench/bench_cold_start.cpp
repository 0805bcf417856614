// bench_cold_start: process start to first rendered frame.
//
// Builds a data directory with the demo unit and a 50,000-event log, then alternately spawns
// the bare SDL + ImGui window (bench_bare_window) and `dagverk --data-dir D --frames 1`, timing
// each from posix_spawn to waitpid on the monotonic clock, under SDL_VIDEODRIVER=offscreen.
// Both run with a warm page cache (one untimed run of each first): this measures the work
// the programs do, not the disk's read-ahead.
#include "BenchUtil.hpp"

#include "store/DemoUnit.hpp"
#include "core/Event.hpp"
#include "core/Ids.hpp"
#include "store/KioskStore.hpp"
#include "core/LocalTime.hpp"
#include "platform/SystemClock.hpp"
#include "platform/TimeZone.hpp"

#include <sqlite3.h>

#include <array>
#include <map>
#include <memory>
#include <random>

namespace {

using namespace dagverk;
using namespace dagverk::bench;

constexpr std::int64_t kDayMs = 86'400'000;

void check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    throw std::runtime_error(std::string("sqlite ") + what + ": " + sqlite3_errmsg(db));
}

struct Built {
  std::int64_t events = 0;
  int openVisits = 0;
  double seconds = 0;
};

// Seeds the demo unit through KioskStore, then appends `events` check-in/check-out events on
// a second, raw connection with synchronous=OFF (building only; the kiosk later opens the
// file with its own WAL + FULL settings). Rows are in exactly the shape EventLog::append
// writes: UUID v7 ids, the device's own id and gap-free sequence, cereal JSON payloads, and
// device_sequence and presence kept consistent. Past days: every participant in at 08:xx and
// out at 15:xx; today: the last few participants checked in and still here.
Built buildDataDir(const fs::path& dir, std::int64_t events) {
  const std::int64_t t0 = monoNs();
  platform::SystemClock clock;
  std::string deviceId;
  std::vector<std::string> ids;
  {
    auto store = store::KioskStore::createWithRoster(dir, clock, store::demoRoster(), "liljan");
    deviceId = store->deviceId();
    for (const auto& p : store->roster().participants("liljan")) ids.push_back(p.id);
  }
  const auto n = static_cast<std::int64_t>(ids.size());
  const std::int64_t openToday = std::min<std::int64_t>(10 + events % 2, std::min(n, events));
  const std::int64_t pairs = (events - openToday) / 2;
  const std::int64_t days = (pairs + n - 1) / n;
  const UtcMs now = clock.nowUtc();
  const LocalDate today = toStockholm(now).date;
  const UtcMs todayIn = fromStockholm(today, 8, 0), todayOut = fromStockholm(today, 15, 0);

  sqlite3* db = nullptr;
  check(db, sqlite3_open_v2((dir / store::kDatabaseFileName).c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), "open");
  check(db, sqlite3_exec(db, "PRAGMA synchronous=OFF; BEGIN IMMEDIATE;", nullptr, nullptr, nullptr), "begin");
  sqlite3_stmt* ins = nullptr;
  check(db, sqlite3_prepare_v2(db, "INSERT INTO event(id, device_id, seq, recorded_utc, zone, site_id, actor_staff_id, "
                                   "kind, subject_id, payload, schema_version) "
                                   "VALUES (?1,?2,?3,?4,?5,'liljan',NULL,?6,?7,?8,?9)",
                               -1, &ins, nullptr),
        "prepare");
  std::mt19937_64 rng{std::random_device{}()};
  std::int64_t seq = 0;
  auto append = [&](UtcMs at, const EventPayload& p) {
    std::array<std::uint8_t, 10> r{};
    for (auto& b : r) b = static_cast<std::uint8_t>(rng());
    const std::string id = makeUuidV7(at, r);
    const std::string json = encodePayload(p);
    const std::string& subject = subjectOf(p);
    sqlite3_bind_text(ins, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 2, deviceId.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins, 3, ++seq);
    sqlite3_bind_int64(ins, 4, at);
    sqlite3_bind_text(ins, 5, kSiteZone, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 6, kindOf(p), -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 7, subject.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 8, json.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins, 9, kEventSchemaVersion);
    const int rc = sqlite3_step(ins);
    sqlite3_reset(ins);
    check(db, rc, "insert event");
    return id;
  };

  std::int64_t written = 0;
  for (std::int64_t d = days; d >= 1 && written < pairs; --d) {
    const std::int64_t today_n = std::min(n, pairs - written);
    std::vector<std::string> inIds;
    for (std::int64_t j = 0; j < today_n; ++j) {
      const UtcMs at = todayIn - d * kDayMs + j * 60'000;
      inIds.push_back(append(at, CheckedIn{ids[static_cast<size_t>(j)], at}));
    }
    for (std::int64_t j = 0; j < today_n; ++j) {
      const UtcMs at = todayOut - d * kDayMs + j * 60'000;
      append(at, CheckedOut{ids[static_cast<size_t>(j)], at, false, inIds[static_cast<size_t>(j)]});
    }
    written += today_n;
  }
  sqlite3_stmt* pres = nullptr;
  check(db, sqlite3_prepare_v2(db, "INSERT INTO presence(participant_id, site_id, check_in_event_id, since_utc) "
                                   "VALUES (?1,'liljan',?2,?3)",
                               -1, &pres, nullptr),
        "prepare");
  for (std::int64_t j = 0; j < openToday; ++j) {
    const std::string& pid = ids[static_cast<size_t>(n - 1 - j)];
    const UtcMs at = now - (openToday - j) * 1000; // seconds ago: today, not rolled over at start
    const std::string id = append(at, CheckedIn{pid, at});
    sqlite3_bind_text(pres, 1, pid.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(pres, 2, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(pres, 3, at);
    const int rc = sqlite3_step(pres);
    sqlite3_reset(pres);
    check(db, rc, "insert presence");
  }
  sqlite3_finalize(pres);
  sqlite3_finalize(ins);
  sqlite3_stmt* s = nullptr;
  check(db, sqlite3_prepare_v2(db, "INSERT INTO device_sequence(device_id, last_seq) VALUES (?1, ?2)", -1, &s, nullptr),
        "prepare");
  sqlite3_bind_text(s, 1, deviceId.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(s, 2, seq);
  const int rc = sqlite3_step(s);
  sqlite3_finalize(s);
  check(db, rc, "device_sequence");
  check(db, sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr, nullptr), "commit");
  check(db, sqlite3_close(db), "close");

  // Check that the kiosk's own code reads it as intended, then that replaying the log gives
  // the stored presence (rebuildPresence rewrites the same rows).
  Built b;
  {
    auto store = store::KioskStore::open(dir, clock);
    const auto st = store->status();
    const auto before = store->presence().openVisits();
    store->events().rebuildProjections();
    const auto after = store->presence().openVisits();
    bool same = before.size() == after.size();
    for (const auto& [pid, v] : before) {
      auto it = after.find(pid);
      same = same && it != after.end() && it->second.checkInEventId == v.checkInEventId && it->second.since == v.since;
    }
    if (st.events != events || st.lastSeq != events || st.presentNow != openToday || !same)
      throw std::runtime_error("built data directory is inconsistent: events " + std::to_string(st.events) +
                               ", last seq " + std::to_string(st.lastSeq) + ", present " +
                               std::to_string(st.presentNow) + (same ? "" : ", presence differs from the log"));
    b.events = st.events;
    b.openVisits = st.presentNow;
  }
  b.seconds = static_cast<double>(monoNs() - t0) / 1e9;
  return b;
}

// Spawn to exit, in milliseconds. Throws if the program fails.
double timeRun(const std::vector<std::string>& args, const OffscreenEnv& env, const fs::path& log) {
  std::error_code ec;
  fs::remove(log, ec);
  const std::int64_t t0 = monoNs();
  const pid_t pid = spawn(args, env, log);
  const int status = reap(pid);
  const std::int64_t t1 = monoNs();
  if (status != 0)
    throw std::runtime_error(args[0] + " exited with status " + std::to_string(status) + ":\n" + tail(log));
  return static_cast<double>(t1 - t0) / 1e6;
}

int run(int argc, char** argv) {
  long runs = 11, events = 50'000;
  bool quick = false, keep = false;
  std::string dirArg;
  ArgReader a{argc, argv};
  while (!a.done()) {
    const std::string o = a.next();
    if (o == "--quick") quick = true;
    else if (o == "--runs") runs = a.number(o);
    else if (o == "--events") events = a.number(o);
    else if (o == "--dir") dirArg = a.value(o);
    else if (o == "--keep") keep = true;
    else {
      std::fprintf(stderr, "usage: bench_cold_start [--quick] [--runs N] [--events N] [--dir D] [--keep]\n");
      return 2;
    }
  }
  if (quick) {
    runs = 3;
    events = 2000;
  }

  ScratchDir scratch(dirArg, "bench-cold-start", keep);
  const fs::path data = scratch.path() / "data";
  std::printf("bench_cold_start: spawn to exit after the first rendered frame%s\n", quick ? " [quick]" : "");
  std::printf("directory: %s (%s)\n", scratch.path().c_str(), fileSystemName(scratch.path()));
  std::fflush(stdout);
  const Built built = buildDataDir(data, events);
  std::printf("data dir:  demo unit, %lld events (%d open visits today), built and verified in %.1f s\n",
              static_cast<long long>(built.events), built.openVisits, built.seconds);
  std::printf("baseline:  %s\n", DAGVERK_BENCH_BARE);
  std::printf("ours:      %s --data-dir %s --frames 1\n", DAGVERK_BENCH_KIOSK, data.c_str());
  std::printf("env:       SDL_VIDEODRIVER=offscreen (software renderer), %ld runs each, alternating, "
              "after one untimed run each\n\n",
              runs);
  std::fflush(stdout);

  const OffscreenEnv env;
  const std::vector<std::string> bare = {DAGVERK_BENCH_BARE};
  const std::vector<std::string> kiosk = {DAGVERK_BENCH_KIOSK, "--data-dir", data.string(), "--frames", "1"};
  const fs::path bareLog = scratch.path() / "bare.log", kioskLog = scratch.path() / "kiosk.log";
  timeRun(bare, env, bareLog);
  timeRun(kiosk, env, kioskLog);

  std::vector<double> b, k;
  std::printf("run  first  bare ms  kiosk ms\n");
  for (long i = 0; i < runs; ++i) {
    double tb, tk;
    if (i % 2 == 0) {
      tb = timeRun(bare, env, bareLog);
      tk = timeRun(kiosk, env, kioskLog);
    } else {
      tk = timeRun(kiosk, env, kioskLog);
      tb = timeRun(bare, env, bareLog);
    }
    b.push_back(tb);
    k.push_back(tk);
    std::printf("%3ld  %-5s  %7.1f  %8.1f\n", i + 1, i % 2 == 0 ? "bare" : "kiosk", tb, tk);
  }
  const double mb = median(b), mk = median(k);
  std::printf("\n                       median ms    min ms    max ms\n");
  std::printf("baseline: bare window  %9.1f %9.1f %9.1f\n", mb, percentile(b, 0), percentile(b, 100));
  std::printf("ours: dagverk          %9.1f %9.1f %9.1f\n", mk, percentile(k, 0), percentile(k, 100));
  std::printf("ratio of medians       %8.2fx\n", mk / mb);
  std::printf("\ngoal: kiosk median <= 2x bare window median: %.2fx, %s\n", mk / mb, mk / mb <= 2.0 ? "met" : "MISSED");
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  if (!dagverk::platform::installConfiguredTimeZone("bench_cold_start")) return 1;
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_cold_start: %s\n", e.what());
    return 1;
  }
}
