#pragma once
// The kiosk's opened data directory: one SQLite file, WAL with synchronous=FULL. It owns the
// database and its rooms — the event log with the presence projection, the roster, the PIN
// lock-out, the sync ledger and the settings — and hands them out. What a person does goes
// through store::perform (store/Perform.hpp); each feature's commands and read queries live in
// a file of their own (store/CheckInOut.hpp, store/RollCall.hpp, …).
#include "core/Clock.hpp"
#include "core/Presence.hpp"
#include "core/RosterCsv.hpp"
#include "store/EventLog.hpp"
#include "store/Lockout.hpp"
#include "store/RosterStore.hpp"
#include "store/Settings.hpp"
#include "store/SyncLedger.hpp"
// The way in and each feature's read queries: whoever holds the store can use them.
#include "store/Absence.hpp"
#include "store/CheckInOut.hpp"
#include "store/Complaints.hpp"
#include "store/Correction.hpp"
#include "store/Feedback.hpp"
#include "store/Perform.hpp"
#include "store/RollCall.hpp"
#include "store/Sessions.hpp"
#include "store/Survey.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace dagverk::store {

class Database;
class PresenceProjection;

inline constexpr const char* kDatabaseFileName = "dagverk.sqlite";
// Up to this size (about 160,000 events; a unit records some 20,000 a year) the whole database
// is checked (PRAGMA quick_check) at every open, in under 0.1 s at 50,000 events here. A larger
// file would hold up every start and every badge-reader check-in by a second or more, so it is
// checked before each sync instead (checkWholeFile). bench_open measures both.
inline constexpr std::int64_t kCheckAtOpenMaxBytes = 64LL * 1024 * 1024;

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

// How to open the store. The defaults are production's; only tests change them.
struct StoreOpenOptions {
  // A registered SQLite VFS to open the database through, or null for the operating system's.
  // The power-cut test opens the store through a VFS of its own that forgets writes not yet
  // synced, and must do so through this same open path to test what the kiosk really does.
  const char* vfs = nullptr;
};

class KioskStore {
public:
  // Opens the store in an existing data directory. Throws DagverkError for a missing or
  // read-only directory, a missing, corrupt or too-new database; never modifies such a file.
  static std::unique_ptr<KioskStore> open(const std::filesystem::path& dataDir, const Clock& clock,
                                          const StoreOpenOptions& options = {});
  // Creates the directory if needed and seeds the roster into a new database. Refuses a
  // directory that already holds a database (DatabaseNotEmpty).
  static std::unique_ptr<KioskStore> createWithRoster(const std::filesystem::path& dataDir, const Clock& clock,
                                                      const RosterFiles& roster, const std::string& siteId);
  ~KioskStore();
  KioskStore(const KioskStore&) = delete;
  KioskStore& operator=(const KioskStore&) = delete;

  // --- the rooms ----------------------------------------------------------------------------
  EventLog& events() { return *events_; }
  const EventLog& events() const { return *events_; }
  RosterStore& roster() { return *roster_; }
  const RosterStore& roster() const { return *roster_; }
  Lockout& lockout() { return *lockout_; }
  const Lockout& lockout() const { return *lockout_; }
  SyncLedger& ledger() { return *ledger_; }
  const SyncLedger& ledger() const { return *ledger_; }
  Settings& settings() { return *settings_; }
  const Settings& settings() const { return *settings_; }
  // For a feature that keeps a table of its own beside the log (who answered the survey).
  Database& database() const { return *db_; }

  // Who is here now (participants, staff), as of the last commit this process saw.
  const PresenceBoard& presence() const;
  const PresenceBoard& staffPresence() const;

  const std::string& deviceId() const { return deviceId_; }
  const Clock& clock() const { return clock_; }

  // Binds the kiosk to another site of its roster (starting it with --site). Refused with
  // SiteMismatch while any of its records waits for central's receipt: central takes one site
  // per batch, and a queue holding two sites' records could never be sent. Throws UnknownSite
  // for a site not in the roster. Checked and written in one transaction.
  void moveToSite(const std::string& siteId);

  // True (and presence and the roster in memory refreshed) if another process, such as
  // `dagverk checkin` from a badge reader, committed to the database since the last call.
  bool reloadIfChangedElsewhere();
  StoreStatus status() const;
  // PRAGMA quick_check over the whole file, unless open() already ran it: a database larger than
  // kCheckAtOpenMaxBytes gets it here. Every sync calls it first, so damage is found before
  // anything leaves the kiosk or the sync writes. Throws DatabaseCorrupt (see damagedDatabase).
  void checkWholeFile();
  // Copies the WAL into the database file (PASSIVE, never waits). The kiosk calls it once a
  // minute so the durable append of a tap never pays for a checkpoint.
  void checkpoint();

private:
  KioskStore(std::unique_ptr<Database> db, const Clock& clock);
  void openRooms();

  std::unique_ptr<Database> db_;
  const Clock& clock_;
  std::string deviceId_;
  bool checkedWhole_ = false; // quick_check has passed on this connection
  std::unique_ptr<Settings> settings_;
  std::unique_ptr<RosterStore> roster_;
  std::unique_ptr<Lockout> lockout_;
  std::unique_ptr<SyncLedger> ledger_;
  std::unique_ptr<PresenceProjection> presence_;
  std::unique_ptr<EventLog> events_;
};

} // namespace dagverk::store
