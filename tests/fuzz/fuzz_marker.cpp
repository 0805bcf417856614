// libFuzzer target: the share's marker (dagverk-share.json, placed by whoever can write the
// share) and the device public key text `dagverk keys` prints: small texts that carry keys.
// Only DagverkError may come out.
#include "FuzzSupport.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  fuzz::expectOnlyDagverkErrors([&] {
    // Reading only: the writer (cereal's JSON archive over rapidjson) is not fed from here, as
    // rapidjson's stack computes null + offset on its first push, which UBSan reports.
    sync::decodeMarker(in);
  });
  fuzz::expectOnlyDagverkErrors([&] { sync::parseDevicePublicKey(in); });
  return 0;
}
