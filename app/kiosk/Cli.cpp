#include "kiosk/Cli.hpp"
#include "kiosk/KioskSpeech.hpp"

#include "DagverkVersion.hpp"

#include "store/Database.hpp"
#include "store/DemoUnit.hpp"
#include "core/Feedback.hpp"
#include "core/Error.hpp"
#include "kiosk/KioskApp.hpp"
#include "kiosk/LateCommand.hpp"
#include "kiosk/SheetsCommand.hpp"
#include "sheets/ReserveSheets.hpp"
#include "core/Period.hpp"
#include "store/KioskStore.hpp"
#include "sync/KioskSync.hpp"
#include "sync/KioskEnrolment.hpp"
#include "core/LocalTime.hpp"
#include "platform/Log.hpp"
#include "platform/Paths.hpp"
#include "store/Perform.hpp"
#include "store/Pins.hpp"
#include "store/Retention.hpp"
#include "core/SwedishText.hpp"
#include "platform/SystemClock.hpp"
#include "platform/TimeZone.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>

namespace dagverk::kiosk {

namespace {

constexpr const char* kUsage = R"(Användning / usage:
  dagverk [--data-dir D] [--site SITE] [--demo] [--software] [--fullscreen] [--size WxH]
          [--frames N] [--screenshot FILE]
      Starts the kiosk. --demo seeds the demo unit into an empty data directory first.
  dagverk status --data-dir D [--json]
  dagverk participants --data-dir D
  dagverk checkin --data-dir D --participant ID
  dagverk checkout --data-dir D --participant ID
  dagverk rollcall --data-dir D
      Prints everyone checked in now (the fire-drill list) as plain text for a printer.
  dagverk headcount --data-dir D [--count N] [--activity A] [--yes]
      Counts visitors at an open meeting place (no names): N visitors (default 1), optionally
      for activity A of the site's catalogue. Above 500 in one entry it needs --yes. A second
      count within a second of the previous one is the same tap twice and is not counted.
  dagverk late --data-dir D --date YYYY-MM-DD --participant P --in HH:MM [--out HH:MM] --staff S
      Registers a past day's visit afterwards from the paper sheet (1-30 days back), entered by
      staff member S. Someone who already has a visit that day is not registered again.
  dagverk --version
  dagverk hash-pin
      Reads one PIN (4-8 digits) from stdin and prints its Argon2id hash for staff.csv.
  dagverk complaints --data-dir D --from YYYY-MM-DD --to YYYY-MM-DD [--csv]
      Prints the site's complaint table for the period (the city's tertial template);
      --csv writes it as CSV (UTF-8 with BOM; columns section,row,antal).

  dagverk settings --data-dir D [--staff-idle-seconds N] [--time-zone ZONE] [--share PATH]
                   [--home-mode checkin|headcount|both] [--retention-days N]
                   [--speech on|off] [--volume 0-100] [--speech-rate 80-260]
                   [--theme standard|high-contrast] [--text-size 1|1.25|1.5]
      Shows (and sets) the kiosk's settings: how long staff mode may stay idle (seconds),
      the tz database zone its days are kept in (default Europe/Stockholm; read at start;
      DAGVERK_TIME_ZONE overrides it), and the central share's path used by `dagverk sync`
      and the Synkronisera screen; --home-mode: the home screen offers check-in, the visitor
      count of an open meeting place ("+1", no names), or both; --retention-days: records
      central has confirmed are deleted from the kiosk once older than N days (60-3650,
      default 90), with participants and staff the roster no longer lists. --speech, --volume,
      --speech-rate: whether the kiosk reads its prompts aloud (espeak-ng), how loud (percent,
      default 80) and how fast (words per minute, default 140); a running kiosk reads them at
      its next start.
      --theme high-contrast: every text at 7:1 or more, black edges on every control;
      --text-size: what participants read, 1.25 or 1.5 times larger (read at start).
  dagverk sync --data-dir D [--share S]
      Sends every record central has not confirmed to the share (one encrypted, signed batch),
      applies the newest roster bundle and reads receipts. Without --share: the stored path.
  dagverk enroll --data-dir D --code CODE [--share S]
      Connects the kiosk to central with the one-time code `dagverk-central enroll` showed:
      pins central's keys and the site, answers on the share, prints the fingerprint that
      central shows too. Until then `dagverk sync` sends nothing. Without --share: the stored path.
  dagverk keys --data-dir D
      Prints the kiosk's public key (made on first use) and, once enrolled, the fingerprint.
  dagverk sheets --data-dir D [--week YYYY-Www] --out DIR
      Writes the reserve sheets of the week (default: this week) to DIR for printing: the
      attendance sheet and the roll call, self-contained HTML for A4, files 0600.

--site on an admin command must be the kiosk's own site; only starting the kiosk moves it.
Exit codes: 0 ok, 1 failure, 2 usage.
)";

