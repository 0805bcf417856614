#pragma once
// Time-ordered UUIDs (version 7) for events, devices and batches.
#include "core/Clock.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dagverk {

// 10 random bytes from the caller (libsodium in the store, fixed bytes in tests).
std::string makeUuidV7(UtcMs now, const std::array<std::uint8_t, 10>& random);
bool isUuid(const std::string& s);

// The one rule for the ids a roster brings (site, participant, staff and activity ids, from a
// CSV file, a bundle or the command line): 1..64 bytes of ASCII letters, digits, '-' and '_'.
// A site id becomes a folder on the share and every id a key in both databases, so no '.',
// '/', space or anything else that could change what a path names.
inline constexpr std::size_t kMaxRecordIdBytes = 64;
bool isValidId(std::string_view id);

// A participant's photo value: a bare file name inside the kiosk's photos folder. No '/' or
// '\\', no "..", no leading '.', no control characters, at most kMaxPhotoFileNameBytes.
inline constexpr std::size_t kMaxPhotoFileNameBytes = 128;
bool isPhotoFileName(std::string_view name);

} // namespace dagverk
