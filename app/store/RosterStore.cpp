#include "store/RosterStore.hpp"

#include "core/Error.hpp"
#include "core/Pictograms.hpp"
#include "core/SwedishText.hpp"
#include "store/Database.hpp"
#include "store/Settings.hpp"

#include <algorithm>
#include <set>
#include <sstream>

namespace dagverk::store {

namespace {
// Central's symbol and colour when its CSV set them, else the kiosk's own choice.
constexpr const char* kParticipantColumns =
    "id, site_id, first_name, initial, weekdays, photo_file, active, "
    "coalesce(symbol, (SELECT l.pictogram FROM local_pictogram l WHERE l.kind = 'participant' AND l.subject_id = participant.id)), "
    "coalesce(symbol_colour, (SELECT l.colour FROM local_pictogram l WHERE l.kind = 'participant' AND l.subject_id = participant.id)), "
    "spoken_name";
constexpr const char* kStaffColumns = "id, site_ids, first_name, initial, role, pin_hash, active";

Participant readParticipant(const Statement& s) {
  Participant p;
  p.id = s.text(0);
  p.siteId = s.text(1);
  p.firstName = s.text(2);
  p.initial = s.text(3);
  p.expectedWeekdays = parseWeekdays(s.text(4)).value_or(std::array<bool, 7>{});
  p.photoFile = s.optionalText(5);
  p.active = s.integer(6) != 0;
  p.symbol = s.optionalText(7);
  p.symbolColour = s.optionalText(8);
  p.spokenName = s.optionalText(9);
  return p;
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

std::string joinSiteIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

bool sortsBefore(const std::string& firstA, const std::string& initialA, const std::string& firstB,
                 const std::string& initialB) {
  if (firstA != firstB) return swedishLess(firstA, firstB);
  return swedishLess(initialA, initialB);
}

[[noreturn]] void bundleRejected(const std::string& swedish, const std::string& english) {
  throw DagverkError(ErrorCode::BundleRejected, swedish, english);
}

// Upserts: a new database inserts, a bundle updates what it lists.
constexpr const char* kUpsertSite =
    "INSERT INTO site(id, name, places, opens_minute, closes_minute) VALUES (?1,?2,?3,?4,?5) "
    "ON CONFLICT(id) DO UPDATE SET name = excluded.name, places = excluded.places, "
    "opens_minute = excluded.opens_minute, closes_minute = excluded.closes_minute";
// A participant who stays keeps the photo chosen on the kiosk. Symbol, colour and spoken name
// are central's (a kiosk's own symbol choice lives in local_pictogram).
constexpr const char* kUpsertParticipant =
    "INSERT INTO participant(id, site_id, first_name, initial, weekdays, photo_file, active, symbol, "
    "symbol_colour, spoken_name) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) ON CONFLICT(id) DO UPDATE SET "
    "site_id = excluded.site_id, first_name = excluded.first_name, initial = excluded.initial, "
    "weekdays = excluded.weekdays, photo_file = coalesce(participant.photo_file, excluded.photo_file), "
    "active = excluded.active, symbol = excluded.symbol, symbol_colour = excluded.symbol_colour, "
    "spoken_name = excluded.spoken_name";
constexpr const char* kUpsertStaff =
    "INSERT INTO staff(id, site_ids, first_name, initial, role, pin_hash, active) "
    "VALUES (?1,?2,?3,?4,?5,?6,?7) ON CONFLICT(id) DO UPDATE SET site_ids = excluded.site_ids, "
    "first_name = excluded.first_name, initial = excluded.initial, role = excluded.role, "
    "pin_hash = excluded.pin_hash, active = excluded.active";

void writeRoster(Database& db, const RosterFiles& roster) {
  Statement site(db, kUpsertSite);
  for (const auto& x : roster.sites)
    site.bind(1, x.id).bind(2, x.name).bind(3, x.places).bind(4, x.opensMinute).bind(5, x.closesMinute).run();
  Statement p(db, kUpsertParticipant);
  for (const auto& x : roster.participants)
    p.bind(1, x.id).bind(2, x.siteId).bind(3, x.firstName).bind(4, x.initial)
        .bind(5, formatWeekdays(x.expectedWeekdays)).bind(6, x.photoFile).bind(7, x.active ? 1 : 0)
        .bind(8, x.symbol).bind(9, x.symbolColour).bind(10, x.spokenName).run();
  Statement a(db, "INSERT INTO activity(id, site_id, name, category, pictogram) VALUES (?1,?2,?3,?4,?5)");
  for (const auto& x : roster.activities)
    a.bind(1, x.id).bind(2, x.siteId).bind(3, x.name).bind(4, x.category).bind(5, x.pictogram).run();
  Statement st(db, kUpsertStaff);
  for (const auto& x : roster.staff)
    st.bind(1, x.id).bind(2, joinSiteIds(x.siteIds)).bind(3, x.firstName).bind(4, x.initial)
        .bind(5, std::string(roleCode(x.role))).bind(6, x.pinHash).bind(7, x.active ? 1 : 0).run();
}
} // namespace

void RosterStore::seed(Database& db, const RosterFiles& roster, const std::string& siteId,
                       const std::string& deviceId) {
  writeRoster(db, roster);
  Statement m(db, "INSERT INTO meta(key, value) VALUES ('site_id', ?1), ('device_id', ?2)");
  m.bind(1, siteId).bind(2, deviceId).run();
}

std::vector<Site> RosterStore::sites() const {
  std::vector<Site> out;
  Statement s(db_, "SELECT id, name, places, opens_minute, closes_minute FROM site ORDER BY name");
  while (s.step())
    out.push_back(Site{s.text(0), s.text(1), static_cast<int>(s.integer(2)), static_cast<int>(s.integer(3)),
                       static_cast<int>(s.integer(4))});
  std::sort(out.begin(), out.end(), [](const Site& a, const Site& b) { return swedishLess(a.name, b.name); });
  return out;
}

Site RosterStore::site(const std::string& siteId) const {
  const auto all = sites();
  for (const auto& s : all)
    if (s.id == siteId) return s;
  std::string ids;
  for (const auto& s : all) ids += (ids.empty() ? "" : ", ") + s.id;
  throw DagverkError(ErrorCode::UnknownSite, "Okänd verksamhet \"" + siteId + "\". Giltiga: " + ids,
                     "unknown site '" + siteId + "'; valid: " + ids);
}

std::vector<Participant> RosterStore::participants(const std::string& siteId) const {
  std::vector<Participant> out;
  Statement s(db_, std::string("SELECT ") + kParticipantColumns + " FROM participant WHERE site_id = ?1 AND active = 1");
  s.bind(1, siteId);
  while (s.step()) out.push_back(readParticipant(s));
  std::sort(out.begin(), out.end(), [](const Participant& a, const Participant& b) {
    return sortsBefore(a.firstName, a.initial, b.firstName, b.initial);
  });
  return out;
}

Participant RosterStore::participant(const std::string& participantId) const {
  // The roster changes only with a new roster, so a tap reads it from memory.
  if (auto it = participantCache_.find(participantId); it != participantCache_.end()) return it->second;
  Statement s(db_, std::string("SELECT ") + kParticipantColumns + " FROM participant WHERE id = ?1");
  s.bind(1, participantId);
  if (!s.step())
    throw DagverkError(ErrorCode::UnknownParticipant, "Okänd deltagare \"" + participantId + "\".",
                       "unknown participant id '" + participantId + "'");
  return participantCache_.emplace(participantId, readParticipant(s)).first->second;
}

Participant RosterStore::participantHere(const std::string& participantId) const {
  Participant p = participant(participantId);
  const std::string siteId = boundSiteId();
  if (p.siteId != siteId || !p.active)
    throw DagverkError(ErrorCode::UnknownParticipant, "Deltagaren hör inte till den här verksamheten.",
                       "participant " + participantId + " does not belong to site " + siteId);
  return p;
}

std::vector<StaffMember> RosterStore::staff(const std::string& siteId) const {
  std::vector<StaffMember> out;
  Statement s(db_, std::string("SELECT ") + kStaffColumns + " FROM staff WHERE active = 1");
  while (s.step()) {
    StaffMember m = readStaff(s);
    if (m.worksAt(siteId)) out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const StaffMember& a, const StaffMember& b) {
    return sortsBefore(a.firstName, a.initial, b.firstName, b.initial);
  });
  return out;
}

StaffMember RosterStore::staffMember(const std::string& staffId) const {
  Statement s(db_, std::string("SELECT ") + kStaffColumns + " FROM staff WHERE id = ?1");
  s.bind(1, staffId);
  if (!s.step())
    throw DagverkError(ErrorCode::UnknownStaff, "Okänd personal \"" + staffId + "\".",
                       "unknown staff id '" + staffId + "'");
  return readStaff(s);
}

StaffMember RosterStore::activeStaff(const std::string& staffId) const {
  StaffMember m = staffMember(staffId);
  if (!m.active)
    throw DagverkError(ErrorCode::UnknownStaff, "Personalen \"" + staffId + "\" är inte längre aktiv.",
                       "staff " + staffId + " is not active");
  return m;
}

StaffMember RosterStore::staffHere(const std::string& staffId) const {
  StaffMember m = activeStaff(staffId);
  const std::string siteId = boundSiteId();
  if (!m.worksAt(siteId))
    throw DagverkError(ErrorCode::UnknownStaff, m.displayName() + " arbetar inte på den här verksamheten.",
                       "Personal " + staffId + " arbetar inte på den här verksamheten.", "staff " + staffId + " does not work at site " + siteId);
  return m;
}

void RosterStore::replacePinHash(const std::string& staffId, const std::string& pinHash) {
  Statement up(db_, "UPDATE staff SET pin_hash = ?1 WHERE id = ?2");
  up.bind(1, pinHash).bind(2, staffId).run();
}

std::vector<Activity> RosterStore::activities(const std::string& siteId) const {
  std::vector<Activity> out;
  // In catalogue order (as in activities.csv).
  Statement s(db_, "SELECT id, site_id, name, category, coalesce(pictogram, (SELECT l.pictogram FROM local_pictogram l "
                   "WHERE l.kind = 'activity' AND l.subject_id = activity.id)) FROM activity WHERE site_id = ?1 ORDER BY rowid");
  s.bind(1, siteId);
  while (s.step()) out.push_back(Activity{s.text(0), s.text(1), s.text(2), s.text(3), s.optionalText(4)});
  return out;
}

void RosterStore::chooseParticipantSymbol(const std::string& participantId, const std::string& symbol,
                                          const std::string& colour) {
  participantHere(participantId); // throws UnknownParticipant
  if (!isPersonalSymbol(symbol))
    throw DagverkError(ErrorCode::BadInput, "Välj en av symbolerna.", "unknown personal symbol key");
  if (!findSymbolColour(colour))
    throw DagverkError(ErrorCode::BadInput, "Välj en av färgerna.", "colour not in the symbol palette");
  Statement up(db_, "INSERT INTO local_pictogram(kind, subject_id, pictogram, colour) VALUES ('participant', ?1, ?2, ?3) "
                    "ON CONFLICT(kind, subject_id) DO UPDATE SET pictogram = excluded.pictogram, colour = excluded.colour");
  up.bind(1, participantId).bind(2, symbol).bind(3, colour).run();
  participantCache_.erase(participantId);
}

void RosterStore::chooseActivityPictogram(const std::string& activityId, const std::string& pictogram) {
  Statement a(db_, "SELECT 1 FROM activity WHERE id = ?1 AND site_id = ?2");
  a.bind(1, activityId).bind(2, boundSiteId());
  if (!a.step())
    throw DagverkError(ErrorCode::BadInput, "Aktiviteten finns inte här.", "unknown activity id " + activityId);
  if (!isActivityPictogram(pictogram))
    throw DagverkError(ErrorCode::BadInput, "Välj en av bilderna.", "unknown activity pictogram key");
  Statement up(db_, "INSERT INTO local_pictogram(kind, subject_id, pictogram, colour) VALUES ('activity', ?1, ?2, NULL) "
                    "ON CONFLICT(kind, subject_id) DO UPDATE SET pictogram = excluded.pictogram");
  up.bind(1, activityId).bind(2, pictogram).run();
}

std::string RosterStore::boundSiteId() const {
  if (!boundSite_) {
    Statement s(db_, "SELECT value FROM meta WHERE key = 'site_id'");
    boundSite_ = s.step() ? s.text(0) : std::string(kDefaultSiteId);
  }
  return *boundSite_;
}

void RosterStore::bindToSite(const std::string& siteId) {
  site(siteId); // throws UnknownSite
  Statement s(db_, "INSERT INTO meta(key, value) VALUES ('site_id', ?1) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.bind(1, siteId).run();
  forgetCache();
}

void RosterStore::forgetCache() const {
  boundSite_.reset();
  participantCache_.clear();
}

void RosterStore::applyBundle(const RosterFiles& roster, const std::map<std::string, std::string>& settings,
                              std::int64_t version) {
  // Settings first (no writes yet): a bad value refuses the whole bundle.
  std::map<std::string, std::string> keep = Settings::fromBundle(settings, version);
  const std::string bound = boundSiteId();
  {
    Transaction tx(db_);
    const std::int64_t current = settings_.bundleVersion();
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
    db_.exec("DELETE FROM activity");
    writeRoster(db_, roster);
    // Those no longer listed become inactive; their rows stay, since events name them.
    const auto deactivate = [&](const char* table, const std::set<std::string>& listed) {
      std::vector<std::string> gone;
      Statement all(db_, std::string("SELECT id FROM ") + table + " WHERE active = 1");
      while (all.step())
        if (!listed.count(all.text(0))) gone.push_back(all.text(0));
      Statement off(db_, std::string("UPDATE ") + table + " SET active = 0 WHERE id = ?1");
      for (const auto& id : gone) off.bind(1, id).run();
    };
    deactivate("participant", participantIds);
    deactivate("staff", staffIds);
    // Sites no longer listed go, unless a (now inactive) participant still refers to one.
    std::vector<std::string> goneSites;
    {
      Statement all(db_, "SELECT id FROM site WHERE id NOT IN (SELECT site_id FROM participant)");
      while (all.step())
        if (!siteIds.count(all.text(0))) goneSites.push_back(all.text(0));
    }
    Statement delSite(db_, "DELETE FROM site WHERE id = ?1");
    for (const auto& id : goneSites) delSite.bind(1, id).run();
    keep[kSettingBundleVersion] = std::to_string(version);
    settings_.writeInTransaction(keep);
    tx.commit();
  }
  forgetCache();
}

} // namespace dagverk::store