struct Args {
  std::string command; // empty: run the kiosk
  std::map<std::string, std::string> values;
  std::map<std::string, bool> flags;
};

struct UsageError {
  std::string message;
};

std::optional<Args> parse(const std::vector<std::string>& argv, std::string& error) {
  static const std::map<std::string, bool> kOptions = {
      // name -> takes a value
      {"--data-dir", true}, {"--site", true},      {"--participant", true}, {"--size", true},
      {"--frames", true},   {"--screenshot", true}, {"--demo", false},      {"--json", false},
      {"--software", false}, {"--fullscreen", false}, {"--help", false},
      {"--from", true},     {"--to", true},         {"--csv", false},      {"--staff-idle-seconds", true}, {"--time-zone", true},
      {"--share", true},     {"--count", true},      {"--activity", true},  {"--yes", false},
      {"--version", false}, {"--home-mode", true}, {"--code", true}, {"--retention-days", true},
      {"--date", true},     {"--in", true},         {"--out", true},       {"--staff", true},
      {"--week", true},     {"--speech", true},     {"--volume", true},    {"--speech-rate", true},
      {"--theme", true},     {"--text-size", true}};
  Args a;
  size_t i = 0;
  if (!argv.empty() && argv[0].rfind("--", 0) != 0) a.command = argv[i++];
  for (; i < argv.size(); ++i) {
    auto it = kOptions.find(argv[i]);
    if (it == kOptions.end()) {
      error = "unknown option '" + argv[i] + "'";
      return std::nullopt;
    }
    if (it->second) {
      if (i + 1 >= argv.size()) {
        error = "option " + argv[i] + " needs a value";
        return std::nullopt;
      }
      a.values[argv[i]] = argv[i + 1];
      ++i;
    } else {
      a.flags[argv[i]] = true;
    }
  }
  return a;
}

std::string jsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += c;
      }
    }
  }
  return out;
}

std::filesystem::path dataDirOf(const Args& a) {
  auto it = a.values.find("--data-dir");
  return it != a.values.end() ? std::filesystem::path(it->second) : platform::defaultDataDir();
}

const std::string& required(const Args& a, const std::string& option) {
  auto it = a.values.find(option);
  if (it == a.values.end()) throw UsageError{"'" + a.command + "' needs " + option};
  return it->second;
}

// Opens the store, applying --site if given (it is remembered in the database).
// Opens the store. Only starting the kiosk may move it to another site (`bindSite`); for the
// admin commands --site must name the site the kiosk is bound to, so a status call can never
// move a kiosk by accident.
std::unique_ptr<store::KioskStore> openStore(const Args& a, const Clock& clock, bool bindSite = false) {
  auto store = store::KioskStore::open(dataDirOf(a), clock);
  // Before any command computes a local day, and before the kiosk starts a thread.
  platform::installStoredTimeZone(store->settings().value(store::kSettingTimeZone));
  if (auto it = a.values.find("--site"); it != a.values.end() && it->second != store->roster().boundSiteId()) {
    if (bindSite) {
      store->moveToSite(it->second); // refused while records wait for central's receipt
    } else {
      store->roster().site(it->second); // an unknown site says so, with the valid ones
      throw DagverkError(ErrorCode::UnknownSite,
                         "Kiosken hör till " + store->roster().boundSiteId() + ", inte " + it->second +
                             ". Starta kiosken med --site " + it->second + " för att byta verksamhet.",
                         "--site " + it->second + " does not match the bound site " + store->roster().boundSiteId());
    }
  }
  return store;
}

