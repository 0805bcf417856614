#include "store/KioskStore.hpp"

#include "store/Database.hpp"
#include "core/Error.hpp"
#include "platform/FileSystem.hpp"
#include "core/Ids.hpp"
#include "core/LocalTime.hpp"
#include "platform/Log.hpp"
#include "store/Migrations.hpp"
#include "store/Pins.hpp"
#include "core/SwedishText.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <sstream>

namespace dagverk::store {

namespace fs = std::filesystem;

namespace {
std::string newUuid(UtcMs now) {
  ensureSodium();
  std::array<std::uint8_t, 10> random{};
  randombytes_buf(random.data(), random.size());
  return makeUuidV7(now, random);
}

void configure(Database& db) {
  // WAL with synchronous=FULL: a commit that returned is on disk, also after a power cut.
  Statement mode(db, "PRAGMA journal_mode=WAL");
  if (!mode.step() || mode.text(0) != "wal")
    throw DagverkError(ErrorCode::Storage, "Databasen kunde inte ställas in.", "could not enable WAL mode");
  // Checkpoints run once a minute from the kiosk loop and when the store closes, not inside a
  // participant's tap; the automatic one stays as a backstop for a WAL that grows anyway.
  db.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=8000;");
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
constexpr const char* kStaffColumns = "id, site_ids, first_name, initial, role, pin_hash, active";
constexpr const char* kEventColumns = "id, device_id, seq, recorded_utc, zone, site_id, actor_staff_id, kind, payload";
// The kinds that move people in or out, and the corrections that can void them.
constexpr const char* kPresenceKinds =
    "('CheckedIn', 'CheckedOut', 'StaffCheckedIn', 'StaffCheckedOut', 'Corrected')";
constexpr const char* kEditedReason = "andrad"; // the reason of the Corrected that an edit appends

std::string joinSiteIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

StaffMember readStaff(const Statement& s) {
  StaffMember m;
  m.id = s.text(0);
  std::istringstream sites(s.text(1));
  for (std::string id; sites >> id;) m.siteIds.push_back(id);
  m.firstName = s.text(2);
  m.initial = s.text(3);
  m.role = parseRole(s.text(4)).value_or(StaffRole::Staff);
  m.pinHash = s.text(5);
  m.active = s.integer(6) != 0;
  return m;
}

Event readEvent(const Statement& s) {
  Event e;
  e.id = s.text(0);
  e.deviceId = s.text(1);
  e.seq = s.integer(2);
  e.recordedUtc = s.integer(3);
  e.zone = s.text(4);
  e.siteId = s.text(5);
  e.actorStaffId = s.optionalText(6);
  e.payload = decodePayload(s.text(7), s.text(8));
  return e;
}

bool affectsPresence(const std::string& kind) {
  return kind == CheckedIn::kKind || kind == CheckedOut::kKind || kind == StaffCheckedIn::kKind ||
         kind == StaffCheckedOut::kKind;
}

[[noreturn]] void badInput(const ValidationError& v) { throw DagverkError(ErrorCode::BadInput, v.swedish, v.english); }

template <class T> void dedupe(std::vector<T>& v) {
  std::set<T> seen;
  v.erase(std::remove_if(v.begin(), v.end(), [&](const T& x) { return !seen.insert(x).second; }), v.end());
}

bool sortsBefore(const std::string& firstA, const std::string& initialA, const std::string& firstB,
                 const std::string& initialB) {
  if (firstA != firstB) return swedishLess(firstA, firstB);
  return swedishLess(initialA, initialB);
}
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
      *db_, "DELETE FROM presence WHERE participant_id = ?1 AND is_staff = 0 AND (?2 = '' OR check_in_event_id = ?2)");
  insertStaffPresence_ = std::make_unique<Statement>(
      *db_, "INSERT OR REPLACE INTO presence(participant_id, site_id, check_in_event_id, since_utc, is_staff) "
            "VALUES (?1,?2,?3,?4,1)");
  deleteStaffPresence_ = std::make_unique<Statement>(
      *db_, "DELETE FROM presence WHERE participant_id = ?1 AND is_staff = 1 AND (?2 = '' OR check_in_event_id = ?2)");
}

KioskStore::~KioskStore() {
  try {
    checkpoint(); // leave a short WAL behind: the next start reads less
  } catch (...) {
  }
}

std::unique_ptr<KioskStore> KioskStore::open(const fs::path& dataDir, const Clock& clock) {
  platform::ensureWritableDirectory(dataDir, false);
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
    Statement st(*db, "INSERT INTO staff(id, site_ids, first_name, initial, role, pin_hash, active) "
                      "VALUES (?1,?2,?3,?4,?5,?6,?7)");
    for (const auto& x : roster.staff)
      st.bind(1, x.id).bind(2, joinSiteIds(x.siteIds)).bind(3, x.firstName).bind(4, x.initial)
          .bind(5, std::string(roleCode(x.role))).bind(6, x.pinHash).bind(7, x.active ? 1 : 0).run();
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
  staffPresence_.clear();
  Statement s(*db_, "SELECT participant_id, check_in_event_id, since_utc, is_staff FROM presence");
  while (s.step()) {
    Event e;
    e.id = s.text(1);
    if (s.integer(3) != 0) {
      e.payload = StaffCheckedIn{s.text(0), s.integer(2)};
      staffPresence_.apply(e);
    } else {
      e.payload = CheckedIn{s.text(0), s.integer(2)};
      presence_.apply(e);
    }
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
  // The roster changes only with a new roster, so a tap reads it from memory.
  if (auto it = participantCache_.find(participantId); it != participantCache_.end()) return it->second;
  Statement s(*db_, std::string("SELECT ") + kParticipantColumns + " FROM participant WHERE id = ?1");
  s.bind(1, participantId);
  if (!s.step())
    throw DagverkError(ErrorCode::UnknownParticipant, "Okänd deltagare \"" + participantId + "\".",
                       "unknown participant id '" + participantId + "'");
  return participantCache_.emplace(participantId, readParticipant(s)).first->second;
}

std::string KioskStore::boundSiteId() const {
  if (!boundSite_) {
    Statement s(*db_, "SELECT value FROM meta WHERE key = 'site_id'");
    boundSite_ = s.step() ? s.text(0) : std::string(kDefaultSiteId);
  }
  return *boundSite_;
}

void KioskStore::forgetCachedRoster() const {
  boundSite_.reset();
  participantCache_.clear();
}

void KioskStore::checkpoint() {
  // PASSIVE: copies what it can from the WAL without waiting for readers; never blocks a tap.
  sqlite3_wal_checkpoint_v2(db_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

void KioskStore::bindToSite(const std::string& siteId) {
  site(siteId); // throws UnknownSite
  Statement s(*db_, "INSERT INTO meta(key, value) VALUES ('site_id', ?1) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.bind(1, siteId).run();
  forgetCachedRoster();
}

Event KioskStore::makeEvent(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                            EventPayload payload, UtcMs now) {
  Event e;
  e.deviceId = deviceId_;
  e.recordedUtc = now;
  e.id = newUuid(now);
  e.zone = kSiteZone;
  e.siteId = siteId;
  e.actorStaffId = actorStaffId;
  e.payload = std::move(payload);
  return e;
}

bool KioskStore::insertEvent(Event& e) {
  const std::string json = encodePayload(e.payload);
  nextSeq_->bind(1, deviceId_);
  if (!nextSeq_->step()) db_->fail(SQLITE_ERROR, "next sequence");
  e.seq = nextSeq_->integer(0);
  nextSeq_->reset();
  insertEvent_->bind(1, e.id).bind(2, e.deviceId).bind(3, e.seq).bind(4, e.recordedUtc).bind(5, e.zone)
      .bind(6, e.siteId).bind(7, e.actorStaffId).bind(8, std::string(kindOf(e.payload)))
      .bind(9, subjectOf(e.payload)).bind(10, json).bind(11, kEventSchemaVersion).run();
  applyToProjection(e);
  if (const auto* c = std::get_if<Corrected>(&e.payload)) {
    Statement kind(*db_, "SELECT kind FROM event WHERE id = ?1");
    kind.bind(1, c->correctsEventId);
    return kind.step() && affectsPresence(kind.text(0));
  }
  return false;
}

void KioskStore::applyToMemory(const Event& e) {
  presence_.apply(e);
  staffPresence_.apply(e);
}

Event KioskStore::append(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                         EventPayload payload) {
  Event e = makeEvent(siteId, actorStaffId, std::move(payload), clock_.nowUtc());
  bool rebuild = false;
  {
    Transaction tx(*db_);
    rebuild = insertEvent(e);
    if (rebuild) rewritePresenceRows(&e.siteId);
    tx.commit();
  }
  // Only after the commit: memory never runs ahead of the disk.
  if (rebuild) loadPresence();
  else applyToMemory(e);
  return e;
}

std::vector<Event> KioskStore::appendAll(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                                         std::vector<EventPayload> payloads) {
  std::vector<Event> events;
  if (payloads.empty()) return events;
  const UtcMs now = clock_.nowUtc();
  events.reserve(payloads.size());
  for (auto& p : payloads) events.push_back(makeEvent(siteId, actorStaffId, std::move(p), now));
  bool rebuild = false;
  {
    Transaction tx(*db_);
    for (auto& e : events) rebuild = insertEvent(e) || rebuild;
    if (rebuild) rewritePresenceRows(&siteId);
    tx.commit();
  }
  if (rebuild) loadPresence();
  else
    for (const auto& e : events) applyToMemory(e);
  return events;
}

void KioskStore::applyToProjection(const Event& e) {
  if (const auto* in = std::get_if<CheckedIn>(&e.payload)) {
    insertPresence_->bind(1, in->participantId).bind(2, e.siteId).bind(3, e.id).bind(4, in->at).run();
  } else if (const auto* out = std::get_if<CheckedOut>(&e.payload)) {
    deletePresence_->bind(1, out->participantId).bind(2, out->checkInEventId).run();
  } else if (const auto* sin = std::get_if<StaffCheckedIn>(&e.payload)) {
    insertStaffPresence_->bind(1, sin->staffId).bind(2, e.siteId).bind(3, e.id).bind(4, sin->at).run();
  } else if (const auto* sout = std::get_if<StaffCheckedOut>(&e.payload)) {
    deleteStaffPresence_->bind(1, sout->staffId).bind(2, sout->checkInEventId).run();
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
  if (presence_.count() == 0 && staffPresence_.count() == 0) return closed;
  // Cheap test first (this runs before every tap): is any visit from an earlier local day?
  const UtcMs now = clock_.nowUtc();
  const UtcMs startOfToday = fromStockholm(toStockholm(now).date, 0, 0);
  const auto anyOld = [&](const PresenceBoard& b) {
    return std::any_of(b.openVisits().begin(), b.openVisits().end(),
                       [&](const auto& v) { return v.second.since < startOfToday; });
  };
  if (!anyOld(presence_) && !anyOld(staffPresence_)) return closed;
  const Site s = site(boundSiteId());
  std::vector<EventPayload> payloads;
  for (const auto& a : dayRollover(presence_, s, now))
    payloads.emplace_back(CheckedOut{a.participantId, a.at, true, a.checkInEventId});
  for (const auto& a : dayRollover(staffPresence_, s, now))
    payloads.emplace_back(StaffCheckedOut{a.participantId, a.at, true, a.checkInEventId});
  return appendAll(s.id, std::nullopt, std::move(payloads));
}

bool KioskStore::reloadIfChangedElsewhere() {
  const bool ok = dataVersion_->step();
  const std::int64_t version = ok ? dataVersion_->integer(0) : lastDataVersion_;
  dataVersion_->reset();
  if (version == lastDataVersion_) return false;
  const bool first = lastDataVersion_ < 0;
  lastDataVersion_ = version;
  if (first) return false;
  forgetCachedRoster();
  loadPresence();
  return true;
}

void KioskStore::rebuildPresence() {
  {
    Transaction tx(*db_);
    rewritePresenceRows(nullptr);
    tx.commit();
  }
  loadPresence();
}

void KioskStore::rewritePresenceRows(const std::string* siteId) {
  std::vector<Event> events;
  std::map<std::string, std::string> siteOf; // check-in event -> its site
  {
    Statement s(*db_, std::string("SELECT id, site_id, kind, payload FROM event WHERE ") +
                          (siteId ? "site_id = ?1 AND " : "") + "kind IN " + kPresenceKinds +
                          " ORDER BY device_id, seq");
    if (siteId) s.bind(1, *siteId);
    while (s.step()) {
      Event e;
      e.id = s.text(0);
      e.siteId = s.text(1);
      e.payload = decodePayload(s.text(2), s.text(3));
      siteOf[e.id] = e.siteId;
      events.push_back(std::move(e));
    }
  }
  PresenceBoard people(PresenceBoard::Who::Participants), staff(PresenceBoard::Who::Staff);
  people.replay(events);
  staff.replay(events);
  if (siteId) {
    Statement del(*db_, "DELETE FROM presence WHERE site_id = ?1");
    del.bind(1, *siteId).run();
  } else {
    db_->exec("DELETE FROM presence");
  }
  for (const auto& [pid, v] : people.openVisits())
    insertPresence_->bind(1, pid).bind(2, siteOf[v.checkInEventId]).bind(3, v.checkInEventId).bind(4, v.since).run();
  for (const auto& [sid, v] : staff.openVisits())
    insertStaffPresence_->bind(1, sid).bind(2, siteOf[v.checkInEventId]).bind(3, v.checkInEventId).bind(4, v.since)
        .run();
}

std::vector<Event> KioskStore::eventsAfter(std::int64_t seq, size_t limit) const {
  std::vector<Event> out;
  Statement s(*db_, std::string("SELECT ") + kEventColumns +
                        " FROM event WHERE device_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3");
  s.bind(1, deviceId_).bind(2, seq).bind(3, static_cast<std::int64_t>(limit));
  while (s.step()) out.push_back(readEvent(s));
  return out;
}

StoreStatus KioskStore::status() const {
  StoreStatus st;
  const Site s = site(boundSiteId());
  st.siteId = s.id;
  st.siteName = s.name;
  st.deviceId = deviceId_;
  st.participants = static_cast<int>(participants(s.id).size());
  Statement present(*db_, "SELECT count(*) FROM presence WHERE site_id = ?1 AND is_staff = 0");
  present.bind(1, s.id);
  st.presentNow = present.step() ? static_cast<int>(present.integer(0)) : 0;
  st.events = db_->scalarInt("SELECT count(*) FROM event");
  Statement last(*db_, "SELECT last_seq FROM device_sequence WHERE device_id = ?1");
  last.bind(1, deviceId_);
  st.lastSeq = last.step() ? last.integer(0) : 0;
  st.schemaVersion = static_cast<int>(db_->scalarInt("PRAGMA user_version"));
  return st;
}

// --- staff mode ------------------------------------------------------------------------------

std::vector<StaffMember> KioskStore::staff(const std::string& siteId) const {
  std::vector<StaffMember> out;
  Statement s(*db_, std::string("SELECT ") + kStaffColumns + " FROM staff WHERE active = 1");
  while (s.step()) {
    StaffMember m = readStaff(s);
    if (m.worksAt(siteId)) out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const StaffMember& a, const StaffMember& b) {
    return sortsBefore(a.firstName, a.initial, b.firstName, b.initial);
  });
  return out;
}

StaffMember KioskStore::staffMember(const std::string& staffId) const {
  Statement s(*db_, std::string("SELECT ") + kStaffColumns + " FROM staff WHERE id = ?1");
  s.bind(1, staffId);
  if (!s.step())
    throw DagverkError(ErrorCode::UnknownStaff, "Okänd personal \"" + staffId + "\".",
                       "unknown staff id '" + staffId + "'");
  return readStaff(s);
}

StaffMember KioskStore::requireStaff(const std::string& staffId) const {
  StaffMember m = staffMember(staffId);
  if (!m.active)
    throw DagverkError(ErrorCode::UnknownStaff, "Personalen \"" + staffId + "\" är inte längre aktiv.",
                       "staff " + staffId + " is not active");
  return m;
}

std::vector<Activity> KioskStore::activities(const std::string& siteId) const {
  std::vector<Activity> out;
  // In catalogue order (as in activities.csv).
  Statement s(*db_, "SELECT id, site_id, name, category FROM activity WHERE site_id = ?1 ORDER BY rowid");
  s.bind(1, siteId);
  while (s.step()) out.push_back(Activity{s.text(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

PinLockout KioskStore::readLockout() const {
  PinLockout lock;
  Statement s(*db_, "SELECT failures, level, locked_until_utc FROM pin_lockout WHERE id = 1");
  if (s.step()) {
    lock.failures = static_cast<int>(s.integer(0));
    lock.level = static_cast<int>(s.integer(1));
    lock.lockedUntil = s.integer(2);
  }
  return lock;
}

void KioskStore::writeLockout(const PinLockout& lock) {
  Statement s(*db_, "INSERT INTO pin_lockout(id, failures, level, locked_until_utc) VALUES (1, ?1, ?2, ?3) "
                    "ON CONFLICT(id) DO UPDATE SET failures = excluded.failures, level = excluded.level, "
                    "locked_until_utc = excluded.locked_until_utc");
  s.bind(1, lock.failures).bind(2, lock.level).bind(3, lock.lockedUntil).run();
}

namespace {
// A clock that jumped back must not stretch a lock-out beyond its own length.
bool clampLockout(PinLockout& lock, UtcMs now) {
  const std::int64_t lengthMs = lockoutSecondsForLevel(lock.level) * 1000;
  if (lock.lockedUntil > now && lock.lockedUntil - now > lengthMs) {
    lock.lockedUntil = now + lengthMs;
    return true;
  }
  return false;
}
} // namespace

PinLockout KioskStore::pinLockout() const {
  PinLockout lock = readLockout();
  clampLockout(lock, clock_.nowUtc());
  return lock;
}

KioskStore::PinCheck KioskStore::checkPin(const std::string& staffId, const std::string& pin) {
  const UtcMs now = clock_.nowUtc();
  // A locked kiosk does not even verify: checked first, before any Argon2 work.
  PinLockout lock = readLockout();
  if (clampLockout(lock, now)) {
    Transaction tx(*db_);
    writeLockout(lock);
    tx.commit();
  }
  if (const auto left = lock.secondsLeft(now); left > 0) return PinCheck{PinResult::LockedOut, left, 0};

  const StaffMember m = staffMember(staffId); // UnknownStaff: a programming error, not a wrong PIN
  // A PIN that is not 4–6 digits is a wrong PIN too and counts towards the lock-out.
  const bool wellFormed = isWellFormedPin(pin);
  const bool accepted = wellFormed && m.active && verifyPin(m.pinHash, pin);
  // Re-hash with today's parameters outside the write transaction (it takes Argon2 time).
  std::optional<std::string> rehashed;
  if (accepted && pinNeedsRehash(m.pinHash)) rehashed = hashPin(pin);

  Transaction tx(*db_);
  PinLockout current = readLockout(); // another process may have counted in the meantime
  if (const auto left = current.secondsLeft(now); left > 0) return PinCheck{PinResult::LockedOut, left, 0};
  if (accepted) {
    current.recordSuccess();
    if (rehashed) {
      Statement up(*db_, "UPDATE staff SET pin_hash = ?1 WHERE id = ?2");
      up.bind(1, *rehashed).bind(2, staffId).run();
    }
  } else {
    current.recordFailure(now);
  }
  writeLockout(current);
  tx.commit();
  if (accepted) return PinCheck{PinResult::Accepted, 0, 0};
  // The wrong PIN that starts a lock-out answers with the lock-out, so the countdown shows at once.
  if (const auto left = current.secondsLeft(now); left > 0) return PinCheck{PinResult::LockedOut, left, 0};
  return PinCheck{wellFormed ? PinResult::Wrong : PinResult::Malformed, 0, current.attemptsLeftBeforeLock()};
}

KioskStore::PinCheck KioskStore::checkPinForRollCall(const std::string& staffId, const std::string& pin) {
  const UtcMs now = clock_.nowUtc();
  const PinLockout lock = readLockout();
  const std::int64_t left = lock.secondsLeft(now);
  if (left == 0) return checkPin(staffId, pin);
  // Locked: verify anyway, but slowly, so the roll call cannot be used to guess PINs fast.
  if (now >= lastEmergencyPinAt_ && now - lastEmergencyPinAt_ < kEmergencyPinIntervalMs)
    return PinCheck{PinResult::LockedOut, left, 0};
  lastEmergencyPinAt_ = now;
  const StaffMember m = staffMember(staffId);
  const bool accepted = isWellFormedPin(pin) && m.active && verifyPin(m.pinHash, pin);
  if (accepted) return PinCheck{PinResult::Accepted, 0, 0}; // the staff-mode lock-out stays
  Transaction tx(*db_);
  PinLockout current = readLockout();
  current.recordFailure(now);
  writeLockout(current);
  tx.commit();
  return PinCheck{PinResult::LockedOut, current.secondsLeft(now), 0};
}

void KioskStore::setStaffIdleSeconds(int seconds) {
  if (seconds < 10 || seconds > 3600)
    throw DagverkError(ErrorCode::BadInput, "Tiden ska vara mellan 10 och 3600 sekunder.",
                       "staff idle seconds out of range: " + std::to_string(seconds));
  Statement s(*db_, "INSERT INTO setting(key, value) VALUES ('staff_idle_seconds', ?1) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.bind(1, std::to_string(seconds)).run();
}

int KioskStore::staffIdleSeconds() const {
  constexpr int kDefault = 90, kMin = 10, kMax = 3600;
  Statement s(*db_, "SELECT value FROM setting WHERE key = 'staff_idle_seconds'");
  if (!s.step()) return kDefault;
  const std::string v = s.text(0);
  int n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size()) return kDefault;
  return std::clamp(n, kMin, kMax);
}

Event KioskStore::staffCheckIn(const std::string& staffId) {
  const StaffMember m = requireStaff(staffId);
  const std::string siteId = boundSiteId();
  if (!m.worksAt(siteId))
    throw DagverkError(ErrorCode::UnknownStaff, m.displayName() + " arbetar inte på den här verksamheten.",
                       "staff " + staffId + " does not work at site " + siteId);
  runDayRollover();
  if (staffPresence_.isPresent(staffId))
    throw DagverkError(ErrorCode::AlreadyPresent, m.firstName + " är redan incheckad.",
                       "staff " + staffId + " is already checked in");
  return append(siteId, staffId, StaffCheckedIn{staffId, clock_.nowUtc()});
}

Event KioskStore::staffCheckOut(const std::string& staffId) {
  const StaffMember m = staffMember(staffId);
  runDayRollover();
  const auto visit = staffPresence_.visit(staffId);
  if (!visit)
    throw DagverkError(ErrorCode::NotPresent, m.firstName + " är inte incheckad och kan inte checka ut.",
                       "staff " + staffId + " is not checked in; nothing to check out");
  return append(boundSiteId(), staffId, StaffCheckedOut{staffId, clock_.nowUtc(), false, visit->checkInEventId});
}

std::vector<Event> KioskStore::queryEvents(const std::string& whereAndOrder,
                                           const std::function<void(Statement&)>& bind) const {
  std::vector<Event> out;
  Statement s(*db_, std::string("SELECT ") + kEventColumns + " FROM event WHERE " + whereAndOrder);
  bind(s);
  while (s.step()) out.push_back(readEvent(s));
  return out;
}

std::optional<Event> KioskStore::findEvent(const std::string& eventId) const {
  auto found = queryEvents("id = ?1", [&](Statement& s) { s.bind(1, eventId); });
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

bool KioskStore::isVoided(const std::string& eventId, const std::string& subjectId) const {
  // A Corrected carries the subject of the event it voids, so the subject index finds it.
  Statement s(*db_, "SELECT payload FROM event WHERE subject_id = ?1 AND kind = 'Corrected'");
  s.bind(1, subjectId);
  while (s.step())
    if (std::get<Corrected>(decodePayload(Corrected::kKind, s.text(0))).correctsEventId == eventId) return true;
  return false;
}

Event KioskStore::correct(const std::string& eventId, const std::string& reasonCode, const std::string& actorStaffId) {
  const auto& reasons = correctionReasons();
  if (std::none_of(reasons.begin(), reasons.end(), [&](const CorrectionReason& r) { return reasonCode == r.code; }))
    throw DagverkError(ErrorCode::BadInput, "Välj en orsak till rättelsen.",
                       "unknown correction reason '" + reasonCode + "'");
  requireStaff(actorStaffId);
  const std::string siteId = boundSiteId();
  const auto target = findEvent(eventId);
  if (!target || target->deviceId != deviceId_ || target->siteId != siteId)
    throw DagverkError(ErrorCode::UnknownEvent, "Händelsen finns inte på den här kiosken.",
                       "no event " + eventId + " of this device and site");
  if (std::holds_alternative<Corrected>(target->payload))
    throw DagverkError(ErrorCode::BadInput, "En rättelse kan inte rättas i sin tur.",
                       "event " + eventId + " is itself a correction");
  const std::string subject = subjectOf(target->payload);
  if (isVoided(eventId, subject))
    throw DagverkError(ErrorCode::AlreadyCorrected, "Händelsen är redan rättad.",
                       "event " + eventId + " is already corrected");
  // append() sees the Corrected and rebuilds presence (table and memory) from the log.
  return append(siteId, actorStaffId, Corrected{eventId, subject, reasonCode});
}

Event KioskStore::noteAbsence(const std::string& participantId, const std::string& reasonCode,
                              const std::string& comment, const std::string& actorStaffId) {
  if (!isAbsenceReason(reasonCode))
    throw DagverkError(ErrorCode::BadInput, "Välj en orsak till frånvaron.",
                       "unknown absence reason '" + reasonCode + "'");
  if (auto v = validateFreeText(comment, 500, "Kommentaren")) badInput(*v);
  requireStaff(actorStaffId);
  const Participant p = participant(participantId);
  const std::string siteId = boundSiteId();
  if (p.siteId != siteId || !p.active)
    throw DagverkError(ErrorCode::UnknownParticipant, "Deltagaren hör inte till den här verksamheten.",
                       "participant " + participantId + " does not belong to site " + siteId);
  runDayRollover();
  if (presence_.isPresent(participantId))
    throw DagverkError(ErrorCode::PresentNotAbsent,
                       p.firstName + " är incheckad just nu och kan inte vara frånvarande. Checka ut först.",
                       "participant " + participantId + " is checked in; not noted absent");
  const UtcMs now = clock_.nowUtc();
  return append(siteId, actorStaffId, AbsenceNoted{participantId, formatIsoDate(toStockholm(now).date), reasonCode,
                                                   comment});
}

std::vector<Event> KioskStore::logSession(const SessionDraft& draft, const std::string& actorStaffId) {
  if (auto v = validateSession(draft)) badInput(*v);
  requireStaff(actorStaffId);
  const std::string siteId = boundSiteId();
  const auto acts = activities(siteId);
  if (std::none_of(acts.begin(), acts.end(), [&](const Activity& a) { return a.id == draft.activityId; }))
    throw DagverkError(ErrorCode::BadInput, "Aktiviteten finns inte på den här verksamheten.",
                       "activity " + draft.activityId + " is not in the catalogue of site " + siteId);
  ActivitySessionLogged s;
  s.activityId = draft.activityId;
  s.participantIds = draft.participantIds;
  dedupe(s.participantIds);
  for (const auto& pid : s.participantIds) {
    const Participant p = participant(pid);
    if (p.siteId != siteId || !p.active)
      throw DagverkError(ErrorCode::UnknownParticipant, p.firstName + " hör inte till den här verksamheten.",
                         "participant " + pid + " does not belong to site " + siteId);
  }
  s.staffIds = draft.staffIds;
  dedupe(s.staffIds);
  for (const auto& sid : s.staffIds) {
    const StaffMember m = requireStaff(sid);
    if (!m.worksAt(siteId))
      throw DagverkError(ErrorCode::UnknownStaff, m.displayName() + " arbetar inte på den här verksamheten.",
                         "staff " + sid + " does not work at site " + siteId);
  }
  s.start = draft.start;
  s.end = draft.end;
  s.outing = draft.outing;
  s.place = draft.outing ? draft.place : std::string();
  s.note = draft.note;
  s.planned = draft.planned;

  std::vector<EventPayload> payloads;
  if (draft.replacesEventId.empty()) {
    if (!draft.sessionId.empty())
      throw DagverkError(ErrorCode::BadInput, "Ändringen saknar den version den ersätter. Öppna aktiviteten igen.",
                         "session id given without the event it replaces");
    s.sessionId = newUuid(clock_.nowUtc());
    payloads.emplace_back(std::move(s));
  } else {
    const auto old = findEvent(draft.replacesEventId);
    const auto* oldSession = old ? std::get_if<ActivitySessionLogged>(&old->payload) : nullptr;
    if (!oldSession || old->siteId != siteId)
      throw DagverkError(ErrorCode::UnknownEvent, "Aktiviteten som ska ändras finns inte.",
                         "no session event " + draft.replacesEventId + " at site " + siteId);
    if (!draft.sessionId.empty() && draft.sessionId != oldSession->sessionId)
      throw DagverkError(ErrorCode::BadInput, "Ändringen hör till en annan aktivitet.",
                         "session id does not match the event it replaces");
    if (isVoided(old->id, oldSession->sessionId))
      throw DagverkError(ErrorCode::AlreadyCorrected, "Aktiviteten har redan ändrats. Öppna den igen.",
                         "session event " + old->id + " is already replaced");
    s.sessionId = oldSession->sessionId;
    const std::string sessionId = s.sessionId;
    // The new version and the voiding of the old one: one transaction, all or nothing.
    payloads.emplace_back(std::move(s));
    payloads.emplace_back(Corrected{old->id, sessionId, kEditedReason});
  }
  return appendAll(siteId, actorStaffId, std::move(payloads));
}

std::vector<ActivitySession> KioskStore::sessions(const std::string& siteId, UtcMs from, UtcMs to) const {
  const auto events =
      queryEvents("site_id = ?1 AND kind IN ('ActivitySessionLogged', 'Corrected') ORDER BY device_id, seq",
                  [&](Statement& s) { s.bind(1, siteId); });
  std::vector<ActivitySession> out;
  for (auto& s : currentSessions(events))
    if (s.data.start >= from && s.data.start < to) out.push_back(std::move(s));
  return out;
}

std::vector<Event> KioskStore::eventsOfDay(const std::string& siteId, LocalDate day) const {
  const UtcMs from = fromStockholm(day, 0, 0);
  const UtcMs to = fromStockholm(civilFromDays(daysFromCivil(day) + 1), 0, 0);
  return queryEvents("site_id = ?1 AND recorded_utc >= ?2 AND recorded_utc < ?3 ORDER BY device_id, seq",
                     [&](Statement& s) { s.bind(1, siteId).bind(2, from).bind(3, to); });
}

DayOverview KioskStore::dayOverview(const std::string& siteId, LocalDate day) const {
  const auto events = eventsOfDay(siteId, day);
  if (day == toStockholm(clock_.nowUtc()).date) return buildDayOverview(participants(siteId), events, presence_, day);
  // Another day: who was still checked in at the end of it, from that day's events.
  PresenceBoard board;
  board.replay(events);
  return buildDayOverview(participants(siteId), events, board, day);
}

std::optional<Event> KioskStore::findRollCallEvent(const char* kind, const std::string& rollCallId,
                                                   const std::string& personId) const {
  for (auto& e : queryEvents("subject_id = ?1 AND kind = ?2 ORDER BY device_id, seq",
                             [&](Statement& s) { s.bind(1, rollCallId).bind(2, std::string(kind)); })) {
    const auto* m = std::get_if<RollCallMarkedSafe>(&e.payload);
    if (!m || m->personId == personId) return std::move(e);
  }
  return std::nullopt;
}

Event KioskStore::startRollCall(const std::string& actorStaffId) {
  requireStaff(actorStaffId);
  const std::string siteId = boundSiteId();
  runDayRollover();
  // One roll call at a time: a second start (a double tap, a second kiosk screen) joins the open one.
  if (const auto open = latestRollCall(); open && !open->ended)
    if (auto started = findRollCallEvent(RollCallStarted::kKind, open->rollCallId, "")) return *started;
  RollCallStarted r;
  r.rollCallId = newUuid(clock_.nowUtc());
  for (const auto& p : participants(siteId)) // Swedish name order
    if (presence_.isPresent(p.id)) r.expectedIds.push_back(p.id);
  for (const auto& m : staff(siteId))
    if (staffPresence_.isPresent(m.id)) r.expectedIds.push_back(m.id);
  return append(siteId, actorStaffId, std::move(r));
}

namespace {
[[noreturn]] void noSuchRollCall(const std::string& rollCallId) {
  throw DagverkError(ErrorCode::UnknownEvent, "Utrymningen finns inte, eller har en nyare startats.",
                     "roll call " + rollCallId + " is not the latest of this site");
}
} // namespace

Event KioskStore::markSafe(const std::string& rollCallId, const std::string& personId,
                           const std::string& actorStaffId) {
  requireStaff(actorStaffId);
  const auto state = latestRollCall();
  if (!state || state->rollCallId != rollCallId) noSuchRollCall(rollCallId);
  if (state->ended)
    throw DagverkError(ErrorCode::BadInput, "Utrymningen är redan avslutad.", "roll call " + rollCallId + " has ended");
  if (std::find(state->expectedIds.begin(), state->expectedIds.end(), personId) == state->expectedIds.end())
    throw DagverkError(ErrorCode::BadInput, "Personen finns inte på listan för den här utrymningen.",
                       "person " + personId + " is not on roll call " + rollCallId);
  // Marking twice changes nothing: the first mark stands and is returned.
  if (state->safeIds.count(personId))
    if (auto earlier = findRollCallEvent(RollCallMarkedSafe::kKind, rollCallId, personId)) return *earlier;
  return append(boundSiteId(), actorStaffId, RollCallMarkedSafe{rollCallId, personId});
}

Event KioskStore::endRollCall(const std::string& rollCallId, const std::string& actorStaffId) {
  requireStaff(actorStaffId);
  const auto state = latestRollCall();
  if (!state || state->rollCallId != rollCallId) noSuchRollCall(rollCallId);
  // Ending twice changes nothing: the first end stands and is returned.
  if (state->ended)
    if (auto earlier = findRollCallEvent(RollCallEnded::kKind, rollCallId, "")) return *earlier;
  return append(boundSiteId(), actorStaffId, RollCallEnded{rollCallId, state->remaining()});
}

std::optional<RollCallState> KioskStore::latestRollCall() const {
  const std::string siteId = boundSiteId();
  Statement last(*db_, "SELECT subject_id FROM event WHERE site_id = ?1 AND kind = 'RollCallStarted' "
                       "ORDER BY recorded_utc DESC, seq DESC LIMIT 1");
  last.bind(1, siteId);
  if (!last.step()) return std::nullopt;
  const std::string rollCallId = last.text(0);
  const auto events = queryEvents("subject_id = ?1 AND site_id = ?2 AND kind IN ('RollCallStarted', "
                                  "'RollCallMarkedSafe', 'RollCallEnded') ORDER BY device_id, seq",
                                  [&](Statement& s) { s.bind(1, rollCallId).bind(2, siteId); });
  return dagverk::latestRollCall(events);
}

// --- feedback, complaints, deviations, survey -------------------------------------------------

namespace {
constexpr const char* kComplaintKinds = "('ComplaintRegistered', 'ComplaintFollowedUp', 'Corrected')";
constexpr const char* kTableKinds =
    "('FeedbackGiven', 'ComplaintRegistered', 'ComplaintFollowedUp', 'DeviationReported', 'Corrected')";
} // namespace

std::optional<Event> KioskStore::giveFeedback(FeedbackGiven feedback) {
  if (auto v = validateFeedback(feedback)) badInput(*v);
  const std::string siteId = boundSiteId();
  if (!feedback.participantId.empty()) {
    std::optional<Participant> p;
    try {
      p = participant(feedback.participantId);
    } catch (const DagverkError&) {
    }
    if (!p || p->siteId != siteId || !p->active)
      throw DagverkError(ErrorCode::BadInput, "Deltagaren hör inte till den här verksamheten.",
                         "feedback: participant does not belong to site " + siteId);
  }
  const UtcMs now = clock_.nowUtc();
  // The pressed-twice guard: the previous "Tyck till" on this kiosk, read from the log (so it
  // holds across a restart too). A clock that went back does not block new entries.
  const auto last = queryEvents("site_id = ?1 AND kind = 'FeedbackGiven' AND device_id = ?2 ORDER BY seq DESC LIMIT 1",
                                [&](Statement& s) { s.bind(1, siteId).bind(2, deviceId_); });
  if (!last.empty()) {
    const std::int64_t since = now - last.front().recordedUtc;
    if (since >= 0 && since < kFeedbackGuardMs) return std::nullopt;
  }
  feedback.feedbackId = newUuid(now);
  return append(siteId, std::nullopt, std::move(feedback));
}

Event KioskStore::registerComplaint(ComplaintRegistered complaint, const std::string& actorStaffId) {
  if (auto v = validateComplaint(complaint)) badInput(*v);
  requireStaff(actorStaffId);
  const std::string siteId = boundSiteId();
  if (!complaint.feedbackId.empty()) {
    const auto events =
        queryEvents("site_id = ?1 AND kind IN ('FeedbackGiven', 'ComplaintRegistered', 'Corrected') ORDER BY device_id, seq",
                    [&](Statement& s) { s.bind(1, siteId); });
    const std::set<std::string> voided = voidedEventIds(events);
    bool found = false, classified = false;
    for (const auto& e : events) {
      if (voided.count(e.id)) continue;
      if (const auto* f = std::get_if<FeedbackGiven>(&e.payload); f && f->feedbackId == complaint.feedbackId)
        found = true;
      if (const auto* c = std::get_if<ComplaintRegistered>(&e.payload); c && c->feedbackId == complaint.feedbackId)
        classified = true;
    }
    if (!found)
      throw DagverkError(ErrorCode::BadInput, "Tyck till-svaret finns inte på den här verksamheten.",
                         "complaint refers to no FeedbackGiven " + complaint.feedbackId + " of site " + siteId);
    if (classified)
      throw DagverkError(ErrorCode::BadInput, "Tyck till-svaret är redan registrerat som ett ärende.",
                         "FeedbackGiven " + complaint.feedbackId + " is already classified");
  }
  complaint.complaintId = newUuid(clock_.nowUtc());
  return append(siteId, actorStaffId, std::move(complaint));
}

Event KioskStore::followUpComplaint(const std::string& complaintId, const std::string& step, const std::string& date,
                                    const std::string& text, const std::string& actorStaffId) {
  if (!isCategory(followUpSteps(), step))
    throw DagverkError(ErrorCode::BadInput, "Okänd kategori för uppföljning. Välj ett av alternativen.",
                       "unknown follow-up step");
  const auto day = parseIsoDate(date);
  if (!day)
    throw DagverkError(ErrorCode::BadInput, "Datumet för uppföljningen är inte ett giltigt datum (ÅÅÅÅ-MM-DD).",
                       "invalid follow-up date");
  if (auto v = validateFreeText(text, kMaxFeedbackChars, "Texten")) badInput(*v);
  requireStaff(actorStaffId);
  const auto all = complaints();
  const auto it = std::find_if(all.begin(), all.end(), [&](const ComplaintState& c) {
    return c.data.complaintId == complaintId;
  });
  if (it == all.end())
    throw DagverkError(ErrorCode::UnknownEvent, "Ärendet finns inte på den här verksamheten.",
                       "no complaint " + complaintId + " at site " + boundSiteId());
  if (it->closed)
    throw DagverkError(ErrorCode::BadInput,
                       "Ärendet är avslutat och kan inte följas upp. Registrera ett nytt ärende om något har hänt.",
                       "complaint " + complaintId + " is closed");
  if (const auto received = parseIsoDate(it->data.receivedDate); received && *day < *received)
    throw DagverkError(ErrorCode::BadInput, "Uppföljningen kan inte vara daterad före dagen då ärendet kom in (" +
                                                it->data.receivedDate + ").",
                       "follow-up dated before the complaint was received");
  return append(boundSiteId(), actorStaffId, ComplaintFollowedUp{complaintId, step, date, text});
}

Event KioskStore::reportDeviation(DeviationReported deviation, const std::string& actorStaffId) {
  if (auto v = validateDeviation(deviation)) badInput(*v);
  requireStaff(actorStaffId);
  deviation.deviationId = newUuid(clock_.nowUtc());
  return append(boundSiteId(), actorStaffId, std::move(deviation));
}

std::vector<ComplaintState> KioskStore::complaints() const {
  const std::string siteId = boundSiteId();
  return currentComplaints(queryEvents(std::string("site_id = ?1 AND kind IN ") + kComplaintKinds +
                                           " ORDER BY device_id, seq",
                                       [&](Statement& s) { s.bind(1, siteId); }));
}

std::vector<FeedbackGiven> KioskStore::feedbackToClassify() const {
  const std::string siteId = boundSiteId();
  return unclassifiedFeedback(
      queryEvents("site_id = ?1 AND kind IN ('FeedbackGiven', 'ComplaintRegistered', 'Corrected') ORDER BY device_id, seq",
                  [&](Statement& s) { s.bind(1, siteId); }));
}

std::vector<DeviationReported> KioskStore::deviations() const {
  const std::string siteId = boundSiteId();
  const auto events = queryEvents("site_id = ?1 AND kind IN ('DeviationReported', 'Corrected') ORDER BY recorded_utc, seq",
                                  [&](Statement& s) { s.bind(1, siteId); });
  const std::set<std::string> voided = voidedEventIds(events);
  std::vector<DeviationReported> out;
  for (const auto& e : events)
    if (const auto* d = std::get_if<DeviationReported>(&e.payload); d && !voided.count(e.id)) out.push_back(*d);
  std::stable_sort(out.begin(), out.end(),
                   [](const DeviationReported& a, const DeviationReported& b) { return a.date < b.date; });
  return out;
}

ComplaintTable KioskStore::complaintTable(LocalDate from, LocalDate to) const {
  const std::string siteId = boundSiteId();
  return buildComplaintTable(queryEvents(std::string("site_id = ?1 AND kind IN ") + kTableKinds +
                                             " ORDER BY device_id, seq",
                                         [&](Statement& s) { s.bind(1, siteId); }),
                             from, to);
}

Event KioskStore::openSurveyWindow(LocalDate from, LocalDate to, const std::string& actorStaffId) {
  if (to < from)
    throw DagverkError(ErrorCode::BadInput, "Sista dagen kan inte vara före första dagen.",
                       "survey window ends before it starts");
  requireStaff(actorStaffId);
  return append(boundSiteId(), actorStaffId,
                SurveyWindowOpened{newUuid(clock_.nowUtc()), formatIsoDate(from), formatIsoDate(to)});
}

std::optional<SurveyWindow> KioskStore::surveyWindow() const {
  const std::string siteId = boundSiteId();
  return latestSurveyWindow(
      queryEvents("site_id = ?1 AND kind IN ('SurveyWindowOpened', 'Corrected') ORDER BY device_id, seq",
                  [&](Statement& s) { s.bind(1, siteId); }));
}

bool KioskStore::hasAnswered(const std::string& windowId, const std::string& participantId) const {
  Statement s(*db_, "SELECT 1 FROM survey_participation WHERE window_id = ?1 AND participant_id = ?2");
  s.bind(1, windowId).bind(2, participantId);
  return s.step();
}

Event KioskStore::answerSurvey(const std::string& windowId, const std::string& participantId,
                               const std::vector<std::string>& answers) {
  const auto window = surveyWindow();
  const LocalDate today = toStockholm(clock_.nowUtc()).date;
  if (!window || window->windowId != windowId || !window->contains(today))
    throw DagverkError(ErrorCode::BadInput, "Frågorna är inte öppna för svar just nu.",
                       "survey answer outside an open window");
  if (answers.size() != surveyQuestions().size() ||
      std::any_of(answers.begin(), answers.end(), [](const std::string& a) { return !isCategory(surveyAnswers(), a); }))
    throw DagverkError(ErrorCode::BadInput, "Svara ja, ibland eller nej på alla tre frågorna.",
                       "survey answers are not three of ja/ibland/nej");
  const Participant p = participant(participantId); // UnknownParticipant
  const std::string siteId = boundSiteId();
  if (p.siteId != siteId || !p.active)
    throw DagverkError(ErrorCode::UnknownParticipant, "Deltagaren hör inte till den här verksamheten.",
                       "participant " + participantId + " does not belong to site " + siteId);
  const auto already = [&] {
    return DagverkError(ErrorCode::BadInput, "Du har redan svarat på frågorna den här gången. Tack!",
                        "participant " + participantId + " has already answered in window " + windowId);
  };
  if (hasAnswered(windowId, participantId)) throw already();
  // Who answered and what was answered: one transaction, so neither is kept without the other.
  // The participation row has no time; the event carries no participant.
  Event e = makeEvent(siteId, std::nullopt, SurveyAnswered{windowId, answers}, clock_.nowUtc());
  {
    Transaction tx(*db_);
    Statement ins(*db_, "INSERT OR IGNORE INTO survey_participation(window_id, participant_id) VALUES (?1, ?2)");
    ins.bind(1, windowId).bind(2, participantId).run();
    if (sqlite3_changes(db_->handle()) == 0) throw already(); // another process was first; rolled back
    insertEvent(e);
    tx.commit();
  }
  applyToMemory(e);
  return e;
}

SurveyResult KioskStore::surveyResult(const std::string& windowId) const {
  const std::string siteId = boundSiteId();
  const auto events = queryEvents(
      "site_id = ?1 AND ((kind = 'SurveyAnswered' AND subject_id = ?2) OR kind = 'Corrected') ORDER BY device_id, seq",
      [&](Statement& s) { s.bind(1, siteId).bind(2, windowId); });
  return dagverk::surveyResult(events, windowId);
}

// --- sync bookkeeping (issue: weekly sync) -----------------------------------------------------

namespace {
constexpr const char* kUnackedWhere =
    " FROM event e WHERE e.device_id = ?1 AND NOT EXISTS (SELECT 1 FROM sync_acked a WHERE a.event_seq = e.seq)";

std::optional<std::int64_t> parseInt64(const std::string& v) {
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
  return n;
}

[[noreturn]] void bundleRejected(const std::string& swedish, const std::string& english) {
  throw DagverkError(ErrorCode::BundleRejected, swedish, english);
}
} // namespace

std::vector<KioskStore::OutgoingEvent> KioskStore::unacknowledgedEvents() const {
  std::vector<OutgoingEvent> out;
  Statement s(*db_, std::string("SELECT e.id, e.device_id, e.seq, e.recorded_utc, e.zone, e.site_id, "
                                "e.actor_staff_id, e.kind, e.subject_id, e.payload, e.schema_version") +
                        kUnackedWhere + " ORDER BY e.seq");
  s.bind(1, deviceId_);
  while (s.step()) {
    OutgoingEvent e;
    e.id = s.text(0);
    e.deviceId = s.text(1);
    e.seq = s.integer(2);
    e.recordedUtc = s.integer(3);
    e.zone = s.text(4);
    e.siteId = s.text(5);
    e.actorStaffId = s.optionalText(6);
    e.kind = s.text(7);
    e.subjectId = s.optionalText(8).value_or("");
    e.payloadJson = s.text(9);
    e.schemaVersion = static_cast<int>(s.integer(10));
    out.push_back(std::move(e));
  }
  return out;
}

std::map<std::string, std::int64_t> KioskStore::queuedCountByKind() const {
  std::map<std::string, std::int64_t> out;
  Statement s(*db_, std::string("SELECT e.kind, count(*)") + kUnackedWhere + " GROUP BY e.kind");
  s.bind(1, deviceId_);
  while (s.step()) out[s.text(0)] = s.integer(1);
  return out;
}

std::optional<UtcMs> KioskStore::firstOwnEventUtc() const {
  Statement s(*db_, "SELECT recorded_utc FROM event WHERE device_id = ?1 ORDER BY seq LIMIT 1");
  s.bind(1, deviceId_);
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

std::int64_t KioskStore::lastBatchSeq() const { return db_->scalarInt("SELECT coalesce(max(batch_seq), 0) FROM sync_batch"); }

void KioskStore::recordBatch(const SyncBatchRecord& b, const std::vector<std::int64_t>& eventSeqs) {
  Transaction tx(*db_);
  Statement ins(*db_, "INSERT INTO sync_batch(batch_seq, batch_id, file_name, sha256, event_count, first_seq, "
                      "last_seq, written_utc, acked_utc) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,NULL)");
  ins.bind(1, b.batchSeq).bind(2, b.batchId).bind(3, b.fileName).bind(4, b.sha256).bind(5, b.eventCount)
      .bind(6, b.firstSeq).bind(7, b.lastSeq).bind(8, b.writtenUtc).run();
  Statement ev(*db_, "INSERT OR IGNORE INTO sync_batch_event(batch_seq, event_seq) VALUES (?1, ?2)");
  for (const auto seq : eventSeqs) ev.bind(1, b.batchSeq).bind(2, seq).run();
  tx.commit();
}

std::vector<KioskStore::SyncBatchRecord> KioskStore::batches() const {
  std::vector<SyncBatchRecord> out;
  Statement s(*db_, "SELECT batch_seq, batch_id, file_name, sha256, event_count, first_seq, last_seq, written_utc, "
                    "acked_utc FROM sync_batch ORDER BY batch_seq");
  while (s.step()) {
    SyncBatchRecord b;
    b.batchSeq = s.integer(0);
    b.batchId = s.text(1);
    b.fileName = s.text(2);
    b.sha256 = s.text(3);
    b.eventCount = s.integer(4);
    b.firstSeq = s.integer(5);
    b.lastSeq = s.integer(6);
    b.writtenUtc = s.integer(7);
    if (!s.isNull(8)) b.ackedUtc = s.integer(8);
    out.push_back(std::move(b));
  }
  return out;
}

std::optional<std::int64_t> KioskStore::acknowledgeBatch(const std::string& batchId, const std::string& sha256,
                                                         UtcMs at) {
  Transaction tx(*db_);
  Statement find(*db_, "SELECT batch_seq FROM sync_batch WHERE batch_id = ?1 AND sha256 = ?2");
  find.bind(1, batchId).bind(2, sha256);
  if (!find.step()) return std::nullopt; // rolled back: nothing was written
  const std::int64_t batchSeq = find.integer(0);
  find.reset();
  Statement ack(*db_, "INSERT OR IGNORE INTO sync_acked(event_seq) "
                      "SELECT event_seq FROM sync_batch_event WHERE batch_seq = ?1");
  ack.bind(1, batchSeq).run();
  const std::int64_t newly = sqlite3_changes(db_->handle());
  Statement mark(*db_, "UPDATE sync_batch SET acked_utc = ?2 WHERE batch_seq = ?1 AND acked_utc IS NULL");
  mark.bind(1, batchSeq).bind(2, at).run();
  tx.commit();
  return newly;
}

std::optional<std::string> KioskStore::settingValue(const std::string& key) const {
  Statement s(*db_, "SELECT value FROM setting WHERE key = ?1");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void KioskStore::setSettingValue(const std::string& key, const std::string& value) {
  setSettingValues({{key, value}});
}

void KioskStore::setSettingValues(const std::map<std::string, std::string>& values) {
  Transaction tx(*db_);
  Statement s(*db_, "INSERT INTO setting(key, value) VALUES (?1, ?2) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  for (const auto& [k, v] : values) s.bind(1, k).bind(2, v).run();
  tx.commit();
}

std::int64_t KioskStore::bundleVersion() const {
  const auto v = settingValue(kSettingBundleVersion);
  return v ? parseInt64(*v).value_or(0) : 0;
}

void KioskStore::applyBundle(const RosterFiles& roster, const std::map<std::string, std::string>& settings,
                             std::int64_t version) {
  // Settings first (no writes yet): a bad value refuses the whole bundle.
  std::map<std::string, std::string> keep;
  for (const auto& [key, value] : settings) {
    if (key == "staff_idle_seconds") {
      const auto n = parseInt64(value);
      if (!n || *n < 10 || *n > 3600)
        bundleRejected("Det nya registret har en ogiltig inställning (staff_idle_seconds = \"" + value +
                           "\"; ska vara 10–3600 sekunder). Inget har ändrats.",
                       "bundle " + std::to_string(version) + ": staff_idle_seconds out of range");
      keep[key] = std::to_string(*n);
    } else {
      platform::logInfo("bundle " + std::to_string(version) + ": unknown setting '" + key + "' ignored");
    }
  }
  const std::string bound = boundSiteId();
  {
    Transaction tx(*db_);
    const std::int64_t current = bundleVersion();
    if (version <= current)
      bundleRejected("Registret version " + std::to_string(version) + " är inte nyare än det kiosken har (version " +
                         std::to_string(current) + "). Inget har ändrats.",
                     "bundle version " + std::to_string(version) + " is not newer than stored " +
                         std::to_string(current));
    if (std::none_of(roster.sites.begin(), roster.sites.end(), [&](const Site& s) { return s.id == bound; }))
      bundleRejected("Det nya registret saknar den här kioskens verksamhet (" + bound +
                         "). Registret har inte lagts in; kontakta den som publicerar registret.",
                     "bundle " + std::to_string(version) + " lacks the bound site " + bound + "; refused");
    std::set<std::string> siteIds, participantIds, staffIds;
    for (const auto& x : roster.sites) siteIds.insert(x.id);
    for (const auto& x : roster.participants) participantIds.insert(x.id);
    for (const auto& x : roster.staff) staffIds.insert(x.id);

    // The catalogue is replaced as a whole (sessions keep their activity ids in the events).
    db_->exec("DELETE FROM activity");
    Statement site(*db_, "INSERT INTO site(id, name, places, opens_minute, closes_minute) VALUES (?1,?2,?3,?4,?5) "
                         "ON CONFLICT(id) DO UPDATE SET name = excluded.name, places = excluded.places, "
                         "opens_minute = excluded.opens_minute, closes_minute = excluded.closes_minute");
    for (const auto& x : roster.sites)
      site.bind(1, x.id).bind(2, x.name).bind(3, x.places).bind(4, x.opensMinute).bind(5, x.closesMinute).run();
    // A participant who stays keeps the photo chosen on the kiosk.
    Statement p(*db_, "INSERT INTO participant(id, site_id, first_name, initial, weekdays, photo_file, active) "
                      "VALUES (?1,?2,?3,?4,?5,?6,?7) ON CONFLICT(id) DO UPDATE SET site_id = excluded.site_id, "
                      "first_name = excluded.first_name, initial = excluded.initial, weekdays = excluded.weekdays, "
                      "photo_file = coalesce(participant.photo_file, excluded.photo_file), active = excluded.active");
    for (const auto& x : roster.participants)
      p.bind(1, x.id).bind(2, x.siteId).bind(3, x.firstName).bind(4, x.initial)
          .bind(5, formatWeekdays(x.expectedWeekdays)).bind(6, x.photoFile).bind(7, x.active ? 1 : 0).run();
    Statement a(*db_, "INSERT INTO activity(id, site_id, name, category) VALUES (?1,?2,?3,?4)");
    for (const auto& x : roster.activities) a.bind(1, x.id).bind(2, x.siteId).bind(3, x.name).bind(4, x.category).run();
    Statement st(*db_, "INSERT INTO staff(id, site_ids, first_name, initial, role, pin_hash, active) "
                       "VALUES (?1,?2,?3,?4,?5,?6,?7) ON CONFLICT(id) DO UPDATE SET site_ids = excluded.site_ids, "
                       "first_name = excluded.first_name, initial = excluded.initial, role = excluded.role, "
                       "pin_hash = excluded.pin_hash, active = excluded.active");
    for (const auto& x : roster.staff)
      st.bind(1, x.id).bind(2, joinSiteIds(x.siteIds)).bind(3, x.firstName).bind(4, x.initial)
          .bind(5, std::string(roleCode(x.role))).bind(6, x.pinHash).bind(7, x.active ? 1 : 0).run();
    // Those no longer listed become inactive; their rows stay, since events name them.
    const auto deactivate = [&](const char* table, const std::set<std::string>& listed) {
      std::vector<std::string> gone;
      Statement all(*db_, std::string("SELECT id FROM ") + table + " WHERE active = 1");
      while (all.step())
        if (!listed.count(all.text(0))) gone.push_back(all.text(0));
      Statement off(*db_, std::string("UPDATE ") + table + " SET active = 0 WHERE id = ?1");
      for (const auto& id : gone) off.bind(1, id).run();
    };
    deactivate("participant", participantIds);
    deactivate("staff", staffIds);
    // Sites no longer listed go, unless a (now inactive) participant still refers to one.
    std::vector<std::string> goneSites;
    {
      Statement all(*db_, "SELECT id FROM site WHERE id NOT IN (SELECT site_id FROM participant)");
      while (all.step())
        if (!siteIds.count(all.text(0))) goneSites.push_back(all.text(0));
    }
    Statement delSite(*db_, "DELETE FROM site WHERE id = ?1");
    for (const auto& id : goneSites) delSite.bind(1, id).run();
    keep[kSettingBundleVersion] = std::to_string(version);
    Statement set(*db_, "INSERT INTO setting(key, value) VALUES (?1, ?2) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    for (const auto& [k, v] : keep) set.bind(1, k).bind(2, v).run();
    tx.commit();
  }
  forgetCachedRoster();
}

} // namespace dagverk::store
