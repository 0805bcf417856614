// SIGTERM, as systemd or a power daemon sends it at shutdown: the real `dagverk` kiosk (window
// off screen) finishes what it is writing and closes cleanly — exit code 0, every confirmed
// check-in kept, the database intact and its WAL copied back into it.
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

extern char** environ;

using namespace dagverk;
using namespace dagverk::test;

namespace {

// The kiosk program with its window off screen; its log goes to a file the test reads.
class KioskProcess {
public:
  KioskProcess(const fs::path& data, const fs::path& log) : log_(log) {
    ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const std::string bin = DAGVERK_BIN, dir = data.string();
    std::vector<std::string> args = {bin, "--data-dir", dir, "--software", "--size", "800x480"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, bin.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("posix_spawn dagverk failed");
  }
  ~KioskProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  KioskProcess(const KioskProcess&) = delete;
  KioskProcess& operator=(const KioskProcess&) = delete;

  // Up to 60 s for the log line that follows the window's start (SDL's signal handling is set).
  bool waitStarted() {
    for (int i = 0; i < 600; ++i) {
      if (fs::exists(log_) && contains(readBytes(log_), "kiosk started")) return true;
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  void terminate() { ::kill(pid_, SIGTERM); }
  // The exit status, or -1 if it did not end within 30 s.
  int waitExit() {
    for (int i = 0; i < 300; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return status;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return -1;
  }

private:
  fs::path log_;
  pid_t pid_ = -1;
};

// A badge reader's check-ins and check-outs through the command line, in a thread of its own.
class CliStream {
public:
  CliStream(const fs::path& data, std::vector<std::string> people) {
    thread_ = std::thread([this, data, people] {
      for (size_t i = 0; !stop_; ++i) {
        const std::string& p = people[i % people.size()];
        const bool in = (i / people.size()) % 2 == 0;
        const std::string cmd = shellQuoted(DAGVERK_BIN) + (in ? " checkin" : " checkout") + " --data-dir " +
                                shellQuoted(data.string()) + " --participant " + shellQuoted(p) + " >/dev/null 2>&1";
        const int status = std::system(cmd.c_str());
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ++confirmed_;
        else ++failed_;
      }
    });
  }
  ~CliStream() { stop(); }
  CliStream(const CliStream&) = delete;
  CliStream& operator=(const CliStream&) = delete;
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int confirmed() const { return confirmed_; }
  int failed() const { return failed_; }

private:
  std::atomic<bool> stop_{false};
  std::atomic<int> confirmed_{0}, failed_{0};
  std::thread thread_;
};

long long walBytes(const fs::path& db) {
  const fs::path wal = db.string() + "-wal";
  return fs::exists(wal) ? static_cast<long long>(fs::file_size(wal)) : 0;
}

} // namespace

TEST_CASE("SIGTERM: the kiosk closes cleanly during a stream of check-ins, and checkpoints its WAL") {
  TempDir tmp("sigterm");
  const fs::path data = tmp / "data", file = data / store::kDatabaseFileName;
  ManualClock clock(mondayAt(8));
  std::vector<std::string> people;
  {
    auto s = store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
    for (const auto& p : s->roster().participants("liljan")) people.push_back(p.id);
  }
  const long long before = RawDb(file).integer("SELECT count(*) FROM event");

  SECTION("in the middle of the stream") {
    KioskProcess kiosk(data, tmp / "kiosk.log");
    REQUIRE(kiosk.waitStarted());
    CliStream stream(data, people);
    while (stream.confirmed() < 5) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    kiosk.terminate();
    const int status = kiosk.waitExit();
    stream.stop();
    INFO(readBytes(tmp / "kiosk.log"));
    REQUIRE(status != -1);
    REQUIRE(WIFEXITED(status)); // not ended by the signal itself
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(stream.failed() == 0);
    RawDb raw(file);
    CHECK(raw.text("PRAGMA integrity_check") == "ok");
    CHECK(raw.integer("SELECT count(*) FROM event") == before + stream.confirmed());
  }

  SECTION("after writes from another process: the kiosk's close empties the WAL") {
    KioskProcess kiosk(data, tmp / "kiosk.log");
    REQUIRE(kiosk.waitStarted());
    {
      CliStream stream(data, people);
      while (stream.confirmed() < 3) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      stream.stop();
      REQUIRE(stream.failed() == 0);
    }
    // The badge reader's commits wait in the WAL: the kiosk's connection keeps it open.
    REQUIRE(walBytes(file) > 0);
    kiosk.terminate();
    const int status = kiosk.waitExit();
    INFO(readBytes(tmp / "kiosk.log"));
    REQUIRE(status != -1);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(walBytes(file) == 0); // checkpointed into the database file and removed
    CHECK(RawDb(file).text("PRAGMA integrity_check") == "ok");
  }
}
