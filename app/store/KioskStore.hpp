#pragma once
// The kiosk's local store: one SQLite file in the data directory, WAL with synchronous=FULL.
// Every append is durable when it returns; the presence projection is updated in the same
// transaction and kept in memory for the screens.
#include "core/Clock.hpp"
#include "core/DayRecords.hpp"
#include "core/Event.hpp"
#include "core/Feedback.hpp"
#include "core/Staff.hpp"
#include "core/Presence.hpp"
#include "core/Roster.hpp"
#include "core/RosterCsv.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::store {

class Database;
class Statement;

inline constexpr const char* kDatabaseFileName = "dagverk.sqlite";
inline constexpr const char* kDefaultSiteId = "liljan";

// Keys of the `setting` table used by sync.
inline constexpr const char* kSettingSharePath = "share_path";
inline constexpr const char* kSettingBundleVersion = "bundle_version";
inline constexpr const char* kSettingCentralSignPk = "central_sign_pk"; // pinned at the first sync
inline constexpr const char* kSettingCentralBoxPk = "central_box_pk";
inline constexpr const char* kSettingLastSyncUtc = "last_sync_utc";
inline constexpr const char* kSettingLastSyncResult = "last_sync_result";

struct StoreStatus {
  std::string siteId;
  std::string siteName;
  std::string deviceId;
  int participants = 0;   // active participants at the site
  int presentNow = 0;
  std::int64_t events = 0; // events in the log (all kinds)
  std::int64_t lastSeq = 0;
  int schemaVersion = 0;
};

class KioskStore {
public:
  // Opens the store in an existing data directory. Throws DagverkError for a missing or
  // read-only directory, a missing, corrupt or too-new database; never modifies such a file.
  static std::unique_ptr<KioskStore> open(const std::filesystem::path& dataDir, const Clock& clock);
  // Creates the directory if needed and seeds the roster into a new database. Refuses a
  // directory that already holds a database (DatabaseNotEmpty).
  static std::unique_ptr<KioskStore> createWithRoster(const std::filesystem::path& dataDir, const Clock& clock,
                                                      const RosterFiles& roster, const std::string& siteId);
  ~KioskStore();
  KioskStore(const KioskStore&) = delete;
  KioskStore& operator=(const KioskStore&) = delete;

  // --- roster -------------------------------------------------------------------------------
  std::vector<Site> sites() const;
  // Throws UnknownSite with the valid ids in the message.
  Site site(const std::string& siteId) const;
  // Active participants of the site, in Swedish alphabetical order of first name.
  std::vector<Participant> participants(const std::string& siteId) const;
  // Throws UnknownParticipant.
  Participant participant(const std::string& participantId) const;

  // The site this kiosk is bound to (stored in the database; changed by bindToSite).
  std::string boundSiteId() const;
  void bindToSite(const std::string& siteId);
  const std::string& deviceId() const { return deviceId_; }

  // --- events -------------------------------------------------------------------------------
  // A participant checks in (actor empty) or is checked in by staff. Throws AlreadyPresent,
  // UnknownParticipant (or not at this site), DiskFull, Storage. Durable on return.
  Event checkIn(const std::string& participantId, const std::optional<std::string>& actorStaffId = std::nullopt);
  // Throws NotPresent when the participant is not checked in.
  Event checkOut(const std::string& participantId, const std::optional<std::string>& actorStaffId = std::nullopt);
  // Closes every check-in left open from an earlier day with an automatic CheckedOut event.
  std::vector<Event> runDayRollover();
  // Appends one event of any kind (sequence, id and time are assigned here).
  Event append(const std::string& siteId, const std::optional<std::string>& actorStaffId, EventPayload payload);

  const PresenceBoard& presence() const { return presence_; }
  // True (and the in-memory presence reloaded) if another process, such as `dagverk checkin`
  // from a badge reader, committed to the database since the last call.
  bool reloadIfChangedElsewhere();
  // Rebuilds the presence projection (table and memory) from the event log.
  void rebuildPresence();
  std::vector<Event> eventsAfter(std::int64_t seq, size_t limit) const;
  StoreStatus status() const;

