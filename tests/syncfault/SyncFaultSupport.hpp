#pragma once
// Helpers for the sync fault tests: run the real programs as subprocesses (with an extra
// environment: the iofail shim, libfaketime), a tmpfs that is unmounted on every path, and a
// "world" of one share, the central keys and database, and kiosks with real data directories.
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"
#include "platform/SystemClock.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <memory>
#include <set>
#include <spawn.h>
#include <sstream>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif
#ifndef DAGVERK_CENTRAL_BIN
#error "DAGVERK_CENTRAL_BIN must be defined by CMake"
#endif

extern char** environ;

namespace dagverk::test {

using Env = std::map<std::string, std::string>;

struct Proc {
  std::string what; // the command line, for messages
  int code = -1;    // exit code, or -1 if killed by a signal or timed out
  int signal = 0;   // the signal that ended it
  bool timedOut = false;
  std::string out, err;
  bool ok() const { return code == 0; }
  std::string describe() const {
    std::ostringstream s;
    s << "$ " << what << "\nexit " << code;
    if (signal) s << " (signal " << signal << ")";
    if (timedOut) s << " (timed out)";
    s << "\nstdout:\n" << out << "\nstderr:\n" << err;
    return s.str();
  }
};

// shellQuoted comes from StoreTestSupport.hpp.

// The environment of this process with `extra` added (values replace; LD_PRELOAD and
// ASAN_OPTIONS are appended to what is there).
inline std::vector<std::string> childEnvironment(const Env& extra) {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    const std::string kv = *e;
    const auto eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const auto& [k, v] : extra) {
    if ((k == "LD_PRELOAD" || k == "ASAN_OPTIONS") && env.count(k) && !env[k].empty())
      env[k] = v + (k == "LD_PRELOAD" ? ":" : ":") + env[k];
    else
      env[k] = v;
  }
  std::vector<std::string> out;
  for (const auto& [k, v] : env) out.push_back(k + "=" + v);
  return out;
}

