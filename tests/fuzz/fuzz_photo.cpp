// libFuzzer target: a participant photo file's bytes (photos may come from USB sticks) through
// the photo reader: signature, header, limits, then stb_image's PNG decoder (compiled
// with the same instrumentation as this target). Only DagverkError may come out.
#include "FuzzSupport.hpp"
#include "core/InputLimits.hpp"
#include "platform/PhotoFile.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  fuzz::expectOnlyDagverkErrors([&] {
    const auto photo = platform::decodePhoto(in);
    if (photo.width < 1 || photo.height < 1 || photo.width > limits::kPhotoMaxSide ||
        photo.height > limits::kPhotoMaxSide ||
        photo.rgba.size() != static_cast<std::size_t>(photo.width) * static_cast<std::size_t>(photo.height) * 4)
      __builtin_trap();
  });
  return 0;
}
