#pragma once
// Small helpers shared by the benchmark programs: statistics, a scratch directory on a real
// disk, a monotonic clock, and spawning/reaping child processes. Header-only on purpose.
#include <fcntl.h>
#include <linux/magic.h>
#include <signal.h>
#include <spawn.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace dagverk::bench {

namespace fs = std::filesystem;

// --- time ---------------------------------------------------------------------------------------

inline std::int64_t monoNs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// --- statistics ---------------------------------------------------------------------------------

// Nearest-rank percentile (p in 0..100) of an unsorted sample.
inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const double rank = std::ceil(p / 100.0 * static_cast<double>(v.size()));
  const size_t i = static_cast<size_t>(std::clamp(rank, 1.0, static_cast<double>(v.size()))) - 1;
  return v[i];
}

inline double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

inline double mean(const std::vector<double>& v) {
  if (v.empty()) return 0;
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

// --- arguments ----------------------------------------------------------------------------------

struct ArgReader {
  int argc;
  char** argv;
  int i = 1;
  bool done() const { return i >= argc; }
  std::string next() { return argv[i++]; }
  std::string value(const std::string& option) {
    if (i >= argc) throw std::runtime_error(option + " needs a value");
    return argv[i++];
  }
  long number(const std::string& option) {
    const std::string v = value(option);
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (!end || *end || n <= 0) throw std::runtime_error(option + " needs a positive number, not '" + v + "'");
    return n;
  }
};

// --- scratch directory --------------------------------------------------------------------------

inline const char* fileSystemName(const fs::path& dir) {
  struct statfs st{};
  if (statfs(dir.c_str(), &st) != 0) return "unknown";
  switch (static_cast<unsigned long>(st.f_type)) {
  case TMPFS_MAGIC: return "tmpfs";
  case RAMFS_MAGIC: return "ramfs";
  case EXT4_SUPER_MAGIC: return "ext4"; // same magic as ext2/ext3
  case BTRFS_SUPER_MAGIC: return "btrfs";
  case XFS_SUPER_MAGIC: return "xfs";
  case OVERLAYFS_SUPER_MAGIC: return "overlayfs";
  default: return "other";
  }
}

inline bool isMemoryBacked(const fs::path& dir) {
  const std::string t = fileSystemName(dir);
  return t == "tmpfs" || t == "ramfs";
}

// A fresh directory under `given` (or the current directory) on a real disk: fsync on tmpfs
// costs nothing and would make a durability benchmark meaningless, so a memory-backed choice
// falls back to the build directory.
class ScratchDir {
public:
  ScratchDir(const std::string& given, const std::string& prefix, bool keep) : keep_(keep) {
    fs::path parent = given.empty() ? fs::current_path() : fs::path(given);
    if (isMemoryBacked(parent)) {
      std::fprintf(stderr, "note: %s is %s (memory-backed); using the build directory %s instead\n",
                   parent.c_str(), fileSystemName(parent), DAGVERK_BENCH_BUILD_DIR);
      parent = DAGVERK_BENCH_BUILD_DIR;
    }
    std::string templ = (parent / (prefix + "-XXXXXX")).string();
    if (!mkdtemp(templ.data()))
      throw std::runtime_error("cannot create a scratch directory in " + parent.string() + ": " + std::strerror(errno));
    path_ = templ;
  }
  ~ScratchDir() {
    std::error_code ec;
    if (keep_)
      std::fprintf(stderr, "kept %s\n", path_.c_str());
    else
      fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

private:
  fs::path path_;
  bool keep_;
};

// --- child processes ----------------------------------------------------------------------------

// The current environment with SDL_VIDEODRIVER=offscreen (the benchmarks never open a real
// display, so the kiosk and the baseline always get the same driver and software renderer).
class OffscreenEnv {
public:
  OffscreenEnv() {
    for (char** e = environ; *e; ++e)
      if (std::strncmp(*e, "SDL_VIDEODRIVER=", 16) != 0) vars_.emplace_back(*e);
    vars_.emplace_back("SDL_VIDEODRIVER=offscreen");
    for (auto& v : vars_) ptrs_.push_back(v.data());
    ptrs_.push_back(nullptr);
  }
  char* const* envp() const { return ptrs_.data(); }

private:
  std::vector<std::string> vars_;
  std::vector<char*> ptrs_;
};

// posix_spawn with stdin from /dev/null and stdout+stderr appended to `logFile`.
inline pid_t spawn(const std::vector<std::string>& args, const OffscreenEnv& env, const fs::path& logFile) {
  std::vector<char*> argv;
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), env.envp());
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw std::runtime_error("posix_spawn " + args[0] + ": " + std::strerror(rc));
  return pid;
}

// Waits for the child; returns its exit status (128+signal if killed).
inline int reap(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

inline bool stillRunning(pid_t pid) {
  int status = 0;
  return waitpid(pid, &status, WNOHANG) == 0;
}

// SIGTERM (SDL turns it into SDL_QUIT, so the program shuts down normally), then SIGKILL
// if it has not exited within two seconds.
inline void stop(pid_t pid) {
  kill(pid, SIGTERM);
  const std::int64_t deadline = monoNs() + 2'000'000'000;
  int status = 0;
  while (monoNs() < deadline) {
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid || (r < 0 && errno != EINTR)) return;
    usleep(10'000);
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
}

inline std::string tail(const fs::path& file, size_t maxBytes = 2000) {
  std::FILE* f = std::fopen(file.c_str(), "rb");
  if (!f) return {};
  std::string s;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  std::fclose(f);
  return s.size() > maxBytes ? s.substr(s.size() - maxBytes) : s;
}

} // namespace dagverk::bench
