#include "platform/SystemClock.hpp"

#include <chrono>

namespace dagverk::platform {

UtcMs SystemClock::nowUtc() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::int64_t monotonicMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace dagverk::platform
