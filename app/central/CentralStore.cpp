#include "central/CentralStore.hpp"

#include "central/CentralMigrations.hpp"
#include "central/RosterHistory.hpp"
#include "core/Error.hpp"
#include "core/LocalTime.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"
#include "store/Database.hpp"
#include "store/EventTable.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <numeric>
#include <random>

namespace dagverk::central {

namespace fs = std::filesystem;
using store::Database;
using store::Statement;
using store::Transaction;

namespace {
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

[[noreturn]] void notCentral(const fs::path& file, const std::string& why) {
  throw DagverkError(ErrorCode::BadInput,
                     "Filen " + file.string() +
                         " är inte en central Dagverk-databas (kanske en kiosks databas). Den har inte ändrats; "
                         "ange en annan fil med --db.",
                     "not a central database (" + why + "): " + file.string() + " left untouched");
}

// The operating system's reason for SQLite's last failure was a full disk (or quota).
bool outOfSpace(sqlite3* db) {
  const int err = db ? sqlite3_system_errno(db) : 0;
  return err == ENOSPC || err == EDQUOT;
}

[[noreturn]] void diskFull(const fs::path& file, const std::string& during) {
  throw DagverkError(ErrorCode::DiskFull,
                     "Disken är full: den centrala databasen " + file.string() +
                         " kan inte öppnas. Den har inte ändrats; frigör utrymme och försök igen.",
                     "disk full opening " + file.string() + " (" + during + "); left untouched");
}

// Looks at an existing file without writing to it: it must be an SQLite database whose meta
// says it is a central one, of a schema this build knows.
void probeExisting(const fs::path& file) {
  if (platform::fileSize(file) == 0)
    // SQLite would quietly turn an empty file into a new, empty database: refuse instead.
    throw DagverkError(ErrorCode::DatabaseCorrupt,
                       "Databasfilen " + file.string() + " är tom. Den har inte ändrats; kontakta IT.",
                       "database file is empty (0 bytes): " + file.string() + " left untouched");
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  struct Closer {
    sqlite3* db;
    ~Closer() { sqlite3_close_v2(db); }
  } closer{raw};
  if (rc != SQLITE_OK) {
    if (outOfSpace(raw)) diskFull(file, sqlite3_errstr(rc));
    throw DagverkError(ErrorCode::DataDirNotWritable, "Databasen " + file.string() + " kan inte öppnas.",
                       "cannot open database " + file.string() + ": " + sqlite3_errstr(rc));
  }
  sqlite3_busy_timeout(raw, 30000);
  sqlite3_stmt* st = nullptr;
  const int prc = sqlite3_prepare_v2(raw, "SELECT value FROM meta WHERE key = 'kind'", -1, &st, nullptr);
  if (prc != SQLITE_OK) {
    const int primary = prc & 0xFF;
    // Reading a WAL database makes its -shm first: on a full disk that fails, and says nothing
    // about what the file is.
    if (outOfSpace(raw)) diskFull(file, sqlite3_errmsg(raw));
    if (primary == SQLITE_NOTADB) notCentral(file, "not an SQLite file");
    if (primary == SQLITE_CORRUPT) throw store::damagedDatabase(file, std::string("reading meta: ") + sqlite3_errmsg(raw));
    notCentral(file, std::string("no central meta: ") + sqlite3_errmsg(raw));
  }
  std::string kind;
  const int src = sqlite3_step(st);
  if (src == SQLITE_ROW) {
    const auto* p = sqlite3_column_text(st, 0);
    if (p) kind = reinterpret_cast<const char*>(p);
  }
  sqlite3_finalize(st);
  if (src != SQLITE_ROW && src != SQLITE_DONE && outOfSpace(raw)) diskFull(file, sqlite3_errmsg(raw));
  if (src != SQLITE_ROW && src != SQLITE_DONE)
    throw DagverkError(ErrorCode::DatabaseCorrupt,
                       "Databasfilen " + file.string() + " kan inte läsas. Den har inte ändrats; kontakta IT.",
                       std::string("cannot read database meta: ") + sqlite3_errstr(src) + ": " + file.string());
  if (kind != kCentralKind) notCentral(file, kind.empty() ? "meta has no kind" : "meta kind is '" + kind + "'");

  sqlite3_stmt* uv = nullptr;
  std::int64_t version = 0;
  if (sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &uv, nullptr) == SQLITE_OK && sqlite3_step(uv) == SQLITE_ROW)
    version = sqlite3_column_int64(uv, 0);
  sqlite3_finalize(uv);
  if (version > latestCentralSchemaVersion())
    throw DagverkError(ErrorCode::DatabaseTooNew,
                       "Databasen är skapad av en nyare version av Dagverk (schema " + std::to_string(version) +
                           "). Uppdatera programmet; databasen har inte ändrats.",
                       "central database schema " + std::to_string(version) + " is newer than supported " +
                           std::to_string(latestCentralSchemaVersion()) + ": " + file.string() + " left untouched");
}

[[noreturn]] void creationFailed(const fs::path& dbFile, const fs::path& tmp, const std::string& why) {
  throw DagverkError(ErrorCode::Storage,
                     "Den centrala databasen " + dbFile.string() +
                         " kunde inte skapas (fel vid skrivning till disken). Ingen fil skapades; försök igen.",
                     "cannot create central database " + dbFile.string() + ": the new file " + tmp.string() +
                         " is incomplete (" + why + "); nothing was put in place");
}

// The new database, still open under its private name and before it switches to WAL: it must
// hold the complete central schema. Returns what is wrong, empty if nothing.
std::string checkFresh(Database& fresh) {
  auto single = [&](const std::string& sql) -> std::string {
    Statement st(fresh, sql);
    return st.step() ? st.text(0) : std::string();
  };
  if (single("SELECT value FROM meta WHERE key = 'kind'") != kCentralKind) return "no central meta";
  if (single("PRAGMA user_version") != std::to_string(latestCentralSchemaVersion())) return "schema not complete";
  if (single("PRAGMA quick_check") != "ok") return "quick_check failed";
  return {};
}

// Closed, it must be whole on its own: a journal or WAL left beside it means a write or fsync
// failed unreported (closing a WAL database checkpoints it and ignores errors).
void verifyClosed(const fs::path& tmp, const fs::path& dbFile) {
  for (const std::string suffix : {"-journal", "-wal"}) {
    std::error_code ec;
    if (fs::exists(tmp.string() + suffix, ec) || ec)
      creationFailed(dbFile, tmp, "a " + suffix.substr(1) + " file is left beside it");
  }
}

// Files an earlier creation left under its private name when it was killed (a failed one removes
// its own). Only old ones: a second import creating the database at this moment is not disturbed.
void removeStaleCreations(const fs::path& dbFile) {
  const fs::path dir = dbFile.parent_path().empty() ? fs::path(".") : dbFile.parent_path();
  const std::string stem = dbFile.filename().string() + ".new-";
  const auto cutoff = fs::file_time_type::clock::now() - std::chrono::minutes(10);
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(stem, 0) != 0) continue;
    std::string rest = name.substr(stem.size());
    for (const char* suffix : {"-journal", "-wal", "-shm"})
      if (rest.size() > std::strlen(suffix) && rest.compare(rest.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
        rest.resize(rest.size() - std::strlen(suffix));
    if (rest.empty() || !std::all_of(rest.begin(), rest.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
      continue;
    std::error_code timeEc;
    const auto written = fs::last_write_time(it->path(), timeEc);
    if (timeEc || written > cutoff) continue;
    if (platform::tryRemoveFile(it->path()))
      platform::logInfo("removed a file left by an interrupted creation of the central database: " + name);
  }
}

void configure(Database& db) {
  // Two imports may run at once: each waits for the other's (short) batch transaction.
  sqlite3_busy_timeout(db.handle(), 60000);
  Statement mode(db, "PRAGMA journal_mode=WAL");
  if (!mode.step() || mode.text(0) != "wal")
    throw DagverkError(ErrorCode::Storage, "Databasen kunde inte ställas in.", "could not enable WAL mode");
  // NORMAL: a commit survives a crash of the program; syncToDisk() makes it survive a power cut
  // before any receipt says so.
  // A larger WAL before automatic checkpoints: an import of many small batch transactions would
  // otherwise copy the same index pages back to the database file again and again.
  db.exec("PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=10000;");
}

std::string localDate(UtcMs t) { return formatIsoDate(toStockholm(t).date); }

std::string joinSiteIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

[[noreturn]] void rejected(const std::string& sv, const std::string& en) {
  throw DagverkError(ErrorCode::BatchRejected, sv, en);
}
} // namespace

struct CentralStore::Statements {
  explicit Statements(Database& db)
      : findBatch(db, "SELECT batch_id, device_id, site_id, batch_seq, sha256, event_count, new_events, imported_utc "
                      "FROM batch WHERE batch_id = ?1"),
        insertEvent(db, "INSERT OR IGNORE INTO event(" + std::string(store::kEventColumns) +
                            ", local_date, batch_id, imported_utc) "
                            "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"),
        eventExists(db, "SELECT 1 FROM event WHERE id = ?1"),
        eventAt(db, "SELECT id, recorded_utc FROM event WHERE device_id = ?1 AND seq = ?2"),
        insertFlag(db, "INSERT OR IGNORE INTO clock_flag(event_id, device_id, seq, kind, recorded_utc, previous_utc) "
                       "VALUES (?1,?2,?3,?4,?5,?6)"),
        insertBatch(db, "INSERT INTO batch(batch_id, device_id, site_id, batch_seq, sha256, file_name, event_count, "
                        "new_events, first_seq, last_seq, created_utc, imported_utc) "
                        "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)"),
        upsertDevice(db, "INSERT INTO device(device_id, site_id, last_batch_seq, last_seen_utc, max_seq, events, "
                         "clock_back, clock_future) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 0) "
                         "ON CONFLICT(device_id) DO UPDATE SET site_id = excluded.site_id, "
                         "last_batch_seq = max(last_batch_seq, excluded.last_batch_seq), "
                         "last_seen_utc = max(last_seen_utc, excluded.last_seen_utc), "
                         "max_seq = max(max_seq, excluded.max_seq), events = events + excluded.events"),
        countFlags(db, "UPDATE device SET "
                       "clock_back = (SELECT count(*) FROM clock_flag WHERE device_id = ?1 AND kind = 'back'), "
                       "clock_future = (SELECT count(*) FROM clock_flag WHERE device_id = ?1 AND kind = 'future') "
                       "WHERE device_id = ?1") {}
  Statement findBatch;
  Statement insertEvent;
  Statement eventExists;
  Statement eventAt;
  Statement insertFlag;
  Statement insertBatch;
  Statement upsertDevice;
  Statement countFlags;
};

CentralStore::CentralStore(std::unique_ptr<Database> db)
    : db_(std::move(db)), st_(std::make_unique<Statements>(*db_)) {}

CentralStore::~CentralStore() {
  st_.reset();
  try {
    db_->exec("PRAGMA wal_checkpoint(PASSIVE)");
  } catch (...) {
  }
}

std::unique_ptr<CentralStore> CentralStore::open(const fs::path& dbFile) {
  if (platform::fileExists(dbFile)) return openExisting(dbFile);
  if (!dbFile.parent_path().empty() && !fs::is_directory(dbFile.parent_path()))
    throw DagverkError(ErrorCode::DataDirMissing,
                       "Mappen " + dbFile.parent_path().string() + " för den centrala databasen finns inte.",
                       "directory for the central database does not exist: " + dbFile.parent_path().string());
  // Made complete under a private name, then linked into place without replacing anything: a
  // second import starting at the same moment sees either no file or a whole central database,
  // never a half-made (empty) one.
  //
  // The schema is built with a rollback journal and synchronous=FULL: the file is complete on
  // disk once the last migration's commit returned. Only then, with the schema checked, does it
  // switch to WAL (one more FULL commit of the header), so the file linked into place is never
  // left with a journal a kill would make hot. (Built in WAL mode, the schema would reach the
  // file only in the checkpoint on close, whose failed fsync SQLite does not report: an empty
  // database was linked into place that every later import refused.)
  removeStaleCreations(dbFile);
  std::random_device rd;
  const fs::path tmp = dbFile.string() + ".new-" + std::to_string(rd()) + std::to_string(rd());
  auto removeTmp = [&] {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) platform::tryRemoveFile(tmp.string() + suffix);
  };
  try {
    std::string problem;
    try {
      Database fresh(tmp, Database::Mode::CreateNew);
      sqlite3_busy_timeout(fresh.handle(), 60000);
      auto journalMode = [&](const std::string& mode) {
        Statement st(fresh, "PRAGMA journal_mode=" + mode);
        if (!st.step() || st.text(0) != mode)
          throw DagverkError(ErrorCode::Storage, "Det gick inte att ställa in databasen.",
                             "could not set journal_mode " + mode + " on " + tmp.string());
      };
      journalMode("delete");
      fresh.exec("PRAGMA synchronous=FULL");
      migrateCentral(fresh);
      problem = checkFresh(fresh);
      if (problem.empty()) journalMode("wal");
    } catch (const DagverkError& e) {
      // The person sees the name they gave, not the private one the file was built under.
      throw DagverkError(e.code(),
                         "Den centrala databasen " + dbFile.string() + " kunde inte skapas; ingen fil skapades. " +
                             (e.code() == ErrorCode::DiskFull ? "Disken är full: frigör utrymme och försök igen."
                                                              : "Fel vid skrivning till disken: försök igen."),
                         "cannot create central database " + dbFile.string() + ": " + e.english());
    }
    if (!problem.empty()) creationFailed(dbFile, tmp, problem);
    verifyClosed(tmp, dbFile);
    // Linked, or renamed where hard links are missing, never over an existing file: a database
    // another import put in place a moment ago is the one both use.
    try {
      platform::linkNoReplace(tmp, dbFile);
    } catch (const DagverkError& e) {
      const bool full = e.code() == ErrorCode::DiskFull;
      throw DagverkError(full ? ErrorCode::DiskFull : ErrorCode::DataDirNotWritable,
                         "Den centrala databasen " + dbFile.string() + " kunde inte skapas." +
                             (full ? " Disken är full: frigör utrymme och försök igen." : ""),
                         "cannot create central database " + dbFile.string() + ": " + e.english());
    }
    platform::removeFile(tmp);
  } catch (...) {
    removeTmp();
    throw;
  }
  return openExisting(dbFile);
}

std::unique_ptr<CentralStore> CentralStore::openExisting(const fs::path& dbFile) {
  if (!platform::fileExists(dbFile))
    throw DagverkError(ErrorCode::DataDirMissing,
                       "Den centrala databasen " + dbFile.string() + " finns inte. Kör import först.",
                       "central database does not exist: " + dbFile.string());
  platform::keepDatabaseFilesPrivate(dbFile); // before the probe makes a -shm with the file's mode
  probeExisting(dbFile); // before anything writes: a kiosk, foreign or too-new file stays as it is
  auto db = std::make_unique<Database>(dbFile, Database::Mode::OpenExisting);
  // Every page, before anything writes: damage on the freelist or the last pages would otherwise
  // surface only after an import had written more into the file.
  db->requireIntact();
  configure(*db);
  migrateCentral(*db);
  return std::unique_ptr<CentralStore>(new CentralStore(std::move(db)));
}

store::Database& CentralStore::db() { return *db_; }

std::optional<ImportedBatch> CentralStore::findBatch(const std::string& batchId) const {
  Statement& s = st_->findBatch;
  s.bind(1, batchId);
  std::optional<ImportedBatch> out;
  if (s.step()) {
    ImportedBatch b;
    b.batchId = s.text(0);
    b.deviceId = s.text(1);
    b.siteId = s.text(2);
    b.batchSeq = s.integer(3);
    b.sha256 = s.text(4);
    b.eventCount = s.integer(5);
    b.newEvents = s.integer(6);
    b.importedUtc = s.integer(7);
    out = b;
  }
  s.reset();
  return out;
}

BatchImportResult CentralStore::importBatch(const sync::BatchContents& batch, const std::string& sha256,
                                            const std::string& fileName, UtcMs now) {
  // Events are applied in device sequence order, never by wall time.
  std::vector<size_t> order(batch.events.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return batch.events[a].seq < batch.events[b].seq; });
  for (const auto& e : batch.events)
    if (e.deviceId != batch.deviceId)
      rejected("Batchen innehåller händelser från en annan enhet. Den har inte importerats.",
               "batch " + batch.batchId + " holds an event of another device (seq " + std::to_string(e.seq) + ")");

