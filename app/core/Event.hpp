#pragma once
// Every action on a kiosk appends one immutable event. New kinds are added to EventPayload
// below (a struct with kKind, kLabelSv, subject() and serialize()); storage and sync need no
// change.
#include "core/Clock.hpp"
#include "core/Headcount.hpp"
#include "core/LateVisit.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace dagverk {

inline constexpr int kEventSchemaVersion = 1;

struct CheckedIn {
  static constexpr const char* kKind = "CheckedIn";
  static constexpr const char* kLabelSv = "Incheckningar";
  std::string participantId;
  UtcMs at = 0; // when the person arrived (UTC)
  const std::string& subject() const { return participantId; }
  template <class Archive> void serialize(Archive& ar); // defined in Event.cpp
};

struct CheckedOut {
  static constexpr const char* kKind = "CheckedOut";
  static constexpr const char* kLabelSv = "Utcheckningar";
  std::string participantId;
  UtcMs at = 0;               // when the person left (UTC)
  bool automatic = false;     // closed by the day rollover, not by a person
  std::string checkInEventId; // the check-in this closes
  // Automatic, because the check-in lay on a later day than the rollover's (the clock ran
  // ahead when it was made). Stored only when true, so older rows read as false.
  bool clockFault = false;
  const std::string& subject() const { return participantId; }
  template <class Archive> void serialize(Archive& ar);
};

// A staff member arrives or leaves (so the roll call knows who is in the building).
struct StaffCheckedIn {
  static constexpr const char* kKind = "StaffCheckedIn";
  static constexpr const char* kLabelSv = "Personal in";
  std::string staffId;
  UtcMs at = 0;
  const std::string& subject() const { return staffId; }
  template <class Archive> void serialize(Archive& ar);
};

struct StaffCheckedOut {
  static constexpr const char* kKind = "StaffCheckedOut";
  static constexpr const char* kLabelSv = "Personal ut";
  std::string staffId;
  UtcMs at = 0;
  bool automatic = false;
  std::string checkInEventId;
  bool clockFault = false; // as CheckedOut::clockFault
  const std::string& subject() const { return staffId; }
  template <class Archive> void serialize(Archive& ar);
};

// Voids an earlier event, with a reason. The original stays in the log.
struct Corrected {
  static constexpr const char* kKind = "Corrected";
  static constexpr const char* kLabelSv = "Rättelser";
  std::string correctsEventId;
  std::string subjectId; // the subject of the corrected event (participant, staff or session)
  std::string reason;    // a reason code (correctionReasons() in DayRecords.hpp) or short text
  const std::string& subject() const { return subjectId; }
  template <class Archive> void serialize(Archive& ar);
};

// Why an expected participant did not come.
struct AbsenceNoted {
  static constexpr const char* kKind = "AbsenceNoted";
  static constexpr const char* kLabelSv = "Frånvaro";
  std::string participantId;
  std::string date;    // the local day, YYYY-MM-DD
  std::string reason;  // "sjuk", "ledig", "annan_aktivitet", "okant"
  std::string comment; // optional, free text (never logged)
  const std::string& subject() const { return participantId; }
  template <class Archive> void serialize(Archive& ar);
};

// An activity session, done or planned. An edit is a new event with the same sessionId plus a
// Corrected event voiding the previous one, appended together.
struct ActivitySessionLogged {
  static constexpr const char* kKind = "ActivitySessionLogged";
  static constexpr const char* kLabelSv = "Aktiviteter";
  std::string sessionId; // stable across edits
  std::string activityId;
  std::vector<std::string> participantIds;
  std::vector<std::string> staffIds;
  UtcMs start = 0;
  UtcMs end = 0;
  bool outing = false; // false: at the site
  std::string place;   // where, for an outing (free text)
  std::string note;    // short note (free text, at most 1,000 characters)
  bool planned = false; // planned ahead for today; shown on the home schedule
  const std::string& subject() const { return sessionId; }
  template <class Archive> void serialize(Archive& ar);
};

// The fire-drill roll call (utrymning): started, each person marked safe, ended.
struct RollCallStarted {
  static constexpr const char* kKind = "RollCallStarted";
  static constexpr const char* kLabelSv = "Utrymningar";
  std::string rollCallId;
  std::vector<std::string> expectedIds; // everyone checked in when it started
  const std::string& subject() const { return rollCallId; }
  template <class Archive> void serialize(Archive& ar);
};

struct RollCallMarkedSafe {
  static constexpr const char* kKind = "RollCallMarkedSafe";
  static constexpr const char* kLabelSv = "I säkerhet (utrymning)";
  std::string rollCallId;
  std::string personId; // participant or staff id
  const std::string& subject() const { return rollCallId; }
  template <class Archive> void serialize(Archive& ar);
};

struct RollCallEnded {
  static constexpr const char* kKind = "RollCallEnded";
  static constexpr const char* kLabelSv = "Avslutade utrymningar";
  std::string rollCallId;
  int notMarked = 0; // how many were never marked safe
  const std::string& subject() const { return rollCallId; }
  template <class Archive> void serialize(Archive& ar);
};

