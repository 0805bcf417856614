// libFuzzer target: the share's marker (dagverk-share.json, placed by whoever can write the
// share) and the device public key text `dagverk keys` prints: small texts that carry keys.
// A marker that parses has its signature checked with the fixed central key, as a kiosk checks it
// with the key pinned at enrolment. Only DagverkError may come out.
#include "FuzzKeys.hpp"
#include "FuzzSupport.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::FuzzKeys keys = fuzz::makeFuzzKeys();
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  fuzz::expectOnlyDagverkErrors([&] {
    // Reading only: the writer (cereal's JSON archive over rapidjson) is not fed from here, as
    // rapidjson's stack computes null + offset on its first push, which UBSan reports.
    sync::verifyMarker(sync::decodeMarker(in), keys.central.signPk);
  });
  fuzz::expectOnlyDagverkErrors([&] { sync::parseDevicePublicKey(in); });
  return 0;
}
