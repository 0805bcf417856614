#include "core/RosterCsv.hpp"

#include "core/Csv.hpp"
#include "core/Error.hpp"
#include "core/Ids.hpp"
#include "core/LocalTime.hpp"
#include "core/Pictograms.hpp"
#include "core/SwedishText.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>

namespace dagverk {

namespace {
struct Cell {
  const CsvTable& table;
  const std::string& file;
  size_t row;
  // Roster values are ids, names, categories and hashes: one short line each. A line break or
  // other control character (RFC 4180 allows them inside quotes) or a huge value is refused
  // here, so it can never reach a kiosk's screen.
  static constexpr size_t kMaxValueBytes = 256;
  const std::string& get(const std::string& column) const {
    const std::string& v = table.rows[row][table.column(column, file)];
    if (v.size() > kMaxValueBytes)
      fail(column, "value longer than " + std::to_string(kMaxValueBytes) + " bytes (" + std::to_string(v.size()) + ")",
           "värdet är för långt (högst " + std::to_string(kMaxValueBytes) + " tecken)");
    for (unsigned char ch : v)
      if (ch < 0x20 || ch == 0x7f)
        fail(column, "line break or control character inside a value",
             "radbrytning eller styrtecken i värdet");
    return v;
  }
  [[noreturn]] void fail(const std::string& column, const std::string& en, const std::string& sv) const {
    const std::string where = file + ":" + std::to_string(table.rowLines[row]) + ":" +
                              std::to_string(table.column(column, file) + 1);
    throw DagverkError(ErrorCode::BadInput, "Fel i " + where + ": " + sv, where + ": " + en);
  }
  // A column older files do not have: "" when the header lacks it.
  std::string optional(const std::string& column) const {
    const auto& h = table.header;
    if (std::find(h.begin(), h.end(), column) == h.end()) return {};
    return get(column);
  }
  const std::string& required(const std::string& column) const {
    const std::string& v = get(column);
    if (v.empty()) fail(column, "empty value in column '" + column + "'", "värde saknas i kolumnen \"" + column + "\"");
    return v;
  }
  // An id travels into folder names on the share and keys in both databases: one rule for all.
  const std::string& id(const std::string& column) const {
    const std::string& v = required(column);
    if (!isValidId(v)) fail(column, kIdRuleEn, kIdRuleSv);
    return v;
  }
  static constexpr const char* kIdRuleEn = "an id is 1-64 of the letters A-Z and a-z, digits, '-' and '_'";
  static constexpr const char* kIdRuleSv = "ett id är 1–64 tecken: bokstäverna A–Z och a–z, siffror, - och _";
  int minutes(const std::string& column) const {
    const int m = parseHourMinute(get(column));
    if (m < 0) fail(column, "expected a time HH:MM", "tiden ska skrivas TT:MM");
    return m;
  }
};

// The optional personal symbol (a pictogram key), its colour and the spoken name.
void readSymbolColumns(const Cell& c, Participant& p) {
  if (std::string key = c.optional("symbol"); !key.empty()) {
    if (!isPersonalSymbol(key))
      c.fail("symbol", "unknown symbol key (see assets/pictograms.tsv, group symbol)",
             "okänd symbol \"" + key + "\" (se listan i assets/pictograms.tsv)");
    p.symbol = std::move(key);
  }
  if (std::string colour = c.optional("farg"); !colour.empty()) {
    if (!findSymbolColour(colour)) {
      std::string names;
      for (const auto& k : symbolColours()) names += (names.empty() ? "" : ", ") + std::string(k.name);
      c.fail("farg", "colour is not one of the palette's names", "färgen ska vara en av: " + names);
    }
    p.symbolColour = std::move(colour);
  }
  if (std::string spoken = c.optional("uttal"); !spoken.empty()) {
    if (!isValidSpokenName(spoken))
      c.fail("uttal", "spoken name must be 1-60 letters, spaces and hyphens",
             "uttal ska vara 1–60 bokstäver, mellanslag och bindestreck");
    p.spokenName = std::move(spoken);
  }
}

void checkUnique(std::set<std::string>& seen, const Cell& c, const std::string& column) {
  if (!seen.insert(c.get(column)).second)
    c.fail(column, "duplicate id", "samma id finns två gånger");
}
} // namespace

RosterFiles parseRosterCsv(std::string_view sitesCsv, std::string_view participantsCsv,
                           std::string_view activitiesCsv) {
  RosterFiles out;
  const std::string sf = "sites.csv", pf = "participants.csv", af = "activities.csv";
  const CsvTable sites = parseCsv(sitesCsv, sf);
  std::set<std::string> siteIds, ids;
  for (size_t r = 0; r < sites.rows.size(); ++r) {
    Cell c{sites, sf, r};
    Site s;
    s.id = c.id("site_id");
    checkUnique(siteIds, c, "site_id");
    s.name = c.required("name");
    const std::string& places = c.get("places");
    auto [p, ec] = std::from_chars(places.data(), places.data() + places.size(), s.places);
    if (ec != std::errc() || p != places.data() + places.size() || s.places < 0)
      c.fail("places", "expected a whole number of places", "antal platser ska vara ett heltal");
    s.opensMinute = c.minutes("opens");
    s.closesMinute = c.minutes("closes");
    if (s.closesMinute <= s.opensMinute) c.fail("closes", "closing time must be after opening time", "stängningstiden måste vara efter öppningstiden");
    out.sites.push_back(std::move(s));
  }

  const CsvTable people = parseCsv(participantsCsv, pf);
  for (size_t r = 0; r < people.rows.size(); ++r) {
    Cell c{people, pf, r};
    Participant p;
    p.id = c.id("participant_id");
    checkUnique(ids, c, "participant_id");
    p.siteId = c.id("site_id");
    if (!siteIds.count(p.siteId)) c.fail("site_id", "unknown site id", "okänd verksamhet");
    p.firstName = c.required("first_name");
    p.initial = c.required("initial");
    if (decodeUtf8(p.initial).size() != 1) c.fail("initial", "initial must be one letter", "initialen ska vara en bokstav");
    auto days = parseWeekdays(c.get("weekdays"));
    if (!days) c.fail("weekdays", "weekdays must be ISO digits 1-7, e.g. 12345", "veckodagar skrivs som siffror 1–7, t.ex. 12345");
    p.expectedWeekdays = *days;
    // Joined to the kiosk's photos folder: a bare file name, never a path.
    if (const std::string& photo = c.get("photo"); !photo.empty()) {
      if (!isPhotoFileName(photo))
        c.fail("photo", "photo must be a bare file name (no '/', no '..', no leading '.', at most " +
                            std::to_string(kMaxPhotoFileNameBytes) + " bytes)",
               "foto ska vara ett filnamn utan mapp (inget / eller .., börjar inte med punkt, högst " +
                   std::to_string(kMaxPhotoFileNameBytes) + " tecken)");
      p.photoFile = photo;
    }
    readSymbolColumns(c, p);
    out.participants.push_back(std::move(p));
  }

  const CsvTable acts = parseCsv(activitiesCsv, af);
  ids.clear();
  for (size_t r = 0; r < acts.rows.size(); ++r) {
    Cell c{acts, af, r};
    Activity a;
    a.id = c.id("activity_id");
    checkUnique(ids, c, "activity_id");
    a.siteId = c.id("site_id");
    if (!siteIds.count(a.siteId)) c.fail("site_id", "unknown site id", "okänd verksamhet");
    a.name = c.required("name");
    a.category = c.required("category");
    if (std::string key = c.optional("pictogram"); !key.empty()) {
      if (!isActivityPictogram(key))
        c.fail("pictogram", "unknown activity pictogram key (see assets/pictograms.tsv, groups kategori and symbol)",
               "okänd bild \"" + key + "\" (se listan i assets/pictograms.tsv)");
      a.pictogram = std::move(key);
    }
    out.activities.push_back(std::move(a));
  }
  return out;
}

void parseStaffCsv(std::string_view staffCsv, RosterFiles& roster) {
  const std::string file = "staff.csv";
  const CsvTable table = parseCsv(staffCsv, file);
  std::set<std::string> siteIds, ids, participantIds;
  for (const auto& s : roster.sites) siteIds.insert(s.id);
  for (const auto& p : roster.participants) participantIds.insert(p.id);
  for (const auto& m : roster.staff) ids.insert(m.id);
  std::vector<StaffMember> parsed;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    Cell c{table, file, r};
    StaffMember m;
    m.id = c.id("staff_id");
    checkUnique(ids, c, "staff_id");
    // Staff and participants share the presence table and the roll call list: one id, one person.
    if (participantIds.count(m.id))
      c.fail("staff_id", "id already used by a participant", "samma id används redan av en deltagare");
    std::istringstream sites(c.required("site_id"));
    for (std::string id; sites >> id;) {
      if (id == "*") {
        if (!m.siteIds.empty() || sites >> id)
          c.fail("site_id", "'*' (every site) must stand alone", "\"*\" (alla verksamheter) ska stå ensamt");
      } else if (!isValidId(id)) {
        c.fail("site_id", Cell::kIdRuleEn, Cell::kIdRuleSv);
      } else if (!siteIds.count(id)) {
        c.fail("site_id", "unknown site id '" + id + "'", "okänd verksamhet \"" + id + "\"");
      } else if (std::find(m.siteIds.begin(), m.siteIds.end(), id) != m.siteIds.end()) {
        c.fail("site_id", "site id '" + id + "' listed twice", "verksamheten \"" + id + "\" står två gånger");
      }
      m.siteIds.push_back(id);
    }
    if (m.siteIds.empty()) c.fail("site_id", "no site id", "värde saknas i kolumnen \"site_id\"");
    m.firstName = c.required("first_name");
    m.initial = c.required("initial");
    if (decodeUtf8(m.initial).size() != 1) c.fail("initial", "initial must be one letter", "initialen ska vara en bokstav");
    const auto role = parseRole(c.get("role"));
    if (!role)
      c.fail("role", "role must be staff, assistant_manager or admin",
             "rollen ska vara staff, assistant_manager eller admin");
    m.role = *role;
    m.pinHash = c.required("pin_hash");
    if (m.pinHash.rfind("$argon2id$", 0) != 0)
      c.fail("pin_hash", "pin_hash must be an Argon2id string ($argon2id$...), never a PIN",
             "pin_hash ska vara en Argon2id-sträng ($argon2id$…), aldrig själva koden");
    parsed.push_back(std::move(m));
  }
  for (auto& m : parsed) roster.staff.push_back(std::move(m));
}

} // namespace dagverk
