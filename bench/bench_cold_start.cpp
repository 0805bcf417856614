// bench_cold_start: process start to first rendered frame.
//
// Builds a data directory with the demo unit and a 50,000-event log, then alternately spawns
// the bare SDL + ImGui window (bench_bare_window) and `dagverk --data-dir D --frames 1`, timing
// each from posix_spawn to waitpid on the monotonic clock, under SDL_VIDEODRIVER=offscreen.
// Both run with a warm page cache (one untimed run of each first): this measures the work
// the programs do, not the disk's read-ahead.
#include "BenchUtil.hpp"
#include "KioskHistory.hpp"

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
  const Built built = buildKioskHistory(data, events, true);
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
