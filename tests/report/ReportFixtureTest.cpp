// Every figure of the hand-counted week (fixtures/week-two-sites.md) in every format.
#include "HandCount.hpp"
#include "ParityCheck.hpp"
#include "ReportFixture.hpp"
#include "ReportTestSupport.hpp"

#include "report/Report.hpp"

#include <cmath>
#include <cstdlib>
#include <optional>

using namespace dagverk;
using namespace dagverk::test;

namespace {

Expected handCount() {
  Expected e;
  struct SiteRow {
    const char* id;
    double places, open, days, distinct, occupancy, absent, automatic;
    std::array<double, 5> weekday;
    std::array<double, 5> average;
    std::map<std::string, double> reasons;
  };
  const std::vector<SiteRow> rows{
      {"liljan", 4, 5, 15, 4, 0.75, 3, 1, {3, 4, 2, 2, 4}, {3, 4, 2, 2, 4},
       {{"sjuk", 1}, {"ledig", 1}, {"annan_aktivitet", 1}, {"okant", 0}, {"ej_angiven", 0}}},
      {"ornsberg", 2, 5, 9, 3, 0.9, 2, 0, {2, 1, 2, 1, 3}, {2, 1, 2, 1, 3},
       {{"sjuk", 0}, {"ledig", 0}, {"annan_aktivitet", 0}, {"okant", 0}, {"ej_angiven", 2}}},
      {"enheten", 6, 5, 24, 7, 0.8, 5, 1, {5, 5, 4, 3, 7}, {5, 5, 4, 3, 7},
       {{"sjuk", 1}, {"ledig", 1}, {"annan_aktivitet", 1}, {"okant", 0}, {"ej_angiven", 2}}},
  };
  for (const auto& r : rows) {
    const bool unit = std::string(r.id) == "enheten";
    put(e, "places", r.id, "", r.places);
    // The unit's open days are not a sum ("–"); its place-days are the sites' summed.
    put(e, "open_days", r.id, "", unit ? std::nullopt : std::optional<double>(r.open));
    put(e, "place_days", r.id, "", unit ? 30.0 : r.places * r.open);
    put(e, "attendance_days", r.id, "", r.days);
    put(e, "distinct_participants", r.id, "", r.distinct);
    put(e, "occupancy", r.id, "", r.occupancy);
    put(e, "expected_absent_days", r.id, "", r.absent);
    put(e, "automatic_checkouts", r.id, "", r.automatic);
    for (size_t w = 0; w < 5; ++w) {
      put(e, "weekday_days", r.id, std::to_string(w + 1), r.weekday[w]);
      put(e, "weekday_average", r.id, std::to_string(w + 1), r.average[w]);
    }
    put(e, "weekday_days", r.id, "6-7", 0);
    put(e, "weekday_days", r.id, "total", r.days);
    for (const auto& [reason, n] : r.reasons) put(e, "absent_reason", r.id, reason, n);
    put(e, "absent_reason", r.id, "total", r.absent);
    put(e, "weekly_days", r.id, "2025-W07", r.days);
  }
  // Data quality: Liljan's visits registered afterwards from paper (Dan Mon and Fri, Bo Tue).
  put(e, "late_visits", "liljan", "", 3);
  // Activities on site: sessions, participant-sessions, participant-hours, distinct.
  const auto activity = [&](const std::string& prefix, const std::string& site, const std::string& key, double s,
                            double ps, double h, double d) {
    put(e, prefix + "sessions", site, key, s);
    put(e, prefix + "participant_sessions", site, key, ps);
    put(e, prefix + "participant_hours", site, key, h);
    put(e, prefix + "distinct_participants", site, key, d);
  };
  activity("activity_", "liljan", "a-mal", 2, 4, 5.0, 3);
  activity("activity_", "liljan", "a-teater", 1, 3, 3.0, 3);
  activity("activity_", "ornsberg", "a-musik", 2, 5, 8.0, 3);
  activity("activity_", "ornsberg", "a-sinnen", 1, 2, 1.5, 2);
  activity("outing_", "liljan", "a-museum", 1, 2, 10.0, 2);
  activity("outing_", "ornsberg", "a-promenad", 1, 1, 1.5, 1);
  activity("category_", "liljan", "Skapande", 2, 4, 5.0, 3);
  activity("category_", "liljan", "Kultur", 1, 3, 3.0, 3);
  activity("category_", "ornsberg", "Musik och rörelse", 2, 5, 8.0, 3);
  activity("category_", "ornsberg", "Sinnen", 1, 2, 1.5, 2);
  activity("category_", "enheten", "Skapande", 2, 4, 5.0, 3);
  activity("category_", "enheten", "Kultur", 1, 3, 3.0, 3);
  activity("category_", "enheten", "Musik och rörelse", 2, 5, 8.0, 3);
  activity("category_", "enheten", "Sinnen", 1, 2, 1.5, 2);
  // The complaint table (the unit, one column "Utfall" for a week).
  const std::map<std::string, std::optional<double>> complaints{
      {"ivo:lex_maria", std::nullopt}, {"ivo:lex_sarah", std::nullopt},
      {"deviation_by:extern", 1},      {"deviation_by:medarbetare", 1},
      {"praise", 2},                   {"source:annan", 0},
      {"source:brukare", 1},           {"source:medarbetare", 1},
      {"source:narstaende", 1},        {"source:samverkanspart", 0},
      {"lex_maria", std::nullopt},     {"lex_sarah", 1},
      {"concerns:annat", 0},           {"concerns:bemanning", 0},
      {"concerns:bemotande", 0},       {"concerns:beslut", 0},
      {"concerns:information", 1},     {"concerns:rutiner", 0},
      {"concerns:fraga_ide", 1},       {"concerns:miljo", 0},
      {"concerns:personuppgifter", 0}, {"concerns:halso_sjukvard", 0},
      {"concerns:kompetens", 0},       {"concerns:mat", 1},
      {"concerns:it", 0},              {"concerns:tillganglighet", 0},
      {"concerns:utebliven_insats", 0}, {"deviation_concerns:annat", 0},
      {"deviation_concerns:bemotande", 0}, {"deviation_concerns:rattssakerhet", 0},
      {"deviation_concerns:utforande", 1}, {"deviation_concerns:miljo_teknik", 1},
      {"deviation_whom:annan_verksamhet", 1}, {"deviation_whom:egna_verksamheten", 1},
      {"feedback_given", 2},           {"actions_taken", 1},
      {"total", 3},                    {"deviations", 2},
      {"open_overdue", 1}};
  for (const auto& [k, v] : complaints) put(e, "complaint", "enheten", k + "@period", v);
  struct PerSite {
    const char* id;
    double total, feedback, actions, praise, deviations, lexSarah, overdue;
  };
  for (const auto& s : {PerSite{"liljan", 2, 1, 1, 2, 1, 1, 0}, PerSite{"ornsberg", 1, 1, 0, 0, 1, 0, 1},
                        PerSite{"enheten", 3, 2, 1, 2, 2, 1, 1}}) {
    put(e, "site_complaints", s.id, "", s.total);
    put(e, "site_feedback_given", s.id, "", s.feedback);
    put(e, "site_actions_taken", s.id, "", s.actions);
    put(e, "site_praise", s.id, "", s.praise);
    put(e, "site_deviations", s.id, "", s.deviations);
    put(e, "site_lex_sarah", s.id, "", s.lexSarah);
    put(e, "site_open_overdue", s.id, "", s.overdue);
  }
  put(e, "overdue_working_days", "ornsberg", "2025-01-20", 19);
  // The survey: both sites hidden (Örnsberg has 3 answers; Liljan's 5 would give Örnsberg's
  // away by subtraction from the unit), the unit shown.
  for (const char* site : {"liljan", "ornsberg"})
    for (const char* fig : {"survey_answers", "survey_q1", "survey_q2", "survey_q3"}) put(e, fig, site, "", std::nullopt);
  put(e, "survey_answers", "enheten", "", 8);
  put(e, "survey_q1", "enheten", "", 0.625);
  put(e, "survey_q2", "enheten", "", 0.875);
  put(e, "survey_q3", "enheten", "", 0.375);
  // Open meeting places (fixture §6): Örnsberg 3 at the door on Monday 15:30–15:32 (a fourth
  // undone) and 23 typed for Musik on Wednesday 18:30; Liljan 1 on Friday 15:30.
  struct HeadcountRow {
    const char* id;
    double total;
    std::array<double, 7> weekday;
    std::array<double, 6> band;
    std::map<std::string, double> activity;
  };
  const std::vector<HeadcountRow> headcounts{
      {"liljan", 1, {0, 0, 0, 0, 1, 0, 0}, {0, 0, 0, 1, 0, 0}, {{"ingen", 1}}},
      {"ornsberg", 26, {3, 0, 23, 0, 0, 0, 0}, {0, 0, 0, 3, 0, 23}, {{"ingen", 3}, {"a-musik", 23}}},
      {"enheten", 27, {3, 0, 23, 0, 1, 0, 0}, {0, 0, 0, 4, 0, 23}, {{"ingen", 4}, {"a-musik", 23}}},
  };
  for (const auto& h : headcounts) {
    put(e, "headcount_total", h.id, "", h.total);
    put(e, "headcount_tertial", h.id, "2025-1", h.total); // week 7 lies in T1
    for (size_t i = 0; i < 7; ++i) put(e, "headcount_weekday", h.id, std::to_string(i + 1), h.weekday[i]);
    for (size_t i = 0; i < 6; ++i) put(e, "headcount_hours", h.id, std::to_string(i), h.band[i]);
    for (const auto& [key, n] : h.activity) put(e, "headcount_activity", h.id, key, n);
  }
  return e;
}

struct Built {
  TempDir dir{"report-fixture"};
  fs::path db;
  Built() {
    db = dir / "central.sqlite";
    buildWeekFixture(dir.path(), db);
  }
};

Built& fixture() {
  static Built b; // built once per test process
  return b;
}

report::ReportOutcome run(const std::string& period, std::optional<std::string> site, report::Format f, const fs::path& out) {
  report::ReportRequest r;
  r.db = fixture().db;
  r.period = period;
  r.site = std::move(site);
  r.format = f;
  r.out = out;
  return report::writeReport(r, fromStockholm({2025, 2, 18}, 8, 0));
}

} // namespace

