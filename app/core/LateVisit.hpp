#pragma once
// Registering a day afterwards (efterregistrering): when the tablet was broken, flat or gone,
// staff kept attendance on a paper sheet and enter it later, for a past day 1 to 30 days back.
//
// A visit of a past day is its own kind, LateVisitRegistered, one event per visit, rather than a
// CheckedIn/CheckedOut pair dated in the past:
// - "Who is here now" follows CheckedIn/CheckedOut only, so a day entered afterwards can never
//   open or close a visit of today, and the one-close-per-visit guard (visit_close) is never
//   asked to hold a close that no person made at the kiosk.
// - Everything else that reads check-ins counts the day they were recorded; a late visit names
//   its own day, and the one attendance counter reads that day from the payload.
// - One event per visit: a correction voids the whole visit, never half of a pair.
// The event's own fields carry the rest: its actor is the staff member who entered the sheet
// and its recorded time is the real time of entry.
#include "core/Clock.hpp"
#include "core/Error.hpp"
#include "core/LocalTime.hpp"
#include "core/Roster.hpp"

#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dagverk {

// How far back a paper sheet may be entered: a month covers a tablet away for repair; older
// sheets go to the unit's administrator, who can see which days central lacks.
inline constexpr int kLateRegistrationMaxDaysBack = 30;

struct LateVisitRegistered {
  static constexpr const char* kKind = "LateVisitRegistered";
  static constexpr const char* kLabelSv = "Efterregistrerade besök";
  std::string participantId;
  std::string date;  // the visit's local day, YYYY-MM-DD (the day it counts on)
  UtcMs arrivedAt = 0; // from the sheet; 0: no arrival time on it
  UtcMs leftAt = 0;    // from the sheet; 0: no departure time on it
  const std::string& subject() const { return participantId; }
  template <class Archive> void serialize(Archive& ar) {
    ar(cereal::make_nvp("participantId", participantId), cereal::make_nvp("date", date),
       cereal::make_nvp("arrivedAt", arrivedAt), cereal::make_nvp("leftAt", leftAt));
  }
};

// One ticked line of the sheet: minutes after local midnight, nullopt where the sheet has none.
struct LateVisitLine {
  std::string participantId;
  std::optional<int> arriveMinute;
  std::optional<int> leaveMinute;
};

namespace cmd {

// A past day's sheet, or one line of it (the CLI), entered by a staff member.
struct RegisterLate {
  static constexpr const char* kName = "late registration";
  LocalDate day;
  std::vector<LateVisitLine> lines;
  std::string actorStaffId;
};

} // namespace cmd

// The rules throw DagverkError(BadInput) with a Swedish message for the screen and an English
// one for the log (ids only).
// The day itself: 1..kLateRegistrationMaxDaysBack days before `today`. Today is refused (the
// kiosk is there to check in on), the future and older days too.
void requireLateDay(LocalDate day, LocalDate today);
// The lines: at least one, times within the day (00:00..23:59), departure not before arrival,
// a participant at most once.
void requireLateLines(const std::vector<LateVisitLine>& lines);

// What a sheet becomes once checked: the visits to append, and the participants left out
// because they already have a visit that day on this kiosk (checked in on the screen, or
// entered afterwards before), merged rather than doubled.
struct LateDecision {
  std::vector<LateVisitRegistered> visits;
  std::vector<std::string> alreadyRegistered;
};
// The times become UTC through the installed zone. Checks the day and lines first.
LateDecision decideLateVisits(const cmd::RegisterLate& c, LocalDate today,
                              const std::set<std::string>& registeredThatDay);

} // namespace dagverk