  const Clock& clock() const { return clock_; }

  // --- staff (issue: staff mode) ----------------------------------------------------------
  // Active staff of the site, sorted by first name (Swedish order).
  std::vector<StaffMember> staff(const std::string& siteId) const;
  StaffMember staffMember(const std::string& staffId) const; // throws UnknownStaff
  std::vector<Activity> activities(const std::string& siteId) const;

  enum class PinResult { Accepted, Wrong, LockedOut, Malformed };
  struct PinCheck {
    PinResult result = PinResult::Wrong;
    std::int64_t secondsLeft = 0; // LockedOut: seconds until the next try
    int attemptsLeft = 0;         // Wrong: tries left before the lock-out starts
  };
  // Checks a staff member's PIN against its Argon2id hash (libsodium crypto_pwhash_str_verify).
  // The lock-out counter is device-wide and stored, so a restart does not reset it. A hash
  // made with weaker parameters than today's is re-hashed on success (needs_rehash).
  PinCheck checkPin(const std::string& staffId, const std::string& pin);
  // The same check for starting a roll call: a fire drill must not wait for a lock-out, so
  // during one a PIN is still verified, at most once per kEmergencyPinIntervalMs (wrong PINs
  // still count, and a right one opens only the roll call).
  static constexpr std::int64_t kEmergencyPinIntervalMs = 3000;
  PinCheck checkPinForRollCall(const std::string& staffId, const std::string& pin);
  // Changes how long staff mode may stay idle (10–3600 s).
  void setStaffIdleSeconds(int seconds);
  PinLockout pinLockout() const;
  // Seconds staff mode may stay idle before it closes (setting, default 90).
  int staffIdleSeconds() const;

  Event staffCheckIn(const std::string& staffId);  // throws AlreadyPresent
  Event staffCheckOut(const std::string& staffId); // throws NotPresent
  const PresenceBoard& staffPresence() const { return staffPresence_; }

  // A participant checked in or out by staff: the event records the acting staff member.
  // (checkIn/checkOut above with actorStaffId set.)

  // Voids a check-in or check-out (or any event of this site) with a reason; the original
  // stays. Presence is rebuilt. Throws UnknownEvent, AlreadyCorrected.
  Event correct(const std::string& eventId, const std::string& reasonCode, const std::string& actorStaffId);
  // Throws BadInput for an unknown reason or bad comment, PresentNotAbsent if the participant
  // is checked in now.
  Event noteAbsence(const std::string& participantId, const std::string& reasonCode, const std::string& comment,
                    const std::string& actorStaffId);
  // Logs (or plans) a session; an edit (draft.replacesEventId set) appends the new version and
  // a Corrected for the old one in one transaction. Throws BadInput with the validation message.
  std::vector<Event> logSession(const SessionDraft& draft, const std::string& actorStaffId);
  // Sessions (current versions) of the site whose start falls in [from, to).
  std::vector<ActivitySession> sessions(const std::string& siteId, UtcMs from, UtcMs to) const;
  // The site's events recorded on a local day, in sequence order.
  std::vector<Event> eventsOfDay(const std::string& siteId, LocalDate day) const;
  DayOverview dayOverview(const std::string& siteId, LocalDate day) const;

  // The roll call: start lists everyone checked in now (participants and staff).
  Event startRollCall(const std::string& actorStaffId);
  Event markSafe(const std::string& rollCallId, const std::string& personId, const std::string& actorStaffId);
  Event endRollCall(const std::string& rollCallId, const std::string& actorStaffId);
  // The latest roll call at the site (open or ended), rebuilt from events.
  std::optional<RollCallState> latestRollCall() const;

