// bench_checkin: durable check-in latency, or with --headcount a visitor "+1" at an open meeting
// place.
//
// Baseline: raw SQLite (C API), WAL + synchronous=FULL, the kiosk's event table, one prepared
// single-row INSERT + COMMIT per operation. Ours: store::perform(CheckIn / CheckOut) on the demo
// unit's 35 liljan participants (every call durable on return), or with --headcount
// store::perform(TallyHeadcount{1}) as the home screen's "+1" sends it, the raw side then
// inserting the same HeadcountTallied rows. The two run interleaved in rounds, in files side by
// side in one directory on a real disk, so disk noise hits both.
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
#include <cinttypes>
#include <map>
#include <memory>
#include <random>

namespace {

using namespace dagverk;
using namespace dagverk::bench;

// The event table exactly as app/store/Migrations.cpp creates it (schema 1).
constexpr const char* kEventSchema = R"SQL(
CREATE TABLE event (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  recorded_utc INTEGER NOT NULL,
  zone TEXT NOT NULL,
  site_id TEXT NOT NULL,
  actor_staff_id TEXT,
  kind TEXT NOT NULL,
  subject_id TEXT,
  payload TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  UNIQUE (device_id, seq));
CREATE INDEX event_site_kind ON event(site_id, kind);
CREATE INDEX event_subject ON event(subject_id);
CREATE TRIGGER event_is_append_only BEFORE UPDATE ON event
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
)SQL";

// The other two tables EventLog::append writes (also from Migrations.cpp), for --breakdown.
constexpr const char* kProjectionSchema = R"SQL(
CREATE TABLE device_sequence (device_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL);
CREATE TABLE presence (
  participant_id TEXT PRIMARY KEY, site_id TEXT NOT NULL,
  check_in_event_id TEXT NOT NULL, since_utc INTEGER NOT NULL);
)SQL";

void check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string("sqlite ") + what + ": " + sqlite3_errmsg(db));
}

// Raw SQLite: one prepared INSERT between prepared BEGIN IMMEDIATE and COMMIT. With
// sameWriteSet, the transaction also does what EventLog::append writes besides the event
// (the device_sequence upsert and the presence insert/delete), still with prepared statements
// and nothing else: the difference to ours is then our code path, not the rows we write.
class RawLog {
public:
  explicit RawLog(const fs::path& file, bool sameWriteSet = false) : writeSet_(sameWriteSet) {
    check(db_, sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                               nullptr),
          "open");
    check(db_, sqlite3_exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", nullptr, nullptr, nullptr),
          "pragma");
    check(db_, sqlite3_exec(db_, kEventSchema, nullptr, nullptr, nullptr), "schema");
    if (writeSet_) {
      check(db_, sqlite3_exec(db_, kProjectionSchema, nullptr, nullptr, nullptr), "schema");
      prepare(&nextSeq_, "INSERT INTO device_sequence(device_id, last_seq) VALUES (?1, 1) "
                         "ON CONFLICT(device_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq");
      prepare(&presenceIn_, "INSERT OR REPLACE INTO presence(participant_id, site_id, check_in_event_id, since_utc) "
                            "VALUES (?1,'liljan',?2,?3)");
      prepare(&presenceOut_, "DELETE FROM presence WHERE participant_id = ?1 AND (?2 = '' OR check_in_event_id = ?2)");
    }
    prepare(&begin_, "BEGIN IMMEDIATE");
    prepare(&commit_, "COMMIT");
    prepare(&insert_, "INSERT INTO event(id, device_id, seq, recorded_utc, zone, site_id, actor_staff_id, kind, "
                      "subject_id, payload, schema_version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
    std::array<std::uint8_t, 10> r{};
    for (auto& b : r) b = static_cast<std::uint8_t>(rng_());
    device_ = makeUuidV7(platform::SystemClock().nowUtc(), r);
  }
  ~RawLog() {
    sqlite3_finalize(begin_);
    sqlite3_finalize(commit_);
    sqlite3_finalize(insert_);
    sqlite3_finalize(nextSeq_);
    sqlite3_finalize(presenceIn_);
    sqlite3_finalize(presenceOut_);
    sqlite3_close_v2(db_);
  }
  RawLog(const RawLog&) = delete;
  RawLog& operator=(const RawLog&) = delete;

