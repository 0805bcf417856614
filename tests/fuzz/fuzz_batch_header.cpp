// libFuzzer target: a batch's cleartext header (magic, version, device id, sealed key) as the
// central reads it, with the signature as found (so mostly refused there).
#include "FuzzKeys.hpp"
#include "FuzzSupport.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::FuzzKeys keys = fuzz::makeFuzzKeys();
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  fuzz::expectOnlyDagverkErrors([&] { sync::peekBatchDeviceId(in); });
  fuzz::expectOnlyDagverkErrors([&] {
    const auto b = sync::openBatch(in, keys.device.signPk, keys.central);
    if (b.deviceId != sync::peekBatchDeviceId(in)) __builtin_trap();
  });
  return 0;
}
