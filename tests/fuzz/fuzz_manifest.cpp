// libFuzzer target: a batch's manifest (inbox/.../*.manifest), which the central parses before
// anything about it is trusted. Only DagverkError may come out.
#include "FuzzSupport.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  fuzz::expectOnlyDagverkErrors([&] {
    // Reading only: see fuzz_marker.cpp on the writer.
    sync::decodeManifest(in);
  });
  return 0;
}
