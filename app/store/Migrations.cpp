#include "store/Migrations.hpp"

#include "core/Error.hpp"
#include "store/EventTable.hpp"

#include <array>

namespace dagverk::store {

namespace {
// Append new migrations at the end; never edit one that has shipped.
constexpr std::array kMigrations = {
    // 1: roster, the append-only event log, the device sequence and the presence projection.
    R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE site (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, places INTEGER NOT NULL,
  opens_minute INTEGER NOT NULL, closes_minute INTEGER NOT NULL);
CREATE TABLE participant (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES site(id),
  first_name TEXT NOT NULL, initial TEXT NOT NULL, weekdays TEXT NOT NULL,
  photo_file TEXT, active INTEGER NOT NULL DEFAULT 1);
CREATE INDEX participant_site ON participant(site_id);
CREATE TABLE activity (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES site(id),
  name TEXT NOT NULL, category TEXT NOT NULL);
-- Every record is an event. Kinds and payloads evolve without changing this table; sync keeps
-- its own bookkeeping in separate tables keyed by event id.
)SQL" DAGVERK_CREATE_EVENT_TABLE_SQL("") R"SQL(
CREATE INDEX event_site_kind ON event(site_id, kind);
CREATE INDEX event_subject ON event(subject_id);
CREATE TRIGGER event_is_append_only BEFORE UPDATE ON event
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TABLE device_sequence (device_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL);
CREATE TABLE presence (
  participant_id TEXT PRIMARY KEY, site_id TEXT NOT NULL,
  check_in_event_id TEXT NOT NULL, since_utc INTEGER NOT NULL);
)SQL",
    // 2: staff mode. Staff and their PIN hashes, the device-wide PIN lock-out, settings, staff
    // presence (same table, is_staff = 1) and an index for "the site's events of a day".
    R"SQL(
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  site_ids TEXT NOT NULL, -- space-separated site ids, or '*' for every site
  first_name TEXT NOT NULL, initial TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('staff', 'assistant_manager', 'admin')),
  pin_hash TEXT NOT NULL, -- Argon2id string (crypto_pwhash_str); never the PIN
  active INTEGER NOT NULL DEFAULT 1);
CREATE TABLE pin_lockout (
  id INTEGER PRIMARY KEY CHECK (id = 1), -- one row: the lock-out is device-wide
  failures INTEGER NOT NULL, level INTEGER NOT NULL, locked_until_utc INTEGER NOT NULL);
INSERT INTO pin_lockout(id, failures, level, locked_until_utc) VALUES (1, 0, 0, 0);
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO setting(key, value) VALUES ('staff_idle_seconds', '90');
ALTER TABLE presence ADD COLUMN is_staff INTEGER NOT NULL DEFAULT 0;
CREATE INDEX event_site_recorded ON event(site_id, recorded_utc);
)SQL",
    // 3: fewer pages per durable append (the sequence and presence tables keyed without a
    // separate rowid B-tree), and the event log refuses DELETE as well as UPDATE (a retention
    // purge will drop and re-create the trigger inside its own transaction).
    R"SQL(
CREATE TABLE device_sequence_new (device_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO device_sequence_new SELECT device_id, last_seq FROM device_sequence;
DROP TABLE device_sequence;
ALTER TABLE device_sequence_new RENAME TO device_sequence;
CREATE TABLE presence_new (
  participant_id TEXT PRIMARY KEY, site_id TEXT NOT NULL,
  check_in_event_id TEXT NOT NULL, since_utc INTEGER NOT NULL,
  is_staff INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
INSERT INTO presence_new SELECT participant_id, site_id, check_in_event_id, since_utc, is_staff FROM presence;
DROP TABLE presence;
ALTER TABLE presence_new RENAME TO presence;
CREATE TRIGGER event_is_never_deleted BEFORE DELETE ON event
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
)SQL",
    // 4: the quick survey. Who has answered in a window, kept on the kiosk only and apart from
    // the anonymous answers (SurveyAnswered events). No time column and no rowid, so a row cannot
    // be linked to an answer by time or by insertion order.
    R"SQL(
CREATE TABLE survey_participation (
  window_id TEXT NOT NULL, participant_id TEXT NOT NULL,
  PRIMARY KEY (window_id, participant_id)) WITHOUT ROWID;
)SQL",
    // 5: sync bookkeeping, apart from the event log: the batches written to the share, which of
    // this device's events each held, and which events central has acknowledged by receipt.
    // The share path, the roster bundle's version, the central keys pinned at the first sync and
    // the last sync's time and result live in `setting`.
    R"SQL(