  Transaction tx(*db_);
  BatchImportResult result;
  if (auto known = findBatch(batch.batchId)) {
    if (known->sha256 == sha256)
      result.alreadyImported = true;
    else
      result.hashConflict = true;
    return result; // the empty transaction rolls back
  }

  std::int64_t maxNewSeq = 0;
  std::int64_t firstSeq = 0;
  std::int64_t lastSeq = 0;
  auto& s = *st_;
  auto flag = [&](const std::string& eventId, std::int64_t seq, const char* kind, UtcMs recorded,
                  std::optional<UtcMs> previous) {
    s.insertFlag.bind(1, eventId).bind(2, batch.deviceId).bind(3, seq).bind(4, std::string(kind)).bind(5, recorded);
    if (previous)
      s.insertFlag.bind(6, *previous);
    else
      s.insertFlag.bindNull(6);
    s.insertFlag.run();
  };
  for (size_t i : order) {
    const EventRow& e = batch.events[i];
    if (firstSeq == 0 || e.seq < firstSeq) firstSeq = e.seq;
    lastSeq = std::max(lastSeq, e.seq);
    constexpr int kAfterRow = store::kEventColumnCount + 1;
    store::bindEventRow(s.insertEvent, e)
        .bind(kAfterRow, localDate(e.recordedUtc))
        .bind(kAfterRow + 1, batch.batchId)
        .bind(kAfterRow + 2, now);
    s.insertEvent.run();
    if (sqlite3_changes(db_->handle()) == 0) {
      s.eventExists.bind(1, e.id);
      const bool exists = s.eventExists.step();
      s.eventExists.reset();
      if (!exists)
        rejected("Batchen använder ett händelsenummer som redan finns med en annan händelse. Den har inte "
                 "importerats.",
                 "batch " + batch.batchId + ": device sequence " + std::to_string(e.seq) +
                     " is already held by another event id");
      ++result.duplicateEvents;
      continue;
    }
    ++result.newEvents;
    maxNewSeq = std::max(maxNewSeq, e.seq);
    // Clock trouble, judged by sequence: earlier than the event before it ...
    s.eventAt.bind(1, e.deviceId).bind(2, e.seq - 1);
    if (s.eventAt.step()) {
      const UtcMs prev = s.eventAt.integer(1);
      s.eventAt.reset();
      if (e.recordedUtc < prev) flag(e.id, e.seq, "back", e.recordedUtc, prev);
    } else {
      s.eventAt.reset();
    }
    // ... or later than the one after it, when that one arrived first (batches out of order).
    s.eventAt.bind(1, e.deviceId).bind(2, e.seq + 1);
    if (s.eventAt.step()) {
      const std::string nextId = s.eventAt.text(0);
      const UtcMs next = s.eventAt.integer(1);
      s.eventAt.reset();
      if (next < e.recordedUtc) flag(nextId, e.seq + 1, "back", next, e.recordedUtc);
    } else {
      s.eventAt.reset();
    }
    // ... or more than a day after the import.
    if (e.recordedUtc > now + kDayMs) flag(e.id, e.seq, "future", e.recordedUtc, std::nullopt);
  }

