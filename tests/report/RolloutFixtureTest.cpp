// Every figure of the hand-counted month (fixtures/month-rollout.md) in every format, and the
// year report made on the same day.
#include "HandCount.hpp"
#include "ParityCheck.hpp"
#include "RolloutFixture.hpp"

#include "central/Status.hpp"
#include "report/Report.hpp"

using namespace dagverk;
using namespace dagverk::test;

namespace {

// Both reports were made on Wednesday 2 April 2025, 08:00.
UtcMs madeOn() { return fromStockholm(LocalDate{2025, 4, 2}, 8, 0); }

struct RolloutBuilt {
  TempDir dir{"report-rollout"};
  fs::path db;
  RolloutBuilt() {
    db = dir / "central.sqlite";
    buildRolloutFixture(dir.path(), db);
  }
};

RolloutBuilt& rollout() {
  static RolloutBuilt b; // built once per test process
  return b;
}

void runRollout(const std::string& period, report::Format f, const fs::path& out) {
  report::ReportRequest r;
  r.db = rollout().db;
  r.period = period;
  r.format = f;
  r.out = out;
  report::writeReport(r, madeOn());
}

Expected monthHandCount() {
  Expected e;
  struct SiteRow {
    const char* id;
    std::optional<double> open;
    double places, placeDays, days, distinct, occupancy, absent, automatic;
    std::array<double, 5> weekday;
    double weekend;
    std::array<std::optional<double>, 5> average;
    std::map<std::string, double> reasons;
    std::map<std::string, std::optional<double>> weeks;
  };
  const std::optional<double> none;
  const std::vector<SiteRow> rows{
      {"granen", 21, 3, 63, 26, 3, 26.0 / 63, 12, 1, {8, 4, 5, 4, 5}, 0, {1.6, 1.0, 1.3, 1.0, 1.3},
       {{"sjuk", 1}, {"ledig", 1}, {"annan_aktivitet", 0}, {"okant", 0}, {"ej_angiven", 10}},
       {{"2025-W09", 0}, {"2025-W10", 6}, {"2025-W11", 6}, {"2025-W12", 7}, {"2025-W13", 6}, {"2025-W14", 1}}},
      {"tallen", 4, 2, 8, 6, 2, 0.75, 1, 1, {1, 0, 0, 2, 2}, 1, {1.0, none, none, 2.0, 2.0},
       {{"sjuk", 0}, {"ledig", 0}, {"annan_aktivitet", 0}, {"okant", 0}, {"ej_angiven", 1}},
       {{"2025-W09", none}, {"2025-W10", none}, {"2025-W11", none}, {"2025-W12", none}, {"2025-W13", 5}, {"2025-W14", 1}}},
      {"enheten", none, 9, 71, 32, 5, 32.0 / 71, 13, 2, {9, 4, 5, 6, 7}, 1, {2.6, 1.0, 1.3, 3.0, 3.3},
       {{"sjuk", 1}, {"ledig", 1}, {"annan_aktivitet", 0}, {"okant", 0}, {"ej_angiven", 11}},
       {{"2025-W09", 0}, {"2025-W10", 6}, {"2025-W11", 6}, {"2025-W12", 7}, {"2025-W13", 11}, {"2025-W14", 2}}},
  };
  // Linden: places from the roster, and "–" in every other column (no record, never 0).
  put(e, "places", "linden", "", 4);
  for (const char* fig : {"open_days", "place_days", "attendance_days", "distinct_participants", "occupancy",
                          "expected_absent_days", "automatic_checkouts", "site_complaints", "site_feedback_given",
                          "site_actions_taken", "site_praise", "site_deviations", "site_lex_sarah", "site_open_overdue",
                          "survey_answers", "survey_q1", "survey_q2", "survey_q3"})
    put(e, fig, "linden", "", std::nullopt);
  for (const char* k : {"1", "2", "3", "4", "5"}) {
    put(e, "weekday_days", "linden", k, std::nullopt);
    put(e, "weekday_average", "linden", k, std::nullopt);
  }
  for (const char* k : {"6-7", "total"}) put(e, "weekday_days", "linden", k, std::nullopt);
  for (const char* k : {"sjuk", "ledig", "annan_aktivitet", "okant", "ej_angiven", "total"})
    put(e, "absent_reason", "linden", k, std::nullopt);
  for (const char* w : {"2025-W09", "2025-W10", "2025-W11", "2025-W12", "2025-W13", "2025-W14"})
    put(e, "weekly_days", "linden", w, std::nullopt);
  for (const auto& r : rows) {
    put(e, "places", r.id, "", r.places);
    put(e, "open_days", r.id, "", r.open);
    put(e, "place_days", r.id, "", r.placeDays);
    put(e, "attendance_days", r.id, "", r.days);
    put(e, "distinct_participants", r.id, "", r.distinct);
    put(e, "occupancy", r.id, "", std::round(r.occupancy * 1000.0) / 1000.0); // as shown: 41,3 %
    put(e, "expected_absent_days", r.id, "", r.absent);
    put(e, "automatic_checkouts", r.id, "", r.automatic);
    for (size_t w = 0; w < 5; ++w) {
      put(e, "weekday_days", r.id, std::to_string(w + 1), r.weekday[w]);
      put(e, "weekday_average", r.id, std::to_string(w + 1), r.average[w]);
    }
    put(e, "weekday_days", r.id, "6-7", r.weekend);
    put(e, "weekday_days", r.id, "total", r.days);
    for (const auto& [reason, n] : r.reasons) put(e, "absent_reason", r.id, reason, n);
    put(e, "absent_reason", r.id, "total", r.absent);
    for (const auto& [week, n] : r.weeks) put(e, "weekly_days", r.id, week, n);
  }
  // The complaint table (column "Utfall"): one klagomål from a user about the food, open.
  for (const char* k : {"deviation_by:extern", "deviation_by:medarbetare", "praise", "source:annan",
                        "source:medarbetare", "source:narstaende", "source:samverkanspart", "lex_sarah",
                        "concerns:annat", "concerns:bemanning", "concerns:bemotande", "concerns:beslut",
                        "concerns:information", "concerns:rutiner", "concerns:fraga_ide", "concerns:miljo",
                        "concerns:personuppgifter", "concerns:halso_sjukvard", "concerns:kompetens", "concerns:it",
                        "concerns:tillganglighet", "concerns:utebliven_insats", "deviation_concerns:annat",
                        "deviation_concerns:bemotande", "deviation_concerns:rattssakerhet",
                        "deviation_concerns:utforande", "deviation_concerns:miljo_teknik",
                        "deviation_whom:annan_verksamhet", "deviation_whom:egna_verksamheten", "feedback_given",
                        "actions_taken", "deviations", "open_overdue"})
    put(e, "complaint", "enheten", std::string(k) + "@period", 0);
  for (const char* k : {"ivo:lex_maria", "ivo:lex_sarah", "lex_maria"})
    put(e, "complaint", "enheten", std::string(k) + "@period", std::nullopt);
  for (const char* k : {"source:brukare", "concerns:mat", "total"}) put(e, "complaint", "enheten", std::string(k) + "@period", 1);
  for (const char* site : {"granen", "tallen", "enheten"}) { // Linden: "–" above
    const double total = std::string(site) == "tallen" ? 0 : 1;
    put(e, "site_complaints", site, "", total);
    for (const char* fig : {"site_feedback_given", "site_actions_taken", "site_praise", "site_deviations",
                            "site_lex_sarah", "site_open_overdue"})
      put(e, fig, site, "", 0);
  }
  // No survey answers: every share "–".
  for (const char* site : {"granen", "tallen", "enheten"})
    for (const char* fig : {"survey_answers", "survey_q1", "survey_q2", "survey_q3"}) put(e, fig, site, "", std::nullopt);
  // Data quality: check-ins at Granen not counted.
  put(e, "not_on_roster_days", "granen", "p-dora", 1);
  put(e, "not_on_roster_days", "granen", "p-gast", 1);
  return e;
}

} // namespace

