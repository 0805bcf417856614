#pragma once
// The one counter of attendance, open days, occupancy, expected-but-absent days and automatic
// check-outs. The kiosk's Statistik screen and every central report section count through it;
// each hands it the same typed rows (CountingSource), read from its own database, so the two
// cannot count by different rules.
//
// The rules (also in the report's "Om rapporten" and app/report/README.md):
// - Attendance day: a participant of the site's roster with at least one non-voided check-in
//   at the site on a local day (the day the check-in was recorded), once whichever kiosk. A
//   visit registered afterwards from a paper sheet (LateVisitRegistered) is a check-in on the
//   day it names, not the day it was entered, and that day is a recorded day of the site.
// - Counted days of a site: from the later of the period's first day and the site's first
//   recorded day, to the earlier of the period's last day and the site's last recorded day.
//   A site with no record in that span has no counted days: its figures are "–".
// - Open day: a counted day that is a working day (Mon–Fri, not a Swedish public holiday), or
//   any other counted day on which someone checked in at the site (it was open that day).
// - Occupancy: attendance days / place-days, place-days = places x open days. The unit: the
//   sum of the sites' attendance days / the sum of their place-days.
// - Expected but absent: a participant whose roster spell at the site covers an open day, who
//   is expected on that weekday and did not check in there. The reason is the latest
//   non-voided AbsenceNoted for that person and day, else kNoAbsenceReason.
// - Automatic check-out: a non-voided CheckedOut with automatic = true, on the visit's day
//   (the local date of CheckedOut.at), not the day the rollover wrote it.
// - A check-in by someone who is not on the site's roster (unknown, or another site's
//   participant) is not counted; it is listed (NotOnRoster) so the data can be put right.
#include "core/LocalTime.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dagverk {

inline constexpr const char* kNoAbsenceReason = "ej_angiven";
inline constexpr const char* kUnknownAbsenceReason = "okant"; // a code this build does not know

struct DaySpan {
  LocalDate first, last; // both included
  long days() const { return daysFromCivil(last) - daysFromCivil(first) + 1; }
};

// A participant on a site's roster for a span of days. Central keeps these as roster history;
// the kiosk, which knows only its current roster, has one open-ended spell per participant.
struct RosterSpell {
  std::string participantId, siteId;
  std::array<bool, 7> weekdays{}; // expected on, index 0 = Monday; all false: known, never expected
  LocalDate validFrom{1900, 1, 1}; // 1900-01-01: since before any record
  std::optional<LocalDate> validTo; // included; nullopt: still on the roster
  bool covers(LocalDate d) const { return !(d < validFrom) && !(validTo && *validTo < d); }
};

struct AbsenceNote {
  std::string siteId, participantId;
  LocalDate day;
  std::string reason;
};

// The rows the counter reads. Every call leaves out voided events (the target of a Corrected).
class CountingSource {
public:
  virtual ~CountingSource() = default;
  using CheckInRow = std::function<void(const std::string& site, const std::string& participant, LocalDate day)>;
  using CheckoutRow = std::function<void(const std::string& site, LocalDate visitDay)>;
  // Check-ins recorded on a local day in [from, to], and visits registered afterwards for a day
  // in it; one (site, participant, day) may repeat.
  virtual void forEachCheckIn(LocalDate from, LocalDate to, const CheckInRow& row) = 0;
  // Automatic check-outs whose visit day (local date of CheckedOut.at) is in [from, to].
  virtual void forEachAutomaticCheckout(LocalDate from, LocalDate to, const CheckoutRow& row) = 0;
  // AbsenceNoted for a day in [from, to], oldest recorded first (a later note wins).
  virtual std::vector<AbsenceNote> absenceNotes(LocalDate from, LocalDate to) = 0;
  // The first and last local day each site has any record (any kind) of.
  virtual std::map<std::string, DaySpan> recordedSpans() = 0;
};

struct CountedSite {
  std::string id;
  int places = 0;
};

struct CountRequest {
  LocalDate from, to; // the period, both included
  std::vector<CountedSite> sites;
  std::vector<RosterSpell> roster;
};

struct SiteAttendance {
  std::optional<DaySpan> recorded; // the site's first and last recorded day (any period)
  std::optional<DaySpan> counted;  // recorded, clipped to the period; nullopt: every figure "–"
  std::int64_t attendanceDays = 0;
  std::int64_t distinctParticipants = 0;
  std::int64_t openDays = 0;
  std::int64_t placeDays = 0;
  std::int64_t expectedAbsentDays = 0;
  std::int64_t automaticCheckouts = 0;
  std::array<std::int64_t, 7> byWeekday{};     // attendance days, index 0 = Monday
  std::array<std::int64_t, 7> openByWeekday{}; // open days
  std::map<std::string, std::int64_t> absentByReason; // every known reason, kNoAbsenceReason, kUnknownAbsenceReason
  // Per day of the period (index = day - from): attendance days and whether the site was open,
  // so any part of the period (a tertial, a week) is a sum without counting again.
  std::vector<std::int32_t> presentPerDay;
  std::vector<std::uint8_t> openPerDay;

  bool hasData() const { return counted.has_value(); }
  // Attendance days / place-days; nullopt without place-days.
  std::optional<double> occupancy() const;
  // Attendance days on that weekday / open days on it (0..6), unrounded; nullopt if none open.
  std::optional<double> averageOn(size_t weekday) const;
  // Attendance days, open days and place-days (places x open days) in [from, to].
  struct Part {
    std::int64_t attendanceDays = 0, openDays = 0, placeDays = 0;
  };
  Part between(LocalDate periodFrom, LocalDate from, LocalDate to, int places) const;
};

struct NotOnRoster {
  std::string siteId, participantId;
  bool otherSitesParticipant = false; // on another site's roster (else unknown everywhere)
  std::int64_t checkIns = 0;          // distinct days with a check-in at the site, in the period
};

struct AttendanceCount {
  std::vector<SiteAttendance> sites; // in CountRequest::sites order
  SiteAttendance unit;               // sums; distinct over the unit; counted = the sites' union span
  std::vector<NotOnRoster> notOnRoster; // by site, then participant
};

AttendanceCount countAttendance(CountingSource& source, const CountRequest& request);

} // namespace dagverk
