#include "store/KioskStore.hpp"

#include "core/Error.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Log.hpp"
#include "store/Database.hpp"
#include "store/Migrations.hpp"
#include "store/PresenceProjection.hpp"

#include <algorithm>

namespace dagverk::store {

namespace fs = std::filesystem;

namespace {
void configure(Database& db) {
  // WAL with synchronous=FULL: a commit that returned is on disk, also after a power cut.
  Statement mode(db, "PRAGMA journal_mode=WAL");
  if (!mode.step() || mode.text(0) != "wal")
    throw DagverkError(ErrorCode::Storage, "Databasen kunde inte ställas in.", "could not enable WAL mode");
  // Checkpoints run once a minute from the kiosk loop and when the store closes, not inside a
  // participant's tap; the automatic one stays as a backstop for a WAL that grows anyway.
  db.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=8000;");
}

// The device id is made once, on first start, and never changes.
std::string loadOrMakeDeviceId(Database& db, const Clock& clock) {
  Statement s(db, "SELECT value FROM meta WHERE key = 'device_id'");
  if (s.step()) return s.text(0);
  const std::string id = newUuid(clock.nowUtc());
  Statement ins(db, "INSERT INTO meta(key, value) VALUES ('device_id', ?1)");
  ins.bind(1, id).run();
  return id;
}
} // namespace

KioskStore::KioskStore(std::unique_ptr<Database> db, const Clock& clock) : db_(std::move(db)), clock_(clock) {}

void KioskStore::openRooms() {
  deviceId_ = loadOrMakeDeviceId(*db_, clock_);
  settings_ = std::make_unique<Settings>(*db_);
  roster_ = std::make_unique<RosterStore>(*db_, *settings_);
  lockout_ = std::make_unique<Lockout>(*db_, *roster_, clock_);
  ledger_ = std::make_unique<SyncLedger>(*db_, deviceId_);
  presence_ = std::make_unique<PresenceProjection>(*db_);
  events_ = std::make_unique<EventLog>(*db_, clock_, deviceId_);
  events_->addProjection(*presence_);
  events_->onChangedElsewhere([this] { roster_->forgetCache(); });
  // Where the database stands is noted before presence is read, not after: a commit by another
  // process in between would otherwise count as already seen, and the first write transaction
  // would decide on the older presence.
  events_->reloadIfChangedElsewhere();
  presence_->reload();
  // Once, after the migration that made visit_close: fill it (and presence) from the log. Done
  // again if a crash came before the setting was written; the rebuild gives the same rows.
  if (settings_->value(kSettingVisitCloseFilled).value_or("1") == "0") {
    events_->rebuildProjections();
    settings_->setValue(kSettingVisitCloseFilled, "1");
  }
}

KioskStore::~KioskStore() {
  try {
    checkpoint(); // leave a short WAL behind: the next start reads less
  } catch (...) {
  }
}

std::unique_ptr<KioskStore> KioskStore::open(const fs::path& dataDir, const Clock& clock,
                                             const StoreOpenOptions& options) {
  platform::ensureWritableDirectory(dataDir, false);
  platform::keepDirectoryPrivate(dataDir); // names and visits: for the kiosk's own user only
  const fs::path file = dataDir / kDatabaseFileName;
  if (!platform::fileExists(file))
    throw DagverkError(ErrorCode::DataDirMissing,
                       "Det finns ingen databas i " + dataDir.string() + ". Starta med --demo för demodata.",
                       "no database in " + dataDir.string());
  if (platform::fileSize(file) == 0)
    // SQLite would quietly turn an empty file into a new, empty database: refuse instead.
    throw DagverkError(ErrorCode::DatabaseCorrupt,
                       "Databasfilen " + file.string() + " är tom. Den har inte ändrats; kontakta IT.",
                       "database file is empty (0 bytes): " + file.string() + " left untouched");
  auto db = std::make_unique<Database>(file, Database::Mode::OpenExisting, options.vfs);
  checkSchemaVersion(*db); // before anything writes: a too-new or corrupt file stays as it is
  // Damage on a page a start does not read (the freelist, the last pages) would otherwise show
  // only later, after more was written into a damaged file.
  const std::int64_t bytes = platform::fileSize(file);
  const bool checkNow = bytes <= kCheckAtOpenMaxBytes;
  if (checkNow)
    db->requireIntact();
  else
    platform::logInfo("database is " + std::to_string(bytes >> 20) + " MiB, over the " +
                      std::to_string(kCheckAtOpenMaxBytes >> 20) +
                      " MiB checked at every open: PRAGMA quick_check runs before each sync instead");
  configure(*db);
  migrate(*db);
  std::unique_ptr<KioskStore> store(new KioskStore(std::move(db), clock));
  store->checkedWhole_ = checkNow;
  store->openRooms();
  return store;
}

std::unique_ptr<KioskStore> KioskStore::createWithRoster(const fs::path& dataDir, const Clock& clock,
                                                         const RosterFiles& roster, const std::string& siteId) {
  platform::ensureWritableDirectory(dataDir, true);
  platform::keepDirectoryPrivate(dataDir);
  const fs::path file = dataDir / kDatabaseFileName;
  if (platform::fileExists(file))
    throw DagverkError(ErrorCode::DatabaseNotEmpty,
                       "Datamappen " + dataDir.string() + " har redan data. Demodata läggs bara i en tom mapp.",
                       "refusing to seed demo data: " + file.string() + " already exists");
  const bool siteKnown = std::any_of(roster.sites.begin(), roster.sites.end(),
                                     [&](const Site& s) { return s.id == siteId; });
  if (!siteKnown) {
    std::string ids;
    for (const auto& s : roster.sites) ids += (ids.empty() ? "" : ", ") + s.id;
    throw DagverkError(ErrorCode::UnknownSite, "Okänd verksamhet \"" + siteId + "\". Giltiga: " + ids,
                       "unknown site '" + siteId + "'; valid: " + ids);
  }
  auto db = std::make_unique<Database>(file, Database::Mode::CreateNew);
  configure(*db);
  migrate(*db);
  {
    Transaction tx(*db);
    RosterStore::seed(*db, roster, siteId, newUuid(clock.nowUtc()));
    tx.commit();
  }
  std::unique_ptr<KioskStore> store(new KioskStore(std::move(db), clock));
  store->openRooms();
  return store;
}

const PresenceBoard& KioskStore::presence() const { return presence_->participants(); }
const PresenceBoard& KioskStore::staffPresence() const { return presence_->staff(); }

void KioskStore::checkWholeFile() {
  if (checkedWhole_) return;
  db_->requireIntact();
  checkedWhole_ = true;
}

void KioskStore::checkpoint() {
  // PASSIVE: copies what it can from the WAL without waiting for readers; never blocks a tap.
  sqlite3_wal_checkpoint_v2(db_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

bool KioskStore::reloadIfChangedElsewhere() { return events_->reloadIfChangedElsewhere(); }

void KioskStore::moveToSite(const std::string& siteId) {
  roster_->site(siteId); // an unknown site says so first, with the valid ones
  // In one write transaction, so that a badge reader's check-in cannot slip in between the
  // count and the move.
  Transaction tx(*db_);
  std::int64_t waiting = 0;
  for (const auto& [kind, n] : ledger_->queuedCountByKind()) waiting += n;
  if (waiting > 0)
    throw DagverkError(ErrorCode::SiteMismatch,
                       "Kiosken har " + std::to_string(waiting) + (waiting == 1 ? " post" : " poster") +
                           " som inte är kvitterade av central. Synkronisera först.",
                       "refusing to move the kiosk to site " + siteId + ": " + std::to_string(waiting) +
                           " events are not yet acknowledged by central");
  roster_->bindToSite(siteId);
  tx.commit();
}

StoreStatus KioskStore::status() const {
  StoreStatus st;
  const Site s = roster_->site(roster_->boundSiteId());
  st.siteId = s.id;
  st.siteName = s.name;
  st.deviceId = deviceId_;
  st.participants = static_cast<int>(roster_->participants(s.id).size());
  st.presentNow = presence_->presentAt(s.id);
  st.events = events_->count();
  st.lastSeq = events_->lastSeq();
  st.schemaVersion = static_cast<int>(db_->scalarInt("PRAGMA user_version"));
  return st;
}

} // namespace dagverk::store