// Runs argv[0] (no shell) with stdout and stderr captured in files under `scratch`.
inline Proc runProcess(const std::vector<std::string>& argv, const Env& extra = {}, int timeoutSeconds = 120,
                       const fs::path& scratch = fs::temp_directory_path()) {
  static std::atomic<int> counter{0};
  const std::string tag = std::to_string(::getpid()) + "-" + std::to_string(counter++);
  const fs::path outFile = scratch / ("proc-" + tag + ".out"), errFile = scratch / ("proc-" + tag + ".err");
  Proc r;
  for (const auto& a : argv) r.what += (r.what.empty() ? "" : " ") + a;
  for (const auto& [k, v] : extra) r.what = k + "=" + v + " " + r.what;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> envStrings = childEnvironment(extra);
  std::vector<char*> envp, args;
  for (auto& s : envStrings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argCopy = argv;
  for (auto& s : argCopy) args.push_back(s.data());
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    r.err = "posix_spawn failed: " + std::string(std::strerror(rc));
    return r;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
  int status = 0;
  for (;;) {
    const pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      r.timedOut = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFEXITED(status)) r.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  std::error_code ec;
  if (fs::exists(outFile, ec)) r.out = readBytes(outFile);
  if (fs::exists(errFile, ec)) r.err = readBytes(errFile);
  fs::remove(outFile, ec);
  fs::remove(errFile, ec);
  return r;
}

// ASan refuses an LD_PRELOADed library ahead of its runtime unless told not to check.
inline Env preloadEnv(const std::string& library) {
  return {{"LD_PRELOAD", library}, {"ASAN_OPTIONS", "verify_asan_link_order=0"}};
}

// The iofail shim: the `n`th call of `op` on a path under `dir` fails with `err` (or kills).
inline Env iofail(const fs::path& dir, const std::string& op, int n, const std::string& err = "EIO",
                  bool kill = false, const fs::path& trace = {}) {
  Env e = preloadEnv(IOFAIL_LIB);
  e["IOFAIL_DIR"] = dir.string();
  e["IOFAIL_OP"] = op;
  e["IOFAIL_N"] = std::to_string(n);
  e["IOFAIL_ERRNO"] = err;
  e["IOFAIL_KILL"] = kill ? "1" : "0";
  if (!trace.empty()) e["IOFAIL_TRACE"] = trace.string();
  return e;
}

// How many calls of `op` under `dir` a clean run makes (the shim counting only, n = 0).
inline int countLines(const fs::path& trace) {
  std::error_code ec;
  if (!fs::exists(trace, ec)) return 0;
  std::istringstream in(readBytes(trace));
  std::string line;
  int n = 0;
  while (std::getline(in, line))
    if (!line.empty() && line.rfind("iofail:", 0) != 0) ++n;
  return n;
}

// A tmpfs of `size` mounted at `dir`; unmounted (lazily, so a leftover open file cannot keep it)
// when it goes out of scope. Fails the test loudly if mounting is not allowed.
class Tmpfs {
public:
  Tmpfs(const fs::path& dir, const std::string& size) : dir_(dir) {
    fs::create_directories(dir_);
    const std::string opts = "size=" + size + ",mode=0755";
    if (::mount("tmpfs", dir_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, opts.c_str()) != 0) {
      const int e = errno;
      FAIL("cannot mount a " << size << " tmpfs at " << dir_ << ": " << std::strerror(e)
                             << (e == EPERM ? " (the fault tests need root / CAP_SYS_ADMIN to mount a tmpfs)" : ""));
    }
    mounted_ = true;
  }
  ~Tmpfs() { unmount(); }
  void unmount() {
    if (mounted_ && ::umount2(dir_.c_str(), MNT_DETACH) == 0) mounted_ = false;
  }
  Tmpfs(const Tmpfs&) = delete;
  Tmpfs& operator=(const Tmpfs&) = delete;
  const fs::path& path() const { return dir_; }

private:
  fs::path dir_;
  bool mounted_ = false;
};

// Fills the file system of `dir` to the last byte with a file named `name`.
inline void fillUp(const fs::path& dir, const std::string& name = "filler.bin") {
  const int fd = ::open((dir / name).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) FAIL("cannot create the filler file in " << dir);
  std::string block(64 * 1024, 'x');
  size_t chunk = block.size();
  while (chunk > 0) {
    const ssize_t n = ::write(fd, block.data(), chunk);
    if (n < 0) {
      if (errno != ENOSPC) {
        ::close(fd);
        FAIL("filling " << dir << ": " << std::strerror(errno));
      }
      chunk /= 2;
    }
  }
  ::close(fd);
}

// All files under `root`, as paths relative to it.
inline std::vector<std::string> filesUnder(const fs::path& root) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::exists(root, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec)) out.push_back(fs::relative(it->path(), root).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct Kiosk {
  std::string site;
  fs::path data;
  std::string deviceId;
};

// One share, the central keys and database, and kiosks.
class World {
public:
  explicit World(const std::string& tag = "sync") : tmp_(tag) {
    share = tmp_ / "share";
    keys = tmp_ / "keys";
    db = tmp_ / "central.sqlite";
    fs::create_directories(share);
  }
  // A world whose share is another directory (a tmpfs, a FUSE mount ...).
  World(const std::string& tag, bool noShare) : tmp_(tag) {
    (void)noShare;
    keys = tmp_ / "keys";
    db = tmp_ / "central.sqlite";
  }
  const TempDir& tmp() const { return tmp_; }
  fs::path dir(const std::string& name) const { return tmp_ / name; }

  fs::path share, keys, db;
  std::vector<Kiosk> kiosks;

  Proc kioskCli(const std::vector<std::string>& args, const Env& env = {}, int timeout = 120) const {
    std::vector<std::string> argv = {DAGVERK_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv, env, timeout, tmp_.path());
  }
  Proc centralCli(const std::vector<std::string>& args, const Env& env = {}, int timeout = 120) const {
    std::vector<std::string> argv = {DAGVERK_CENTRAL_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv, env, timeout, tmp_.path());
  }

  // dagverk-central init; fails the test if it does not succeed.
  void init() {
    REQUIRE(fs::exists(DAGVERK_CENTRAL_BIN));
    const Proc p = centralCli({"init", "--share", share.string(), "--keys", keys.string()});
    INFO(p.describe());
    REQUIRE(p.code == 0);
    REQUIRE(fs::exists(share / "dagverk-share.json"));
  }

  // A kiosk with the demo unit bound to `site`, enrolled the way an admin does it: a one-time
  // code from `dagverk-central enroll`, typed into `dagverk enroll`, accepted by central.
  Kiosk& addKiosk(const std::string& site = "liljan", const fs::path& dataDir = {}) {
    Kiosk k;
    k.site = site;
    k.data = dataDir.empty() ? tmp_ / ("kiosk" + std::to_string(kiosks.size() + 1)) : dataDir;
    {
      platform::SystemClock clock;
      auto s = store::KioskStore::createWithRoster(k.data, clock, store::demoRoster(), site);
      k.deviceId = s->deviceId();
    }
    enrol(k, site);
    kiosks.push_back(k);
    return kiosks.back();
  }

  // The code `dagverk-central enroll` printed ("XXXX-XXXX-XX" on a line of its own).
  static std::string codeIn(const std::string& out) {
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
      const auto first = line.find_first_not_of(' ');
      if (first == std::string::npos) continue;
      const std::string t = line.substr(first);
      if (t.size() == 12 && t[4] == '-' && t[9] == '-') return t;
    }
    return {};
  }

  // Runs the three steps of an enrolment for kiosk `k` (extra central options: "--replace").
  void enrol(const Kiosk& k, const std::string& site, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"enroll", "--share", share.string(), "--keys", keys.string(), "--site", site};
    args.insert(args.end(), extra.begin(), extra.end());
    const Proc offer = centralCli(args);
    INFO(offer.describe());
    REQUIRE(offer.code == 0);
    const std::string code = codeIn(offer.out);
    REQUIRE(code.size() == 12);
    const Proc answered =
        kioskCli({"enroll", "--data-dir", k.data.string(), "--share", share.string(), "--code", code});
    INFO(answered.describe());
    REQUIRE(answered.code == 0);
    const Proc accepted = centralCli({"enroll", "--share", share.string(), "--keys", keys.string(), "--accept"});
    INFO(accepted.describe());
    REQUIRE(accepted.code == 0);
    REQUIRE(contains(accepted.out, k.deviceId));
  }

  // `pairs` check-in + check-out pairs (and one check-in left open if `oneOpen`), in-process.
  std::vector<std::string> record(const Kiosk& k, int pairs, bool oneOpen = false) const {
    platform::SystemClock clock;
    auto s = store::KioskStore::open(k.data, clock);
    std::vector<std::string> ids;
    const auto people = s->roster().participants(k.site);
    REQUIRE(!people.empty());
    for (int i = 0; i < pairs; ++i) {
      const auto& p = people[static_cast<size_t>(i) % people.size()];
      if (s->presence().isPresent(p.id)) ids.push_back(store::perform(*s, cmd::CheckOut{p.id, std::nullopt}).front().id);
      ids.push_back(store::perform(*s, cmd::CheckIn{p.id, std::nullopt}).front().id);
      ids.push_back(store::perform(*s, cmd::CheckOut{p.id, std::nullopt}).front().id);
    }
    if (oneOpen) {
      for (const auto& p : people)
        if (!s->presence().isPresent(p.id)) {
          ids.push_back(store::perform(*s, cmd::CheckIn{p.id, std::nullopt}).front().id);
          break;
        }
    }
    return ids;
  }

  Proc sync(const Kiosk& k, const Env& env = {}, const fs::path& shareDir = {}) const {
    return kioskCli({"sync", "--data-dir", k.data.string(), "--share", (shareDir.empty() ? share : shareDir).string()},
                    env);
  }
  Proc import(const Env& env = {}, const fs::path& dbFile = {}, const fs::path& shareDir = {}) const {
    return centralCli({"import", "--share", (shareDir.empty() ? share : shareDir).string(), "--keys", keys.string(),
                       "--db", (dbFile.empty() ? db : dbFile).string()},
                      env);
  }
  Proc status(bool json = true) const {
    std::vector<std::string> a = {"status", "--db", db.string()};
    if (json) a.push_back("--json");
    return centralCli(a);
  }

  // Events of a kiosk that central has acknowledged by receipt.
  static long long acked(const Kiosk& k) {
    RawDb raw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
    return raw.integer("SELECT count(*) FROM sync_acked");
  }
  static std::string kioskIntegrity(const Kiosk& k) {
    RawDb raw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
    return raw.text("PRAGMA integrity_check");
  }
  // Event ids in a kiosk's database.
  static std::multiset<std::string> kioskEvents(const Kiosk& k) {
    RawDb raw(k.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
    std::multiset<std::string> ids;
    for (auto& r : raw.rows("SELECT id FROM event")) ids.insert(r[0]);
    return ids;
  }
  std::multiset<std::string> allKioskEvents() const {
    std::multiset<std::string> ids;
    for (const auto& k : kiosks) {
      auto some = kioskEvents(k);
      ids.insert(some.begin(), some.end());
    }
    return ids;
  }
  // Event ids in the central database (a multiset: a duplicate would show up twice).
  std::multiset<std::string> centralEvents(const fs::path& dbFile = {}) const {
    const fs::path f = dbFile.empty() ? db : dbFile;
    std::multiset<std::string> ids;
    if (!fs::exists(f)) return ids;
    RawDb raw(f, SQLITE_OPEN_READONLY);
    for (auto& r : raw.rows("SELECT id FROM event")) ids.insert(r[0]);
    return ids;
  }
  long long centralCount(const std::string& sql, const fs::path& dbFile = {}) const {
    RawDb raw(dbFile.empty() ? db : dbFile, SQLITE_OPEN_READONLY);
    return raw.integer(sql);
  }
  std::string centralIntegrity(const fs::path& dbFile = {}) const {
    RawDb raw(dbFile.empty() ? db : dbFile, SQLITE_OPEN_READONLY);
    return raw.text("PRAGMA integrity_check");
  }

  // The share holds only what belongs there: the marker, batch/manifest pairs (a batch may
  // lack its manifest after a failure: the import ignores it), receipts, bundles, and
  // ignorable *.tmp files. Returns a description of each stray file (empty: clean).
  std::vector<std::string> strayFiles(const fs::path& shareDir = {}) const {
    const fs::path root = shareDir.empty() ? share : shareDir;
    const auto files = filesUnder(root);
    const std::set<std::string> all(files.begin(), files.end());
    std::vector<std::string> stray;
    for (const auto& f : files) {
      if (f == "dagverk-share.json" || endsWith(f, ".tmp")) continue;
      if (f.rfind("inbox/", 0) == 0 && endsWith(f, ".batch")) continue;
      if (f.rfind("inbox/", 0) == 0 && endsWith(f, ".manifest")) {
        const std::string batch = f.substr(0, f.size() - 9) + ".batch";
        if (!all.count(batch)) stray.push_back(f + " (a manifest without its batch)");
        continue;
      }
      if (f.rfind("receipts/", 0) == 0 && endsWith(f, ".receipt")) continue;
      if (f.rfind("bundles/", 0) == 0 && endsWith(f, ".bundle")) continue;
      stray.push_back(f);
    }
    return stray;
  }
  std::vector<std::string> quarantined(const fs::path& shareDir = {}) const {
    return filesUnder((shareDir.empty() ? share : shareDir) / "quarantine");
  }
  // Batch/manifest files under inbox/, relative to the share.
  std::vector<std::string> inboxFiles(const std::string& suffix, const fs::path& shareDir = {}) const {
    std::vector<std::string> out;
    for (const auto& f : filesUnder(shareDir.empty() ? share : shareDir))
      if (f.rfind("inbox/", 0) == 0 && endsWith(f, suffix)) out.push_back(f);
    return out;
  }

private:
  TempDir tmp_;
};