int runSettings(const Args& a, const Clock& clock) {
  // The appearance flags are checked before anything is written, so a typo changes nothing.
  std::map<std::string, std::string> appearance;
  if (auto it = a.values.find("--theme"); it != a.values.end()) {
    if (!parseTheme(it->second)) throw UsageError{"--theme takes standard or high-contrast"};
    appearance[kSettingTheme] = it->second;
  }
  if (auto it = a.values.find("--text-size"); it != a.values.end()) {
    if (!parseTextScale(it->second)) throw UsageError{"--text-size takes 1, 1.25 or 1.5"};
    appearance[kSettingTextSize] = it->second;
  }
  auto store = openStore(a, clock);
  if (!appearance.empty()) store->settings().setValues(appearance);
  if (auto it = a.values.find("--staff-idle-seconds"); it != a.values.end()) {
    int seconds = 0;
    if (std::sscanf(it->second.c_str(), "%d", &seconds) != 1) throw UsageError{"--staff-idle-seconds takes a number"};
    store->settings().setStaffIdleSeconds(seconds);
  }
  if (auto it = a.values.find("--retention-days"); it != a.values.end())
    store::setRetentionDays(*store, it->second);
  if (auto it = a.values.find("--time-zone"); it != a.values.end()) {
    if (!platform::timeZoneExists(it->second))
      throw DagverkError(ErrorCode::BadInput, "Okänd tidszon: " + it->second,
                         "--time-zone: no zone file of that name in " + platform::timeZoneDirectory());
    store->settings().setValue(store::kSettingTimeZone, it->second);
  }
  if (auto it = a.values.find("--home-mode"); it != a.values.end()) {
    if (!parseHomeMode(it->second)) throw UsageError{"--home-mode takes checkin, headcount or both"};
    store->settings().setValue(store::kSettingHomeMode, it->second);
  }
  if (auto it = a.values.find("--share"); it != a.values.end()) {
    if (it->second.empty()) throw UsageError{"--share takes a path"};
    store->settings().setValue(store::kSettingSharePath,
                               std::filesystem::absolute(it->second).lexically_normal().string());
  }
  if (a.values.count("--speech") || a.values.count("--volume") || a.values.count("--speech-rate")) {
    SpeechSettings speech = readSpeechSettings(store->settings());
    if (auto it = a.values.find("--speech"); it != a.values.end()) {
      const auto on = parseSpeechOn(it->second);
      if (!on)
        throw DagverkError(ErrorCode::BadInput, "Talet ska vara on eller off. Inget ändrades.", "--speech takes on or off");
      speech.on = *on;
    }
    if (auto it = a.values.find("--volume"); it != a.values.end()) {
      const auto v = parseSpeechVolume(it->second);
      if (!v)
        throw DagverkError(ErrorCode::BadInput, "Volymen ska vara ett helt tal mellan 0 och 100. Inget ändrades.",
                           "--volume takes a whole number 0-100");
      speech.volume = *v;
    }
    if (auto it = a.values.find("--speech-rate"); it != a.values.end()) {
      const auto r = parseSpeechRate(it->second);
      if (!r)
        throw DagverkError(ErrorCode::BadInput,
                           "Talhastigheten ska vara ett helt antal ord per minut mellan 80 och 260. Inget ändrades.",
                           "--speech-rate takes words per minute, 80-260");
      speech.rate = *r;
    }
    writeSpeechSettings(store->settings(), speech);
  }
  std::printf("staff_idle_seconds\t%d\n", store->settings().staffIdleSeconds());
  std::printf("time_zone\t%s\n", store->settings().value(store::kSettingTimeZone).value_or(kSiteZone).c_str());
  std::printf("share_path\t%s\n", store->settings().value(store::kSettingSharePath).value_or("-").c_str());
  std::printf("home_mode\t%s\n", store->settings().value(store::kSettingHomeMode).value_or("checkin").c_str());
  std::printf("retention_days\t%d\n", store::retentionDays(*store));
  const SpeechSettings speech = readSpeechSettings(store->settings());
  std::printf("speech\t%s\nvolume\t%d\nspeech_rate\t%d\n", speech.on ? "on" : "off", speech.volume, speech.rate);
  std::printf("theme\t%s\n", store->settings().value(kSettingTheme).value_or("standard").c_str());
  std::printf("text_size\t%s\n", store->settings().value(kSettingTextSize).value_or("1").c_str());
  return 0;
}

