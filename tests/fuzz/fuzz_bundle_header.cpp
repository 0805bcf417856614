// libFuzzer target: a bundle's cleartext header (magic, version, recipients, sealed keys) as the
// kiosk and the central read it, with the signature as found (so mostly refused there).
#include "FuzzKeys.hpp"
#include "FuzzSupport.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::FuzzKeys keys = fuzz::makeFuzzKeys();
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  fuzz::expectOnlyDagverkErrors([&] { sync::peekBundleVersion(in); });
  fuzz::expectOnlyDagverkErrors([&] {
    const auto b = sync::openBundle(in, keys.central.signPk, keys.device);
    if (b.version != sync::peekBundleVersion(in)) __builtin_trap();
  });
  fuzz::expectOnlyDagverkErrors([&] { sync::openBundleAsCentral(in, keys.central); });
  return 0;
}
