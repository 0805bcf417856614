#pragma once
// Time-ordered UUIDs (version 7) for events, devices and batches.
#include "core/Clock.hpp"

#include <array>
#include <cstdint>
#include <string>

namespace dagverk {

// 10 random bytes from the caller (libsodium in the store, fixed bytes in tests).
std::string makeUuidV7(UtcMs now, const std::array<std::uint8_t, 10>& random);
bool isUuid(const std::string& s);

} // namespace dagverk