// --- dagverk sync / keys ---------------------------------------------------

int runSyncCommand(const Args& a, const Clock& clock) {
  auto store = openStore(a, clock);
  std::filesystem::path share;
  if (auto it = a.values.find("--share"); it != a.values.end()) share = it->second;
  else if (auto stored = store->settings().value(store::kSettingSharePath)) share = *stored;
  else throw UsageError{"'sync' needs --share (no share path is stored; see `dagverk settings --share`)"};
  store->checkWholeFile(); // a database too large to check at every open is checked here
  const auto result = sync::runSync(*store, dataDirOf(a), share, clock);
  std::printf("%s\n", result.summary().c_str());
  return result.ok() ? 0 : 1;
}

int runKeys(const Args& a, const Clock& clock) {
  auto store = openStore(a, clock);
  const auto key = sync::loadOrCreateDeviceKey(dataDirOf(a), store->deviceId());
  std::fputs(sync::formatDevicePublicKey(key).c_str(), stdout); // one line, newline included
  if (const auto fp = sync::enrolledFingerprint(*store, dataDirOf(a))) std::printf("fingeravtryck %s\n", fp->c_str());
  return 0;
}

int runEnroll(const Args& a, const Clock& clock) {
  auto store = openStore(a, clock);
  std::filesystem::path share;
  if (auto it = a.values.find("--share"); it != a.values.end()) share = it->second;
  else if (auto stored = store->settings().value(store::kSettingSharePath)) share = *stored;
  else throw UsageError{"'enroll' needs --share (no share path is stored; see `dagverk settings --share`)"};
  const auto code = a.values.find("--code");
  if (code == a.values.end()) throw UsageError{"'enroll' needs --code"};
  const auto r = sync::enrolKiosk(*store, dataDirOf(a), share, code->second, clock);
  std::printf("Kiosken är kopplad till centralen för verksamheten %s.\nFingeravtryck: %s\n"
              "Centralen registrerar kiosken vid nästa import och visar samma fingeravtryck.\n",
              r.siteId.c_str(), r.fingerprint.c_str());
  return 0;
}

