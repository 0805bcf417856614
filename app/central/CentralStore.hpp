#pragma once
// The central database: every kiosk's events exactly once, the current roster from the newest
// bundle, and the bookkeeping of batches and devices. It lives on the central machine, never on
// the share. Reports read it only through ReportReader.hpp.
//
// Schema (migrations keyed on PRAGMA user_version; meta.kind = 'dagverk-central'):
//   meta(key PK, value)
//   event(EventRow's columns, store/EventTable.hpp: id TEXT PK, device_id, seq, recorded_utc,
//         zone, site_id, actor_staff_id, kind, subject_id, payload TEXT (JSON), schema_version;
//         then local_date TEXT  -- YYYY-MM-DD of recorded_utc in Europe/Stockholm
//         batch_id TEXT, imported_utc INTEGER, UNIQUE(device_id, seq))
//         indexes: (kind, local_date), (site_id, local_date), (subject_id), and for the reports
//         event_checkin_day (local_date, site_id, subject_id, id) WHERE CheckedIn and
//         event_auto_checkout_day (local_date, site_id, id) WHERE an automatic CheckedOut
//   voided_event(id PK)  -- the target of every Corrected event, kept by a trigger on event
//   batch(batch_id PK, device_id, site_id, batch_seq, sha256, file_name, event_count,
//         new_events, first_seq, last_seq, created_utc, imported_utc)
//   device(device_id PK, site_id, last_batch_seq, last_seen_utc, max_seq,
//         events INTEGER, clock_back INTEGER, clock_future INTEGER)
//   clock_flag(event_id, device_id, seq, kind TEXT ('back'|'future'), recorded_utc,
//              previous_utc, PK(event_id, kind))  -- wall times earlier than the device's
//              previous event (by sequence, whichever of the two arrived first), or more than a
//              day after the import time
//   quarantine(file_name, device_id, reason, at_utc)
//   roster_site(id PK, name, places, opens_minute, closes_minute)
//   roster_participant(id PK, site_id, first_name, initial, weekdays, active)
//   roster_activity(id PK, site_id, name, category)
//   roster_staff(id PK, site_ids, first_name, initial, role, active)   -- never PIN hashes
//   (meta 'roster_version' = the bundle version the roster came from)
#include "core/Clock.hpp"
#include "core/LocalTime.hpp"
#include "core/RosterCsv.hpp"
#include "sync/SyncFormat.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::store {
class Database;
}

namespace dagverk::central {

inline constexpr const char* kCentralKind = "dagverk-central";

struct BatchImportResult {
  bool alreadyImported = false; // same batch id and same hash: a no-op
  bool hashConflict = false;    // same batch id, different hash: nothing imported (quarantine)
  std::int64_t newEvents = 0;
  std::int64_t duplicateEvents = 0; // event ids central already had (re-sent events)
};

// A batch central already holds (to skip a known file without decrypting it, and to re-write a
// missing receipt).
struct ImportedBatch {
  std::string batchId;
  std::string deviceId;
  std::string siteId;
  std::int64_t batchSeq = 0;
  std::string sha256;
  std::int64_t eventCount = 0;
  std::int64_t newEvents = 0;
  UtcMs importedUtc = 0;
};

struct DeviceStatus {
  std::string deviceId;
  std::string siteId;
  std::int64_t lastBatchSeq = 0;
  std::optional<UtcMs> lastSeenUtc; // when its last batch was imported
  std::int64_t events = 0;
  std::int64_t maxSeq = 0;
  std::vector<std::pair<std::int64_t, std::int64_t>> seqGaps;   // missing event sequences [from, to]
  std::vector<std::int64_t> missingBatches;                     // batch numbers never imported
  std::int64_t clockBack = 0;   // events whose wall time is earlier than the previous event's
  std::int64_t clockFuture = 0; // events more than a day after their import time
};

class CentralStore {
public:
  // Creates the database if missing, migrates, refuses a newer schema or a file that is not a
  // central database (a kiosk database, say): DatabaseTooNew / DatabaseCorrupt / BadInput.
  static std::unique_ptr<CentralStore> open(const std::filesystem::path& dbFile);
  // Opens an existing database only (reports): DataDirMissing-like error if it does not exist.
  static std::unique_ptr<CentralStore> openExisting(const std::filesystem::path& dbFile);
  ~CentralStore();
  CentralStore(const CentralStore&) = delete;
  CentralStore& operator=(const CentralStore&) = delete;

  store::Database& db();

  // One batch in one transaction (BEGIN IMMEDIATE), deduplicating by event id. Also updates
  // device bookkeeping and clock flags. `fileName` is the batch file's name on the share.
  // Throws BatchRejected (nothing imported) if an event names another device, or reuses a
  // (device, sequence) that central holds under another event id.
  // Commits run with synchronous=NORMAL (WAL): call syncToDisk() before telling anyone (a
  // receipt) that a batch is safe.
  BatchImportResult importBatch(const sync::BatchContents& batch, const std::string& sha256,
                                const std::string& fileName, UtcMs now);
  std::optional<ImportedBatch> findBatch(const std::string& batchId) const;
  // A durability barrier: one small commit with synchronous=FULL fsyncs the WAL, and with it
  // every batch committed before. Records `now` as meta 'last_import_utc'.
  void syncToDisk(UtcMs now);
  // Replaces the roster tables with the bundle's (one transaction) if `version` is newer, and
  // records the roster history from `effective` on (RosterHistory.hpp).
  void storeRoster(const RosterFiles& roster, std::int64_t version, LocalDate effective);
  std::int64_t rosterVersion() const;
  // In its own transaction, or in the caller's if one is open on db().
  void recordQuarantine(const std::string& fileName, const std::string& deviceId, const std::string& reason,
                        UtcMs now);

  std::vector<DeviceStatus> deviceStatus() const;
  std::int64_t eventCount() const;
  // Files recorded as moved to quarantine/ on the share.
  std::int64_t quarantinedFiles() const;
  // The last time each site's devices were synced (for "data as of" in reports): per site, the
  // newest creation time (kiosk clock) of any batch imported from it, sorted by site id.
  std::vector<std::pair<std::string, UtcMs>> lastSyncPerSite() const;

private:
  struct Statements;
  explicit CentralStore(std::unique_ptr<store::Database> db);
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Statements> st_;
};

} // namespace dagverk::central
