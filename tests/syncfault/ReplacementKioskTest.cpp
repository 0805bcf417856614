// A replacement kiosk, end to end with the real programs: kiosk A at Liljan records Monday to
// Wednesday of a week, syncs on Wednesday evening, records Thursday, and is destroyed on Friday
// (its data directory deleted: Thursday, never synced, is lost). The admin revokes A, enrols
// kiosk B for the site with a new one-time code and publishes the roster; B's first sync brings
// the site's roster and staff; Thursday and Friday are entered on B afterwards from the
// paper sheets (`dagverk late`); central imports. The week's report counts every day as the
// hand count below says, says which days were registered afterwards, and shows A's last day.
// `dagverk late` runs with its clock on the Monday after the week (libfaketime), so the days
// stay within the 30 days a sheet may be entered whatever the real date.
#include "SyncFaultSupport.hpp"

#include "core/Feedback.hpp"

using namespace dagverk;
using namespace dagverk::test;

namespace {

const char* const kFaketimeLib = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

// The week 2026-W47: Monday 16 to Friday 20 November 2026.
LocalDate day(int isoWeekday) { return LocalDate{2026, 11, 15 + isoWeekday}; }

// The hand count: who came each day (kiosk or paper).
const std::vector<std::string> kMonday = {"P0001", "P0002", "P0003", "P0004", "P0005",
                                          "P0006", "P0007", "P0008", "P0009", "P0010"}; // 10
const std::vector<std::string> kTuesday = {"P0003", "P0004", "P0005", "P0006",
                                           "P0007", "P0008", "P0009", "P0010"}; // 8
const std::vector<std::string> kWednesday = {"P0001", "P0002", "P0003", "P0004", "P0005", "P0006",
                                             "P0007", "P0008", "P0009", "P0010", "P0011", "P0012"}; // 12
const std::vector<std::string> kThursday = {"P0002", "P0003", "P0004", "P0005", "P0006",
                                            "P0007", "P0008", "P0009", "P0010"}; // 9, lost with A
const std::vector<std::string> kFriday = {"P0001", "P0002", "P0003", "P0004", "P0005", "P0006",
                                          "P0007", "P0008", "P0009", "P0010", "P0999"}; // 11, paper only

// Runs a program with its clock at `t` (UTC ms) through libfaketime.
Env clockAt(UtcMs t) {
  const long long wall = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  const long long s = (t - wall) / 1000;
  Env e = preloadEnv(kFaketimeLib);
  e["FAKETIME"] = (s < 0 ? "-" : "+") + std::to_string(s < 0 ? -s : s);
  e["FAKETIME_DONT_FAKE_MONOTONIC"] = "1";
  e["FAKETIME_NO_CACHE"] = "1";
  return e;
}

// A day at the kiosk, in-process with a manual clock: everyone in at 09:00, out at 15:00.
void recordDay(const Kiosk& k, LocalDate d, const std::vector<std::string>& who) {
  ManualClock clock(fromStockholm(d, 9, 0));
  auto s = store::KioskStore::open(k.data, clock);
  for (const auto& p : who) REQUIRE_NOTHROW(store::perform(*s, Command{cmd::CheckIn{p, std::nullopt}}));
  clock.set(fromStockholm(d, 15, 0));
  for (const auto& p : who) REQUIRE_NOTHROW(store::perform(*s, Command{cmd::CheckOut{p, std::nullopt}}));
}

// The demo unit's CSV with one more line (a participant or a staff member only central has).
fs::path withLine(const World& w, const std::string& name, const std::string& line) {
  const fs::path out = w.dir(name);
  std::string text = readBytes(fs::path(DAGVERK_SOURCE_DIR) / "data/demo" / name);
  if (!text.empty() && text.back() != '\n') text += '\n';
  writeBytes(out, text + line + "\n");
  return out;
}

} // namespace

