#include "platform/StopSignal.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <ctime>
#include <stdexcept>

namespace dagverk::platform {

namespace {
sigset_t stopSet() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}
} // namespace

void blockStopSignals() {
  const sigset_t set = stopSet();
  if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) throw std::runtime_error("pthread_sigmask failed");
}

int waitForStopSignal(std::int64_t ms) {
  const sigset_t set = stopSet();
  const auto nowMs = [] {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<std::int64_t>(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
  };
  const std::int64_t deadline = nowMs() + ms;
  for (;;) {
    const std::int64_t rest = std::max<std::int64_t>(0, deadline - nowMs());
    const timespec left{static_cast<time_t>(rest / 1000), static_cast<long>((rest % 1000) * 1000000)};
    const int sig = sigtimedwait(&set, nullptr, &left);
    if (sig > 0) return sig;
    if (errno == EAGAIN) return 0;
    // EINTR (another signal interrupted the wait): wait for what is left of the interval.
    if (errno != EINTR) throw std::runtime_error("sigtimedwait failed");
  }
}

} // namespace dagverk::platform
