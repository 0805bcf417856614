#pragma once
// What the reports read from the central database, as typed rows: the only way in for
// app/report, which sees no SQL, no tables and no payload JSON. Central implements it over its
// own schema (CentralReportReader.cpp); another store would implement the same calls. Every
// call leaves out voided events (the target of any Corrected event).
#include "core/AttendanceCount.hpp"
#include "central/HeadcountRows.hpp"
#include "central/LateVisitRows.hpp"
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

// One kiosk (device) as the report sees it: its last batch and the last day its data covers.
struct KioskCoverage {
  std::string deviceId, siteId;
  std::optional<UtcMs> lastBatchUtc;    // creation time (kiosk clock) of its newest batch
  std::optional<LocalDate> lastDay;     // local day of its newest event (highest sequence number)
  bool sequenceGap = false;             // fewer events held than its highest sequence number
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

// The counting rows (CountingSource: check-ins, automatic check-outs, absence notes, recorded
// spans) are what core/AttendanceCount counts; the rest is what the other sections read.
class ReportReader : public CountingSource {
public:
  virtual std::vector<RosterSiteRow> rosterSites() = 0;
  virtual std::vector<RosterParticipantRow> rosterParticipants() = 0;
  virtual std::vector<RosterActivityRow> rosterActivities() = 0;
  // The roster history (every spell, any site).
  virtual std::vector<RosterSpell> rosterSpells() = 0;
  // Every kiosk that has sent a batch, by site then device.
  virtual std::vector<KioskCoverage> kiosks() = 0;
  // Site ids that occur in the event log (a site may have records but no roster row).
  virtual std::vector<std::string> eventSiteIds() = 0;
  virtual std::vector<std::pair<std::string, UtcMs>> lastSyncPerSite() = 0;
  // Records (any kind) of the site (or all sites) recorded on a local day in [from, to].
  virtual std::int64_t recordsBetween(LocalDate from, LocalDate to, const std::optional<std::string>& site) = 0;
  // Non-voided, non-planned ActivitySessionLogged whose start is in [fromUtc, toUtc).
  virtual std::vector<SessionRow> sessions(UtcMs fromUtc, UtcMs toUtc) = 0;
  // Non-voided events of the feedback kinds (FeedbackGiven, ComplaintRegistered,
  // ComplaintFollowedUp, DeviationReported), every date, decoded.
  virtual std::vector<Event> feedbackEvents() = 0;
  // Non-voided SurveyAnswered recorded on a day in [from, to].
  virtual std::vector<SurveyRow> surveyAnswers(LocalDate from, LocalDate to) = 0;
  // Non-voided visitor tallies recorded on a day in [from, to]; none where a store has none.
  virtual std::vector<HeadcountRow> headcounts(LocalDate /*from*/, LocalDate /*to*/) { return {}; }
  // Visits registered afterwards whose own day is in [from, to], per site and day; none where a
  // store has none.
  virtual std::vector<LateVisitDayRow> lateVisitDays(LocalDate /*from*/, LocalDate /*to*/) { return {}; }
};

// Opens the central database (CentralStore::openExisting: a missing file, a kiosk database or
// one from a newer schema is refused with a clear message, and an older schema is migrated) and
// reads it in one read transaction, held until the reader is destroyed.
std::unique_ptr<ReportReader> openReportReader(const std::filesystem::path& dbFile);

} // namespace dagverk::central