int runKiosk(const Args& a, const Clock& clock) {
  const auto dir = dataDirOf(a);
  std::unique_ptr<store::KioskStore> store;
  if (a.flags.count("--demo")) {
    const std::string site = a.values.count("--site") ? a.values.at("--site") : store::kDefaultSiteId;
    store = store::KioskStore::createWithRoster(dir, clock, store::demoRoster(), site);
    platform::logInfo("demo unit seeded into " + dir.string());
  } else {
    store = openStore(a, clock, true);
  }
  platform::WindowOptions w;
  w.software = a.flags.count("--software") != 0;
  w.fullscreen = a.flags.count("--fullscreen") != 0;
  if (auto it = a.values.find("--size"); it != a.values.end()) {
    if (std::sscanf(it->second.c_str(), "%dx%d", &w.width, &w.height) != 2 || w.width < 320 || w.height < 240)
      throw UsageError{"--size takes WIDTHxHEIGHT, e.g. 1280x800"};
  }
  int frames = 0;
  if (auto it = a.values.find("--frames"); it != a.values.end()) frames = std::atoi(it->second.c_str());
  KioskApp app(*store, clock, w, dir);
  platform::logInfo(std::string("kiosk started, site ") + store->roster().boundSiteId() + ", renderer " +
                    (app.window().isSoftware() ? "software" : "accelerated"));
  if (auto it = a.values.find("--screenshot"); it != a.values.end()) {
    app.settle(it->second);
    return 0;
  }
  app.run(frames);
  return 0;
}

int runSheets(const Args& a, const Clock& clock) {
  const std::string& out = required(a, "--out");
  const auto week = a.values.find("--week");
  std::optional<LocalDate> monday; // a bad --week is refused before the store is opened
  if (week != a.values.end()) monday = sheets::parseSheetWeek(week->second);
  auto store = openStore(a, clock);
  if (!monday) {
    const IsoWeek now = isoWeekOf(toStockholm(clock.nowUtc()).date);
    monday = isoWeekMonday(now.year, now.week);
  }
  for (const auto& f : saveReserveSheets(*store, dataDirOf(a), *monday, out)) std::printf("%s\n", f.c_str());
  return 0;
}

// Who is checked in now, as a JSON array of participant ids (no names: an integration that
// needs names has the roster), sorted.
// The same rows as presentNow counts.
std::string presentIdsJson(store::KioskStore& store) {
  store::Statement q(store.database(),
                     "SELECT participant_id FROM presence WHERE site_id = ?1 AND is_staff = 0 ORDER BY participant_id");
  q.bind(1, store.roster().boundSiteId());
  std::string out;
  while (q.step()) out += (out.empty() ? "\"" : ",\"") + jsonEscape(q.text(0)) + "\"";
  return out;
}

int runStatus(const Args& a, const Clock& clock) {
  auto store = openStore(a, clock);
  const auto st = store->status();
  if (a.flags.count("--json")) {
    std::printf("{\"site\":\"%s\",\"siteName\":\"%s\",\"device\":\"%s\",\"participants\":%d,\"presentNow\":%d,"
                "\"events\":%lld,\"lastSeq\":%lld,\"schemaVersion\":%d,\"present\":[%s]}\n",
                jsonEscape(st.siteId).c_str(), jsonEscape(st.siteName).c_str(), st.deviceId.c_str(), st.participants,
                st.presentNow, static_cast<long long>(st.events), static_cast<long long>(st.lastSeq),
                st.schemaVersion, presentIdsJson(*store).c_str());
  } else {
    std::printf("Verksamhet:   %s (%s)\nEnhet:        %s\nDeltagare:    %d\nHär nu:       %d\n"
                "Händelser:    %lld\nSista nummer: %lld\nSchema:       %d\n",
                st.siteName.c_str(), st.siteId.c_str(), st.deviceId.c_str(), st.participants, st.presentNow,
                static_cast<long long>(st.events), static_cast<long long>(st.lastSeq), st.schemaVersion);
  }
  return 0;
}

int runParticipants(const Args& a, const Clock& clock) {
  auto store = openStore(a, clock);
  for (const auto& p : store->roster().participants(store->roster().boundSiteId())) {
    const auto visit = store->presence().visit(p.id);
    std::printf("%s\t%s\t%s\n", p.id.c_str(), p.displayName().c_str(),
                visit ? ("här sedan " + formatHourMinute(toStockholm(visit->since))).c_str() : "-");
  }
  return 0;
}

