#pragma once
// A kiosk data directory with a long history, for the benchmarks that need one (cold start,
// the damage check at open). Rows are written in exactly the shape EventLog::append writes.
#include "BenchUtil.hpp"

#include "core/Event.hpp"
#include "core/Ids.hpp"
#include "core/LocalTime.hpp"
#include "platform/SystemClock.hpp"
#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#include <sqlite3.h>

#include <array>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace dagverk::bench {

inline void checkSqlite(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string("sqlite ") + what + ": " + sqlite3_errmsg(db));
}

constexpr std::int64_t kHistoryDayMs = 86'400'000;

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
// out at 15:xx; today, if `openVisitsToday`, the last few participants checked in and still
// here. Then opens it with the kiosk's own code and checks that presence equals a replay of
// the log.
inline Built buildKioskHistory(const fs::path& dir, std::int64_t events, bool openVisitsToday) {
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
  // An odd count leaves one visit open, so the log always holds exactly `events` rows.
  const std::int64_t openToday =
      openVisitsToday ? std::min<std::int64_t>(10 + events % 2, std::min(n, events)) : events % 2;
  const std::int64_t pairs = (events - openToday) / 2;
  const std::int64_t days = (pairs + n - 1) / n;
  const UtcMs now = clock.nowUtc();
  const LocalDate today = toStockholm(now).date;
  const UtcMs todayIn = fromStockholm(today, 8, 0), todayOut = fromStockholm(today, 15, 0);

  sqlite3* db = nullptr;
  checkSqlite(db, sqlite3_open_v2((dir / store::kDatabaseFileName).c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), "open");
  checkSqlite(db, sqlite3_exec(db, "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; BEGIN IMMEDIATE;", nullptr, nullptr,
                         nullptr),
        "begin");
  sqlite3_stmt* ins = nullptr;
  checkSqlite(db, sqlite3_prepare_v2(db, "INSERT INTO event(id, device_id, seq, recorded_utc, zone, site_id, actor_staff_id, "
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
    checkSqlite(db, rc, "insert event");
    return id;
  };

  std::int64_t written = 0;
  for (std::int64_t d = days; d >= 1 && written < pairs; --d) {
    const std::int64_t today_n = std::min(n, pairs - written);
    std::vector<std::string> inIds;
    for (std::int64_t j = 0; j < today_n; ++j) {
      const UtcMs at = todayIn - d * kHistoryDayMs + j * 60'000;
      inIds.push_back(append(at, CheckedIn{ids[static_cast<size_t>(j)], at}));
    }
    for (std::int64_t j = 0; j < today_n; ++j) {
      const UtcMs at = todayOut - d * kHistoryDayMs + j * 60'000;
      append(at, CheckedOut{ids[static_cast<size_t>(j)], at, false, inIds[static_cast<size_t>(j)]});
    }
    written += today_n;
  }
  sqlite3_stmt* pres = nullptr;
  checkSqlite(db, sqlite3_prepare_v2(db, "INSERT INTO presence(participant_id, site_id, check_in_event_id, since_utc) "
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
    checkSqlite(db, rc, "insert presence");
  }
  sqlite3_finalize(pres);
  sqlite3_finalize(ins);
  sqlite3_stmt* s = nullptr;
  checkSqlite(db, sqlite3_prepare_v2(db, "INSERT INTO device_sequence(device_id, last_seq) VALUES (?1, ?2)", -1, &s, nullptr),
        "prepare");
  sqlite3_bind_text(s, 1, deviceId.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(s, 2, seq);
  const int rc = sqlite3_step(s);
  sqlite3_finalize(s);
  checkSqlite(db, rc, "device_sequence");
  checkSqlite(db, sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr, nullptr), "commit");
  checkSqlite(db, sqlite3_close(db), "close");

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

} // namespace dagverk::bench