TEST_CASE("report fixture: every HTML figure equals the hand count, and every hand-counted figure is in the HTML") {
  TempDir out("report-html");
  const auto outcome = run("2025-W07", std::nullopt, report::Format::Html, out / "r.html");
  CHECK_FALSE(outcome.noData);
  const std::string html = readBytes(out / "r.html");
  const auto figures = htmlFigures(html);
  const Expected expected = handCount();
  std::set<std::string> seen;
  for (const auto& f : figures) {
    INFO(f.id() << " shown as '" << f.text << "'");
    const auto it = expected.find(f.id());
    REQUIRE(it != expected.end()); // no figure escapes the hand count
    CHECK(seen.insert(f.id()).second);
    const std::optional<double> value = f.value.empty() ? std::nullopt : std::optional<double>(std::stod(f.value));
    CHECK(same(value, it->second));
    CHECK(same(numberOf(f.text), it->second));
  }
  for (const auto& [id, v] : expected) {
    INFO(id);
    CHECK(seen.count(id) == 1);
  }
  // The period and the sync dates are stated; the drifting list is not in the unit's report.
  CHECK(contains(html, "vecka 7 2025"));
  CHECK(contains(html, "2025-02-10 – 2025-02-16"));
  // Every kiosk with its last batch and last day; all three current (no site in red).
  CHECK(contains(html, "Kiosker och synkronisering per verksamhet"));
  CHECK(contains(html, "Senaste batch"));
  CHECK_FALSE(contains(html, "class=\"alert\""));
  CHECK(contains(html, "Alla incheckningar under perioden gäller deltagare i respektive verksamhets schema."));
  // Which days were registered afterwards from paper, per site.
  CHECK(contains(html, "Efterregistrerade besök"));
  CHECK(contains(html, "2025-02-10 (1), 2025-02-11 (1), 2025-02-14 (1)"));
  CHECK(contains(html, "aldrig i enhetens"));
  CHECK_FALSE(contains(html, "Anna A."));
  CHECK(contains(html, "<svg"));
  // Section 6 counts the tallies (the figures above); the old "nothing recorded" text is gone.
  CHECK(contains(html, "Besökare per tid på dagen"));
  CHECK(contains(html, "Besökare per veckodag – Hela enheten"));
  CHECK_FALSE(contains(html, "Inga besöksräkningar"));
  // For scripts/render-report.sh: DAGVERK_REPORT_SAMPLES=DIR keeps a copy to look at.
  if (const char* keep = std::getenv("DAGVERK_REPORT_SAMPLES"))
    fs::copy_file(out / "r.html", fs::path(keep) / "week-two-sites.html", fs::copy_options::overwrite_existing);
  // Self-contained: nothing is fetched from anywhere.
  CHECK_FALSE(contains(html, "src=\"http"));
  CHECK_FALSE(contains(html, "<link"));
  CHECK_FALSE(contains(html, "<script"));
}