int runCheck(const Args& a, const Clock& clock, bool in) {
  const std::string pid = required(a, "--participant");
  auto store = openStore(a, clock);
  const Command command = in ? Command{cmd::CheckIn{pid, std::nullopt}} : Command{cmd::CheckOut{pid, std::nullopt}};
  const Event e = store::perform(*store, command).front();
  std::printf("%s %s seq %lld\n", in ? "incheckad" : "utcheckad", pid.c_str(), static_cast<long long>(e.seq));
  return 0;
}

// Pads UTF-8 text with spaces to `width` characters (code points), for the printed columns.
std::string padRight(const std::string& text, size_t width) {
  const size_t n = decodeUtf8(text).size();
  return n >= width ? text : text + std::string(width - n, ' ');
}

int runRollCall(const Args& a, const Clock& clock) {
  auto store = openStore(a, clock);
  const Site site = store->roster().site(store->roster().boundSiteId());
  const UtcMs now = clock.nowUtc();
  const LocalDateTime local = toStockholm(now);
  // Read-only: a visit begun on an earlier day (not yet closed by the kiosk's rollover) is not
  // someone in the building now.
  const UtcMs startOfToday = fromStockholm(local.date, 0, 0);
  const auto rollCall = store::latestRollCall(*store);
  const bool open = rollCall && !rollCall->ended;

  struct Row {
    std::string id, name, role, status;
  };
  std::vector<Row> rows;
  for (const auto& p : store->roster().participants(site.id))
    if (const auto v = store->presence().visit(p.id); v && v->since >= startOfToday)
      rows.push_back({p.id, p.displayName(), "deltagare", "incheckad " + formatHourMinute(toStockholm(v->since))});
  const size_t participantRows = rows.size();
  for (const auto& m : store->roster().staff(site.id))
    if (const auto v = store->staffPresence().visit(m.id); v && v->since >= startOfToday)
      rows.push_back({m.id, m.displayName(), "personal", "incheckad " + formatHourMinute(toStockholm(v->since))});
  const size_t staffRows = rows.size() - participantRows;
  // Someone on the open roll call who has been checked out since must still be on the paper.
  if (open)
    for (const auto& id : rollCall->expectedIds) {
      if (std::any_of(rows.begin(), rows.end(), [&](const Row& r) { return r.id == id; })) continue;
      try {
        rows.push_back({id, store->roster().participant(id).displayName(), "deltagare", "utcheckad"});
      } catch (const DagverkError&) {
        rows.push_back({id, store->roster().staffMember(id).displayName(), "personal", "utcheckad"});
      }
    }

  std::printf("UTRYMNING – %s\n%s kl. %s\n\n", site.name.c_str(), formatSwedishLongDate(local).c_str(),
              formatHourMinute(local).c_str());
  std::printf("Incheckade nu: %zu (%zu deltagare, %zu personal)\n\n", participantRows + staffRows, participantRows,
              staffRows);
  if (rows.empty()) std::printf("  Ingen är incheckad.\n");
  size_t nameWidth = 4;
  for (const auto& r : rows) nameWidth = std::max(nameWidth, decodeUtf8(r.name).size());
  for (const auto& r : rows) {
    std::string line = "  " + padRight(r.name, nameWidth) + "  " + padRight(r.role, 9) + "  " + r.status;
    if (open && rollCall->safeIds.count(r.id)) line += "  [i säkerhet]";
    std::printf("%s\n", line.c_str());
  }
  if (open) {
    std::printf("\nUtrymning pågår sedan %s: %zu av %zu i säkerhet, %d kvar att hitta.\n",
                formatHourMinute(toStockholm(rollCall->startedAt)).c_str(),
                rollCall->expectedIds.size() - static_cast<size_t>(rollCall->remaining()),
                rollCall->expectedIds.size(), rollCall->remaining());
  }
  return 0;
}

