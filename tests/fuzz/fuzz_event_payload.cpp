// libFuzzer target: an event's payload JSON as the central reads it from another device's batch
// (and the kiosk from its own store). The first byte picks the event kind, the rest is the JSON.
// Only DagverkError may come out.
#include "FuzzSupport.hpp"
#include "core/Event.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

using namespace dagverk;

namespace {
template <std::size_t... I> std::vector<std::string> kindsOf(std::index_sequence<I...>) {
  return {std::variant_alternative_t<I, EventPayload>::kKind...};
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> kinds = kindsOf(std::make_index_sequence<std::variant_size_v<EventPayload>>());
  if (size == 0) return 0;
  const std::string& kind = kinds[data[0] % kinds.size()];
  const std::string json(reinterpret_cast<const char*>(data + 1), size - 1);
  fuzz::expectOnlyDagverkErrors([&] {
    // Reading only: see fuzz_marker.cpp on the writer.
    decodePayload(kind, json);
  });
  return 0;
}