  // --- feedback, complaints, deviations, survey (issue: feedback and complaints) ------------
  // A participant's "Tyck till". Returns nullopt (and appends nothing) when it comes within
  // kFeedbackGuardMs of the previous one on this kiosk (a pressed-twice guard). Throws BadInput
  // (validateFeedback) for a bad mood/topic, text over 2,000 characters, control characters
  // or invalid UTF-8, or a participant not of this site. A new feedbackId is made here.
  std::optional<Event> giveFeedback(FeedbackGiven feedback);
  // Registers a complaint/comment/suggestion/praise (a new complaintId is made here). Throws
  // BadInput for an unknown category (type, source, concerns, channel), a bad date, or text.
  Event registerComplaint(ComplaintRegistered complaint, const std::string& actorStaffId);
  // Throws BadInput for an unknown step or a complaint that is closed; UnknownEvent for an
  // unknown complaint id.
  Event followUpComplaint(const std::string& complaintId, const std::string& step, const std::string& date,
                          const std::string& text, const std::string& actorStaffId);
  Event reportDeviation(DeviationReported deviation, const std::string& actorStaffId);
  std::vector<ComplaintState> complaints() const;              // this site's, oldest first
  std::vector<FeedbackGiven> feedbackToClassify() const;        // this site's unclassified Tyck till
  std::vector<DeviationReported> deviations() const;            // this site's
  // The site's complaint table for [from, to] (the same function central reports reuse).
  ComplaintTable complaintTable(LocalDate from, LocalDate to) const;

  // Opens a survey window (from..to inclusive); throws BadInput if to < from.
  Event openSurveyWindow(LocalDate from, LocalDate to, const std::string& actorStaffId);
  // The latest window at this site (open or past).
  std::optional<SurveyWindow> surveyWindow() const;
  // Whether this participant has answered in the window (the kiosk keeps who, never what).
  bool hasAnswered(const std::string& windowId, const std::string& participantId) const;
  // Records the answers anonymously and the participant as having answered, in one
  // transaction. Throws BadInput outside an open window, for a second answer in the same
  // window, or for answers that are not three of ja/ibland/nej.
  Event answerSurvey(const std::string& windowId, const std::string& participantId,
                     const std::vector<std::string>& answers);
  SurveyResult surveyResult(const std::string& windowId) const;

  // Copies the WAL into the database file (PASSIVE, never waits). The kiosk calls it once a
  // minute so the durable append of a tap never pays for a checkpoint.
  void checkpoint();

  // Appends several events in one transaction: all or nothing.
  std::vector<Event> appendAll(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                               std::vector<EventPayload> payloads);

  // --- sync bookkeeping (issue: weekly sync) --------------------------------------------------
  // Kept apart from the event log (migration 5): batches written to the share, the events each
  // held, and the events central acknowledged by a receipt. Events are never changed by sync.
  struct OutgoingEvent { // one of this device's events with its columns as stored
    std::string id;
    std::string deviceId;
    std::int64_t seq = 0;
    UtcMs recordedUtc = 0;
    std::string zone;
    std::string siteId;
    std::optional<std::string> actorStaffId;
    std::string kind;
    std::string subjectId;
    std::string payloadJson;
    int schemaVersion = 0;
  };
  // This device's events that no receipt has acknowledged yet (sent or not), all kinds, in
  // sequence order.
  std::vector<OutgoingEvent> unacknowledgedEvents() const;
  // The same events counted per kind ("CheckedIn" -> 12, ...).
  std::map<std::string, std::int64_t> queuedCountByKind() const;
  // When this device recorded its first event (nullopt: none yet).
  std::optional<UtcMs> firstOwnEventUtc() const;