// "Tyck till": a participant's say, in pictures. Anonymous unless participantId is set.
struct FeedbackGiven {
  static constexpr const char* kKind = "FeedbackGiven";
  static constexpr const char* kLabelSv = "Tyck till";
  std::string feedbackId;
  std::string mood;          // "glad", "mittemellan", "ledsen"
  std::string topic;         // "aktiviteterna", "maten", "personalen", "lokalen", "resan", "annat"
  std::string text;          // optional, at most 2,000 characters (never logged)
  bool wantsTalk = false;    // "Vill du att någon pratar med dig om det?"
  std::string participantId; // empty: anonymous
  const std::string& subject() const { return feedbackId; }
  template <class Archive> void serialize(Archive& ar);
};

// A complaint, comment, suggestion or praise in the city's categories (synpunkter och klagomål).
struct ComplaintRegistered {
  static constexpr const char* kKind = "ComplaintRegistered";
  static constexpr const char* kLabelSv = "Synpunkter och klagomål";
  std::string complaintId;
  std::string type;         // "klagomal", "synpunkt", "forslag", "berom"
  std::string source;       // från vem (the template's five)
  std::string concerns;     // vad gällde (the template's fifteen)
  std::string receivedDate; // YYYY-MM-DD
  std::string channel;      // how it came in
  std::string description;  // free text, at most 2,000 characters
  std::string feedbackId;   // the "Tyck till" entry it classifies, if any
  const std::string& subject() const { return complaintId; }
  template <class Archive> void serialize(Archive& ar);
};

// Follow-up of a complaint: feedback given to the person, an action taken, or closed.
struct ComplaintFollowedUp {
  static constexpr const char* kKind = "ComplaintFollowedUp";
  static constexpr const char* kLabelSv = "Uppföljningar";
  std::string complaintId;
  std::string step; // "aterkoppling", "atgard", "avslutad"
  std::string date; // YYYY-MM-DD
  std::string text; // how the feedback was given / what was done
  const std::string& subject() const { return complaintId; }
  template <class Archive> void serialize(Archive& ar);
};

// A deviation (avvikelse) with the template's three classifications and a Lex Sarah mark.
struct DeviationReported {
  static constexpr const char* kKind = "DeviationReported";
  static constexpr const char* kLabelSv = "Avvikelser";
  std::string deviationId;
  std::string identifiedBy; // "extern", "medarbetare"
  std::string concerns;     // the template's five
  std::string concernsWhom; // "annan_verksamhet", "egna_verksamheten"
  std::string date;         // YYYY-MM-DD
  std::string description;
  bool lexSarah = false;
  const std::string& subject() const { return deviationId; }
  template <class Archive> void serialize(Archive& ar);
};

// Staff open a survey window; during it participants may answer once each.
struct SurveyWindowOpened {
  static constexpr const char* kKind = "SurveyWindowOpened";
  static constexpr const char* kLabelSv = "Enkätperioder";
  std::string windowId;
  std::string from; // YYYY-MM-DD, first day
  std::string to;   // YYYY-MM-DD, last day
  const std::string& subject() const { return windowId; }
  template <class Archive> void serialize(Archive& ar);
};

// One participant's answers, anonymous: who answered is kept apart, on the kiosk only.
struct SurveyAnswered {
  static constexpr const char* kKind = "SurveyAnswered";
  static constexpr const char* kLabelSv = "Enkätsvar";
  std::string windowId;
  std::vector<std::string> answers; // per question: "ja", "ibland", "nej"
  const std::string& subject() const { return windowId; }
  template <class Archive> void serialize(Archive& ar);
};

using EventPayload = std::variant<CheckedIn, CheckedOut, StaffCheckedIn, StaffCheckedOut, Corrected, AbsenceNoted,
                                  ActivitySessionLogged, RollCallStarted, RollCallMarkedSafe, RollCallEnded,
                                  FeedbackGiven, ComplaintRegistered, ComplaintFollowedUp, DeviationReported,
                                  SurveyWindowOpened, SurveyAnswered, HeadcountTallied, LateVisitRegistered>;

struct Event {
  std::string id;        // UUID v7, text
  std::string deviceId;  // the kiosk that recorded it
  std::int64_t seq = 0;  // per-device, only grows
  UtcMs recordedUtc = 0; // wall clock when recorded
  std::string zone;      // the site's zone, "Europe/Stockholm"
  std::string siteId;
  std::optional<std::string> actorStaffId; // empty for self-service
  EventPayload payload;
};

const char* kindOf(const EventPayload& p);
// What people call a count of events of a kind ("Incheckningar"), from its payload's kLabelSv;
// the kind itself for a kind this build does not know (a newer kiosk's, say).
std::string kindLabelSv(const std::string& kind);
const std::string& subjectOf(const EventPayload& p);
// JSON text of the payload, as stored and as sent.
std::string encodePayload(const EventPayload& p);
// Throws DagverkError(BadInput) for an unknown kind or malformed JSON.
EventPayload decodePayload(const std::string& kind, const std::string& json);

} // namespace dagverk