TEST_CASE("report rollout: every HTML figure equals the hand count of March 2025") {
  TempDir out("rollout-html");
  runRollout("2025-03", report::Format::Html, out / "r.html");
  const std::string html = readBytes(out / "r.html");
  checkHtmlAgainst(html, monthHandCount());
  // Each site's counted days are stated; Tallen's start at its first record.
  CHECK(contains(html, "2025-03-01 – 2025-03-31"));
  CHECK(contains(html, "2025-03-27 – 2025-03-31"));
  // The stale kiosk: Granen in red on the first page, with why.
  CHECK(contains(html, "class=\"alert\">Granens dagliga verksamhet"));
  CHECK_FALSE(contains(html, "class=\"alert\">Tallens dagliga verksamhet"));
  CHECK(contains(html, "22 dagar efter"));
  CHECK(contains(html, "har data bara till och med 2025-03-10 (22 dagar efter den nyaste)"));
  CHECK(html.find("22 dagar efter") < html.find("id=\"1-narvaro\""));
  // The complaint of 20 March is judged at 31 March (7 working days): not overdue.
  CHECK(contains(html, "arbetsdagar den 2025-03-31"));
  if (const char* keep = std::getenv("DAGVERK_REPORT_SAMPLES"))
    fs::copy_file(out / "r.html", fs::path(keep) / "month-rollout.html", fs::copy_options::overwrite_existing);
}

