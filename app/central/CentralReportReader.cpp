// The reports' reading interface over central's schema. The tables, indexes and the voided
// set it reads are central's (CentralMigrations.cpp); the payload fields come from
// PayloadFields.hpp, the one place their JSON paths are written.
#include "central/ReportReader.hpp"

#include "central/CentralStore.hpp"
#include "central/PayloadFields.hpp"
#include "central/RosterHistory.hpp"
#include "core/Feedback.hpp"
#include "core/Roster.hpp"
#include "store/Database.hpp"
#include "store/EventLog.hpp"
#include "store/EventTable.hpp"

namespace dagverk::central {

namespace {

// Event kinds the complaint table reads (buildComplaintTable in core/Feedback.hpp).
std::string feedbackKinds() {
  return store::kindList<FeedbackGiven, ComplaintRegistered, ComplaintFollowedUp, DeviationReported>();
}

// Voided events: voided_event holds the target of every Corrected event, kept by a trigger on
// import (migration 2).
constexpr const char* kNotVoided = "NOT EXISTS (SELECT 1 FROM voided_event v WHERE v.id = e.id)";

std::string kindIs(const char* kind) { return std::string("kind = '") + kind + "'"; }

// A JSON array of plain strings, as cereal writes participant ids: ["a","b"]. nullopt if it
// holds anything this reader does not handle (escapes), so the caller decodes the payload.
std::optional<std::vector<std::string>> plainStringArray(const std::string& json) {
  std::vector<std::string> out;
  size_t i = 0;
  const auto skipSpace = [&] {
    while (i < json.size() && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) ++i;
  };
  skipSpace();
  if (i >= json.size() || json[i] != '[') return std::nullopt;
  ++i;
  skipSpace();
  if (i < json.size() && json[i] == ']') return out;
  for (;;) {
    skipSpace();
    if (i >= json.size() || json[i] != '"') return std::nullopt;
    const size_t end = json.find_first_of("\"\\", i + 1);
    if (end == std::string::npos || json[end] == '\\') return std::nullopt;
    out.push_back(json.substr(i + 1, end - i - 1));
    i = end + 1;
    skipSpace();
    if (i < json.size() && json[i] == ',') {
      ++i;
      continue;
    }
    if (i < json.size() && json[i] == ']') return out;
    return std::nullopt;
  }
}

class CentralReportReader final : public ReportReader {
public:
  explicit CentralReportReader(std::unique_ptr<CentralStore> store) : store_(std::move(store)) {
    store::Database& db = store_->db();
    // Connection settings for a large read: sorting in memory, a 64 MiB page cache, and the file
    // mapped into memory (up to 1 GiB) so that SQLite reads pages without copying each one out
    // of the kernel's cache (for the 100-site year in bench_report, about a quarter of the CPU time).
    db.exec("PRAGMA temp_store = MEMORY");
    db.exec("PRAGMA cache_size = -65536");
    db.exec("PRAGMA mmap_size = 1073741824");
    db.exec("BEGIN DEFERRED"); // one snapshot for the whole report
    inTransaction_ = true;
  }
  ~CentralReportReader() override {
    if (inTransaction_) {
      try {
        store_->db().exec("COMMIT");
      } catch (...) {
        // A read transaction has nothing to lose; closing the connection ends it.
      }
    }
  }
  CentralReportReader(const CentralReportReader&) = delete;
  CentralReportReader& operator=(const CentralReportReader&) = delete;

  std::vector<RosterSiteRow> rosterSites() override {
    std::vector<RosterSiteRow> out;
    store::Statement st(store_->db(), "SELECT id, name, places FROM roster_site ORDER BY rowid");
    while (st.step()) out.push_back({st.text(0), st.text(1), static_cast<int>(st.integer(2))});
    return out;
  }

  std::vector<RosterParticipantRow> rosterParticipants() override {
    std::vector<RosterParticipantRow> out;
    store::Statement st(store_->db(),
                        "SELECT id, site_id, first_name, initial, weekdays, active FROM roster_participant ORDER BY rowid");
    while (st.step()) {
      RosterParticipantRow r;
      r.id = st.text(0);
      r.siteId = st.text(1);
      r.firstName = st.text(2);
      r.initial = st.text(3);
      r.weekdays = parseWeekdays(st.text(4)).value_or(std::array<bool, 7>{});
      r.active = st.integer(5) != 0;
      out.push_back(std::move(r));
    }
    return out;
  }

  std::vector<RosterActivityRow> rosterActivities() override {
    std::vector<RosterActivityRow> out;
    store::Statement st(store_->db(), "SELECT id, site_id, name, category FROM roster_activity ORDER BY rowid");
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.text(3)});
    return out;
  }

  std::vector<std::string> eventSiteIds() override {
    std::vector<std::string> out;
    store::Statement st(store_->db(), "SELECT DISTINCT site_id FROM event ORDER BY site_id");
    while (st.step()) out.push_back(st.text(0));
    return out;
  }

