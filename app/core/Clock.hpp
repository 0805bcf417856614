#pragma once
// Time is injected everywhere: the kiosk uses the system clock, tests a clock they set.
#include <cstdint>

namespace dagverk {

// Milliseconds since the Unix epoch, UTC.
using UtcMs = std::int64_t;

class Clock {
public:
  virtual ~Clock() = default;
  virtual UtcMs nowUtc() const = 0;
};

class ManualClock final : public Clock {
public:
  explicit ManualClock(UtcMs start) : now_(start) {}
  UtcMs nowUtc() const override { return now_; }
  void set(UtcMs t) { now_ = t; }
  void advanceMs(std::int64_t ms) { now_ += ms; }

private:
  UtcMs now_;
};

} // namespace dagverk
