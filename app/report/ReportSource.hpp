#pragma once
// The narrow read interface the report needs from the central database. The SQLite
// implementation below reads the central schema (app/central/CentralStore.hpp) directly; a
// PostgreSQL backend (DESIGN.md) would implement the same calls. Every call returns records
// with voided events (the target of a Corrected) already left out.
#include "core/Clock.hpp"
#include "core/Event.hpp"
#include "core/LocalTime.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::central {
class CentralStore;
}

namespace dagverk::report {

struct RosterSiteRow {
  std::string id, name;
  int places = 0;
};
struct RosterParticipantRow {
  std::string id, siteId, firstName, initial;
  std::array<bool, 7> weekdays{}; // index 0 = Monday
  bool active = true;
};
struct RosterActivityRow {
  std::string id, siteId, name, category;
};

struct AbsenceRow {
  std::string siteId, participantId, date, reason;
};
struct SessionRow {
  std::string eventId, siteId, sessionId, activityId;
  UtcMs start = 0, end = 0, recordedUtc = 0;
  std::int64_t seq = 0;
  bool outing = false;
  std::vector<std::string> participantIds;
};
struct SurveyRow {
  std::string siteId;
  std::array<std::string, 3> answers;
};

class ReportSource {
public:
  virtual ~ReportSource() = default;
  virtual std::vector<RosterSiteRow> rosterSites() = 0;
  virtual std::vector<RosterParticipantRow> rosterParticipants() = 0;
  virtual std::vector<RosterActivityRow> rosterActivities() = 0;
  // Site ids that occur in the event log (a site may have records but no roster row).
  virtual std::vector<std::string> eventSiteIds() = 0;
  virtual std::vector<std::pair<std::string, UtcMs>> lastSyncPerSite() = 0;
  // The last local day each site has any record for.
  virtual std::map<std::string, LocalDate> lastRecordedDayPerSite() = 0;
  // Records (any kind) of the site (or all sites) recorded on a local day in [from, to].
  virtual std::int64_t recordsBetween(LocalDate from, LocalDate to, const std::optional<std::string>& site) = 0;
  // Each distinct (site, participant, local day) with a non-voided CheckedIn, days in [from, to].
  virtual void forEachAttendance(LocalDate from, LocalDate to,
                                 const std::function<void(const std::string& site, const std::string& participant,
                                                          const std::string& day)>& row) = 0;
  // Non-voided automatic check-outs per site, recorded on a day in [from, to].
  virtual std::map<std::string, std::int64_t> automaticCheckouts(LocalDate from, LocalDate to) = 0;
  // Non-voided AbsenceNoted whose day (the payload's date) is in [from, to].
  virtual std::vector<AbsenceRow> absences(LocalDate from, LocalDate to) = 0;
  // Non-voided, non-planned ActivitySessionLogged whose start is in [fromUtc, toUtc).
  virtual std::vector<SessionRow> sessions(UtcMs fromUtc, UtcMs toUtc) = 0;
  // Non-voided events of the feedback kinds (FeedbackGiven, ComplaintRegistered,
  // ComplaintFollowedUp, DeviationReported), every date, decoded.
  virtual std::vector<Event> feedbackEvents() = 0;
  // Non-voided SurveyAnswered recorded on a day in [from, to].
  virtual std::vector<SurveyRow> surveyAnswers(LocalDate from, LocalDate to) = 0;
};

// What the SQLite source adds to the central database (it owns these, nothing else uses them):
// - index report_checkin ON event(local_date, site_id, subject_id, id) WHERE kind='CheckedIn'
// - index report_auto_checkout ON event(local_date, site_id, id) WHERE kind='CheckedOut' AND
//   json_extract(payload, '$.v.automatic') = 1
//   Created on the first report (IF NOT EXISTS; about a second for a 600,000-event year), then
//   maintained by SQLite on every import. If the file is read-only they are skipped.
// - TEMP table report_voided(id): the ids voided by Corrected events, rebuilt per run on the
//   report's own connection (never written to the file).
// Opens the central database (CentralStore::openExisting: a missing file, a kiosk database or
// one from a newer schema is refused with a clear message) and reads it in one read transaction.
std::unique_ptr<ReportSource> openSqliteReportSource(const std::filesystem::path& dbFile);

} // namespace dagverk::report
