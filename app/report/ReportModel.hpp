#pragma once
// The figures of one report, computed once (ReportBuilder) and laid out by every writer.
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
inline constexpr const char* kNoReason = "ej_angiven"; // absence without an AbsenceNoted
inline constexpr int kDriftRecentWeeks = 4;
inline constexpr int kDriftEarlierWeeks = 8;

struct AttendanceFigures {
  std::int64_t attendanceDays = 0;       // (participant, day) pairs present at the site
  std::int64_t distinctParticipants = 0; // present at least once in the period
  std::int64_t openDays = 0;             // working days in the period up to the site's last recorded day
  std::int64_t placeDays = 0;            // places x open days
  std::int64_t expectedAbsentDays = 0;   // expected by the roster on an open day, not present
  std::int64_t automaticCheckouts = 0;   // check-outs closed by the day rollover
  std::array<std::int64_t, 7> byWeekday{};     // attendance days, index 0 = Monday
  std::array<std::int64_t, 7> openByWeekday{}; // open days per weekday (Mon–Fri)
  std::map<std::string, std::int64_t> absentByReason; // reason code (or kNoReason) -> days
  std::vector<std::int64_t> byWeek;  // attendance days per ISO week of ReportData::weeks
  std::optional<LocalDate> lastRecordedDay;

  // Average present per weekday (Mon–Fri) for a site: days / open days of that weekday. The
  // unit's figure is the sum of its sites' averages (ReportBuilder sets unitAverage).
  std::array<double, 5> averageByWeekday{};
  std::optional<double> occupancy() const { // 0..1+, nullopt without open days or places
    if (placeDays <= 0) return std::nullopt;
    return static_cast<double>(attendanceDays) / static_cast<double>(placeDays);
  }
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
  int workingDays = 0;  // from receipt to the end of the period
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