  // One durable append; returns its latency in microseconds. The row's text (id, payload) is
  // made before the clock starts: the baseline is the database work alone.
  double append(const std::string& participantId, UtcMs now) {
    std::array<std::uint8_t, 10> r{};
    for (auto& b : r) b = static_cast<std::uint8_t>(rng_());
    const std::string id = makeUuidV7(now, r);
    if (tally_) return appendTally(id, now);
    // Like ours: a participant who is here is checked out, anyone else checked in.
    const auto here = open_.find(participantId);
    const bool in = here == open_.end();
    const std::string checkInId = in ? std::string() : here->second;
    ++seq_;
    const EventPayload payload = in ? EventPayload{CheckedIn{participantId, now}}
                                    : EventPayload{CheckedOut{participantId, now, false, checkInId}};
    const std::string json = encodePayload(payload);
    const char* kind = kindOf(payload);
    const std::int64_t t0 = monoNs();
    step(begin_, "begin");
    insertRow(id, now, kind, participantId, json);
    if (writeSet_ && in) {
      sqlite3_bind_text(presenceIn_, 1, participantId.data(), static_cast<int>(participantId.size()), SQLITE_TRANSIENT);
      sqlite3_bind_text(presenceIn_, 2, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
      sqlite3_bind_int64(presenceIn_, 3, now);
      step(presenceIn_, "presence");
    } else if (writeSet_) {
      sqlite3_bind_text(presenceOut_, 1, participantId.data(), static_cast<int>(participantId.size()), SQLITE_TRANSIENT);
      sqlite3_bind_text(presenceOut_, 2, checkInId.data(), static_cast<int>(checkInId.size()), SQLITE_TRANSIENT);
      step(presenceOut_, "presence");
    }
    step(commit_, "commit");
    const std::int64_t t1 = monoNs();
    if (in)
      open_.emplace(participantId, id);
    else
      open_.erase(here);
    return static_cast<double>(t1 - t0) / 1000.0;
  }

  // Rows as a visitor "+1" writes them (HeadcountTallied, its own id as subject) instead.
  void countVisitors() { tally_ = true; }

private:
  double appendTally(const std::string& id, UtcMs now) {
    ++seq_;
    const EventPayload payload = HeadcountTallied{id, now, 1, ""};
    const std::string json = encodePayload(payload);
    const std::int64_t t0 = monoNs();
    step(begin_, "begin");
    insertRow(id, now, kindOf(payload), id, json);
    step(commit_, "commit");
    return static_cast<double>(monoNs() - t0) / 1000.0;
  }

  // The event row itself (and, with the write set, the sequence read the store also does),
  // inside the caller's transaction and timing.
  void insertRow(const std::string& id, UtcMs now, const char* kind, const std::string& subject,
                 const std::string& json) {
    if (writeSet_) {
      sqlite3_bind_text(nextSeq_, 1, device_.data(), static_cast<int>(device_.size()), SQLITE_TRANSIENT);
      if (sqlite3_step(nextSeq_) != SQLITE_ROW) check(db_, SQLITE_ERROR, "next sequence");
      sqlite3_reset(nextSeq_);
    }
    bindText(1, id);
    bindText(2, device_);
    sqlite3_bind_int64(insert_, 3, seq_);
    sqlite3_bind_int64(insert_, 4, now);
    bindText(5, kSiteZone);
    bindText(6, "liljan");
    sqlite3_bind_null(insert_, 7);
    bindText(8, kind);
    bindText(9, subject);
    bindText(10, json);
    sqlite3_bind_int64(insert_, 11, kEventSchemaVersion);
    step(insert_, "insert");
  }

  void prepare(sqlite3_stmt** s, const char* sql) {
    check(db_, sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, s, nullptr), "prepare");
  }
  void bindText(int i, const std::string& v) {
    check(db_, sqlite3_bind_text(insert_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT), "bind");
  }
  void step(sqlite3_stmt* s, const char* what) {
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) check(db_, rc == SQLITE_ROW ? SQLITE_ERROR : rc, what);
  }

  sqlite3* db_ = nullptr;
  bool writeSet_;
  bool tally_ = false;
  sqlite3_stmt *begin_ = nullptr, *commit_ = nullptr, *insert_ = nullptr;
  sqlite3_stmt *nextSeq_ = nullptr, *presenceIn_ = nullptr, *presenceOut_ = nullptr;
  std::mt19937_64 rng_{std::random_device{}()};
  std::string device_;
  std::map<std::string, std::string> open_; // participant -> check-in event id
  std::int64_t seq_ = 0;
};

