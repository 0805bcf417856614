#pragma once
// The kiosk's local store: one SQLite file in the data directory, WAL with synchronous=FULL.
// Every append is durable when it returns; the presence projection is updated in the same
// transaction and kept in memory for the screens.
#include "Clock.hpp"
#include "Event.hpp"
#include "Presence.hpp"
#include "Roster.hpp"
#include "RosterCsv.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::store {

class Database;
class Statement;

inline constexpr const char* kDatabaseFileName = "dagverk.sqlite";
inline constexpr const char* kDefaultSiteId = "liljan";

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

private:
  KioskStore(std::unique_ptr<Database> db, const Clock& clock);
  void loadDevice();
  void loadPresence();
  void applyToProjection(const Event& e);

  std::unique_ptr<Database> db_;
  const Clock& clock_;
  std::string deviceId_;
  PresenceBoard presence_;
  // Prepared once, used on every append.
  std::unique_ptr<Statement> nextSeq_, insertEvent_, insertPresence_, deletePresence_, dataVersion_;
  std::int64_t lastDataVersion_ = -1;
};

} // namespace dagverk::store
