#include "Event.hpp"

#include "Error.hpp"

#include <cereal/archives/json.hpp>
#include <cereal/cereal.hpp>

#include <sstream>

namespace dagverk {

template <class Archive> void CheckedIn::serialize(Archive& ar) {
  ar(cereal::make_nvp("participantId", participantId), cereal::make_nvp("at", at));
}

template <class Archive> void CheckedOut::serialize(Archive& ar) {
  ar(cereal::make_nvp("participantId", participantId), cereal::make_nvp("at", at),
     cereal::make_nvp("automatic", automatic), cereal::make_nvp("checkInEventId", checkInEventId));
}

const char* kindOf(const EventPayload& p) {
  return std::visit([](const auto& v) { return std::decay_t<decltype(v)>::kKind; }, p);
}

const std::string& subjectOf(const EventPayload& p) {
  return std::visit([](const auto& v) -> const std::string& { return v.subject(); }, p);
}

std::string encodePayload(const EventPayload& p) {
  std::ostringstream os;
  {
    cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
    std::visit([&](const auto& v) { ar(cereal::make_nvp("v", const_cast<std::decay_t<decltype(v)>&>(v))); }, p);
  }
  return os.str();
}

namespace {
template <size_t I = 0>
EventPayload decodeAlternative(const std::string& kind, const std::string& json) {
  if constexpr (I == std::variant_size_v<EventPayload>) {
    throw DagverkError(ErrorCode::BadInput, "Okänd händelsetyp.", "unknown event kind '" + kind + "'");
  } else {
    using T = std::variant_alternative_t<I, EventPayload>;
    if (kind == T::kKind) {
      T value;
      try {
        std::istringstream is(json);
        cereal::JSONInputArchive ar(is);
        ar(cereal::make_nvp("v", value));
      } catch (const std::exception& e) {
        throw DagverkError(ErrorCode::BadInput, "En händelse kunde inte läsas.",
                           std::string("malformed payload for ") + T::kKind + ": " + e.what());
      }
      return value;
    }
    return decodeAlternative<I + 1>(kind, json);
  }
}
} // namespace

EventPayload decodePayload(const std::string& kind, const std::string& json) {
  return decodeAlternative(kind, json);
}

} // namespace dagverk
