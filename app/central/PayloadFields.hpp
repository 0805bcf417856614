#pragma once
// Every payload field central's SQL reads, named once. The payload column holds the JSON that
// encodePayload (core/Event.cpp) writes: {"v": {...}} with the field names of the payload's
// serialize(). A test (tests/central/PayloadFieldsTest.cpp) encodes each kind listed here and
// reads every path back, so a renamed field fails that test instead of silently emptying a
// report column.
//
// Why central reads these fields in SQL rather than decoding payloads: the year report filters
// and groups hundreds of thousands of events (automatic check-outs, non-planned sessions, the
// day an absence is for). In SQL, partial indexes on json_extract expressions let SQLite skip
// the events a figure does not need without reading them; decoding payloads with cereal would
// copy every candidate row out of SQLite and parse its JSON in C++ first. bench_report holds the
// report to twice the plain GROUP BY queries over the same json_extract paths.
#include "core/Event.hpp"

#include <array>
#include <string>
#include <string_view>

namespace dagverk::central {

struct PayloadField {
  std::string_view kind; // the event kind that carries the field (the payload's kKind)
  std::string_view name; // the field's name in the payload's serialize()

  // The JSON path, '$.v.<name>' plus `suffix` (an array element: "[0]").
  std::string path(std::string_view suffix = {}) const {
    return "$.v." + std::string(name) + std::string(suffix);
  }
  // The SQL expression json_extract(<column>, '<path>'). A partial index and the queries that
  // use it must spell it identically, so both take it from here.
  std::string sql(std::string_view column = "payload", std::string_view suffix = {}) const {
    return "json_extract(" + std::string(column) + ", '" + path(suffix) + "')";
  }
};

namespace field {
inline constexpr PayloadField kCheckedOutAutomatic{CheckedOut::kKind, "automatic"};
inline constexpr PayloadField kCheckedOutAt{CheckedOut::kKind, "at"};
inline constexpr PayloadField kCorrectedEventId{Corrected::kKind, "correctsEventId"};
inline constexpr PayloadField kAbsenceDate{AbsenceNoted::kKind, "date"};
inline constexpr PayloadField kAbsenceReason{AbsenceNoted::kKind, "reason"};
inline constexpr PayloadField kSessionId{ActivitySessionLogged::kKind, "sessionId"};
inline constexpr PayloadField kSessionActivityId{ActivitySessionLogged::kKind, "activityId"};
inline constexpr PayloadField kSessionStart{ActivitySessionLogged::kKind, "start"};
inline constexpr PayloadField kSessionEnd{ActivitySessionLogged::kKind, "end"};
inline constexpr PayloadField kSessionOuting{ActivitySessionLogged::kKind, "outing"};
inline constexpr PayloadField kSessionParticipantIds{ActivitySessionLogged::kKind, "participantIds"};
inline constexpr PayloadField kSessionPlanned{ActivitySessionLogged::kKind, "planned"};
inline constexpr PayloadField kSurveyAnswers{SurveyAnswered::kKind, "answers"};
inline constexpr PayloadField kLateVisitDate{LateVisitRegistered::kKind, "date"};

// All of the above, for the test that checks them against encodePayload.
inline constexpr std::array kAll = {kCheckedOutAutomatic, kCheckedOutAt, kCorrectedEventId, kAbsenceDate,      kAbsenceReason,
                                    kSessionId,           kSessionActivityId, kSessionStart,   kSessionEnd,
                                    kSessionOuting,       kSessionParticipantIds, kSessionPlanned, kSurveyAnswers,
                                    kLateVisitDate};
} // namespace field

} // namespace dagverk::central