TEST_CASE("report fixture: every CSV figure equals the HTML text and the hand count") {
  TempDir out("report-csv");
  const fs::path htmlFile = out / "r.html";
  run("2025-W07", std::nullopt, report::Format::Html, htmlFile);
  const std::string html = readBytes(htmlFile);
  const auto outcome = run("2025-W07", std::nullopt, report::Format::Csv, out / "csv");
  const auto files = listDir(out / "csv");
  CHECK(files == std::set<std::string>{"0-om-rapporten.csv", "1-narvaro.csv", "3-aktiviteter.csv", "4-klagomal.csv",
                                       "5-brukarundersokning.csv", "6-traffpunkter.csv", "7-datakvalitet.csv"});
  CHECK(outcome.written.size() == files.size());
  std::map<std::string, std::vector<std::vector<std::string>>> csv;
  for (const auto& f : files) csv[f] = parseCsvFile(readBytes(out / "csv" / f));
  checkCsvAgainst(html, out / "csv", handCount());
  // A name that starts with '=' gets a leading apostrophe; no participant names in the export.
  bool escaped = false;
  for (const auto& row : csv.at("3-aktiviteter.csv"))
    for (const auto& c : row) {
      CHECK(c != "=Promenad");
      escaped = escaped || c == "'=Promenad";
    }
  CHECK(escaped);
  for (const auto& f : files) CHECK_FALSE(contains(readBytes(out / "csv" / f), "Anna A."));
}

