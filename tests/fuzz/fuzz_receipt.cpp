// libFuzzer target: a receipt (receipts/<device>/*.receipt) as the kiosk reads it, as found and
// re-signed with the central key (so mutations reach the body behind the signature).
#include "FuzzKeys.hpp"
#include "FuzzSupport.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::FuzzKeys keys = fuzz::makeFuzzKeys();
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  fuzz::expectOnlyDagverkErrors([&] { sync::openReceipt(in, keys.central.signPk); });
  fuzz::expectOnlyDagverkErrors([&] { sync::openReceipt(fuzz::resigned(in, keys.central.signSk), keys.central.signPk); });
  return 0;
}
