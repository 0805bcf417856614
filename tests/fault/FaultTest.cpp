// Power-cut style faults: the kiosk process is killed with SIGKILL in the middle of a stream of
// check-ins. Everything it reported as done must be in the database, in order, without gaps,
// and the database must open and work afterwards.
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#ifndef CHECKIN_STREAM_BIN
#error "CHECKIN_STREAM_BIN must be defined by CMake"
#endif

extern char** environ;

using namespace dagverk;
using namespace dagverk::test;
using store::KioskStore;

namespace {

struct Reported {
  std::string id;
  long long seq = 0;
  std::string kind;
  std::string participant;
};

Reported parseLine(const std::string& line) {
  Reported r;
  std::istringstream in(line);
  in >> r.id >> r.seq >> r.kind >> r.participant;
  if (!in || r.id.empty()) throw std::runtime_error("malformed line from checkin_stream: '" + line + "'");
  return r;
}

// The child process: stdout into a pipe we read line by line.
class Child {
public:
  explicit Child(const fs::path& dataDir) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    const std::string bin = CHECKIN_STREAM_BIN, dir = dataDir.string();
    std::vector<char*> argv = {const_cast<char*>(bin.c_str()), const_cast<char*>(dir.c_str()), nullptr};
    const int rc = posix_spawn(&pid_, bin.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    fd_ = fds[0];
    if (rc != 0) {
      ::close(fd_);
      throw std::runtime_error("posix_spawn " + bin + " failed: " + std::to_string(rc));
    }
  }
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Next complete line; false at end of output. Throws after `timeout` without progress.
  bool readLine(std::string& line, std::chrono::seconds timeout = std::chrono::seconds(30)) {
    for (;;) {
      const auto nl = buffer_.find('\n');
      if (nl != std::string::npos) {
        line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return true;
      }
      if (eof_) return false; // a partial last line (cut by the kill) is not a report
      pollfd p{fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, static_cast<int>(timeout.count() * 1000));
      if (ready == 0) throw std::runtime_error("checkin_stream wrote nothing for a long time");
      if (ready < 0) {
        if (errno == EINTR) continue;
        throw std::runtime_error("poll failed");
      }
      char buf[4096];
      const ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw std::runtime_error("read failed");
      }
      if (n == 0) eof_ = true;
      buffer_.append(buf, static_cast<size_t>(n));
    }
  }

  // SIGKILL, then the exit status.
  int killAndWait() {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return status;
  }

private:
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string buffer_;
  bool eof_ = false;
};

std::uint32_t faultSeed() {
  if (const char* s = std::getenv("DAGVERK_FAULT_SEED"); s && *s) return static_cast<std::uint32_t>(std::stoul(s));
  return 20261123u;
}

} // namespace

