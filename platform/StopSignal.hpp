#pragma once
// SIGTERM and SIGINT for a long-running service: blocked from the start, so a signal that comes
// during work stays pending and is seen at the next wait — the work is never cut in half.
#include <cstdint>

namespace dagverk::platform {

// Blocks SIGTERM and SIGINT in the calling thread (and in threads it starts later). Call first,
// before any thread is started.
void blockStopSignals();

// Waits up to `ms` milliseconds for SIGTERM or SIGINT. Returns the signal's number (consumed),
// or 0 when the time ran out.
int waitForStopSignal(std::int64_t ms);

} // namespace dagverk::platform