int runHashPin() {
  std::string pin;
  if (!std::getline(std::cin, pin))
    throw DagverkError(ErrorCode::BadInput, "Ingen kod på standard in.", "no PIN on stdin");
  if (!pin.empty() && pin.back() == '\r') pin.pop_back();
  std::printf("%s\n", store::hashPin(pin).c_str()); // BadInput for anything but 4-8 digits
  return 0;
}

// Visitors at an open meeting place, counted from the command line (a tally typed afterwards, or a
// counter at the door wired to a script).
int runHeadcount(const Args& a, const Clock& clock) {
  cmd::TallyHeadcount c;
  if (auto it = a.values.find("--count"); it != a.values.end()) {
    const std::string& t = it->second;
    if (t.empty() || t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos)
      throw UsageError{"--count takes a whole number of visitors, e.g. --count 23"};
    c.count = std::stoi(t);
  }
  if (auto it = a.values.find("--activity"); it != a.values.end()) c.activityId = it->second;
  c.confirmedLarge = a.flags.count("--yes") != 0;
  if (c.count > kHeadcountConfirmAbove && !c.confirmedLarge)
    throw DagverkError(ErrorCode::BadInput,
                       "Fler än " + std::to_string(kHeadcountConfirmAbove) +
                           " besökare i en post: kontrollera antalet och lägg till --yes om det är rätt.",
                       "large headcount not confirmed (no --yes)");
  auto store = openStore(a, clock);
  const auto events = store::perform(*store, Command{c});
  if (events.empty()) {
    std::printf("inte räknat: samma tryck två gånger inom en sekund\n");
    return 0;
  }
  std::printf("räknat %d besökare seq %lld\n", c.count, static_cast<long long>(events.front().seq));
  return 0;
}

// --- dagverk complaints: the tertial table of the city's template ------------------------------

LocalDate requiredDate(const Args& a, const std::string& option) {
  const std::string& text = required(a, option);
  const auto d = parseIsoDate(text);
  if (!d) throw UsageError{option + " takes a date YYYY-MM-DD (ogiltigt datum: '" + text + "')"};
  return *d;
}

struct TableRow {
  std::string section, row;
  int count = 0;
};

// The table in the template's order, with its Swedish wording.
std::vector<TableRow> complaintRows(const ComplaintTable& t) {
  std::vector<TableRow> rows;
  const auto add = [&](const char* section, const std::vector<Category>& list, const std::map<std::string, int>& n) {
    for (const auto& c : list) {
      const auto it = n.find(c.code);
      rows.push_back({section, c.label, it == n.end() ? 0 : it->second});
    }
  };
  add("Från vem har klagomål eller synpunkt inkommit?", complaintSources(), t.bySource);
  add("Vad gällde klagomålet eller synpunkten?", complaintConcerns(), t.byConcerns);
  rows.push_back({"Klagomål och synpunkter", "Totalt (klagomål, synpunkter och förslag/idéer)", t.total});
  rows.push_back({"Återkoppling", "Antal där återkoppling lämnats", t.feedbackGiven});
  rows.push_back({"Åtgärder", "Antal där åtgärder vidtagits", t.actionsTaken});
  rows.push_back({"Beröm", "Antal beröm", t.praise});
  add("Avvikelser: vem identifierade avvikelsen?", deviationIdentifiedBy(), t.deviationsByIdentifiedBy);
  add("Avvikelser: vad gällde avvikelsen?", deviationConcerns(), t.deviationsByConcerns);
  add("Avvikelser: vem gäller avvikelsen?", deviationConcernsWhom(), t.deviationsByWhom);
  rows.push_back({"Avvikelser", "Totalt", t.deviations});
  rows.push_back({"Lex Sarah", "Antal Lex Sarah", t.lexSarah});
  rows.push_back({"Öppna ärenden", "Klagomål och synpunkter utan återkoppling efter " +
                                       std::to_string(kFeedbackDueWorkingDays) + " arbetsdagar",
                  t.openOverdue});
  return rows;
}

