// The reserve sheets: `dagverk sheets` from a kiosk's data directory and `dagverk-central
// sheets` from central's roster history, checked for who is on them, escaping, pictures and file
// modes, and rendered to A4 PNG pages by headless Chromium.
#include "CentralTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"

#include <stb/stb_image_write.h>
#include <sys/stat.h>

using namespace dagverk;
using namespace dagverk::test;

namespace {

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

unsigned modeOf(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777u;
}

// A kiosk data directory of the demo unit at liljan where one participant has a photo and one
// a name with markup in it.
struct KioskSheets {
  TempDir tmp{"sheets"};
  fs::path data = tmp / "data";
  RosterFiles roster = store::demoRoster();
  std::string withPhoto, markupName;

  KioskSheets() {
    for (auto& p : roster.participants) {
      if (p.siteId != "liljan") continue;
      if (withPhoto.empty()) {
        withPhoto = p.id;
        p.photoFile = "bild.png";
      } else if (markupName.empty()) {
        markupName = p.id;
        p.firstName = "<script>Åsa&\"";
      }
    }
    ManualClock clock(mondayAt(8));
    store::KioskStore::createWithRoster(data, clock, roster, "liljan").reset();
    fs::create_directories(data / "photos");
    std::vector<unsigned char> rgb(64 * 64 * 3);
    for (int y = 0; y < 64; ++y)
      for (int x = 0; x < 64; ++x) {
        unsigned char* px = &rgb[static_cast<size_t>((y * 64 + x) * 3)];
        px[0] = static_cast<unsigned char>(200 - x);
        px[1] = static_cast<unsigned char>(150 + y);
        px[2] = 120;
      }
    REQUIRE(stbi_write_png((data / "photos" / "bild.png").c_str(), 64, 64, 3, rgb.data(), 64 * 3) != 0);
  }
  CliRun sheets(const std::string& week, const fs::path& out) {
    return runProgram(tmp.path(), DAGVERK_BIN,
                      "sheets --data-dir " + shellQuoted(data.string()) + " --week " + shellQuoted(week) + " --out " +
                          shellQuoted(out.string()));
  }
};

// The roster of central with two versions: `left` ends on Sunday 1 March 2026 (week 9).
struct CentralSheets {
  TempDir tmp{"sheets-central"};
  fs::path db = tmp / "central.sqlite";
  std::string left;
  CentralSheets() {
    auto store = central::CentralStore::open(db);
    RosterFiles first = store::demoRoster();
    store->storeRoster(first, 1, LocalDate{2026, 1, 5});
    RosterFiles second = first;
    for (auto& p : second.participants)
      if (p.siteId == "liljan") {
        left = p.id;
        p.active = false;
        break;
      }
    store->storeRoster(second, 2, LocalDate{2026, 3, 2});
  }
  CliRun sheets(const std::string& site, const std::string& week, const fs::path& out) {
    return centralCli(tmp, {"sheets", "--db", db.string(), "--site", site, "--week", week, "--out", out.string()});
  }
};

bool haveChromium() { return fs::exists("/usr/bin/chromium") && std::system("command -v pdftoppm >/dev/null") == 0; }

// scripts/render-report.sh: Chromium prints to PDF with the print stylesheet, pdftoppm makes PNGs.
std::vector<fs::path> render(const fs::path& html, const std::string& prefix) {
  const fs::path dir = DAGVERK_SCREENSHOT_DIR;
  fs::create_directories(dir);
  const std::string cmd = shellQuoted(std::string(DAGVERK_SOURCE_DIR) + "/scripts/render-report.sh") + " " +
                          shellQuoted(html.string()) + " " + shellQuoted((dir / prefix).string()) + " 60 >/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::vector<fs::path> pages;
  for (int i = 1; fs::exists(dir / (prefix + "-" + std::to_string(i) + ".png")); ++i)
    pages.push_back(dir / (prefix + "-" + std::to_string(i) + ".png"));
  return pages;
}

// Width and height from a PNG's IHDR.
std::pair<unsigned, unsigned> pngSize(const fs::path& png) {
  const std::string b = readBytes(png);
  REQUIRE(b.size() > 24);
  const auto be = [&](size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(b[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(b[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(b[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(b[at + 3]));
  };
  return {be(16), be(20)};
}

} // namespace

TEST_CASE("Reserve sheets from the kiosk: everyone of the site, pictures embedded, names escaped, files 0600") {
  KioskSheets k;
  const fs::path out = k.tmp / "usb";
  const auto run = k.sheets("2026-W10", out);
  REQUIRE(run.code == 0);
  const fs::path attendance = out / "narvarolista-liljan-2026-W10.html", rollCall = out / "upprop-liljan-2026-W10.html";
  REQUIRE(fs::exists(attendance));
  REQUIRE(fs::exists(rollCall));
  CHECK(modeOf(attendance) == 0600);
  CHECK(modeOf(rollCall) == 0600);
  CHECK(modeOf(out) == 0700);
  const std::string a = readBytes(attendance), r = readBytes(rollCall);
  CHECK(contains(a, "vecka 10 2026 (2–6 mars 2026)") == false); // the week runs Monday to Sunday
  CHECK(contains(a, "vecka 10 2026 (2–8 mars 2026)"));
  int onSite = 0;
  std::set<std::string> here;
  for (const auto& p : k.roster.participants)
    if (p.siteId == "liljan") {
      INFO(p.id);
      ++onSite;
      here.insert(p.displayName());
      CHECK(contains(a, esc(p.displayName())));
      CHECK(contains(r, esc(p.displayName())));
    }
  for (const auto& p : k.roster.participants)
    if (p.siteId != "liljan" && !here.count(p.displayName())) {
      INFO(p.id);
      CHECK_FALSE(contains(a, esc(p.displayName()) + "</td>"));
    }
  CHECK(onSite > 20);
  int staffOnSite = 0;
  for (const auto& s : k.roster.staff)
    if (std::find(s.siteIds.begin(), s.siteIds.end(), "liljan") != s.siteIds.end()) {
      ++staffOnSite;
      CHECK(contains(r, esc(s.displayName())));
    }
  CHECK(staffOnSite > 0);
  // Names are data: the markup is shown as text, never run.
  CHECK(contains(a, "&lt;script&gt;Åsa&amp;&quot;"));
  CHECK_FALSE(contains(a, "<script>"));
  CHECK_FALSE(contains(r, "<script>"));
  // The photo is inside the file (a sheet printed from a USB stick has no data directory).
  CHECK(contains(a, "src=\"data:image/png;base64,iVBORw0KGgo"));
  CHECK(contains(r, "src=\"data:image/png;base64,iVBORw0KGgo"));
  // Weekday-only site: no Saturday or Sunday columns.
  CHECK(contains(a, "Fre 6/3"));
  CHECK_FALSE(contains(a, "Lör 7/3"));

  SECTION("printing the same week again replaces the files") {
    REQUIRE(k.sheets("2026-W10", out).code == 0);
    CHECK(listDir(out).size() == 2);
  }
  SECTION("a bad week says so in Swedish and writes nothing") {
    for (const std::string bad : {"2026-10", "2026-W54", "vecka 10", ""}) {
      INFO(bad);
      const fs::path none = k.tmp / "none";
      const auto refused = k.sheets(bad, none);
      CHECK(refused.code == 1);
      CHECK(contains(refused.err, "Veckan \"" + bad + "\" går inte att läsa. Skriv år och veckonummer, till exempel 2026-W10."));
      CHECK_FALSE(fs::exists(none));
    }
  }
}

TEST_CASE("Reserve sheets from central: the roster valid that week, the site's staff, clear errors") {
  CentralSheets c;
  REQUIRE_FALSE(c.left.empty());
  const RosterFiles roster = store::demoRoster();
  std::string leftName;
  for (const auto& p : roster.participants)
    if (p.id == c.left) leftName = p.displayName();

  const fs::path week10 = c.tmp / "v10.html", week9 = c.tmp / "v9.html";
  REQUIRE(c.sheets("liljan", "2026-W10", week10).code == 0);
  REQUIRE(c.sheets("liljan", "2026-W09", week9).code == 0);
  CHECK(modeOf(week10) == 0600);
  const std::string w10 = readBytes(week10), w9 = readBytes(week9);
  // Both sheets in one file.
  CHECK(contains(w10, "Närvarolista – Liljans dagliga verksamhet, vecka 10 2026"));
  CHECK(contains(w10, "Upprop – Liljans dagliga verksamhet, vecka 10 2026"));
  for (const auto& p : roster.participants) {
    if (p.siteId != "liljan" || p.id == c.left) continue;
    INFO(p.id);
    CHECK(contains(w10, esc(p.displayName())));
  }
  // Ended on the Sunday of week 9: on that week's sheet, not on week 10's.
  CHECK_FALSE(contains(w10, esc(leftName) + "</td>"));
  CHECK(contains(w9, esc(leftName) + "</td>"));
  for (const auto& s : roster.staff)
    if (std::find(s.siteIds.begin(), s.siteIds.end(), "liljan") != s.siteIds.end()) CHECK(contains(w10, esc(s.displayName())));
  // Central holds no photos: initials tiles.
  CHECK_FALSE(contains(w10, "data:image/png"));

  const auto badWeek = c.sheets("liljan", "2026-W99", c.tmp / "x.html");
  CHECK(badWeek.code == 1);
  CHECK(contains(badWeek.err, "Veckan \"2026-W99\" går inte att läsa"));
  const auto badSite = c.sheets("atlantis", "2026-W10", c.tmp / "x.html");
  CHECK(badSite.code == 1);
  CHECK(contains(badSite.err, "Okänd verksamhet \"atlantis\""));
  CHECK_FALSE(fs::exists(c.tmp / "x.html"));
  CHECK(centralCli(c.tmp, {"sheets", "--db", c.db.string(), "--site", "liljan"}).code == 2);
}

TEST_CASE("Reserve sheets render in headless Chromium to A4 pages") {
  if (!haveChromium()) {
    WARN("chromium or pdftoppm is not installed: the sheets are not rendered");
    return;
  }
  KioskSheets k;
  const fs::path out = k.tmp / "usb";
  REQUIRE(k.sheets("2026-W10", out).code == 0);
  const auto attendance = render(out / "narvarolista-liljan-2026-W10.html", "sheet-attendance");
  const auto rollCall = render(out / "upprop-liljan-2026-W10.html", "sheet-rollcall");
  REQUIRE_FALSE(attendance.empty());
  REQUIRE_FALSE(rollCall.empty());
  // A4 landscape for the attendance sheet (ten boxes a day need the width), portrait for the
  // roll call: 297 x 210 mm.
  const auto [aw, ah] = pngSize(attendance.front());
  const auto [rw, rh] = pngSize(rollCall.front());
  CHECK(std::abs(static_cast<double>(aw) / ah - 297.0 / 210.0) < 0.02);
  CHECK(std::abs(static_cast<double>(rh) / rw - 297.0 / 210.0) < 0.02);
  // 35 participants at 13 mm a row: more than one page each, and not one page per person.
  CHECK(attendance.size() >= 2);
  CHECK(attendance.size() <= 5);
  CHECK(rollCall.size() >= 2);
  CHECK(rollCall.size() <= 5);

  CentralSheets c;
  const fs::path both = c.tmp / "v10.html";
  REQUIRE(c.sheets("liljan", "2026-W10", both).code == 0);
  CHECK(render(both, "sheet-central").size() >= 4);
}