TEST_CASE("report fixture: every XLSX figure (read back with openpyxl) equals the hand count") {
  TempDir out("report-xlsx");
  run("2025-W07", std::nullopt, report::Format::Html, out / "r.html");
  const std::string html = readBytes(out / "r.html");
  run("2025-W07", std::nullopt, report::Format::Xlsx, out / "r.xlsx");
  const auto sheets = readXlsx(out / "r.xlsx", out.path());
  std::set<std::string> names;
  for (const auto& [name, s] : sheets) names.insert(name);
  CHECK(names == std::set<std::string>{"Om rapporten", "Närvaro och beläggning", "Aktiviteter", "Synpunkter och klagomål",
                                       "Brukarundersökning", "Öppna träffpunkter", "Datakvalitet"});
  checkXlsxAgainst(html, sheets, handCount());
  // The '=' name is a string cell, not a formula (readXlsx fails on any formula).
  bool found = false;
  for (const auto& r : sheets.at("Aktiviteter"))
    for (const auto& c : r) found = found || c.text == "=Promenad";
  CHECK(found);
}

TEST_CASE("report fixture: a year shows Utfall T1, T2, VB and Totalt ack. in the complaint table") {
  TempDir out("report-year");
  run("2025", std::nullopt, report::Format::Html, out / "y.html");
  const std::string html = readBytes(out / "y.html");
  for (const char* label : {"<th>Utfall T1</th>", "<th>Utfall T2</th>", "<th>Utfall VB</th>", "<th>Totalt ack.</th>"})
    CHECK(contains(html, label));
  std::map<std::string, std::string> complaint;
  for (const auto& f : htmlFigures(html))
    if (f.fig == "complaint") complaint[f.key] = f.value;
  // January's complaint now counts: T1 total 4 (hand count 3 + the one of 20 January).
  CHECK(complaint.at("total@t1") == "4");
  CHECK(complaint.at("total@t2") == "0");
  CHECK(complaint.at("total@vb") == "0");
  CHECK(complaint.at("total@ack") == "4");
  CHECK(complaint.at("source:annan@t1") == "1");
  CHECK(complaint.at("concerns:miljo@ack") == "1");
  CHECK(complaint.at("praise@ack") == "2");
  CHECK(complaint.at("lex_sarah@t1") == "1");
  CHECK(complaint.at("ivo:lex_maria@t1").empty());
  // Open complaints are judged at the report's date (18 February), not at the end of the year:
  // the one of 20 January is overdue (20 working days), the one of 11 February is not (5).
  CHECK(complaint.at("open_overdue@ack") == "1");
  CHECK(complaint.at("open_overdue@t1") == "1");
  // Attendance and activities are split by tertial too: everything lies in T1, and for the year
  // Anna's Monday 17 February counts (15 + 1 at Liljan, 25 in the unit).
  std::map<std::string, std::string> split;
  for (const auto& f : htmlFigures(html))
    if (f.fig.rfind("split_", 0) == 0) split[f.fig + "|" + f.site + "|" + f.key] = f.value;
  CHECK(split.at("split_attendance_days|liljan|t1") == "16");
  CHECK(split.at("split_attendance_days|enheten|ack") == "25");
  CHECK(split.at("split_attendance_days|liljan|t2").empty()); // "–": no open day yet
  // Sessions done (outings included, the planned one and the edited version left out): Liljan
  // Måleri Mon and Wed, Teater Tue, Museibesök Thu = 4 with 2 + 2 + 3 + 2 = 9 participants;
  // Örnsberg Musik Mon and Fri, Sinnen Wed, =Promenad Thu = 4 with 2 + 3 + 2 + 1 = 8.
  CHECK(split.at("split_sessions|liljan|t1") == "4");
  CHECK(split.at("split_participant_sessions|liljan|t1") == "9");
  CHECK(split.at("split_sessions|ornsberg|t1") == "4");
  CHECK(split.at("split_participant_sessions|ornsberg|t1") == "8");
  CHECK(split.at("split_sessions|enheten|ack") == "8");
  CHECK(split.at("split_participant_sessions|enheten|ack") == "17");
  CHECK(split.at("split_sessions|enheten|t2").empty());
  // Additive rows: T1 + T2 + VB = Totalt ack.
  for (const auto& [k, v] : complaint) {
    if (k.size() < 4 || k.compare(k.size() - 4, 4, "@ack") != 0 || v.empty() || k.rfind("open_overdue", 0) == 0) continue;
    const std::string base = k.substr(0, k.size() - 4);
    INFO(base);
    CHECK(std::stoi(complaint.at(base + "@t1")) + std::stoi(complaint.at(base + "@t2")) +
              std::stoi(complaint.at(base + "@vb")) ==
          std::stoi(v));
  }
}

