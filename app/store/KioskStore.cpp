#include "KioskStore.hpp"

#include "Database.hpp"
#include "Error.hpp"
#include "FileSystem.hpp"
#include "Ids.hpp"
#include "LocalTime.hpp"
#include "Migrations.hpp"
#include "SwedishText.hpp"

#include <sodium.h>

#include <algorithm>

namespace dagverk::store {

namespace fs = std::filesystem;

namespace {
std::string newUuid(UtcMs now) {
  static const int ready = sodium_init(); // thread-safe static; -1 only if no entropy at all
  if (ready < 0) throw DagverkError(ErrorCode::Storage, "Slumptal saknas.", "libsodium could not initialise");
  std::array<std::uint8_t, 10> random{};
  randombytes_buf(random.data(), random.size());
  return makeUuidV7(now, random);
}

void configure(Database& db) {
  // WAL with synchronous=FULL: a commit that returned is on disk, also after a power cut.
  Statement mode(db, "PRAGMA journal_mode=WAL");
  if (!mode.step() || mode.text(0) != "wal")
    throw DagverkError(ErrorCode::Storage, "Databasen kunde inte ställas in.", "could not enable WAL mode");
  db.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

Participant readParticipant(const Statement& s) {
  Participant p;
  p.id = s.text(0);
  p.siteId = s.text(1);
  p.firstName = s.text(2);
  p.initial = s.text(3);
  p.expectedWeekdays = parseWeekdays(s.text(4)).value_or(std::array<bool, 7>{});
  p.photoFile = s.optionalText(5);
  p.active = s.integer(6) != 0;
  return p;
}

constexpr const char* kParticipantColumns = "id, site_id, first_name, initial, weekdays, photo_file, active";
} // namespace

KioskStore::KioskStore(std::unique_ptr<Database> db, const Clock& clock) : db_(std::move(db)), clock_(clock) {
  nextSeq_ = std::make_unique<Statement>(
      *db_, "INSERT INTO device_sequence(device_id, last_seq) VALUES (?1, 1) "
            "ON CONFLICT(device_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq");
  insertEvent_ = std::make_unique<Statement>(
      *db_, "INSERT INTO event(id, device_id, seq, recorded_utc, zone, site_id, actor_staff_id, kind, "
            "subject_id, payload, schema_version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
  insertPresence_ = std::make_unique<Statement>(
      *db_, "INSERT OR REPLACE INTO presence(participant_id, site_id, check_in_event_id, since_utc) "
            "VALUES (?1,?2,?3,?4)");
  dataVersion_ = std::make_unique<Statement>(*db_, "PRAGMA data_version");
  deletePresence_ = std::make_unique<Statement>(
      *db_, "DELETE FROM presence WHERE participant_id = ?1 AND (?2 = '' OR check_in_event_id = ?2)");
}

KioskStore::~KioskStore() = default;

std::unique_ptr<KioskStore> KioskStore::open(const fs::path& dataDir, const Clock& clock) {
  platform::ensureWritableDirectory(dataDir, false);
  const fs::path file = dataDir / kDatabaseFileName;
  if (!platform::fileExists(file))
    throw DagverkError(ErrorCode::DataDirMissing,
                       "Det finns ingen databas i " + dataDir.string() + ". Starta med --demo för demodata.",
                       "no database in " + dataDir.string());
  auto db = std::make_unique<Database>(file, Database::Mode::OpenExisting);
  checkSchemaVersion(*db); // before anything writes: a too-new or corrupt file stays as it is
  configure(*db);
  migrate(*db);
  std::unique_ptr<KioskStore> store(new KioskStore(std::move(db), clock));
  store->loadDevice();
  store->loadPresence();
  store->reloadIfChangedElsewhere();
  return store;
}

std::unique_ptr<KioskStore> KioskStore::createWithRoster(const fs::path& dataDir, const Clock& clock,
                                                         const RosterFiles& roster, const std::string& siteId) {
  platform::ensureWritableDirectory(dataDir, true);
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
    Statement s(*db, "INSERT INTO site(id, name, places, opens_minute, closes_minute) VALUES (?1,?2,?3,?4,?5)");
    for (const auto& site : roster.sites)
      s.bind(1, site.id).bind(2, site.name).bind(3, site.places).bind(4, site.opensMinute).bind(5, site.closesMinute).run();
    Statement p(*db, "INSERT INTO participant(id, site_id, first_name, initial, weekdays, photo_file, active) "
                     "VALUES (?1,?2,?3,?4,?5,?6,?7)");
    for (const auto& x : roster.participants)
      p.bind(1, x.id).bind(2, x.siteId).bind(3, x.firstName).bind(4, x.initial)
          .bind(5, formatWeekdays(x.expectedWeekdays)).bind(6, x.photoFile).bind(7, x.active ? 1 : 0).run();
    Statement a(*db, "INSERT INTO activity(id, site_id, name, category) VALUES (?1,?2,?3,?4)");
    for (const auto& x : roster.activities)
      a.bind(1, x.id).bind(2, x.siteId).bind(3, x.name).bind(4, x.category).run();
    Statement m(*db, "INSERT INTO meta(key, value) VALUES ('site_id', ?1), ('device_id', ?2)");
    m.bind(1, siteId).bind(2, newUuid(clock.nowUtc())).run();
    tx.commit();
  }
  std::unique_ptr<KioskStore> store(new KioskStore(std::move(db), clock));
  store->loadDevice();
  store->loadPresence();
  return store;
}

void KioskStore::loadDevice() {
  Statement s(*db_, "SELECT value FROM meta WHERE key = 'device_id'");
  if (s.step()) {
    deviceId_ = s.text(0);
    return;
  }
  // The device id is made once, on first start, and never changes.
  deviceId_ = newUuid(clock_.nowUtc());
  Statement ins(*db_, "INSERT INTO meta(key, value) VALUES ('device_id', ?1)");
  ins.bind(1, deviceId_).run();
}

void KioskStore::loadPresence() {
  presence_.clear();
  Statement s(*db_, "SELECT participant_id, check_in_event_id, since_utc FROM presence");
  while (s.step()) {
    Event e;
    e.id = s.text(1);
    e.payload = CheckedIn{s.text(0), s.integer(2)};
    presence_.apply(e);
  }
}

std::vector<Site> KioskStore::sites() const {
  std::vector<Site> out;
  Statement s(*db_, "SELECT id, name, places, opens_minute, closes_minute FROM site ORDER BY name");
  while (s.step())
    out.push_back(Site{s.text(0), s.text(1), static_cast<int>(s.integer(2)), static_cast<int>(s.integer(3)),
                       static_cast<int>(s.integer(4))});
  std::sort(out.begin(), out.end(), [](const Site& a, const Site& b) { return swedishLess(a.name, b.name); });
  return out;
}

Site KioskStore::site(const std::string& siteId) const {
  const auto all = sites();
  for (const auto& s : all)
    if (s.id == siteId) return s;
  std::string ids;
  for (const auto& s : all) ids += (ids.empty() ? "" : ", ") + s.id;
  throw DagverkError(ErrorCode::UnknownSite, "Okänd verksamhet \"" + siteId + "\". Giltiga: " + ids,
                     "unknown site '" + siteId + "'; valid: " + ids);
}

std::vector<Participant> KioskStore::participants(const std::string& siteId) const {
  std::vector<Participant> out;
  Statement s(*db_, std::string("SELECT ") + kParticipantColumns +
                        " FROM participant WHERE site_id = ?1 AND active = 1");
  s.bind(1, siteId);
  while (s.step()) out.push_back(readParticipant(s));
  std::sort(out.begin(), out.end(), [](const Participant& a, const Participant& b) {
    if (a.firstName != b.firstName) return swedishLess(a.firstName, b.firstName);
    return swedishLess(a.initial, b.initial);
  });
  return out;
}

Participant KioskStore::participant(const std::string& participantId) const {
  Statement s(*db_, std::string("SELECT ") + kParticipantColumns + " FROM participant WHERE id = ?1");
  s.bind(1, participantId);
  if (!s.step())
    throw DagverkError(ErrorCode::UnknownParticipant, "Okänd deltagare \"" + participantId + "\".",
                       "unknown participant id '" + participantId + "'");
  return readParticipant(s);
}

std::string KioskStore::boundSiteId() const {
  Statement s(*db_, "SELECT value FROM meta WHERE key = 'site_id'");
  return s.step() ? s.text(0) : std::string(kDefaultSiteId);
}

void KioskStore::bindToSite(const std::string& siteId) {
  site(siteId); // throws UnknownSite
  Statement s(*db_, "INSERT INTO meta(key, value) VALUES ('site_id', ?1) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.bind(1, siteId).run();
}

Event KioskStore::append(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                         EventPayload payload) {
  Event e;
  e.deviceId = deviceId_;
  e.recordedUtc = clock_.nowUtc();
  e.id = newUuid(e.recordedUtc);
  e.zone = kSiteZone;
  e.siteId = siteId;
  e.actorStaffId = actorStaffId;
  e.payload = std::move(payload);
  const std::string json = encodePayload(e.payload);
  {
    Transaction tx(*db_);
    nextSeq_->bind(1, deviceId_);
    if (!nextSeq_->step()) db_->fail(SQLITE_ERROR, "next sequence");
    e.seq = nextSeq_->integer(0);
    nextSeq_->reset();
    insertEvent_->bind(1, e.id).bind(2, e.deviceId).bind(3, e.seq).bind(4, e.recordedUtc).bind(5, e.zone)
        .bind(6, e.siteId).bind(7, e.actorStaffId).bind(8, std::string(kindOf(e.payload)))
        .bind(9, subjectOf(e.payload)).bind(10, json).bind(11, kEventSchemaVersion).run();
    applyToProjection(e);
    tx.commit();
  }
  presence_.apply(e); // only after the commit: memory never runs ahead of the disk
  return e;
}

void KioskStore::applyToProjection(const Event& e) {
  if (const auto* in = std::get_if<CheckedIn>(&e.payload)) {
    insertPresence_->bind(1, in->participantId).bind(2, e.siteId).bind(3, e.id).bind(4, in->at).run();
  } else if (const auto* out = std::get_if<CheckedOut>(&e.payload)) {
    deletePresence_->bind(1, out->participantId).bind(2, out->checkInEventId).run();
  }
}

Event KioskStore::checkIn(const std::string& participantId, const std::optional<std::string>& actorStaffId) {
  const Participant p = participant(participantId);
  const std::string siteId = boundSiteId();
  if (p.siteId != siteId || !p.active)
    throw DagverkError(ErrorCode::UnknownParticipant, "Deltagaren hör inte till den här verksamheten.",
                       "participant " + participantId + " does not belong to site " + siteId);
  runDayRollover();
  if (presence_.isPresent(participantId))
    throw DagverkError(ErrorCode::AlreadyPresent, p.firstName + " är redan incheckad.",
                       "participant " + participantId + " is already checked in");
  return append(siteId, actorStaffId, CheckedIn{participantId, clock_.nowUtc()});
}

Event KioskStore::checkOut(const std::string& participantId, const std::optional<std::string>& actorStaffId) {
  const Participant p = participant(participantId);
  runDayRollover();
  const auto visit = presence_.visit(participantId);
  if (!visit)
    throw DagverkError(ErrorCode::NotPresent, p.firstName + " är inte incheckad och kan inte checka ut.",
                       "participant " + participantId + " is not checked in; nothing to check out");
  return append(boundSiteId(), actorStaffId, CheckedOut{participantId, clock_.nowUtc(), false, visit->checkInEventId});
}

std::vector<Event> KioskStore::runDayRollover() {
  std::vector<Event> closed;
  if (presence_.count() == 0) return closed;
  const Site s = site(boundSiteId());
  for (const auto& a : dayRollover(presence_, s, clock_.nowUtc()))
    closed.push_back(append(s.id, std::nullopt, CheckedOut{a.participantId, a.at, true, a.checkInEventId}));
  return closed;
}

bool KioskStore::reloadIfChangedElsewhere() {
  const bool ok = dataVersion_->step();
  const std::int64_t version = ok ? dataVersion_->integer(0) : lastDataVersion_;
  dataVersion_->reset();
  if (version == lastDataVersion_) return false;
  const bool first = lastDataVersion_ < 0;
  lastDataVersion_ = version;
  if (first) return false;
  loadPresence();
  return true;
}

void KioskStore::rebuildPresence() {
  PresenceBoard board;
  Transaction tx(*db_);
  db_->exec("DELETE FROM presence");
  Statement s(*db_, "SELECT id, site_id, kind, payload, seq FROM event "
                    "WHERE kind IN ('CheckedIn', 'CheckedOut') ORDER BY device_id, seq");
  while (s.step()) {
    Event e;
    e.id = s.text(0);
    e.siteId = s.text(1);
    e.payload = decodePayload(s.text(2), s.text(3));
    board.apply(e);
  }
  for (const auto& [pid, v] : board.openVisits()) {
    Statement site(*db_, "SELECT site_id FROM event WHERE id = ?1");
    site.bind(1, v.checkInEventId);
    site.step();
    insertPresence_->bind(1, pid).bind(2, site.text(0)).bind(3, v.checkInEventId).bind(4, v.since).run();
  }
  tx.commit();
  presence_ = std::move(board);
}

std::vector<Event> KioskStore::eventsAfter(std::int64_t seq, size_t limit) const {
  std::vector<Event> out;
  Statement s(*db_, "SELECT id, device_id, seq, recorded_utc, zone, site_id, actor_staff_id, kind, payload "
                    "FROM event WHERE device_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3");
  s.bind(1, deviceId_).bind(2, seq).bind(3, static_cast<std::int64_t>(limit));
  while (s.step()) {
    Event e;
    e.id = s.text(0);
    e.deviceId = s.text(1);
    e.seq = s.integer(2);
    e.recordedUtc = s.integer(3);
    e.zone = s.text(4);
    e.siteId = s.text(5);
    e.actorStaffId = s.optionalText(6);
    e.payload = decodePayload(s.text(7), s.text(8));
    out.push_back(std::move(e));
  }
  return out;
}

StoreStatus KioskStore::status() const {
  StoreStatus st;
  const Site s = site(boundSiteId());
  st.siteId = s.id;
  st.siteName = s.name;
  st.deviceId = deviceId_;
  st.participants = static_cast<int>(participants(s.id).size());
  Statement present(*db_, "SELECT count(*) FROM presence WHERE site_id = ?1");
  present.bind(1, s.id);
  st.presentNow = present.step() ? static_cast<int>(present.integer(0)) : 0;
  st.events = db_->scalarInt("SELECT count(*) FROM event");
  Statement last(*db_, "SELECT last_seq FROM device_sequence WHERE device_id = ?1");
  last.bind(1, deviceId_);
  st.lastSeq = last.step() ? last.integer(0) : 0;
  st.schemaVersion = static_cast<int>(db_->scalarInt("PRAGMA user_version"));
  return st;
}

} // namespace dagverk::store
