// Participants drifting away: the last 4 weeks against the 8 weeks before, listed only in the
// site's own HTML report.
#include "ReportFixture.hpp"
#include "ReportTestSupport.hpp"

#include "core/Period.hpp"

#include <cstdlib>

#include "report/Report.hpp"

using namespace dagverk;
using namespace dagverk::test;

namespace {

// 12 weeks ending Sunday 30 March 2025 at one site; attendance per participant: (days in the
// 8 earlier weeks, days in the last 4 weeks), spread over Mondays–Thursdays.
fs::path buildDriftDb(const TempDir& dir) {
  const fs::path db = dir / "central.sqlite";
  RosterFiles roster;
  roster.sites.push_back(Site{"trofast", "Trofast dagliga verksamhet", 9, 480, 960});
  roster.sites.push_back(Site{"langsjon", "Långsjöns dagliga verksamhet", 5, 480, 960});
  const std::vector<std::tuple<std::string, std::string, int, int>> people{
      {"p-xena", "Xena", 24, 2},  // 2 * 4 = 8 < 24: listed
      {"p-yrsa", "Yrsa", 24, 12}, // steady: 48 >= 24
      {"p-zack", "Zack", 4, 1},   // 4 >= 4: exactly half, not listed
      {"p-wilma", "Wilma", 5, 1}, // 4 < 5: listed
      {"p-ulf", "Ulf", 0, 3},     // new: nothing earlier, never listed
  };
  for (const auto& [id, name, earlier, recent] : people) {
    Participant p;
    p.id = id;
    p.siteId = "trofast";
    p.firstName = name;
    p.initial = "T";
    p.expectedWeekdays = *parseWeekdays("1234");
    roster.participants.push_back(p);
  }
  Participant other;
  other.id = "p-other";
  other.siteId = "langsjon";
  other.firstName = "Olle";
  other.initial = "L";
  other.expectedWeekdays = *parseWeekdays("1");
  roster.participants.push_back(other);
  auto central = central::CentralStore::open(db);
  central->storeRoster(roster, 1, LocalDate{2025, 1, 1});
  sync::BatchContents b;
  b.batchId = "drift-batch";
  b.deviceId = "trofast-kiosk";
  b.siteId = "trofast";
  b.batchSeq = 1;
  b.schemaVersion = kEventSchemaVersion;
  std::int64_t seq = 0;
  const LocalDate firstMonday{2025, 1, 6}; // 12 weeks: 6 Jan .. 30 Mar
  const auto checkIn = [&](const std::string& site, const std::string& pid, LocalDate d) {
    const UtcMs t = fromStockholm(d, 9, 0);
    EventRow e;
    e.id = "ev-" + std::to_string(seq);
    e.deviceId = b.deviceId;
    e.seq = ++seq;
    e.recordedUtc = t;
    e.zone = kSiteZone;
    e.siteId = site;
    e.kind = "CheckedIn";
    e.subjectId = pid;
    e.payloadJson = encodePayload(CheckedIn{pid, t});
    e.schemaVersion = kEventSchemaVersion;
    b.events.push_back(e);
  };
  for (const auto& [id, name, earlier, recent] : people) {
    for (int i = 0; i < earlier; ++i) checkIn("trofast", id, addDays(firstMonday, 7 * (i / 4) + i % 4));
    for (int i = 0; i < recent; ++i) checkIn("trofast", id, addDays(firstMonday, 56 + 7 * (i / 4) + i % 4));
  }
  // The site's last recorded day: Sunday 30 March (the windows end there).
  checkIn("trofast", "p-ulf", LocalDate{2025, 3, 30});
  // Someone at another site who stopped coming: not Trofast's business.
  for (int w = 0; w < 8; ++w) checkIn("langsjon", "p-other", addDays(firstMonday, 7 * w));
  b.createdUtc = fromStockholm({2025, 3, 31}, 8, 0);
  central->importBatch(b, "sha", "drift.batch", b.createdUtc);
  return db;
}

report::ReportOutcome run(const fs::path& db, const std::string& period, std::optional<std::string> site,
                          report::Format f, const fs::path& out) {
  report::ReportRequest r;
  r.db = db;
  r.period = period;
  r.site = std::move(site);
  r.format = f;
  r.out = out;
  return report::writeReport(r, fromStockholm({2025, 4, 1}, 8, 0));
}

} // namespace

TEST_CASE("report drift: the site's HTML lists those whose weekly attendance fell under half") {
  TempDir dir("report-drift");
  const fs::path db = buildDriftDb(dir);
  run(db, "2025-03", std::string("trofast"), report::Format::Html, dir / "site.html");
  const std::string html = readBytes(dir / "site.html");
  CHECK(contains(html, "2025-03-03 – 2025-03-30"));  // the last 4 weeks
  CHECK(contains(html, "2025-01-06 – 2025-03-02"));  // the 8 weeks before
  std::map<std::string, std::string> figures;
  for (const auto& f : htmlFigures(html))
    if (f.fig == "drift_recent" || f.fig == "drift_earlier") figures[f.fig + ":" + f.key] = f.value;
  CHECK(figures == std::map<std::string, std::string>{{"drift_earlier:p-wilma", "5"},
                                                      {"drift_earlier:p-xena", "24"},
                                                      {"drift_recent:p-wilma", "1"},
                                                      {"drift_recent:p-xena", "2"}});
  CHECK(contains(html, "Xena T."));
  CHECK(contains(html, "Wilma T."));
  if (const char* keep = std::getenv("DAGVERK_REPORT_SAMPLES"))
    fs::copy_file(dir / "site.html", fs::path(keep) / "drift-trofast.html", fs::copy_options::overwrite_existing);
  CHECK_FALSE(contains(html, "Yrsa T."));
  CHECK_FALSE(contains(html, "Zack T."));
  CHECK_FALSE(contains(html, "Ulf T."));
  CHECK_FALSE(contains(html, "Olle L."));
  // The report ends at the site's last recorded day when that is earlier than the period's end.
  run(db, "2025-T1", std::string("trofast"), report::Format::Html, dir / "t1.html");
  const std::string t1 = readBytes(dir / "t1.html");
  CHECK(contains(t1, "2025-03-03 – 2025-03-30"));
  CHECK(contains(t1, "Xena T."));
}

TEST_CASE("report drift: never in the unit's report, nor in XLSX or CSV even for the site") {
  TempDir dir("report-drift-export");
  const fs::path db = buildDriftDb(dir);
  run(db, "2025-03", std::nullopt, report::Format::Html, dir / "unit.html");
  const std::string unit = readBytes(dir / "unit.html");
  CHECK_FALSE(contains(unit, "Xena T."));
  CHECK_FALSE(contains(unit, "data-fig=\"drift_"));
  CHECK(contains(unit, "aldrig i enhetens"));
  run(db, "2025-03", std::string("trofast"), report::Format::Csv, dir / "csv");
  for (const auto& f : listDir(dir / "csv")) {
    CHECK_FALSE(contains(readBytes(dir / "csv" / f), "Xena"));
    CHECK_FALSE(contains(readBytes(dir / "csv" / f), "p-xena"));
  }
  run(db, "2025-03", std::string("trofast"), report::Format::Xlsx, dir / "site.xlsx");
  for (const auto& [name, sheet] : readXlsx(dir / "site.xlsx", dir.path()))
    for (const auto& row : sheet)
      for (const auto& cell : row) CHECK_FALSE(contains(cell.text, "Xena"));
}
