// bench_idle: CPU used by the kiosk while nothing happens.
//
// Starts `dagverk --data-dir D` (demo unit) and, beside it, `bench_bare_window --idle` (one
// frame, then SDL_WaitEventTimeout(1000) in a loop without rendering), both under
// SDL_VIDEODRIVER=offscreen. After a start-up wait it reads utime+stime from /proc/<pid>/stat
// for each, sleeps, reads again and stops both with SIGTERM. Prints CPU % of one core.
#include "BenchUtil.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"
#include "platform/SystemClock.hpp"
#include "platform/TimeZone.hpp"

#include <fstream>
#include <sstream>
#include <thread>

namespace {

using namespace dagverk;
using namespace dagverk::bench;

struct Sample {
  std::int64_t ticks = 0;    // utime + stime, all threads, in clock ticks
  std::int64_t switches = 0; // voluntary context switches of the main thread (wake-ups)
  std::int64_t atNs = 0;
};

Sample sample(pid_t pid) {
  Sample s;
  s.atNs = monoNs();
  const std::string proc = "/proc/" + std::to_string(pid);
  std::ifstream stat(proc + "/stat");
  std::string line;
  if (!std::getline(stat, line)) throw std::runtime_error("cannot read " + proc + "/stat");
  // Fields after "(comm)": state is field 3; utime and stime are fields 14 and 15.
  std::istringstream rest(line.substr(line.rfind(')') + 2));
  std::string field;
  for (int i = 3; i <= 15 && rest >> field; ++i)
    if (i == 14 || i == 15) s.ticks += std::stoll(field);
  std::ifstream status(proc + "/status");
  while (std::getline(status, line))
    if (line.rfind("voluntary_ctxt_switches:", 0) == 0) s.switches = std::stoll(line.substr(24));
  return s;
}

struct Result {
  double cpuPercent = 0;
  double wakeupsPerSecond = 0;
};

Result between(const Sample& a, const Sample& b) {
  const double wall = static_cast<double>(b.atNs - a.atNs) / 1e9;
  const double cpu = static_cast<double>(b.ticks - a.ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
  return Result{100.0 * cpu / wall, static_cast<double>(b.switches - a.switches) / wall};
}

void sleepSeconds(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

void mustBeRunning(pid_t pid, const char* name, const fs::path& log) {
  if (!stillRunning(pid)) throw std::runtime_error(std::string(name) + " exited early:\n" + tail(log));
}

int run(int argc, char** argv) {
  long seconds = 30, startup = 2, rounds = 3;
  bool quick = false, keep = false;
  std::string dirArg;
  ArgReader a{argc, argv};
  while (!a.done()) {
    const std::string o = a.next();
    if (o == "--quick") quick = true;
    else if (o == "--seconds") seconds = a.number(o);
    else if (o == "--startup") startup = a.number(o);
    else if (o == "--rounds") rounds = a.number(o);
    else if (o == "--dir") dirArg = a.value(o);
    else if (o == "--keep") keep = true;
    else {
      std::fprintf(stderr,
                   "usage: bench_idle [--quick] [--seconds N] [--startup S] [--rounds R] [--dir D] [--keep]\n");
      return 2;
    }
  }
  if (quick) {
    seconds = 3;
    rounds = 1;
  }

  ScratchDir scratch(dirArg, "bench-idle", keep);
  const fs::path data = scratch.path() / "data";
  {
    platform::SystemClock clock;
    store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
  }
  std::printf("bench_idle: CPU of one core while idle, from /proc/<pid>/stat utime+stime%s\n", quick ? " [quick]" : "");
  std::printf("baseline: %s --idle (one frame, then SDL_WaitEventTimeout(1000) in a loop)\n", DAGVERK_BENCH_BARE);
  std::printf("ours:     %s --data-dir %s (demo unit, home screen)\n", DAGVERK_BENCH_KIOSK, data.c_str());
  std::printf("env:      SDL_VIDEODRIVER=offscreen; both run side by side; %ld s start-up, then %ld s measured, "
              "%ld round(s); clock tick %ld ms\n\n",
              startup, seconds, rounds, 1000 / sysconf(_SC_CLK_TCK));
  std::fflush(stdout);

  const OffscreenEnv env;
  const fs::path bareLog = scratch.path() / "bare.log", kioskLog = scratch.path() / "kiosk.log";
  std::vector<double> bareCpu, kioskCpu, bareWake, kioskWake;
  std::printf("round  bare %%cpu  kiosk %%cpu  bare wakeups/s  kiosk wakeups/s\n");
  for (long r = 0; r < rounds; ++r) {
    const pid_t kiosk = spawn({DAGVERK_BENCH_KIOSK, "--data-dir", data.string()}, env, kioskLog);
    pid_t bare = -1;
    try {
      bare = spawn({DAGVERK_BENCH_BARE, "--idle"}, env, bareLog);
      sleepSeconds(static_cast<double>(startup));
      mustBeRunning(kiosk, "dagverk", kioskLog);
      mustBeRunning(bare, "bench_bare_window", bareLog);
      const Sample k0 = sample(kiosk), b0 = sample(bare);
      sleepSeconds(static_cast<double>(seconds));
      const Sample k1 = sample(kiosk), b1 = sample(bare);
      mustBeRunning(kiosk, "dagverk", kioskLog);
      mustBeRunning(bare, "bench_bare_window", bareLog);
      const Result k = between(k0, k1), b = between(b0, b1);
      kioskCpu.push_back(k.cpuPercent);
      bareCpu.push_back(b.cpuPercent);
      kioskWake.push_back(k.wakeupsPerSecond);
      bareWake.push_back(b.wakeupsPerSecond);
      std::printf("%5ld  %9.2f  %10.2f  %14.0f  %15.0f\n", r + 1, b.cpuPercent, k.cpuPercent, b.wakeupsPerSecond,
                  k.wakeupsPerSecond);
      std::fflush(stdout);
    } catch (...) {
      stop(kiosk);
      if (bare > 0) stop(bare);
      throw;
    }
    stop(kiosk);
    stop(bare);
  }

  const double mb = median(bareCpu), mk = median(kioskCpu);
  std::printf("\n                         median %%cpu  wakeups/s (main thread)\n");
  std::printf("baseline: bare idle loop %12.2f  %10.0f\n", mb, median(bareWake));
  std::printf("ours: dagverk            %12.2f  %10.0f\n", mk, median(kioskWake));
  std::printf("difference ours-bare     %12.2f  percentage points\n", mk - mb);
  if (mb > 0)
    std::printf("ratio ours/bare          %11.2fx\n", mk / mb);
  else
    std::printf("ratio ours/bare          n/a (baseline used no measurable CPU)\n");
  std::printf("\ngoal: kiosk under 1%% of one core: %.2f%%, %s\n", mk, mk < 1.0 ? "met" : "MISSED");
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  if (!dagverk::platform::installConfiguredTimeZone("bench_idle")) return 1;
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_idle: %s\n", e.what());
    return 1;
  }
}