  std::vector<std::pair<std::string, UtcMs>> lastSyncPerSite() override { return store_->lastSyncPerSite(); }

  std::map<std::string, DaySpan> recordedSpans() override {
    std::map<std::string, DaySpan> out;
    store::Statement st(store_->db(), "SELECT site_id, min(local_date), max(local_date) FROM event GROUP BY site_id");
    while (st.step()) {
      const auto first = parseIsoDate(st.text(1)), last = parseIsoDate(st.text(2));
      if (first && last) out[st.text(0)] = DaySpan{*first, *last};
    }
    // A day known only from a paper sheet entered afterwards is a recorded day of the site too.
    for (const auto& r : readLateVisitDays(store_->db(), std::nullopt, std::nullopt)) {
      auto it = out.find(r.siteId);
      if (it == out.end()) out[r.siteId] = DaySpan{r.day, r.day};
      else if (r.day < it->second.first) it->second.first = r.day;
      else if (it->second.last < r.day) it->second.last = r.day;
    }
    return out;
  }

  std::vector<RosterSpell> rosterSpells() override { return readRosterSpells(store_->db()); }

  std::vector<KioskCoverage> kiosks() override {
    std::vector<KioskCoverage> out;
    store::Statement st(store_->db(),
                        "SELECT d.device_id, d.site_id, (SELECT max(b.created_utc) FROM batch b WHERE b.device_id = "
                        "d.device_id), (SELECT e.local_date FROM event e WHERE e.device_id = d.device_id ORDER BY "
                        "e.seq DESC LIMIT 1), d.events < d.max_seq FROM device d ORDER BY d.site_id, d.device_id");
    while (st.step()) {
      KioskCoverage k;
      k.deviceId = st.text(0);
      k.siteId = st.text(1);
      if (!st.isNull(2)) k.lastBatchUtc = st.integer(2);
      if (!st.isNull(3)) k.lastDay = parseIsoDate(st.text(3));
      k.sequenceGap = st.integer(4) != 0;
      out.push_back(std::move(k));
    }
    return out;
  }

  std::int64_t recordsBetween(LocalDate from, LocalDate to, const std::optional<std::string>& site) override {
    store::Statement st(store_->db(), site ? "SELECT count(*) FROM event WHERE site_id = ?3 AND local_date BETWEEN ?1 AND ?2"
                                           : "SELECT count(*) FROM event WHERE local_date BETWEEN ?1 AND ?2");
    st.bind(1, formatIsoDate(from)).bind(2, formatIsoDate(to));
    if (site) st.bind(3, *site);
    st.step();
    return st.integer(0);
  }

  void forEachCheckIn(LocalDate from, LocalDate to, const CheckInRow& row) override {
    // SQLite's planner prefers the (kind, local_date) index; the covering partial index reads
    // about seven times less (measured on the 100-site year in bench_report). The rows come
    // ordered by day: each day's text is parsed once.
    store::Statement st(store_->db(), "SELECT DISTINCT site_id, subject_id, local_date FROM event e "
                                      "INDEXED BY event_checkin_day WHERE " +
                                          kindIs(CheckedIn::kKind) + " AND local_date BETWEEN ?1 AND ?2 AND " +
                                          kNotVoided);
    st.bind(1, formatIsoDate(from)).bind(2, formatIsoDate(to));
    std::string dayText;
    std::optional<LocalDate> day;
    while (st.step()) {
      const std::string text = st.text(2);
      if (text != dayText) {
        dayText = text;
        day = parseIsoDate(text);
      }
      if (day) row(st.text(0), st.text(1), *day);
    }
    // A visit registered afterwards counts on the day its payload names; it was entered on a
    // later day, so local_date >= from narrows the scan first.
    store::Statement late(store_->db(), "SELECT DISTINCT site_id, subject_id, " + field::kLateVisitDate.sql() +
                                            " AS day FROM event e WHERE " + kindIs(LateVisitRegistered::kKind) +
                                            " AND local_date >= ?1 AND day BETWEEN ?1 AND ?2 AND " + kNotVoided);
    late.bind(1, formatIsoDate(from)).bind(2, formatIsoDate(to));
    while (late.step())
      if (const auto d = parseIsoDate(late.text(2))) row(late.text(0), late.text(1), *d);
  }

  void forEachAutomaticCheckout(LocalDate from, LocalDate to, const CheckoutRow& row) override {
    // Written by a rollover on or after the visit's day, so recorded from `from` on; the visit's
    // day is the local date of CheckedOut.at. Spelled as in the partial index
    // event_auto_checkout_day, so SQLite can use it.
    store::Statement st(store_->db(), "SELECT site_id, " + field::kCheckedOutAt.sql() + " FROM event e WHERE " +
                                          kindIs(CheckedOut::kKind) + " AND local_date >= ?1 AND " +
                                          field::kCheckedOutAutomatic.sql() + " = 1 AND " + kNotVoided);
    st.bind(1, formatIsoDate(from));
    while (st.step()) {
      const LocalDate visit = toStockholm(st.integer(1)).date;
      if (!(visit < from) && !(to < visit)) row(st.text(0), visit);
    }
  }

