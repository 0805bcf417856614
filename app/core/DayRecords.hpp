#pragma once
// What staff see and record about a day: absences, the day overview, activity sessions, the
// roll call. Pure rules over events; the store feeds them and the screens show them.
#include "core/Event.hpp"
#include "core/LocalTime.hpp"
#include "core/Presence.hpp"
#include "core/Roster.hpp"
#include "core/Staff.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dagverk {

// --- validation of what people type ------------------------------------------------------
struct ValidationError {
  std::string swedish; // shown inline, in plain Swedish
  std::string english; // for logs: no names, no free text
};

inline constexpr size_t kMaxNoteChars = 1000;
// Counts characters (code points), not bytes.
size_t characterCount(const std::string& utf8);
// Rejects invalid UTF-8 and control characters other than newline and tab.
std::optional<ValidationError> validateFreeText(const std::string& text, size_t maxChars, const char* fieldSv);

// --- absences ----------------------------------------------------------------------------
struct AbsenceReason {
  const char* code;  // stored
  const char* label; // shown
};
const std::vector<AbsenceReason>& absenceReasons(); // sjuk, ledig, annan aktivitet, okänt
bool isAbsenceReason(const std::string& code);
const char* absenceLabel(const std::string& code);
inline constexpr size_t kMaxAbsenceCommentChars = 500;
// A known reason and a comment of at most kMaxAbsenceCommentChars characters.
std::optional<ValidationError> validateAbsence(const std::string& reasonCode, const std::string& comment);

// --- corrections -------------------------------------------------------------------------
struct CorrectionReason {
  const char* code;
  const char* label;
};
const std::vector<CorrectionReason>& correctionReasons(); // fel person, av misstag, fel tid, annat
std::optional<ValidationError> validateCorrectionReason(const std::string& code);

// Ids of events voided by Corrected events in `events`.
std::set<std::string> voidedEventIds(const std::vector<Event>& events);

// --- the day overview on the staff dashboard -----------------------------------------------
enum class DayStatus { Present, ExpectedNotArrived, CheckedOut, Absent, NotExpected };

struct ParticipantDay {
  std::string participantId;
  DayStatus status = DayStatus::NotExpected;
  UtcMs since = 0;                 // present: checked in at; checked out: left at
  std::string checkInEventId;      // present: the open check-in (to correct it)
  std::string checkOutEventId;     // checked out: the last check-out (to correct it)
  std::string absenceReason;       // absent: the reason code
};

struct DayOverview {
  std::vector<ParticipantDay> present, expected, checkedOut, absent;
  std::vector<ParticipantDay> notExpected; // not scheduled today and not here: staff may still check them in
  // Visits closed automatically on this day because their check-in lay on a later day (the
  // clock had run ahead): staff should know the clock was wrong.
  int clockFaultClosures = 0;
};

// `events` are the site's events recorded on `day` (any order; sorted by seq inside).
// `expected` uses each participant's weekdays; someone absent with a reason is listed apart.
DayOverview buildDayOverview(const std::vector<Participant>& participants, const std::vector<Event>& events,
                             const PresenceBoard& presence, LocalDate day);

// --- activity sessions -------------------------------------------------------------------
struct SessionDraft {
  std::string sessionId;        // empty for a new session
  std::string replacesEventId;  // the event an edit replaces (voided in the same transaction)
  std::string activityId;
  std::vector<std::string> participantIds;
  std::vector<std::string> staffIds;
  UtcMs start = 0, end = 0;
  bool outing = false;
  std::string place;
  std::string note;
  bool planned = false;
};

inline constexpr std::int64_t kMaxSessionMs = 12LL * 3600 * 1000;
std::optional<ValidationError> validateSession(const SessionDraft& d);

struct ActivitySession {
  std::string eventId; // the event that currently stands for the session
  ActivitySessionLogged data;
};

// The current version of each session: the latest event per sessionId that is not voided.
std::vector<ActivitySession> currentSessions(const std::vector<Event>& events);

// --- roll call ---------------------------------------------------------------------------
struct RollCallState {
  std::string rollCallId;
  UtcMs startedAt = 0;
  std::vector<std::string> expectedIds; // in the order they were listed
  std::set<std::string> safeIds;
  bool ended = false;
  UtcMs endedAt = 0; // when `ended`
  int remaining() const;
};

// The latest roll call in `events` (nullopt if there has been none).
std::optional<RollCallState> latestRollCall(const std::vector<Event>& events);

} // namespace dagverk
