#pragma once
// The aggregation: typed rows from central's ReportReader -> the figures of ReportData. Counting rules
// (also in the report's "Om rapporten" section and tests/report/fixtures/week-two-sites.md):
// - Attendance day: a participant with at least one non-voided CheckedIn at a site on a local
//   day (the event's local_date), counted once whichever kiosk recorded it.
// - Open days: working days (Mon–Fri, not Swedish public holidays) in the period, up to and
//   including the last day the site has any record (days not yet synced are not counted).
// - Occupancy: attendance days / (places x open days). The unit: sums of both.
// - Average present per weekday: a site's attendance days on that weekday / its open days on
//   that weekday; the unit's average is the sum of its sites' averages.
// - Expected but absent: an active participant of the roster, expected on that weekday, on an
//   open day of their own site, with no attendance there that day. The reason is the latest
//   non-voided AbsenceNoted for that person and day, else "ej angiven". The roster is the
//   current one (central keeps no roster history).
// - Automatic check-outs: non-voided CheckedOut with automatic = true, by the day recorded.
// - Activities: non-voided, non-planned ActivitySessionLogged whose start falls in the period
//   (Stockholm days); per session id only the latest version counts. Participant-hours:
//   (end - start) x participants. Outings are reported apart and are not in the categories.
// - Complaints: buildComplaintTable (app/core/Feedback.hpp) over the scope's events. For a
//   year: Utfall T1 (Jan–Apr), Utfall T2 (May–Aug), Utfall VB (Sep–Dec) and Totalt ack. (the
//   year); for a tertial the tertials up to it and Totalt ack. from 1 January; else "Utfall".
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
