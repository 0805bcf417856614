// Bad input to `dagverk-central report`, through the real program: each case gets a clear
// message (Swedish, then English), the right exit code, and never a half-written file.
#include "ReportFixture.hpp"

#include "store/Database.hpp"
#include "store/KioskStore.hpp"

#include <cstdlib>
#include <sys/wait.h>

using namespace dagverk;
using namespace dagverk::test;

#ifndef DAGVERK_CENTRAL_BIN
#error "report_tests needs the dagverk-central program (DAGVERK_CENTRAL_BIN)"
#endif

namespace {

struct Run {
  int status = -1;
  std::string out, err;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

Run runCentral(const TempDir& dir, const std::vector<std::string>& args) {
  std::string cmd = quote(DAGVERK_CENTRAL_BIN) + " report";
  for (const auto& a : args) cmd += " " + quote(a);
  cmd += " >" + quote((dir / "stdout.txt").string()) + " 2>" + quote((dir / "stderr.txt").string());
  const int rc = std::system(cmd.c_str());
  Run r;
  REQUIRE(WIFEXITED(rc));
  r.status = WEXITSTATUS(rc);
  r.out = readBytes(dir / "stdout.txt");
  r.err = readBytes(dir / "stderr.txt");
  return r;
}

struct Fixture {
  TempDir dir{"report-errors"};
  fs::path db;
  Fixture() {
    db = dir / "central.sqlite";
    buildWeekFixture(dir.path(), db);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

// No report file and no temp file next to where it would have gone.
void nothingWritten(const fs::path& out) {
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(out.string() + ".tmp"));
}

} // namespace

TEST_CASE("report cli: a good run writes the file and says where") {
  TempDir t("report-cli");
  const auto r = runCentral(t, {"--db", fixture().db.string(), "--period", "2025-W07", "--format", "html", "--out",
                             (t / "r.html").string()});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "Rapporten är skriven"));
  CHECK(fs::file_size(t / "r.html") > 1000);
  const auto x = runCentral(t, {"--db=" + fixture().db.string(), "--period=2025-02", "--format=xlsx",
                             "--out=" + (t / "r.xlsx").string()});
  CHECK(x.status == 0);
  CHECK(readBytes(t / "r.xlsx").rfind("PK", 0) == 0); // a zip container
  const auto h = runCentral(t, {"--help"});
  CHECK(h.status == 0);
  CHECK(contains(h.out, "--period"));
}

TEST_CASE("report cli: usage errors exit 2 with the usage") {
  TempDir t("report-usage");
  const std::string db = fixture().db.string(), out = (t / "r.html").string();
  const std::vector<std::vector<std::string>> cases{
      {"--period", "2025", "--format", "html", "--out", out},                         // no --db
      {"--db", db, "--format", "html", "--out", out},                                 // no --period
      {"--db", db, "--period", "2025", "--out", out},                                 // no --format
      {"--db", db, "--period", "2025", "--format", "html"},                           // no --out
      {"--db", db, "--period", "2025", "--format", "pdf", "--out", out},              // unknown format
      {"--db", db, "--period", "2025", "--format", "html", "--out", out, "--sight", "x"}, // unknown option
      {"--db", db, "--period", "2025", "--period", "2024", "--format", "html", "--out", out}, // twice
      {"--db", db, "--period", "2025", "--format", "html", "--out"},                  // no value
  };
  for (const auto& args : cases) {
    const auto r = runCentral(t, args);
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "Användning / usage"));
    nothingWritten(out);
  }
}

TEST_CASE("report cli: an unknown period or site is refused in Swedish, then English, exit 1") {
  TempDir t("report-unknown");
  const std::string db = fixture().db.string(), out = (t / "r.html").string();
  auto r = runCentral(t, {"--db", db, "--period", "2025-T4", "--format", "html", "--out", out});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "Perioden '2025-T4' känns inte igen"));
  CHECK(contains(r.err, "unknown period"));
  CHECK(r.err.find("känns inte igen") < r.err.find("unknown period"));
  nothingWritten(out);
  r = runCentral(t, {"--db", db, "--period", "2025", "--site", "narnia", "--format", "html", "--out", out});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "Verksamheten 'narnia' finns inte"));
  CHECK(contains(r.err, "liljan, ornsberg"));
  CHECK(contains(r.err, "unknown site"));
  nothingWritten(out);
}