CREATE TABLE sync_batch (
  batch_seq INTEGER PRIMARY KEY, batch_id TEXT NOT NULL UNIQUE, file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL, event_count INTEGER NOT NULL, first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL, written_utc INTEGER NOT NULL, acked_utc INTEGER);
CREATE TABLE sync_batch_event (
  batch_seq INTEGER NOT NULL, event_seq INTEGER NOT NULL,
  PRIMARY KEY (batch_seq, event_seq)) WITHOUT ROWID;
CREATE TABLE sync_acked (event_seq INTEGER PRIMARY KEY) WITHOUT ROWID;
INSERT INTO setting(key, value) VALUES ('bundle_version', '0');
)SQL",
    // 6: at most one check-out per visit, kept by the schema and not only by the code that
    // decides: one row per closed visit, keyed by its check-in event, written in the transaction
    // of the check-out (automatic or not), so a second close of the same visit fails. A
    // projection like `presence`, rebuilt from the log when a correction voids a check-out. The
    // store fills it from the log on its first open after this migration (the setting says
    // whether that is done), where the kinds are named through their payloads.
    R"SQL(
CREATE TABLE visit_close (
  check_in_event_id TEXT PRIMARY KEY, check_out_event_id TEXT NOT NULL, site_id TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX visit_close_site ON visit_close(site_id);
INSERT INTO setting(key, value) VALUES ('visit_close_filled', '0');
)SQL",
    // 7: the PIN lock-out counts per staff member, so someone guessing at the keypad locks out
    // only the person whose picture they chose, not every colleague. A device-wide lock-out
    // running at the upgrade ends with it. Written to run again on a database that was set
    // back to an earlier version by hand.
    R"SQL(
CREATE TABLE IF NOT EXISTS staff_pin_lockout (
  staff_id TEXT PRIMARY KEY,
  failures INTEGER NOT NULL, level INTEGER NOT NULL, locked_until_utc INTEGER NOT NULL) WITHOUT ROWID;
DROP TABLE IF EXISTS pin_lockout;
)SQL",
    // 8: pictures instead of text. A participant's personal symbol, its colour and the spoken
    // form of the name, and an activity's pictogram, as central's CSV sets them (a bundle
    // replaces them). What staff choose on the kiosk is kept apart in local_pictogram, which no
    // bundle touches; central's value, when its CSV sets one, wins over it.
    R"SQL(
ALTER TABLE participant ADD COLUMN symbol TEXT;
ALTER TABLE participant ADD COLUMN symbol_colour TEXT;
ALTER TABLE participant ADD COLUMN spoken_name TEXT;
ALTER TABLE activity ADD COLUMN pictogram TEXT;
CREATE TABLE local_pictogram (
  kind TEXT NOT NULL CHECK (kind IN ('participant', 'activity')),
  subject_id TEXT NOT NULL,
  pictogram TEXT NOT NULL,
  colour TEXT,
  PRIMARY KEY (kind, subject_id)) WITHOUT ROWID;
)SQL",
};
} // namespace

int latestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

int checkSchemaVersion(Database& db) {
  const auto version = static_cast<int>(db.scalarInt("PRAGMA user_version"));
  if (version > latestSchemaVersion())
    throw DagverkError(ErrorCode::DatabaseTooNew,
                       "Databasen är skapad av en nyare version av Dagverk (schema " + std::to_string(version) +
                           "). Uppdatera programmet; databasen har inte ändrats.",
                       "database schema " + std::to_string(version) + " is newer than supported " +
                           std::to_string(latestSchemaVersion()) + ": " + db.file().string() + " left untouched");
  // Loads the schema, so a damaged file is found before anything is written.
  db.scalarInt("SELECT count(*) FROM sqlite_master");
  return version;
}

void migrate(Database& db) {
  int version = checkSchemaVersion(db);
  while (version < latestSchemaVersion()) {
    Transaction tx(db);
    db.exec(kMigrations[static_cast<size_t>(version)]);
    ++version;
    db.exec("PRAGMA user_version = " + std::to_string(version));
    tx.commit();
  }
}

} // namespace dagverk::store
