#pragma once
// Time is injected everywhere: the kiosk uses the system clock, tests a clock they set.
#include <atomic>
#include <cstdint>

namespace dagverk {

// Milliseconds since the Unix epoch, UTC.
using UtcMs = std::int64_t;

class Clock {
public:
  virtual ~Clock() = default;
  virtual UtcMs nowUtc() const = 0;
};

// A clock its owner sets. The kiosk reads its clock from the sync worker thread too, so the
// time is atomic: setting it while a worker reads is safe.
class ManualClock final : public Clock {
public:
  explicit ManualClock(UtcMs start) : now_(start) {}
  UtcMs nowUtc() const override { return now_.load(std::memory_order_relaxed); }
  void set(UtcMs t) { now_.store(t, std::memory_order_relaxed); }
  void advanceMs(std::int64_t ms) { now_.fetch_add(ms, std::memory_order_relaxed); }

private:
  std::atomic<UtcMs> now_;
};

} // namespace dagverk