// Ours: the kiosk's store, alternating check-in and check-out passes over the participants.
class Ours {
public:
  Ours(const fs::path& dir, const Clock& clock)
      : store_(store::KioskStore::createWithRoster(dir, clock, store::demoRoster(), "liljan")) {
    for (const auto& p : store_->roster().participants("liljan")) ids_.push_back(p.id);
    if (ids_.empty()) throw std::runtime_error("the demo unit has no liljan participants");
  }
  size_t participants() const { return ids_.size(); }
  const std::string& participantAt(size_t i) const { return ids_[i % ids_.size()]; }

  // One visitor "+1" with no staff named, as the home screen sends it; latency in
  // microseconds. The bench's clock moves past the double-tap guard first (outside the timing),
  // so every tap is stored.
  double nextTally(ManualClock& clock) {
    clock.advanceMs(kHeadcountGuardMs + 1);
    const std::int64_t t0 = monoNs();
    const auto events = store::perform(*store_, cmd::TallyHeadcount{1, "", false, std::nullopt});
    const std::int64_t t1 = monoNs();
    if (events.size() != 1) throw std::runtime_error("a visitor tap was not stored");
    return static_cast<double>(t1 - t0) / 1000.0;
  }

  // Checks the next participant in if absent, out if present; latency in microseconds.
  double next() {
    const std::string& id = ids_[cursor_++ % ids_.size()];
    const bool present = store_->presence().isPresent(id);
    const std::int64_t t0 = monoNs();
    if (present)
      store::perform(*store_, cmd::CheckOut{id, std::nullopt});
    else
      store::perform(*store_, cmd::CheckIn{id, std::nullopt});
    const std::int64_t t1 = monoNs();
    return static_cast<double>(t1 - t0) / 1000.0;
  }

private:
  std::unique_ptr<store::KioskStore> store_;
  std::vector<std::string> ids_;
  size_t cursor_ = 0;
};

struct Row {
  double p50, p99, mean, max;
};

Row summarise(const std::vector<double>& v) {
  return Row{percentile(v, 50), percentile(v, 99), bench::mean(v), percentile(v, 100)};
}

