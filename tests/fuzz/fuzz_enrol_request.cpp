// libFuzzer target: an enrolment request (enrol/<device-id>.request) as central reads it on its
// next import. Anyone who can write the share can place one; central parses it to find the
// offer whose stretched code checks its MAC. A parsed request is written again with the
// project's writer and must read back the same, with a valid MAC.
#include "FuzzKeys.hpp"
#include "FuzzSupport.hpp"
#include "sync/Enrolment.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sync::EnrolKey key = fuzz::fixedEnrolKey();
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  fuzz::expectOnlyDagverkErrors([&] {
    const sync::EnrolmentRequest request = sync::parseRequest(in);
    (void)sync::requestMacValid(in, key);
    const std::string again = sync::encodeRequest(request, key);
    const sync::EnrolmentRequest back = sync::parseRequest(again);
    if (back.offerId != request.offerId || back.deviceId != request.deviceId || back.siteId != request.siteId ||
        back.deviceSignPk != request.deviceSignPk || back.deviceBoxPk != request.deviceBoxPk ||
        !sync::requestMacValid(again, key))
      __builtin_trap();
  });
  return 0;
}