TEST_CASE("Replacement kiosk: A lost on Friday, B enrolled and given the roster, Thursday and Friday from paper") {
  REQUIRE(fs::exists(kFaketimeLib));
  World w("replace");
  w.init();
  const Kiosk a = w.addKiosk("liljan");
  recordDay(a, day(1), kMonday);
  recordDay(a, day(2), kTuesday);
  recordDay(a, day(3), kWednesday);
  {
    const Proc synced = w.sync(a);
    INFO(synced.describe());
    REQUIRE(synced.code == 0);
    // Central's service imports it that night, before anyone knows A will be lost.
    const Proc imported = w.import();
    INFO(imported.describe());
    REQUIRE(imported.code == 0);
  }
  recordDay(a, day(4), kThursday);
  // Friday morning: the tablet is gone, and with it Thursday, which was never synced.
  fs::remove_all(a.data);
  REQUIRE_FALSE(fs::exists(a.data));

  // The admin revokes A and enrols B for Liljan with a new one-time code.
  {
    const Proc revoked = w.centralCli({"revoke", "--keys", w.keys.string(), "--device", a.deviceId, "--share",
                                       w.share.string()});
    INFO(revoked.describe());
    REQUIRE(revoked.code == 0);
  }
  const Kiosk b = w.addKiosk("liljan");
  REQUIRE(b.deviceId != a.deviceId);
  // Central publishes the unit's roster once B is enrolled (a bundle is sealed to the kiosks
  // enrolled when it is published), with a participant (Nova K., P0999) and a staff member
  // (Tova S., S099) that no kiosk was seeded with: B can only know them from its first sync.
  const std::string staffLine =
      "S099,liljan,Tova,S,staff,\"$argon2id$v=19$m=65536,t=2,p=1$9kGc2MVQEEpDmYGn+CT4OQ$Jnsw4eMbuITpIB9Kk9XBkuwByvtQO9o13Yd4YwNFABQ\"";
  const Proc published = w.centralCli(
      {"publish", "--share", w.share.string(), "--keys", w.keys.string(), "--roster",
       withLine(w, "participants.csv", "P0999,liljan,Nova,K,12345,").string(), "--activities",
       (fs::path(DAGVERK_SOURCE_DIR) / "data/demo/activities.csv").string(), "--staff",
       withLine(w, "staff.csv", staffLine).string(), "--sites",
       (fs::path(DAGVERK_SOURCE_DIR) / "data/demo/sites.csv").string()});
  INFO(published.describe());
  REQUIRE(published.code == 0);

  {
    const Proc first = w.sync(b);
    INFO(first.describe());
    REQUIRE(first.code == 0);
    RawDb raw(b.data / store::kDatabaseFileName, SQLITE_OPEN_READONLY);
    CHECK(raw.integer("SELECT count(*) FROM participant WHERE id = 'P0999' AND site_id = 'liljan'") == 1);
    CHECK(raw.integer("SELECT count(*) FROM staff WHERE id = 'S099'") == 1);
  }

  // The next Monday, Tova enters Thursday's and Friday's sheets on B.
  const Env monday = clockAt(fromStockholm(LocalDate{2026, 11, 23}, 10, 0));
  const auto late = [&](LocalDate d, const std::string& p, const std::vector<std::string>& times) {
    std::vector<std::string> args = {"late", "--data-dir", b.data.string(), "--date", formatIsoDate(d),
                                     "--participant", p, "--staff", "S099"};
    args.insert(args.end(), times.begin(), times.end());
    const Proc r = w.kioskCli(args, monday);
    INFO(r.describe());
    CHECK(r.code == 0);
  };
  for (const auto& p : kThursday) late(day(4), p, {"--in", "09:00", "--out", "15:00"});
  for (const auto& p : kFriday) late(day(5), p, p == "P0999" ? std::vector<std::string>{"--in", "09:30"}
                                                             : std::vector<std::string>{"--in", "09:00", "--out", "15:00"});
  // A second entry of a Friday line is refused: merged, never doubled.
  {
    const Proc again = w.kioskCli({"late", "--data-dir", b.data.string(), "--date", formatIsoDate(day(5)),
                                   "--participant", "P0001", "--in", "09:00", "--staff", "S099"},
                                  monday);
    CHECK(again.code == 1);
    CHECK(contains(again.err, "redan registrerad den dagen"));
  }
  {
    const Proc synced = w.sync(b);
    INFO(synced.describe());
    REQUIRE(synced.code == 0);
    const Proc imported = w.import();
    INFO(imported.describe());
    REQUIRE(imported.code == 0);
  }
  CHECK(w.centralCount("SELECT count(*) FROM event WHERE kind = 'LateVisitRegistered'") == 20);

  // The week's report for Liljan: every day as the hand count says.
  const fs::path html = w.dir("report.html");
  {
    const Proc r = w.centralCli({"report", "--db", w.db.string(), "--period", "2026-W47", "--site", "liljan",
                                 "--format", "html", "--out", html.string()});
    INFO(r.describe());
    REQUIRE(r.code == 0);
  }
  const std::string page = readBytes(html);
  // Attendance days 10 + 8 + 12 + 9 + 11 = 50, and per weekday (one open day each).
  CHECK(contains(page, "data-fig=\"attendance_days\" data-site=\"liljan\" data-key=\"\" data-value=\"50\""));
  const std::array<int, 5> perDay{10, 8, 12, 9, 11};
  for (size_t i = 0; i < perDay.size(); ++i)
    CHECK(contains(page, "data-fig=\"weekday_days\" data-site=\"liljan\" data-key=\"" + std::to_string(i + 1) +
                             "\" data-value=\"" + std::to_string(perDay[i]) + "\""));
  // Which days were registered afterwards, and how many visits.
  CHECK(contains(page, "data-fig=\"late_visits\" data-site=\"liljan\" data-key=\"\" data-value=\"20\""));
  CHECK(contains(page, "2026-11-19 (9), 2026-11-20 (11)"));
  // Both kiosks are listed; A's data ends on Wednesday, the last day it synced.
  CHECK(contains(page, a.deviceId));
  CHECK(contains(page, b.deviceId));
  CHECK(contains(page, "2026-11-18"));
  // dagverk-central status says it too.
  const Proc status = w.status(false);
  INFO(status.describe());
  CHECK(contains(status.out, "liljan: 20 besök (2026-11-19: 9, 2026-11-20: 11)"));
}
