#include "central/CentralMigrations.hpp"

#include "central/CentralStore.hpp"
#include "central/PayloadFields.hpp"
#include "core/Error.hpp"
#include "store/EventTable.hpp"

#include <string>
#include <vector>

namespace dagverk::central {

namespace {

// 1: events as imported, the batch and device bookkeeping, clock flags, quarantine and the
// roster from the newest bundle.
constexpr const char* kMigration1 = R"SQL(
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
)SQL";

// 2: what the reports read, owned by central like every other table and index: two partial
// indexes on the event table (a check-in's day, site and person; automatic check-outs), and
// voided_event, the target of every Corrected event, kept by a trigger as events are imported
// and filled here from the events already held. Reports made before this migration created the
// two indexes themselves under other names; those go. The payload paths come from
// PayloadFields.hpp, the same text the report queries use, so SQLite matches the partial index.
std::string migration2() {
  const std::string correctsNew = field::kCorrectedEventId.sql("new.payload");
  const std::string correctsOld = field::kCorrectedEventId.sql("payload");
  const std::string corrected = std::string("'") + Corrected::kKind + "'";
  return std::string("DROP INDEX IF EXISTS report_checkin;\n"
                     "DROP INDEX IF EXISTS report_auto_checkout;\n") +
         "CREATE INDEX event_checkin_day ON event(local_date, site_id, subject_id, id) WHERE kind = '" +
         CheckedIn::kKind + "';\n" +
         "CREATE INDEX event_auto_checkout_day ON event(local_date, site_id, id) WHERE kind = '" + CheckedOut::kKind +
         "' AND " + field::kCheckedOutAutomatic.sql() + " = 1;\n" +
         "CREATE TABLE voided_event (id TEXT PRIMARY KEY) WITHOUT ROWID;\n" +
         "INSERT OR IGNORE INTO voided_event(id) SELECT " + correctsOld + " FROM event WHERE kind = " + corrected +
         " AND " + correctsOld + " IS NOT NULL;\n" +
         "CREATE TRIGGER event_voids AFTER INSERT ON event WHEN new.kind = " + corrected + " AND " + correctsNew +
         " IS NOT NULL\n  BEGIN INSERT OR IGNORE INTO voided_event(id) VALUES (" + correctsNew + "); END;\n";
}

// 3: roster history. A spell is one participant on one site's roster, expected on `weekdays`,
// from valid_from to valid_to (ISO dates, both included; valid_to NULL: still on it), so that
// expected days are counted against the roster valid on each day. Published bundles write
// spells (source 'bundle', source_ref the version); kiosk-side roster events can later write
// theirs ('kiosk', the event id) into the same table. A spell that ends the day before it
// starts says only that the person belongs to the site (never expected).
// Backfill for a database made before roster history: the roster then current is taken as
// valid since before any record (what the reports assumed until now); a participant already
// inactive is taken as having left after their last check-in at the site.
constexpr const char* kMigration3 = R"SQL(
CREATE TABLE roster_spell (
  participant_id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  weekdays TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  source TEXT NOT NULL CHECK (source IN ('backfill', 'bundle', 'kiosk')),
  source_ref TEXT NOT NULL);
CREATE INDEX roster_spell_participant ON roster_spell(participant_id, site_id);
INSERT INTO roster_spell(participant_id, site_id, weekdays, valid_from, valid_to, source, source_ref)
  SELECT id, site_id, weekdays, '1900-01-01', NULL, 'backfill', (SELECT value FROM meta WHERE key = 'roster_version')
  FROM roster_participant WHERE active = 1 ORDER BY rowid;
INSERT INTO roster_spell(participant_id, site_id, weekdays, valid_from, valid_to, source, source_ref)
  SELECT p.id, p.site_id, p.weekdays, '1900-01-01',
         coalesce((SELECT max(e.local_date) FROM event e WHERE e.subject_id = p.id AND e.site_id = p.site_id
                   AND e.kind = 'CheckedIn'), '1900-01-01'),
         'backfill', (SELECT value FROM meta WHERE key = 'roster_version')
  FROM roster_participant p WHERE p.active = 0 ORDER BY p.rowid;
)SQL";

// 4: pictures instead of text. The roster's personal symbol, its colour and the spoken name of
// each participant, and each activity's pictogram, as the published CSV set them (empty: none).
constexpr const char* kMigration4 = R"SQL(
ALTER TABLE roster_participant ADD COLUMN symbol TEXT;
ALTER TABLE roster_participant ADD COLUMN symbol_colour TEXT;
ALTER TABLE roster_participant ADD COLUMN spoken_name TEXT;
ALTER TABLE roster_activity ADD COLUMN pictogram TEXT;
)SQL";

// Append new migrations at the end; never edit one that has shipped.
const std::vector<std::string>& migrations() {
  static const std::vector<std::string> all = {kMigration1, migration2(), kMigration3, kMigration4};
  return all;
}

} // namespace

int latestCentralSchemaVersion() { return static_cast<int>(migrations().size()); }

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
    db.exec(migrations()[static_cast<size_t>(version)]);
    db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    tx.commit();
  }
}

} // namespace dagverk::central
