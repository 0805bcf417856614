// libFuzzer target: what is behind a bundle's signature: the input re-signed with the central
// key goes through the sealed keys, the encrypted stream and the payload (for a kiosk and for the
// central), and the payload parser is also given the input directly. Only DagverkError may come
// out of the readers; PayloadError and cereal's exceptions out of the bare payload parser.
#include "FuzzKeys.hpp"
#include "FuzzSupport.hpp"
#include "sync/SyncInternal.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::FuzzKeys keys = fuzz::makeFuzzKeys();
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::string bundle = fuzz::resigned(in, keys.central.signSk);
  fuzz::expectOnlyDagverkErrors([&] { sync::openBundle(bundle, keys.central.signPk, keys.device); });
  fuzz::expectOnlyDagverkErrors([&] { sync::openBundleAsCentral(bundle, keys.central); });
  try {
    sync::detail::decodeBundlePayload(in);
  } catch (const sync::detail::PayloadError&) {
  } catch (const cereal::Exception&) {
  }
  return 0;
}
