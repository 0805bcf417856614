#pragma once
// What the reports read from the central database, as typed rows: the only way in for
// app/report, which sees no SQL, no tables and no payload JSON. Central implements it over its
// own schema (CentralReportReader.cpp); another store would implement the same calls. Every
// call leaves out voided events (the target of any Corrected event).
#include "central/HeadcountRows.hpp"
#include "core/Clock.hpp"
#include "core/Event.hpp"
#include "core/LocalTime.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::central {

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

class ReportReader {
public:
  virtual ~ReportReader() = default;
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
  // Non-voided visitor tallies recorded on a day in [from, to]; none where a store has none.
  virtual std::vector<HeadcountRow> headcounts(LocalDate /*from*/, LocalDate /*to*/) { return {}; }
};

// Opens the central database (CentralStore::openExisting: a missing file, a kiosk database or
// one from a newer schema is refused with a clear message, and an older schema is migrated) and
// reads it in one read transaction, held until the reader is destroyed.
std::unique_ptr<ReportReader> openReportReader(const std::filesystem::path& dbFile);

} // namespace dagverk::central