TEST_CASE("report cli: a period without records says so in words, with no chart or table, exit 1") {
  TempDir t("report-nodata");
  const std::string db = fixture().db.string();
  for (const char* format : {"html", "xlsx", "csv"}) {
    INFO(format);
    const fs::path out = t / (std::string("r-") + format);
    const auto r = runCentral(t, {"--db", db, "--period", "2025-T3", "--format", format, "--out", out.string()});
    CHECK(r.status == 1);
    CHECK(contains(r.err, "Det finns inga registreringar för perioden 2025-T3"));
    CHECK(contains(r.err, "no records in the period"));
    REQUIRE(fs::exists(out));
  }
  const std::string html = readBytes(t / "r-html");
  CHECK(contains(html, "Det finns inga registreringar för T3 2025"));
  CHECK_FALSE(contains(html, "<svg"));
  CHECK_FALSE(contains(html, "data-fig"));
  CHECK(listDir(t / "r-csv") == std::set<std::string>{"0-om-rapporten.csv"});
  // One site without records in a period where the other has some.
  const auto r = runCentral(t, {"--db", db, "--period", "2025-02-17..2025-02-17", "--site", "ornsberg", "--format",
                             "html", "--out", (t / "o.html").string()});
  CHECK(r.status == 1);
  CHECK(contains(readBytes(t / "o.html"), "Det finns inga registreringar"));
}

TEST_CASE("report cli: an output that cannot be written leaves nothing behind") {
  TempDir t("report-unwritable");
  const std::string db = fixture().db.string();
  // A folder that does not exist.
  auto r = runCentral(t, {"--db", db, "--period", "2025-W07", "--format", "html", "--out", (t / "nope" / "r.html").string()});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "Rapporten kunde inte skrivas till"));
  CHECK(contains(r.err, "report output not written"));
  CHECK_FALSE(fs::exists(t / "nope"));
  // A file in the way of the folder.
  writeBytes(t / "plain.txt", "x");
  r = runCentral(t, {"--db", db, "--period", "2025-W07", "--format", "xlsx", "--out", (t / "plain.txt" / "r.xlsx").string()});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "Rapporten kunde inte skrivas till"));
  // --out names a folder for HTML, or a file for CSV.
  fs::create_directories(t / "dir.html");
  r = runCentral(t, {"--db", db, "--period", "2025-W07", "--format", "html", "--out", (t / "dir.html").string()});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "är en mapp"));
  CHECK(fs::is_empty(t / "dir.html"));
  r = runCentral(t, {"--db", db, "--period", "2025-W07", "--format", "csv", "--out", (t / "plain.txt").string()});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "ska vara en mapp"));
  CHECK(readBytes(t / "plain.txt") == "x");
  // A CSV folder inside a file cannot be created: no files at all.
  r = runCentral(t, {"--db", db, "--period", "2025-W07", "--format", "csv", "--out", (t / "plain.txt" / "csv").string()});
  CHECK(r.status == 1);
  CHECK(readBytes(t / "plain.txt") == "x");
  // An existing report is replaced whole, never truncated: a failing run keeps the old one.
  writeBytes(t / "old.html", "old report");
  fs::create_directories(t / "old.html.tmp"); // the temp name is blocked by a folder
  r = runCentral(t, {"--db", db, "--period", "2025-W07", "--format", "html", "--out", (t / "old.html").string()});
  CHECK(r.status == 1);
  CHECK(readBytes(t / "old.html") == "old report");
}

TEST_CASE("report cli: a database that is missing, not central, from a newer schema or not SQLite is refused") {
  TempDir t("report-db");
  const std::string out = (t / "r.html").string();
  auto r = runCentral(t, {"--db", (t / "missing.sqlite").string(), "--period", "2025", "--format", "html", "--out", out});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "finns inte"));
  CHECK_FALSE(fs::exists(t / "missing.sqlite"));
  nothingWritten(out);

  // A kiosk's database.
  ManualClock clock(fromStockholm({2025, 2, 10}, 9, 0));
  store::KioskStore::createWithRoster(t / "kiosk", clock, fixtureRoster(), "liljan");
  const fs::path kioskDb = t / "kiosk" / store::kDatabaseFileName;
  const std::string before = readBytes(kioskDb);
  r = runCentral(t, {"--db", kioskDb.string(), "--period", "2025", "--format", "html", "--out", out});
  CHECK(r.status == 1);
  INFO(r.err);
  CHECK_FALSE(r.err.empty());
  CHECK(readBytes(kioskDb) == before);
  nothingWritten(out);

  // A central database from a newer schema.
  const fs::path newer = t / "newer.sqlite";
  fs::copy_file(fixture().db, newer);
  {
    RawDb raw(newer);
    REQUIRE(raw.exec("PRAGMA user_version = 99") == SQLITE_OK);
  }
  r = runCentral(t, {"--db", newer.string(), "--period", "2025", "--format", "html", "--out", out});
  CHECK(r.status == 1);
  CHECK(contains(r.err, "nyare version"));
  nothingWritten(out);

  // Not a database at all.
  writeBytes(t / "text.sqlite", std::string(4096, 'x'));
  r = runCentral(t, {"--db", (t / "text.sqlite").string(), "--period", "2025", "--format", "html", "--out", out});
  CHECK(r.status == 1);
  CHECK_FALSE(r.err.empty());
  nothingWritten(out);
}