TEST_CASE("report fixture: the site's own HTML carries the drifting section, XLSX and CSV never do") {
  TempDir out("report-site");
  run("2025-W07", std::string("liljan"), report::Format::Html, out / "s.html");
  const std::string html = readBytes(out / "s.html");
  CHECK(contains(html, "Deltagare vars närvaro glesnat"));
  CHECK(contains(html, "Ingen deltagare har glesnat"));
  if (const char* keep = std::getenv("DAGVERK_REPORT_SAMPLES"))
    fs::copy_file(out / "s.html", fs::path(keep) / "week-liljan.html", fs::copy_options::overwrite_existing);
  CHECK(contains(html, "Liljans dagliga verksamhet"));
  CHECK_FALSE(contains(html, "Örnsbergs dagliga verksamhet"));
  for (const auto& f : htmlFigures(html)) {
    INFO(f.id());
    CHECK(f.site != "ornsberg");
    CHECK(f.site != "enheten");
  }
  run("2025-W07", std::string("liljan"), report::Format::Csv, out / "csv");
  CHECK_FALSE(listDir(out / "csv").count("2-glesnat.csv"));
  run("2025-W07", std::string("liljan"), report::Format::Xlsx, out / "s.xlsx");
  for (const auto& [name, s] : readXlsx(out / "s.xlsx", out.path())) CHECK(name != "Glesnad närvaro");
}

TEST_CASE("report fixture: Örnsberg's kiosk counts its Statistik as the central report does") {
  // Kiosk C is Örnsberg's only kiosk: its own SQLite and central's database hold the same
  // events for the site. The 56 days ending Sunday 16 February.
  const SiteStatistics s = checkKioskAgainstCentral(fixture().dir / "kiosk-c", fixture().db, LocalDate{2025, 2, 16});
  CHECK(s.attendanceDays == 9); // the hand count's
  // Counted from Örnsberg's first record (the complaint of Monday 20 January) to its last
  // (Friday 14 February): four weeks of working days.
  CHECK(s.attendance.openDays == 20);
}
