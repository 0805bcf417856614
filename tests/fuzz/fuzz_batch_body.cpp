// libFuzzer target: what is behind a batch's signature: the input re-signed with the device key
// goes through the sealed key, the encrypted stream and the payload, and the payload parser is
// also given the input directly; every event payload it yields is then decoded as the central
// does. Only DagverkError may come out of the readers; PayloadError and cereal's exceptions out
// of the bare payload parser.
#include "FuzzKeys.hpp"
#include "FuzzSupport.hpp"
#include "core/Event.hpp"
#include "sync/SyncInternal.hpp"

#include <cstddef>
#include <cstdint>

using namespace dagverk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::FuzzKeys keys = fuzz::makeFuzzKeys();
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  fuzz::expectOnlyDagverkErrors(
      [&] { sync::openBatch(fuzz::resigned(in, keys.device.signSk), keys.device.signPk, keys.central); });
  try {
    const auto batch = sync::detail::decodeBatchPayload(in);
    for (const auto& e : batch.events) fuzz::expectOnlyDagverkErrors([&] { decodePayload(e.kind, e.payloadJson); });
  } catch (const sync::detail::PayloadError&) {
  } catch (const cereal::Exception&) {
  }
  return 0;
}