TEST_CASE("Fault: SIGKILL during a stream of check-ins loses nothing that was reported") {
  TempDir tmp("fault");
  const fs::path data = tmp / "data";
  const fs::path file = data / store::kDatabaseFileName;
  ManualClock clock(mondayAt(8));
  KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan").reset();

  const std::uint32_t seed = faultSeed();
  INFO("seed " << seed << " (set DAGVERK_FAULT_SEED to replay)");
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> linesToRead(5, 200);
  std::uniform_int_distribution<int> extraDelayUs(0, 3000);

  constexpr int kRounds = 30;
  long long totalReported = 0;
  int unreportedCommits = 0; // rounds where the kill came after a commit but before its line
  const auto started = std::chrono::steady_clock::now();
  for (int round = 0; round < kRounds; ++round) {
    INFO("round " << round);
    long long maxSeqBefore = 0;
    {
      RawDb raw(file);
      maxSeqBefore = raw.integer("SELECT coalesce(max(seq), 0) FROM event");
    }

    std::vector<Reported> reported;
    int status = 0;
    {
      Child child(data);
      const int want = linesToRead(rng);
      std::string line;
      while (static_cast<int>(reported.size()) < want) {
        if (!child.readLine(line)) FAIL("checkin_stream ended early after " << reported.size() << " lines");
        reported.push_back(parseLine(line));
      }
      // Let the kill land anywhere: between calls, inside a transaction, inside an fsync.
      std::this_thread::sleep_for(std::chrono::microseconds(extraDelayUs(rng)));
      status = child.killAndWait();
      // Lines already in the pipe were reported too.
      while (child.readLine(line)) reported.push_back(parseLine(line));
    }
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);
    totalReported += static_cast<long long>(reported.size());

    // Reported seqs follow on from what was there, strictly increasing with no gaps.
    REQUIRE_FALSE(reported.empty());
    CHECK(reported.front().seq == maxSeqBefore + 1);
    for (size_t i = 1; i < reported.size(); ++i) {
      if (reported[i].seq != reported[i - 1].seq + 1)
        FAIL_CHECK("seq " << reported[i - 1].seq << " followed by " << reported[i].seq);
    }

    {
      RawDb raw(file);
      CHECK(raw.text("PRAGMA integrity_check") == "ok");
      CHECK(raw.rows("PRAGMA foreign_key_check").empty());
      std::map<std::string, std::vector<std::string>> byId;
      for (auto& r : raw.rows("SELECT id, seq, kind, subject_id FROM event")) byId[r[0]] = r;
      for (const auto& r : reported) {
        const auto it = byId.find(r.id);
        if (it == byId.end()) {
          FAIL_CHECK("reported event " << r.id << " (seq " << r.seq << ") is not in the database");
          continue;
        }
        CHECK(it->second[1] == std::to_string(r.seq));
        CHECK(it->second[2] == r.kind);
        CHECK(it->second[3] == r.participant);
      }
      // The whole log: seq 1..max without gaps, and the device counter agrees.
      const long long count = raw.integer("SELECT count(*) FROM event");
      const long long maxSeq = raw.integer("SELECT max(seq) FROM event");
      CHECK(raw.integer("SELECT min(seq) FROM event") == 1);
      CHECK(count == maxSeq);
      CHECK(raw.integer("SELECT last_seq FROM device_sequence") == maxSeq);
      CHECK(maxSeq >= reported.back().seq);
      CHECK(maxSeq <= reported.back().seq + 1); // at most the one in flight when the kill came
      if (maxSeq > reported.back().seq) ++unreportedCommits;
    }

    // The store reopens, its projection agrees with the log, and the next check-in works.
    {
      clock.set(mondayAt(15));
      auto s = KioskStore::open(data, clock);
      std::map<std::string, std::string> loaded;
      for (const auto& [pid, v] : s->presence().openVisits()) loaded[pid] = v.checkInEventId;
      s->events().rebuildProjections();
      std::map<std::string, std::string> rebuilt;
      for (const auto& [pid, v] : s->presence().openVisits()) rebuilt[pid] = v.checkInEventId;
      CHECK(loaded == rebuilt);
      // The stream has one person in at a time; each kill can leave one more behind.
      CHECK(rebuilt.size() <= static_cast<size_t>(round) + 1);

      const long long last = s->status().lastSeq;
      std::string someoneOut;
      for (const auto& p : s->roster().participants("liljan"))
        if (!s->presence().isPresent(p.id)) {
          someoneOut = p.id;
          break;
        }
      REQUIRE_FALSE(someoneOut.empty());
      const Event in = store::perform(*s, cmd::CheckIn{someoneOut, std::nullopt}).front();
      CHECK(in.seq == last + 1);
      CHECK(store::perform(*s, cmd::CheckOut{someoneOut, std::nullopt}).front().seq == last + 2);
    }
  }
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
  WARN(kRounds << " kills, " << totalReported << " reported events, " << unreportedCommits
               << " kills between a commit and its report, " << seconds.count() << " s");
  CHECK(totalReported >= kRounds * 5);
}

