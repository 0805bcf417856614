#pragma once
// Every action a person takes on the kiosk — a tap, a saved form, a CLI call — is one Command.
// Screens queue commands during a frame and the kiosk performs them after it, so the model a
// frame reads never changes under it; the CLI performs the same commands, so a badge reader and
// a tap take one path. Each command names the acting staff member when one acts.
#include "core/DayRecords.hpp"
#include "core/Event.hpp"
#include "core/Headcount.hpp"
#include "core/LateVisit.hpp"
#include "core/LocalTime.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace dagverk {
namespace cmd {

// A participant checks in: by their own tap (no actor) or by staff on their behalf.
struct CheckIn {
  static constexpr const char* kName = "check-in";
  std::string participantId;
  std::optional<std::string> actorStaffId;
};

struct CheckOut {
  static constexpr const char* kName = "check-out";
  std::string participantId;
  std::optional<std::string> actorStaffId;
};

// A staff member checks themselves in or out (the roll call lists staff in the building).
struct StaffCheckIn {
  static constexpr const char* kName = "staff check-in";
  std::string staffId;
};

struct StaffCheckOut {
  static constexpr const char* kName = "staff check-out";
  std::string staffId;
};

// Voids an earlier event of this kiosk with a reason code; the original stays in the log.
struct Correct {
  static constexpr const char* kName = "correction";
  std::string eventId;
  std::string reasonCode;
  std::string actorStaffId;
};

struct NoteAbsence {
  static constexpr const char* kName = "absence";
  std::string participantId;
  std::string reasonCode;
  std::string comment;
  std::string actorStaffId;
};

// Logs or plans a session; an edit (draft.replacesEventId set) also voids the old version.
struct LogSession {
  static constexpr const char* kName = "activity session";
  SessionDraft draft;
  std::string actorStaffId;
};

struct StartRollCall {
  static constexpr const char* kName = "roll call start";
  std::string actorStaffId;
};

struct MarkSafe {
  static constexpr const char* kName = "roll call mark";
  std::string rollCallId;
  std::string personId;
  std::string actorStaffId;
};

struct EndRollCall {
  static constexpr const char* kName = "roll call end";
  std::string rollCallId;
  std::string actorStaffId;
};

// A participant's "Tyck till" (anonymous unless feedback.participantId is set).
struct GiveFeedback {
  static constexpr const char* kName = "feedback";
  FeedbackGiven feedback;
};

struct RegisterComplaint {
  static constexpr const char* kName = "complaint";
  ComplaintRegistered complaint;
  std::string actorStaffId;
};

struct FollowUpComplaint {
  static constexpr const char* kName = "complaint follow-up";
  std::string complaintId;
  std::string step;
  std::string date; // YYYY-MM-DD
  std::string text;
  std::string actorStaffId;
};

struct ReportDeviation {
  static constexpr const char* kName = "deviation";
  DeviationReported deviation;
  std::string actorStaffId;
};

struct OpenSurveyWindow {
  static constexpr const char* kName = "survey window";
  LocalDate from;
  LocalDate to;
  std::string actorStaffId;
};

// The answers are stored without the participant; who answered is kept apart, on the kiosk.
struct AnswerSurvey {
  static constexpr const char* kName = "survey answer";
  std::string windowId;
  std::string participantId;
  std::vector<std::string> answers;
};

} // namespace cmd

using Command = std::variant<cmd::CheckIn, cmd::CheckOut, cmd::StaffCheckIn, cmd::StaffCheckOut, cmd::Correct,
                             cmd::NoteAbsence, cmd::LogSession, cmd::StartRollCall, cmd::MarkSafe, cmd::EndRollCall,
                             cmd::GiveFeedback, cmd::RegisterComplaint, cmd::FollowUpComplaint, cmd::ReportDeviation,
                             cmd::OpenSurveyWindow, cmd::AnswerSurvey, cmd::TallyHeadcount, cmd::RegisterLate>;

// English, for logs (never a name or free text).
inline const char* commandName(const Command& c) {
  return std::visit([](const auto& x) { return std::decay_t<decltype(x)>::kName; }, c);
}

} // namespace dagverk