  struct SyncBatchRecord {
    std::int64_t batchSeq = 0;
    std::string batchId;
    std::string fileName;
    std::string sha256;
    std::int64_t eventCount = 0;
    std::int64_t firstSeq = 0;
    std::int64_t lastSeq = 0;
    UtcMs writtenUtc = 0;
    std::optional<UtcMs> ackedUtc;
  };
  // The highest batch number recorded (0: none yet).
  std::int64_t lastBatchSeq() const;
  // Records a batch written to the share and the sequence numbers of its events, in one
  // transaction. Throws DiskFull / Storage (then nothing is recorded).
  void recordBatch(const SyncBatchRecord& batch, const std::vector<std::int64_t>& eventSeqs);
  std::vector<SyncBatchRecord> batches() const; // oldest first
  // A receipt for the batch with this id and hash: marks every event of that batch as
  // acknowledged (and the batch). Returns how many events became acknowledged now (0 if the
  // batch was already), or nullopt when no recorded batch has this id and hash.
  std::optional<std::int64_t> acknowledgeBatch(const std::string& batchId, const std::string& sha256, UtcMs at);

  // Replaces sites, participants, activities and staff with a new roster bundle in one
  // transaction. Participants and staff missing from it become inactive (never deleted: events
  // name them); a kept participant keeps the photo chosen on the kiosk. Sites no longer listed
  // are removed unless something still refers to them. Settings: only known keys (today
  // staff_idle_seconds), validated; others are logged and ignored. Throws BundleRejected for a
  // version not newer than the stored one, a roster without this kiosk's site, or a bad
  // setting; then nothing changes.
  void applyBundle(const RosterFiles& roster, const std::map<std::string, std::string>& settings,
                   std::int64_t version);
  std::int64_t bundleVersion() const; // 0: the roster the kiosk was set up with

  // The `setting` table as text (share_path, central_sign_pk, last_sync_utc, ...).
  std::optional<std::string> settingValue(const std::string& key) const;
  void setSettingValue(const std::string& key, const std::string& value);
  // Several settings in one transaction.
  void setSettingValues(const std::map<std::string, std::string>& values);

private:
  KioskStore(std::unique_ptr<Database> db, const Clock& clock);
  void loadDevice();
  void loadPresence();
  void applyToProjection(const Event& e);
  // --- internals of staff mode (private; the public API above is unchanged) ---
  Event makeEvent(const std::string& siteId, const std::optional<std::string>& actorStaffId, EventPayload payload,
                  UtcMs now);
  // Inside a transaction: assigns the sequence, inserts, updates the presence table. True if
  // the event voids a check-in or check-out, so presence must be rebuilt from the log.
  bool insertEvent(Event& e);
  void applyToMemory(const Event& e);
  // Rewrites the presence table (one site, or all when siteId is null) by replaying the log
  // with corrections honoured. Inside a transaction; memory is reloaded after the commit.
  void rewritePresenceRows(const std::string* siteId);
  std::optional<Event> findEvent(const std::string& eventId) const;
  bool isVoided(const std::string& eventId, const std::string& subjectId) const;
  std::vector<Event> queryEvents(const std::string& whereAndOrder, const std::function<void(Statement&)>& bind) const;
  std::optional<Event> findRollCallEvent(const char* kind, const std::string& rollCallId,
                                         const std::string& personId) const;
  PinLockout readLockout() const;
  void writeLockout(const PinLockout& lock);
  StaffMember requireStaff(const std::string& staffId) const; // active, else UnknownStaff

  std::unique_ptr<Database> db_;
  const Clock& clock_;
  std::string deviceId_;
  PresenceBoard presence_;
  PresenceBoard staffPresence_{PresenceBoard::Who::Staff};
  // Prepared once, used on every append.
  std::unique_ptr<Statement> nextSeq_, insertEvent_, insertPresence_, deletePresence_, dataVersion_;
  std::unique_ptr<Statement> insertStaffPresence_, deleteStaffPresence_;
  std::int64_t lastDataVersion_ = -1;
  // The bound site and participants read by every tap; dropped when the roster may change.
  mutable std::optional<std::string> boundSite_;
  UtcMs lastEmergencyPinAt_ = 0;
  mutable std::map<std::string, Participant> participantCache_;
  void forgetCachedRoster() const;
};

} // namespace dagverk::store