  s.insertBatch.bind(1, batch.batchId).bind(2, batch.deviceId).bind(3, batch.siteId).bind(4, batch.batchSeq)
      .bind(5, sha256).bind(6, fileName).bind(7, static_cast<std::int64_t>(batch.events.size()))
      .bind(8, result.newEvents).bind(9, firstSeq).bind(10, lastSeq).bind(11, batch.createdUtc).bind(12, now);
  s.insertBatch.run();
  s.upsertDevice.bind(1, batch.deviceId).bind(2, batch.siteId).bind(3, batch.batchSeq).bind(4, now)
      .bind(5, maxNewSeq).bind(6, result.newEvents);
  s.upsertDevice.run();
  s.countFlags.bind(1, batch.deviceId);
  s.countFlags.run();
  tx.commit();
  return result;
}

void CentralStore::syncToDisk(UtcMs now) {
  db_->exec("PRAGMA synchronous=FULL");
  try {
    Transaction tx(*db_);
    Statement s(*db_, "INSERT INTO meta(key, value) VALUES ('last_import_utc', ?1) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, std::to_string(now)).run();
    tx.commit();
  } catch (...) {
    db_->exec("PRAGMA synchronous=NORMAL");
    throw;
  }
  db_->exec("PRAGMA synchronous=NORMAL");
}

void CentralStore::storeRoster(const RosterFiles& roster, std::int64_t version, LocalDate effective) {
  Transaction tx(*db_);
  if (db_->scalarInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'roster_version'") >= version) return;
  recordRosterSpells(*db_, roster, version, effective);
  db_->exec("DELETE FROM roster_site; DELETE FROM roster_participant; DELETE FROM roster_activity; "
            "DELETE FROM roster_staff;");
  Statement site(*db_, "INSERT INTO roster_site(id, name, places, opens_minute, closes_minute) VALUES (?1,?2,?3,?4,?5)");
  for (const auto& x : roster.sites)
    site.bind(1, x.id).bind(2, x.name).bind(3, x.places).bind(4, x.opensMinute).bind(5, x.closesMinute).run();
  Statement part(*db_, "INSERT INTO roster_participant(id, site_id, first_name, initial, weekdays, active, symbol, "
                       "symbol_colour, spoken_name) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
  for (const auto& x : roster.participants)
    part.bind(1, x.id).bind(2, x.siteId).bind(3, x.firstName).bind(4, x.initial)
        .bind(5, formatWeekdays(x.expectedWeekdays)).bind(6, x.active ? 1 : 0).bind(7, x.symbol)
        .bind(8, x.symbolColour).bind(9, x.spokenName).run();
  Statement act(*db_, "INSERT INTO roster_activity(id, site_id, name, category, pictogram) VALUES (?1,?2,?3,?4,?5)");
  for (const auto& x : roster.activities)
    act.bind(1, x.id).bind(2, x.siteId).bind(3, x.name).bind(4, x.category).bind(5, x.pictogram).run();
  Statement staff(*db_, "INSERT INTO roster_staff(id, site_ids, first_name, initial, role, active) "
                        "VALUES (?1,?2,?3,?4,?5,?6)");
  for (const auto& x : roster.staff)
    staff.bind(1, x.id).bind(2, joinSiteIds(x.siteIds)).bind(3, x.firstName).bind(4, x.initial)
        .bind(5, std::string(roleCode(x.role))).bind(6, x.active ? 1 : 0).run();
  Statement v(*db_, "UPDATE meta SET value = ?1 WHERE key = 'roster_version'");
  v.bind(1, std::to_string(version)).run();
  tx.commit();
}

std::int64_t CentralStore::rosterVersion() const {
  return db_->scalarInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'roster_version'");
}

void CentralStore::recordQuarantine(const std::string& fileName, const std::string& deviceId,
                                    const std::string& reason, UtcMs now) {
  // Inside the caller's transaction if one is open (the import holds the write lock while it
  // moves a file to quarantine), else in its own.
  std::optional<Transaction> tx;
  if (sqlite3_get_autocommit(db_->handle()) != 0) tx.emplace(*db_);
  Statement s(*db_, "INSERT INTO quarantine(file_name, device_id, reason, at_utc) VALUES (?1,?2,?3,?4)");
  s.bind(1, fileName).bind(2, deviceId).bind(3, reason).bind(4, now).run();
  if (tx) tx->commit();
}

std::vector<DeviceStatus> CentralStore::deviceStatus() const {
  std::vector<DeviceStatus> out;
  {
    Statement s(*db_, "SELECT device_id, site_id, last_batch_seq, last_seen_utc, events, max_seq, clock_back, "
                      "clock_future FROM device ORDER BY site_id, device_id");
    while (s.step()) {
      DeviceStatus d;
      d.deviceId = s.text(0);
      d.siteId = s.text(1);
      d.lastBatchSeq = s.integer(2);
      d.lastSeenUtc = s.integer(3);
      d.events = s.integer(4);
      d.maxSeq = s.integer(5);
      d.clockBack = s.integer(6);
      d.clockFuture = s.integer(7);
      out.push_back(std::move(d));
    }
  }
  Statement gaps(*db_, "SELECT prev + 1, seq - 1 FROM (SELECT seq, lag(seq, 1, 0) OVER (ORDER BY seq) AS prev "
                       "FROM event WHERE device_id = ?1) WHERE seq > prev + 1 ORDER BY seq");
  Statement batches(*db_, "SELECT DISTINCT batch_seq FROM batch WHERE device_id = ?1 ORDER BY batch_seq");
  for (auto& d : out) {
    gaps.bind(1, d.deviceId);
    while (gaps.step()) d.seqGaps.emplace_back(gaps.integer(0), gaps.integer(1));
    gaps.reset();
    batches.bind(1, d.deviceId);
    std::int64_t expected = 1;
    while (batches.step()) {
      const std::int64_t seen = batches.integer(0);
      for (; expected < seen; ++expected) d.missingBatches.push_back(expected);
      expected = std::max(expected, seen + 1);
    }
    batches.reset();
  }
  return out;
}

std::int64_t CentralStore::eventCount() const { return db_->scalarInt("SELECT count(*) FROM event"); }

std::int64_t CentralStore::quarantinedFiles() const { return db_->scalarInt("SELECT count(*) FROM quarantine"); }

std::vector<std::pair<std::string, UtcMs>> CentralStore::lastSyncPerSite() const {
  std::vector<std::pair<std::string, UtcMs>> out;
  Statement s(*db_, "SELECT site_id, max(created_utc) FROM batch GROUP BY site_id ORDER BY site_id");
  while (s.step()) out.emplace_back(s.text(0), s.integer(1));
  return out;
}

} // namespace dagverk::central
