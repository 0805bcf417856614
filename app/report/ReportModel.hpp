#pragma once
// The figures of one report, computed once (ReportBuilder) and laid out by every writer.
#include "central/ReportReader.hpp"
#include "core/AttendanceCount.hpp"
#include "core/Feedback.hpp"
#include "core/LocalTime.hpp"
#include "core/Period.hpp"
#include "report/HeadcountFigures.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::report {

inline constexpr const char* kUnitId = "enheten"; // the row/column of the whole unit
inline constexpr const char* kUnitName = "Hela enheten";
inline constexpr const char* kNoReason = kNoAbsenceReason; // absence without an AbsenceNoted
inline constexpr int kStaleKioskDays = 7; // a kiosk further behind its site's newest: incomplete
inline constexpr int kDriftRecentWeeks = 4;
inline constexpr int kDriftEarlierWeeks = 8;

// A site's (or the unit's) attendance as core/AttendanceCount counts it, plus what the report
// lays out from it.
struct AttendanceFigures : SiteAttendance {
  std::vector<std::int64_t> byWeek; // attendance days per ISO week of ReportData::weeks
  // Average present per weekday (Mon–Fri), unrounded: a site's attendance days on that weekday /
  // its open days on it; the unit's is the sum of its sites' (rounded once, when shown), so a
  // column of sites adds up to the unit within rounding. nullopt: no open day of that weekday.
  std::array<std::optional<double>, 5> averageByWeekday{};
  std::optional<LocalDate> lastRecordedDay;
};

// One column of the tertial split (a year: Utfall T1, T2, VB and Totalt ack.).
struct SplitColumn {
  std::string label; // "Utfall T1"
  std::string key;   // t1, t2, vb, ack
  LocalDate from, to;
};
struct SplitFigures {
  SiteAttendance::Part attendance; // attendance days, open days, place-days in the column
  std::int64_t sessions = 0, participantSessions = 0; // activities (outings included)
};

struct SurveyFigures {
  int answers = 0;
  std::array<std::array<int, 3>, 3> counts{}; // [question][ja, ibland, nej]
  bool shown = false;                          // false: "–" and "för få svar" (or "inga svar")
  bool hiddenToProtectOthers = false;          // shown alone would reveal a smaller group by subtraction
  double yesShare(size_t q) const;
};

struct SiteSection {
  std::string id;
  std::string name;
  int places = 0;
  bool inRoster = true;
  std::optional<UtcMs> lastSync;
  bool hasData = false; // any record in the period
  AttendanceFigures attendance;
  std::vector<central::KioskCoverage> kiosks; // the site's kiosks (empty for the unit)
  // Figures may be missing: a kiosk more than kStaleKioskDays behind the site's newest, or a
  // gap in a kiosk's sequence numbers. `incompleteWhy` says which, in Swedish.
  bool incomplete = false;
  std::string incompleteWhy;
  std::vector<SplitFigures> split; // per ReportData::splitColumns
  ComplaintTable complaints; // the period
  SurveyFigures survey;
};

struct ActivityRow {
  std::string siteId; // kUnitId for the unit's per-category rows
  std::string activityId;
  std::string activityName;
  std::string category;
  std::int64_t sessions = 0;
  std::int64_t participantSessions = 0; // sum over sessions of participants
  std::int64_t participantMinutes = 0;  // sum over sessions of (end - start) x participants
  std::int64_t distinctParticipants = 0;
  double participantHours() const { return static_cast<double>(participantMinutes) / 60.0; }
};

struct ComplaintColumn {
  std::string label; // "Utfall T1", "Utfall VB", "Totalt ack.", "Utfall"
  std::string key;   // t1, t2, vb, ack, period
  LocalDate from, to;
  ComplaintTable table; // the scope (unit, or the one site)
};

struct OverdueComplaint {
  std::string siteId;
  std::string receivedDate;
  std::string type;     // code
  std::string concerns; // code
  int workingDays = 0;  // from receipt to complaintsJudgedAt
};

struct DriftingParticipant {
  std::string siteId;
  std::string participantId;
  std::string displayName; // first name and initial, for the site's own staff only
  std::int64_t recent = 0;  // attendance days in the last 4 weeks
  std::int64_t earlier = 0; // attendance days in the 8 weeks before
};

struct ReportData {
  Period period;
  std::optional<std::string> siteFilter;
  UtcMs generatedUtc = 0;
  std::vector<IsoWeek> weeks;
  std::vector<SiteSection> sites; // roster order (plus sites seen only in events)
  SiteSection unit;               // the whole unit (absent from a site's own report)
  std::vector<ActivityRow> activities; // per site and activity, outings left out
  std::vector<ActivityRow> outings;    // per site and activity, outings only
  std::vector<ActivityRow> categories; // per site and category, then the unit's per category
  std::vector<ComplaintColumn> complaintColumns;
  LocalDate complaintsJudgedAt; // the earlier of the period's end and the report's date
  std::vector<SplitColumn> splitColumns; // a year: T1, T2, VB, Totalt ack.; else empty
  std::vector<NotOnRoster> notOnRoster;  // check-ins in the period not counted (data quality)
  std::vector<central::LateVisitDayRow> lateVisits; // the scope's visits registered afterwards, per site and day
  std::vector<OverdueComplaint> overdue;
  bool driftIncluded = false; // HTML for one site only
  LocalDate driftRecentFrom, driftEnd, driftEarlierFrom;
  std::vector<DriftingParticipant> drifting;
  HeadcountFigures headcount; // open meeting places (HeadcountSection.cpp)
  bool noData = false;
};

// The scope's sites and, for the whole-unit report, the unit.
inline bool isSiteReport(const ReportData& d) { return d.siteFilter.has_value(); }

} // namespace dagverk::report