int run(int argc, char** argv) {
  long ops = 3000, rounds = 5, warmup = 20;
  bool quick = false, keep = false, breakdown = false, headcount = false;
  std::string dirArg;
  ArgReader a{argc, argv};
  while (!a.done()) {
    const std::string o = a.next();
    if (o == "--quick") quick = true;
    else if (o == "--ops") ops = a.number(o);
    else if (o == "--rounds") rounds = a.number(o);
    else if (o == "--dir") dirArg = a.value(o);
    else if (o == "--keep") keep = true;
    else if (o == "--breakdown") breakdown = true;
    else if (o == "--headcount") headcount = true;
    else {
      std::fprintf(stderr, "usage: bench_checkin [--quick] [--ops N] [--rounds R] [--dir D] [--keep] [--breakdown] "
                           "[--headcount]\n");
      return 2;
    }
  }
  if (quick) {
    ops = 100;
    rounds = 2;
    warmup = 5;
  }
  if (rounds > ops) rounds = ops;

  ScratchDir scratch(dirArg, "bench-checkin", keep);
  platform::SystemClock systemClock;
  // Visitor taps need a clock that moves past the double-tap guard between taps.
  ManualClock tapClock(systemClock.nowUtc());
  const Clock& clock = headcount ? static_cast<const Clock&>(tapClock) : systemClock;
  RawLog raw(scratch.path() / "raw.sqlite");
  std::unique_ptr<RawLog> rawSet;
  if (breakdown) rawSet = std::make_unique<RawLog>(scratch.path() / "raw-write-set.sqlite", true);
  if (headcount) {
    raw.countVisitors();
    if (rawSet) rawSet->countVisitors();
  }
  Ours ours(scratch.path() / "kiosk", clock);

  std::printf("bench_checkin: durable %s latency (SQLite WAL, synchronous=FULL)%s\n",
              headcount ? "visitor \"+1\" (headcount)" : "check-in", quick ? " [quick]" : "");
  std::printf("directory:  %s (%s)\n", scratch.path().c_str(), fileSystemName(scratch.path()));
  std::printf("operations: %ld raw + %ld ours in %ld interleaved rounds, after %ld warm-up each\n", ops, ops, rounds,
              warmup);
  std::printf("baseline:   raw sqlite3, prepared BEGIN IMMEDIATE; INSERT INTO event ...; COMMIT\n");
  if (breakdown)
    std::printf("breakdown:  raw sqlite3 with EventLog::append's write set (sequence upsert, event, presence)\n");
  if (headcount)
    std::printf("ours:       store::perform(TallyHeadcount{1}), no staff, clock stepped past the 1 s guard\n\n");
  else
    std::printf("ours:       store::perform(CheckIn/CheckOut), %zu liljan participants in turn, SystemClock\n\n",
                ours.participants());
  std::fflush(stdout);

  size_t rawCursor = 0, setCursor = 0;
  auto rawOne = [&] { return raw.append(ours.participantAt(rawCursor++), clock.nowUtc()); };
  auto setOne = [&] { return rawSet->append(ours.participantAt(setCursor++), clock.nowUtc()); };
  auto oursOne = [&] { return headcount ? ours.nextTally(tapClock) : ours.next(); };
  for (long i = 0; i < warmup; ++i) {
    rawOne();
    if (rawSet) setOne();
    oursOne();
  }

  std::vector<double> rawUs, setUs, oursUs;
  std::printf("round  first  raw p50 us  ours p50 us%s\n", breakdown ? "  write-set p50 us" : "");
  for (long r = 0; r < rounds; ++r) {
    const long n = ops / rounds + (r < ops % rounds ? 1 : 0);
    std::vector<double> rr, ss, oo;
    auto doRaw = [&] {
      for (long i = 0; i < n; ++i) rr.push_back(rawOne());
    };
    auto doSet = [&] {
      for (long i = 0; rawSet && i < n; ++i) ss.push_back(setOne());
    };
    auto doOurs = [&] {
      for (long i = 0; i < n; ++i) oo.push_back(oursOne());
    };
    // Alternate which side goes first, so neither always follows the other's checkpoint.
    if (r % 2 == 0) {
      doRaw();
      doSet();
      doOurs();
    } else {
      doOurs();
      doSet();
      doRaw();
    }
    std::printf("%5ld  %-5s  %10.0f  %11.0f", r + 1, r % 2 == 0 ? "raw" : "ours", median(rr), median(oo));
    if (breakdown) std::printf("  %16.0f", median(ss));
    std::printf("\n");
    rawUs.insert(rawUs.end(), rr.begin(), rr.end());
    setUs.insert(setUs.end(), ss.begin(), ss.end());
    oursUs.insert(oursUs.end(), oo.begin(), oo.end());
  }

  const Row b = summarise(rawUs), o = summarise(oursUs);
  std::printf("\n                          p50 us    p99 us   mean us    max us\n");
  std::printf("baseline: raw sqlite  %9.0f %9.0f %9.0f %9.0f\n", b.p50, b.p99, b.mean, b.max);
  if (breakdown) {
    const Row w = summarise(setUs);
    std::printf("raw, our write set    %9.0f %9.0f %9.0f %9.0f   (%.2fx / %.2fx raw)\n", w.p50, w.p99, w.mean, w.max,
                w.p50 / b.p50, w.p99 / b.p99);
  }
  std::printf("ours: KioskStore      %9.0f %9.0f %9.0f %9.0f\n", o.p50, o.p99, o.mean, o.max);
  const double r50 = o.p50 / b.p50, r99 = o.p99 / b.p99;
  std::printf("ratio ours/raw        %8.2fx %8.2fx %8.2fx\n", r50, r99, o.mean / b.mean);
  std::printf("\ngoal: ours p99 <= 1.5x raw p99: %.2fx, %s\n", r99, r99 <= 1.5 ? "met" : "MISSED");
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  if (!dagverk::platform::installConfiguredTimeZone("bench_checkin")) return 1;
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_checkin: %s\n", e.what());
    return 1;
  }
}
