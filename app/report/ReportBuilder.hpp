#pragma once
// The aggregation: typed rows from central's ReportReader -> the figures of ReportData, one
// function per section (FigureSections.hpp). Counting rules (also in the report's "Om
// rapporten" section and the fixtures under tests/report/fixtures/):
// - Attendance, counted days, open days, place-days, occupancy, averages per weekday, expected
//   but absent (against the roster history), automatic check-outs and check-ins not on the
//   roster: core/AttendanceCount.hpp, the counter the kiosk's Statistik screen uses too. The
//   unit's average per weekday is the sum of its sites' unrounded averages.
// - A kiosk is behind when the last day its data covers lies more than kStaleKioskDays before
//   the newest kiosk's of its site; that, or a gap in its sequence numbers, marks the site's
//   figures incomplete.
// - Activities: non-voided, non-planned ActivitySessionLogged whose start falls in the period
//   (Stockholm days); per session id only the latest version counts. Participant-hours:
//   (end - start) x participants. Outings are reported apart and are not in the categories.
//   For a year also sessions and participant-sessions per tertial (outings included).
// - Complaints: buildComplaintTable (app/core/Feedback.hpp) over the scope's events. For a
//   year: Utfall T1 (Jan–Apr), Utfall T2 (May–Aug), Utfall VB (Sep–Dec) and Totalt ack. (the
//   year); for a tertial the tertials up to it and Totalt ack. from 1 January; else "Utfall".
//   Open complaints are judged at the earlier of a column's end and the report's date.
// - Survey: answers recorded in the period; a group under kSurveyMinAnswers is hidden, and so
//   is the next-smallest group when the hidden ones together are under that and the unit's
//   total is shown (otherwise subtraction would reveal them).
// - Drifting away (only when includeDrift): the last 4 weeks up to the end of the period (or
//   the site's last recorded day, if earlier) against the 8 weeks before; listed when the
//   earlier weeks had attendance and the weekly rate fell under half (4 x recent < earlier).
#include "central/ReportReader.hpp"
#include "report/ReportModel.hpp"

namespace dagverk::report {

struct BuildOptions {
  std::optional<std::string> site; // one site's report
  bool includeDrift = false;       // HTML for the site's own staff only
  UtcMs now = 0;
};

// Throws DagverkError(UnknownSite) for a site neither in the roster nor in the records.
ReportData buildReport(central::ReportReader& source, const Period& period, const BuildOptions& options);

// Hides groups under kSurveyMinAnswers, and more where needed so that no hidden group can be
// worked out from the shown ones and the unit total (exposed for the property tests).
void suppressSurvey(std::vector<SurveyFigures*>& sites, SurveyFigures* unit);

} // namespace dagverk::report