// Every kiosk event is in central exactly once, and central has nothing else.
#define CHECK_CENTRAL_EQUALS_KIOSKS(world)                                                                           \
  do {                                                                                                               \
    const auto kioskIds_ = (world).allKioskEvents();                                                                 \
    const auto centralIds_ = (world).centralEvents();                                                                \
    CHECK(centralIds_.size() == kioskIds_.size());                                                                   \
    CHECK(std::set<std::string>(centralIds_.begin(), centralIds_.end()).size() == centralIds_.size());              \
    CHECK(centralIds_ == kioskIds_);                                                                                 \
  } while (false)

inline std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

#define CHECK_NO_STRAYS(world)                                                                                       \
  do {                                                                                                               \
    const auto stray_ = (world).strayFiles();                                                                        \
    INFO("stray files on the share:\n" << joined(stray_) << "all files:\n" << joined(filesUnder((world).share)));  \
    CHECK(stray_.empty());                                                                                           \
  } while (false)

// Stray files that were not in `before` (so one fault's leftovers are reported once).
#define CHECK_NO_NEW_STRAYS(world, before)                                                                           \
  do {                                                                                                               \
    std::vector<std::string> new_;                                                                                   \
    for (const auto& f_ : (world).strayFiles())                                                                      \
      if (std::find((before).begin(), (before).end(), f_) == (before).end()) new_.push_back(f_);                     \
    INFO("new stray files on the share:\n" << joined(new_) << "all files:\n" << joined(filesUnder((world).share))); \
    CHECK(new_.empty());                                                                                             \
  } while (false)

// A message in Swedish for people (on stderr) and an English log line.
inline bool hasSwedishAndEnglish(const Proc& p) {
  const bool swedish = contains(p.err, "å") || contains(p.err, "ä") || contains(p.err, "ö") ||
                       contains(p.err, "Å") || contains(p.err, "Ä") || contains(p.err, "Ö") ||
                       contains(p.err, " inte ") || contains(p.err, "kunde") || contains(p.err, "mappen");
  const bool english = contains(p.err, "error") || contains(p.err, "failed") || contains(p.err, "cannot");
  return swedish && english;
}

} // namespace dagverk::test