namespace {

// The participants' presence replayed from the raw log (check-outs close the visit they name),
// failing on a check-in of someone already in; and the presence table, for comparison.
std::map<std::string, std::string> replayPresence(RawDb& raw) {
  std::map<std::string, std::string> open; // participant -> open check-in event
  for (const auto& r : raw.rows("SELECT id, kind, subject_id, json_extract(payload, '$.v.checkInEventId') "
                                "FROM event WHERE kind IN ('CheckedIn', 'CheckedOut') ORDER BY seq")) {
    if (r[1] == "CheckedIn") {
      if (open.count(r[2]))
        FAIL_CHECK("double check-in of " << r[2] << ": " << open[r[2]] << ", then " << r[0] << " with no check-out");
      open[r[2]] = r[0];
    } else if (open.count(r[2]) && open[r[2]] == r[3]) {
      open.erase(r[2]);
    } else {
      FAIL_CHECK("check-out " << r[0] << " of " << r[2] << " closes no open visit");
    }
  }
  return open;
}

std::map<std::string, std::string> presenceTable(RawDb& raw) {
  std::map<std::string, std::string> table;
  for (const auto& r : raw.rows("SELECT participant_id, check_in_event_id FROM presence WHERE is_staff = 0"))
    table[r[0]] = r[1];
  return table;
}

} // namespace

TEST_CASE("Fault: a storm of SIGKILLs in a check-in/check-out stream doubles nothing and loses nothing") {
  TempDir tmp("storm");
  const fs::path data = tmp / "data";
  const fs::path file = data / store::kDatabaseFileName;
  ManualClock clock(mondayAt(8));
  KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan").reset();

  const std::uint32_t seed = faultSeed() + 1;
  INFO("seed " << seed << " (set DAGVERK_FAULT_SEED to replay)");
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> linesToRead(0, 40);
  std::uniform_int_distribution<int> extraDelayUs(0, 4000);

  // Bounded by time, not by count: as many kills as fit (at least 40), about 20 s in all.
  const auto started = std::chrono::steady_clock::now();
  const auto budget = std::chrono::seconds(20);
  std::vector<Reported> acknowledged;
  int kills = 0;
  while (kills < 40 || std::chrono::steady_clock::now() - started < budget) {
    if (std::chrono::steady_clock::now() - started > std::chrono::seconds(60)) break;
    INFO("kill " << kills);
    {
      Child child(data);
      const int want = linesToRead(rng);
      std::string line;
      for (int n = 0; n < want && child.readLine(line);) {
        acknowledged.push_back(parseLine(line));
        ++n;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(extraDelayUs(rng)));
      const int status = child.killAndWait();
      REQUIRE(WIFSIGNALED(status));
      while (child.readLine(line)) acknowledged.push_back(parseLine(line));
    }
    ++kills;
    // Every few kills, the full check (it reads the whole log).
    if (kills % 10 != 0) continue;
    RawDb raw(file);
    REQUIRE(raw.text("PRAGMA integrity_check") == "ok");
    CHECK(presenceTable(raw) == replayPresence(raw));
  }

  RawDb raw(file);
  CHECK(raw.text("PRAGMA integrity_check") == "ok");
  // Every acknowledged event is there, as acknowledged.
  std::map<std::string, std::vector<std::string>> byId;
  for (auto& r : raw.rows("SELECT id, seq, kind, subject_id FROM event")) byId[r[0]] = r;
  for (const auto& r : acknowledged) {
    const auto it = byId.find(r.id);
    if (it == byId.end()) {
      FAIL_CHECK("acknowledged event " << r.id << " (seq " << r.seq << ") is missing");
      continue;
    }
    CHECK(it->second[1] == std::to_string(r.seq));
    CHECK(it->second[2] == r.kind);
  }
  // Sequence numbers 1..max with no gap, and the device counter agrees.
  const long long maxSeq = raw.integer("SELECT max(seq) FROM event");
  CHECK(raw.integer("SELECT count(DISTINCT seq) FROM event") == maxSeq);
  CHECK(raw.integer("SELECT min(seq) FROM event") == 1);
  CHECK(raw.integer("SELECT last_seq FROM device_sequence") == maxSeq);
  // Presence is what the log says, and no one was ever checked in twice.
  CHECK(presenceTable(raw) == replayPresence(raw));
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
  WARN(kills << " kills, " << acknowledged.size() << " acknowledged events, " << maxSeq << " in the log, "
             << seconds.count() << " s");
  CHECK_FALSE(acknowledged.empty());
}