TEST_CASE("report rollout: every CSV and XLSX figure equals the hand count of March 2025") {
  TempDir out("rollout-formats");
  runRollout("2025-03", report::Format::Html, out / "r.html");
  const std::string html = readBytes(out / "r.html");
  const Expected expected = monthHandCount();
  runRollout("2025-03", report::Format::Csv, out / "csv");
  checkCsvAgainst(html, out / "csv", expected);
  runRollout("2025-03", report::Format::Xlsx, out / "r.xlsx");
  checkXlsxAgainst(html, readXlsx(out / "r.xlsx", out.path()), expected);
}

TEST_CASE("report rollout: the year made on 2 April splits by tertial and judges complaints on that day") {
  TempDir out("rollout-year");
  runRollout("2025", report::Format::Html, out / "y.html");
  const std::string html = readBytes(out / "y.html");
  std::map<std::string, std::string> fig; // fig|site|key -> value
  for (const auto& f : htmlFigures(html)) fig[f.id()] = f.value;
  // Granen for the year: counted 28 Feb – 1 Apr (its first and last record): 23 working days,
  // 27 attendance days (March's 26 and Ada on 28 Feb), 3 x 23 = 69 place-days.
  CHECK(fig.at("split_attendance_days|granen|t1") == "27");
  CHECK(fig.at("split_occupancy|granen|t1") == "0.391"); // 27 / 69 = 39,1 %
  CHECK(fig.at("split_attendance_days|tallen|t1") == "6");
  CHECK(fig.at("split_occupancy|tallen|t1") == "0.75");
  CHECK(fig.at("split_attendance_days|enheten|t1") == "33");
  CHECK(fig.at("split_occupancy|enheten|t1") == "0.429"); // 33 / (69 + 8) = 42,9 %
  for (const char* site : {"granen", "tallen", "enheten"}) {
    INFO(site);
    CHECK(fig.at(std::string("split_attendance_days|") + site + "|t2").empty()); // "–": not begun
    CHECK(fig.at(std::string("split_attendance_days|") + site + "|vb").empty());
    CHECK(fig.at(std::string("split_attendance_days|") + site + "|ack") ==
          fig.at(std::string("split_attendance_days|") + site + "|t1"));
  }
  CHECK(fig.at("attendance_days|granen|") == "27");
  CHECK(fig.at("open_days|granen|") == "23");
  CHECK(fig.at("automatic_checkouts|granen|") == "2"); // 28 Feb and 31 Mar, each on its visit's day
  // Judged on 2 April (9 working days), not on 31 December: nothing overdue.
  CHECK(fig.at("complaint|enheten|open_overdue@ack") == "0");
  CHECK(fig.at("complaint|enheten|open_overdue@t1") == "0");
  CHECK(fig.at("complaint|enheten|open_overdue@t2").empty()); // T2 had not begun on 2 April: "–"
  CHECK(fig.at("complaint|enheten|open_overdue@vb").empty());
  CHECK(contains(html, "<th>Utfall T1</th>"));
  CHECK(contains(html, "Inga utförda aktiviteter är loggade under perioden.")); // no activity table to split
  CHECK(contains(html, "Närvarodagar per tertial"));
}

TEST_CASE("report rollout: status lists the check-ins of people not on the site's roster") {
  auto store = central::CentralStore::openExisting(rollout().db);
  const std::string text = central::formatStatusText(*store);
  CHECK(contains(text, "granen: deltagare p-dora, 1 dagar (en annan verksamhets deltagare)"));
  CHECK(contains(text, "granen: deltagare p-gast, 1 dagar (okänd)"));
  const std::string json = central::formatStatusJson(*store);
  CHECK(contains(json, "{\"siteId\":\"granen\",\"participantId\":\"p-gast\",\"days\":1,\"otherSitesParticipant\":false}"));
}

TEST_CASE("report rollout: Tallen's kiosk counts its Statistik as the central report does") {
  // T1 is Tallen's only kiosk; on Monday 31 March its 56 days hold the rollout, the Saturday
  // opening and Eje's Friday closed on the Saturday.
  const SiteStatistics s = checkKioskAgainstCentral(rollout().dir / "kiosk-t1", rollout().db, march(31));
  CHECK(s.attendanceDays == 6);
  CHECK(s.attendance.openDays == 4);
  CHECK(s.attendance.automaticCheckouts == 1);
  CHECK(s.attendance.expectedAbsentDays == 1);
}
