#include "central/CentralMigrations.hpp"

#include "central/CentralStore.hpp"
#include "core/Error.hpp"
#include "store/EventTable.hpp"

#include <array>

namespace dagverk::central {

namespace {
// Append new migrations at the end; never edit one that has shipped.
constexpr std::array kMigrations = {
    // 1: events as imported, the batch and device bookkeeping, clock flags, quarantine and the
    // roster from the newest bundle.
    R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES ('kind', 'dagverk-central'), ('roster_version', '0');
)SQL" DAGVERK_CREATE_EVENT_TABLE_SQL("  local_date TEXT NOT NULL,\n"
                                      "  batch_id TEXT NOT NULL,\n"
                                      "  imported_utc INTEGER NOT NULL,\n") R"SQL(
CREATE INDEX event_kind_date ON event(kind, local_date);
CREATE INDEX event_site_date ON event(site_id, local_date);
CREATE INDEX event_subject ON event(subject_id);
CREATE TRIGGER event_is_append_only BEFORE UPDATE ON event
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TABLE batch (
  batch_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  batch_seq INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL,
  event_count INTEGER NOT NULL,
  new_events INTEGER NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  created_utc INTEGER NOT NULL,
  imported_utc INTEGER NOT NULL);
CREATE INDEX batch_device_seq ON batch(device_id, batch_seq);
CREATE TABLE device (
  device_id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  last_batch_seq INTEGER NOT NULL,
  last_seen_utc INTEGER NOT NULL,
  max_seq INTEGER NOT NULL,
  events INTEGER NOT NULL,
  clock_back INTEGER NOT NULL,
  clock_future INTEGER NOT NULL);
CREATE TABLE clock_flag (
  event_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('back', 'future')),
  recorded_utc INTEGER NOT NULL,
  previous_utc INTEGER,
  PRIMARY KEY (event_id, kind));
CREATE INDEX clock_flag_device ON clock_flag(device_id, kind);
CREATE TABLE quarantine (
  file_name TEXT NOT NULL,
  device_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  at_utc INTEGER NOT NULL);
CREATE TABLE roster_site (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, places INTEGER NOT NULL,
  opens_minute INTEGER NOT NULL, closes_minute INTEGER NOT NULL);
CREATE TABLE roster_participant (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL, first_name TEXT NOT NULL, initial TEXT NOT NULL,
  weekdays TEXT NOT NULL, active INTEGER NOT NULL);
CREATE TABLE roster_activity (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL);
-- Never PIN hashes: the central database has no use for them.
CREATE TABLE roster_staff (
  id TEXT PRIMARY KEY, site_ids TEXT NOT NULL, first_name TEXT NOT NULL, initial TEXT NOT NULL,
  role TEXT NOT NULL, active INTEGER NOT NULL);
)SQL",
};
} // namespace

int latestCentralSchemaVersion() { return static_cast<int>(kMigrations.size()); }

void migrateCentral(store::Database& db) {
  for (;;) {
    store::Transaction tx(db);
    const auto version = static_cast<int>(db.scalarInt("PRAGMA user_version"));
    if (version > latestCentralSchemaVersion())
      throw DagverkError(ErrorCode::DatabaseTooNew,
                         "Databasen är skapad av en nyare version av Dagverk (schema " + std::to_string(version) +
                             "). Uppdatera programmet; databasen har inte ändrats.",
                         "central database schema " + std::to_string(version) + " is newer than supported " +
                             std::to_string(latestCentralSchemaVersion()) + ": " + db.file().string() +
                             " left untouched");
    if (version == latestCentralSchemaVersion()) return; // rolls back an empty transaction
    db.exec(kMigrations[static_cast<size_t>(version)]);
    db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    tx.commit();
  }
}

} // namespace dagverk::central
