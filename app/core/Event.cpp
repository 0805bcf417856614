#include "core/Event.hpp"
#include "core/InputLimits.hpp"
#include "core/StrictJsonArchive.hpp"

#include "core/Error.hpp"

#include <cereal/archives/json.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <cstring>
#include <sstream>

namespace dagverk {

template <class Archive> void CheckedIn::serialize(Archive& ar) {
  ar(cereal::make_nvp("participantId", participantId), cereal::make_nvp("at", at));
}

namespace {
// An optional last field: written only when set, so every payload written before the field
// existed (and every one without it) keeps its exact bytes, and read only when present, so old
// rows still decode. The payloads travel as JSON text everywhere (store, batches, central).
template <class Archive> void optionalFlag(Archive& ar, const char* name, bool& flag) {
  if constexpr (Archive::is_loading::value) {
    const char* next = ar.getNodeName();
    if (next && std::strcmp(next, name) == 0) ar(cereal::make_nvp(name, flag));
  } else if (flag) {
    ar(cereal::make_nvp(name, flag));
  }
}
} // namespace

template <class Archive> void CheckedOut::serialize(Archive& ar) {
  ar(cereal::make_nvp("participantId", participantId), cereal::make_nvp("at", at),
     cereal::make_nvp("automatic", automatic), cereal::make_nvp("checkInEventId", checkInEventId));
  optionalFlag(ar, "clockFault", clockFault);
}

template <class Archive> void StaffCheckedIn::serialize(Archive& ar) {
  ar(cereal::make_nvp("staffId", staffId), cereal::make_nvp("at", at));
}

template <class Archive> void StaffCheckedOut::serialize(Archive& ar) {
  ar(cereal::make_nvp("staffId", staffId), cereal::make_nvp("at", at), cereal::make_nvp("automatic", automatic),
     cereal::make_nvp("checkInEventId", checkInEventId));
  optionalFlag(ar, "clockFault", clockFault);
}

template <class Archive> void Corrected::serialize(Archive& ar) {
  ar(cereal::make_nvp("correctsEventId", correctsEventId), cereal::make_nvp("subjectId", subjectId),
     cereal::make_nvp("reason", reason));
}

template <class Archive> void AbsenceNoted::serialize(Archive& ar) {
  ar(cereal::make_nvp("participantId", participantId), cereal::make_nvp("date", date),
     cereal::make_nvp("reason", reason), cereal::make_nvp("comment", comment));
}

template <class Archive> void ActivitySessionLogged::serialize(Archive& ar) {
  ar(cereal::make_nvp("sessionId", sessionId), cereal::make_nvp("activityId", activityId),
     cereal::make_nvp("participantIds", participantIds), cereal::make_nvp("staffIds", staffIds),
     cereal::make_nvp("start", start), cereal::make_nvp("end", end), cereal::make_nvp("outing", outing),
     cereal::make_nvp("place", place), cereal::make_nvp("note", note), cereal::make_nvp("planned", planned));
}

template <class Archive> void RollCallStarted::serialize(Archive& ar) {
  ar(cereal::make_nvp("rollCallId", rollCallId), cereal::make_nvp("expectedIds", expectedIds));
}

template <class Archive> void RollCallMarkedSafe::serialize(Archive& ar) {
  ar(cereal::make_nvp("rollCallId", rollCallId), cereal::make_nvp("personId", personId));
}

template <class Archive> void RollCallEnded::serialize(Archive& ar) {
  ar(cereal::make_nvp("rollCallId", rollCallId), cereal::make_nvp("notMarked", notMarked));
}

template <class Archive> void FeedbackGiven::serialize(Archive& ar) {
  ar(cereal::make_nvp("feedbackId", feedbackId), cereal::make_nvp("mood", mood), cereal::make_nvp("topic", topic),
     cereal::make_nvp("text", text), cereal::make_nvp("wantsTalk", wantsTalk),
     cereal::make_nvp("participantId", participantId));
}

template <class Archive> void ComplaintRegistered::serialize(Archive& ar) {
  ar(cereal::make_nvp("complaintId", complaintId), cereal::make_nvp("type", type), cereal::make_nvp("source", source),
     cereal::make_nvp("concerns", concerns), cereal::make_nvp("receivedDate", receivedDate),
     cereal::make_nvp("channel", channel), cereal::make_nvp("description", description),
     cereal::make_nvp("feedbackId", feedbackId));
}

template <class Archive> void ComplaintFollowedUp::serialize(Archive& ar) {
  ar(cereal::make_nvp("complaintId", complaintId), cereal::make_nvp("step", step), cereal::make_nvp("date", date),
     cereal::make_nvp("text", text));
}

template <class Archive> void DeviationReported::serialize(Archive& ar) {
  ar(cereal::make_nvp("deviationId", deviationId), cereal::make_nvp("identifiedBy", identifiedBy),
     cereal::make_nvp("concerns", concerns), cereal::make_nvp("concernsWhom", concernsWhom),
     cereal::make_nvp("date", date), cereal::make_nvp("description", description),
     cereal::make_nvp("lexSarah", lexSarah));
}

template <class Archive> void SurveyWindowOpened::serialize(Archive& ar) {
  ar(cereal::make_nvp("windowId", windowId), cereal::make_nvp("from", from), cereal::make_nvp("to", to));
}

template <class Archive> void SurveyAnswered::serialize(Archive& ar) {
  ar(cereal::make_nvp("windowId", windowId), cereal::make_nvp("answers", answers));
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
template <size_t I = 0> std::string labelOfKind(const std::string& kind) {
  if constexpr (I == std::variant_size_v<EventPayload>) {
    return kind;
  } else {
    using T = std::variant_alternative_t<I, EventPayload>;
    if (kind == T::kKind) return T::kLabelSv;
    return labelOfKind<I + 1>(kind);
  }
}

template <size_t I = 0>
EventPayload decodeAlternative(const std::string& kind, const std::string& json) {
  if constexpr (I == std::variant_size_v<EventPayload>) {
    throw DagverkError(ErrorCode::BadInput, "Okänd händelsetyp.", "unknown event kind '" + kind + "'");
  } else {
    using T = std::variant_alternative_t<I, EventPayload>;
    if (kind == T::kKind) {
      // Payloads also arrive from other devices (central reads them) and are read strictly
      // (core/StrictJson). Keys this build does not know are skipped: a newer kiosk may add an
      // optional last field, as clockFault was added, and an older central still reads it.
      T value;
      try {
        StrictJsonInputArchive ar(json, limits::kEventPayloadBytes, limits::kJsonMaxDepth,
                                  StrictJsonInputArchive::Keys::IgnoreUnknown);
        ar(cereal::make_nvp("v", value));
        ar.finish();
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

std::string kindLabelSv(const std::string& kind) { return labelOfKind(kind); }

EventPayload decodePayload(const std::string& kind, const std::string& json) {
  return decodeAlternative(kind, json);
}

} // namespace dagverk
