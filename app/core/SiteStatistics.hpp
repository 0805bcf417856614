#pragma once
// The kiosk's "Statistik" screen: its own site over the last 8 weeks, from its own records.
// Attendance is counted by core/AttendanceCount, the counter every central report section
// uses, over the kiosk's rows (store/CountingRows.hpp); the rules are written out there.
//
// How each figure is counted:
// - Period: the 56 days ending today (today included).
// - Attendance days, distinct participants, open days: AttendanceCount over the period for
//   this site and its roster (counted days from the site's first record, so a kiosk put up
//   three weeks ago is not averaged over eight; a Saturday someone came is an open day).
// - Average per weekday (Mon–Fri): attendance days on that weekday / open days on it.
// - Activities: sessions done (not planned) whose start lies in the period, per category of
//   the activity in the site's catalogue; participant-sessions add up each session's
//   participants. Categories with most sessions first.
// - Complaints: every complaint, comment or suggestion (praise is not one) that is not closed,
//   whenever it came in; the oldest listed with working days since receipt, and marked as
//   ComplaintState::overdue says (no feedback after 10 working days).
#include "core/AttendanceCount.hpp"
#include "core/DayRecords.hpp"
#include "core/Event.hpp"
#include "core/Feedback.hpp"
#include "core/LocalTime.hpp"
#include "core/Roster.hpp"

#include <array>
#include <string>
#include <vector>

namespace dagverk {

inline constexpr int kStatisticsDays = 56;        // 8 weeks
inline constexpr size_t kOldestComplaintsShown = 3; // fits under the charts on a 1024x600 kiosk
inline constexpr const char* kUnknownCategory = "Okänd kategori"; // an activity not in the catalogue

struct StatisticsPeriod {
  LocalDate from, to; // both included
};
// The 56 days ending `today`.
StatisticsPeriod statisticsPeriod(LocalDate today);

struct WeekdayAttendance {
  int isoWeekday = 1;     // 1 = Monday .. 5 = Friday
  int days = 0;           // days of this weekday counted
  int attendanceDays = 0; // participant-days on them
  // Average present per counted day (0 when no day is counted).
  double average() const { return days > 0 ? static_cast<double>(attendanceDays) / days : 0.0; }
};

struct CategoryActivity {
  std::string category;
  int sessions = 0;
  int participantSessions = 0;
};

struct OpenComplaint {
  std::string complaintId;
  std::string type;     // code (complaintTypes)
  std::string concerns; // code (complaintConcerns)
  std::string receivedDate;
  int workingDaysOpen = 0; // working days from receipt to today
  bool overdue = false;
};

struct SiteStatistics {
  StatisticsPeriod period;
  SiteAttendance attendance; // the counter's figures for the site, as the central report has them
  std::array<WeekdayAttendance, 5> weekdays{}; // Monday .. Friday
  int attendanceDays = 0;       // every day of the period, weekends included
  int weekendAttendanceDays = 0; // of those, on Saturdays and Sundays
  int distinctParticipants = 0;
  std::vector<CategoryActivity> categories; // most sessions first, then by name
  int sessions = 0;
  int participantSessions = 0;
  int openComplaints = 0;
  int overdueComplaints = 0;
  std::vector<OpenComplaint> oldestOpen; // at most kOldestComplaintsShown, oldest first

  bool hasAttendance() const { return attendanceDays > 0; }
  bool hasActivities() const { return sessions > 0; }
};

// The site whose statistics are counted: its id, places and roster.
struct StatisticsSite {
  std::string id;
  int places = 0;
  std::vector<RosterSpell> roster;
};

// `rows`: the kiosk's counting rows. `sessions`: the site's current sessions (any start; those
// outside the period are ignored). `activities`: the site's catalogue. `complaints`: the site's
// register.
SiteStatistics computeSiteStatistics(CountingSource& rows, const StatisticsSite& site,
                                     const std::vector<ActivitySession>& sessions,
                                     const std::vector<Activity>& activities,
                                     const std::vector<ComplaintState>& complaints, LocalDate today);

} // namespace dagverk
