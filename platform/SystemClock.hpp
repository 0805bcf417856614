#pragma once
#include "core/Clock.hpp"

namespace dagverk::platform {

// The machine's wall clock. Tests use ManualClock instead.
class SystemClock final : public Clock {
public:
  UtcMs nowUtc() const override;
};

// Monotonic milliseconds, for measuring durations (never for records).
std::int64_t monotonicMs();

} // namespace dagverk::platform