int runComplaints(const Args& a, const Clock& clock) {
  const LocalDate from = requiredDate(a, "--from");
  const LocalDate to = requiredDate(a, "--to");
  if (to < from) throw UsageError{"--to (" + formatIsoDate(to) + ") is before --from (" + formatIsoDate(from) + ")"};
  auto store = openStore(a, clock);
  const Site site = store->roster().site(store->roster().boundSiteId());
  const auto rows = complaintRows(store::complaintTable(*store, from, to));
  const std::string period = formatIsoDate(from) + " – " + formatIsoDate(to);
  if (a.flags.count("--csv")) {
    // RFC 4180 (CRLF, quoted where needed), UTF-8 with a BOM so spreadsheets read å ä ö; every
    // cell escaped against formulas.
    std::string out = "\xEF\xBB\xBF";
    const auto line = [&](const std::string& x, const std::string& y, const std::string& z) {
      out += csvCell(spreadsheetSafe(x)) + "," + csvCell(spreadsheetSafe(y)) + "," + csvCell(spreadsheetSafe(z)) +
             "\r\n";
    };
    line("section", "row", "antal");
    line("Verksamhet", site.name, "");
    line("Period", period, "");
    for (const auto& r : rows) line(r.section, r.row, std::to_string(r.count));
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  std::printf("KLAGOMÅL, SYNPUNKTER OCH AVVIKELSER – %s\nPeriod: %s\n", site.name.c_str(), period.c_str());
  size_t width = 0;
  for (const auto& r : rows) width = std::max(width, decodeUtf8(r.row).size());
  std::string section;
  for (const auto& r : rows) {
    if (r.section != section) {
      section = r.section;
      std::printf("\n%s\n", section.c_str());
    }
    std::printf("  %s  %5d\n", padRight(r.row, width).c_str(), r.count);
  }
  return 0;
}

} // namespace

int runCli(const std::vector<std::string>& argv) {
  std::string error;
  auto args = parse(argv, error);
  if (!args) {
    std::fprintf(stderr, "dagverk: %s\n\n%s", error.c_str(), kUsage);
    return 2;
  }
  if (args->flags.count("--help")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (args->flags.count("--version")) {
    std::printf("dagverk %s\n", kVersionText);
    return 0;
  }
  platform::SystemClock clock;
  try {
    const std::string& c = args->command;
    if (c.empty()) return runKiosk(*args, clock);
    if (c == "status") return runStatus(*args, clock);
    if (c == "participants") return runParticipants(*args, clock);
    if (c == "checkin") return runCheck(*args, clock, true);
    if (c == "checkout") return runCheck(*args, clock, false);
    if (c == "rollcall") return runRollCall(*args, clock);
    if (c == "hash-pin") return runHashPin();
    if (c == "complaints") return runComplaints(*args, clock);
    if (c == "settings") return runSettings(*args, clock);
    if (c == "sync") return runSyncCommand(*args, clock);
    if (c == "keys") return runKeys(*args, clock);
    if (c == "enroll") return runEnroll(*args, clock);
    if (c == "headcount") return runHeadcount(*args, clock);
    if (c == "late") {
      std::string bad;
      const auto late = parseLateOptions(args->values, bad);
      if (!late) throw UsageError{bad};
      return runLate(*late, *openStore(*args, clock));
    }
    if (c == "sheets") return runSheets(*args, clock);
    std::fprintf(stderr, "dagverk: unknown command '%s'\n\n%s", c.c_str(), kUsage);
    return 2;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "dagverk: %s\n\n%s", e.message.c_str(), kUsage);
    return 2;
  } catch (const DagverkError& e) {
    // People by id only: a badge reader's log keeps this stream.
    std::fprintf(stderr, "dagverk: %s\n", e.swedishWithIds().c_str());
    platform::logError(e.english());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dagverk: oväntat fel.\n");
    platform::logError(e.what());
    return 1;
  }
}

} // namespace dagverk::kiosk