  std::vector<AbsenceNote> absenceNotes(LocalDate from, LocalDate to) override {
    std::vector<AbsenceNote> out;
    // Oldest first: the latest note per participant and day wins (a reason changed later).
    store::Statement st(store_->db(), "SELECT site_id, subject_id, " + field::kAbsenceDate.sql() + " AS day, " +
                                          field::kAbsenceReason.sql() + " FROM event e WHERE " +
                                          kindIs(AbsenceNoted::kKind) + " AND day BETWEEN ?1 AND ?2 AND " +
                                          kNotVoided + " ORDER BY recorded_utc, device_id, seq");
    st.bind(1, formatIsoDate(from)).bind(2, formatIsoDate(to));
    while (st.step())
      if (const auto d = parseIsoDate(st.text(2))) out.push_back({st.text(0), st.text(1), *d, st.text(3)});
    return out;
  }

  std::vector<SessionRow> sessions(UtcMs fromUtc, UtcMs toUtc) override {
    std::vector<SessionRow> out;
    store::Statement st(store_->db(), "SELECT id, site_id, " + field::kSessionId.sql() + ", " +
                                          field::kSessionActivityId.sql() + ", " + field::kSessionStart.sql() +
                                          " AS start, " + field::kSessionEnd.sql() + ", " +
                                          field::kSessionOuting.sql() + ", " + field::kSessionParticipantIds.sql() +
                                          ", recorded_utc, seq, payload FROM event e WHERE " +
                                          kindIs(ActivitySessionLogged::kKind) + " AND start >= ?1 AND start < ?2 AND " +
                                          field::kSessionPlanned.sql() + " = 0 AND " + kNotVoided);
    st.bind(1, static_cast<std::int64_t>(fromUtc)).bind(2, static_cast<std::int64_t>(toUtc));
    while (st.step()) {
      SessionRow r;
      r.eventId = st.text(0);
      r.siteId = st.text(1);
      r.sessionId = st.text(2);
      r.activityId = st.text(3);
      r.start = st.integer(4);
      r.end = st.integer(5);
      r.outing = st.integer(6) != 0;
      if (auto ids = plainStringArray(st.text(7))) {
        r.participantIds = std::move(*ids);
      } else {
        const auto payload = decodePayload(ActivitySessionLogged::kKind, st.text(10));
        r.participantIds = std::get<ActivitySessionLogged>(payload).participantIds;
      }
      r.recordedUtc = st.integer(8);
      r.seq = st.integer(9);
      out.push_back(std::move(r));
    }
    return out;
  }

  std::vector<Event> feedbackEvents() override {
    std::vector<Event> out;
    store::Statement st(store_->db(),
                        "SELECT " + std::string(store::kEventColumns) + " FROM event e WHERE kind IN " +
                            feedbackKinds() + " AND " + kNotVoided + " ORDER BY recorded_utc, device_id, seq");
    while (st.step()) out.push_back(fromRow(store::readEventRow(st)));
    return out;
  }

  std::vector<SurveyRow> surveyAnswers(LocalDate from, LocalDate to) override {
    std::vector<SurveyRow> out;
    const auto& answers = field::kSurveyAnswers;
    store::Statement st(store_->db(), "SELECT site_id, " + answers.sql("payload", "[0]") + ", " +
                                          answers.sql("payload", "[1]") + ", " + answers.sql("payload", "[2]") +
                                          " FROM event e WHERE " + kindIs(SurveyAnswered::kKind) +
                                          " AND local_date BETWEEN ?1 AND ?2 AND " + kNotVoided);
    st.bind(1, formatIsoDate(from)).bind(2, formatIsoDate(to));
    while (st.step()) out.push_back({st.text(0), {st.text(1), st.text(2), st.text(3)}});
    return out;
  }

  std::vector<HeadcountRow> headcounts(LocalDate from, LocalDate to) override {
    return readHeadcounts(store_->db(), from, to);
  }

  std::vector<LateVisitDayRow> lateVisitDays(LocalDate from, LocalDate to) override {
    return readLateVisitDays(store_->db(), from, to);
  }

private:
  std::unique_ptr<CentralStore> store_;
  bool inTransaction_ = false;
};

} // namespace

std::unique_ptr<ReportReader> openReportReader(const std::filesystem::path& dbFile) {
  return std::make_unique<CentralReportReader>(CentralStore::openExisting(dbFile));
}

} // namespace dagverk::central
