// Feedback, complaints, deviations and the quick survey (pure rules): the city's categories,
// Swedish holidays and working days, validation, the tertial table from 30 hand-counted
// entries (tests/unit/fixtures/complaints-30.md), the survey result, and CSV escaping.
#include "core/Feedback.hpp"
#include "core/LocalTime.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <string>

using namespace dagverk;

namespace {

LocalDate date(const char* iso) {
  const auto d = parseIsoDate(iso);
  REQUIRE(d);
  return *d;
}

std::int64_t g_seq = 0;
Event event(const std::string& id, EventPayload payload, UtcMs recorded) {
  Event e;
  e.id = id;
  e.deviceId = "D1";
  e.seq = ++g_seq;
  e.recordedUtc = recorded;
  e.zone = kSiteZone;
  e.siteId = "liljan";
  e.payload = std::move(payload);
  return e;
}

UtcMs at(const char* iso, int hour = 10, int minute = 0) { return fromStockholm(date(iso), hour, minute); }

Event complaint(const std::string& id, const std::string& cid, const std::string& type, const std::string& source,
                const std::string& concerns, const char* received, const std::string& channel = "muntligt",
                const std::string& feedbackId = "") {
  return event(id, ComplaintRegistered{cid, type, source, concerns, received, channel, "beskrivning", feedbackId},
               at(received));
}

Event followUp(const std::string& id, const std::string& cid, const std::string& step, const char* day) {
  return event(id, ComplaintFollowedUp{cid, step, day, "text"}, at(day, 14));
}

Event feedback(const std::string& id, const std::string& fid, const std::string& mood, const std::string& topic,
               UtcMs recorded) {
  return event(id, FeedbackGiven{fid, mood, topic, "", false, ""}, recorded);
}

Event deviation(const std::string& id, const std::string& did, const std::string& by, const std::string& concerns,
                const std::string& whom, const char* day, bool lexSarah) {
  return event(id, DeviationReported{did, by, concerns, whom, day, "beskrivning", lexSarah}, at(day, 15));
}

// The 30 entries of tests/unit/fixtures/complaints-30.md (E01..E30), for T1 2026.
std::vector<Event> fixture30() {
  std::vector<Event> v;
  v.push_back(complaint("E01", "C1", "klagomal", "brukare", "mat", "2026-01-12"));
  v.push_back(complaint("E02", "C2", "synpunkt", "narstaende", "bemotande", "2026-02-03", "telefon"));
  v.push_back(complaint("E03", "C3", "klagomal", "narstaende", "bemanning", "2026-02-20", "brev"));
  v.push_back(complaint("E04", "C4", "forslag", "brukare", "fraga_ide", "2026-03-05", "forslagslada"));
  v.push_back(complaint("E05", "C5", "klagomal", "medarbetare", "rutiner", "2026-03-16", "epost"));
  v.push_back(complaint("E06", "C6", "synpunkt", "samverkanspart", "information", "2026-04-01", "telefon"));
  v.push_back(complaint("E07", "C7", "klagomal", "annan", "tillganglighet", "2026-04-28", "annat"));
  v.push_back(complaint("E08", "C8", "berom", "narstaende", "bemotande", "2026-03-10"));
  v.push_back(complaint("E09", "C9", "klagomal", "brukare", "mat", "2025-12-15"));
  v.push_back(complaint("E10", "C10", "synpunkt", "brukare", "miljo", "2026-05-04"));
  v.push_back(complaint("E11", "C11", "klagomal", "brukare", "kompetens", "2026-03-20"));
  v.push_back(complaint("E12", "C12", "klagomal", "brukare", "bemotande", "2026-02-10", "tyck_till", "F2"));
  v.push_back(followUp("E13", "C1", "aterkoppling", "2026-01-14"));
  v.push_back(followUp("E14", "C1", "atgard", "2026-01-20"));
  v.push_back(followUp("E15", "C1", "avslutad", "2026-01-21"));
  v.push_back(followUp("E16", "C2", "aterkoppling", "2026-02-05"));
  v.push_back(followUp("E17", "C3", "atgard", "2026-03-02"));
  v.push_back(followUp("E18", "C5", "aterkoppling", "2026-05-06"));
  v.push_back(followUp("E19", "C4", "aterkoppling", "2026-03-09"));
  v.push_back(followUp("E20", "C12", "aterkoppling", "2026-02-12"));
  v.push_back(followUp("E21", "C11", "aterkoppling", "2026-03-21"));
  v.push_back(feedback("E22", "F2", "ledsen", "maten", at("2026-02-10", 9)));
  v.push_back(feedback("E23", "F1", "glad", "aktiviteterna", at("2026-01-15")));
  v.push_back(feedback("E24", "F3", "glad", "personalen", at("2026-01-01", 0, 30)));  // 2025-12-31 23:30 UTC
  v.push_back(feedback("E25", "F4", "glad", "maten", at("2026-05-01", 0, 30)));       // 2026-04-30 22:30 UTC
  v.push_back(feedback("E26", "F5", "mittemellan", "lokalen", at("2026-03-03")));
  v.push_back(deviation("E27", "D1", "medarbetare", "utforande", "egna_verksamheten", "2026-01-22", true));
  v.push_back(deviation("E28", "D2", "extern", "miljo_teknik", "annan_verksamhet", "2026-03-30", false));
  v.push_back(deviation("E29", "D3", "medarbetare", "bemotande", "egna_verksamheten", "2026-06-02", true));
  v.push_back(event("E30", Corrected{"E11", "C11", "av_misstag"}, at("2026-03-23")));
  return v;
}

int sumOf(const std::map<std::string, int>& m) {
  int n = 0;
  for (const auto& [k, v] : m) n += v;
  return n;
}

} // namespace

TEST_CASE("Feedback: the city's categories, worded as in the template") {
  CHECK(complaintSources().size() == 5);
  CHECK(complaintConcerns().size() == 15);
  CHECK(deviationIdentifiedBy().size() == 2);
  CHECK(deviationConcerns().size() == 5);
  CHECK(deviationConcernsWhom().size() == 2);
  CHECK(complaintTypes().size() == 4);
  CHECK(feedbackMoods().size() == 3);
  CHECK(feedbackTopics().size() == 6);
  CHECK(surveyQuestions().size() == 3);
  CHECK(surveyAnswers().size() == 3);

  CHECK(std::string(complaintSources()[1].label) == "Närstående (anhörig, god man, etc.)");
  CHECK(std::string(complaintSources()[3].label) == "Samverkanspart (ex annan förvaltning, Region Stockholm, Polis)");
  CHECK(std::string(complaintConcerns()[0].label) == "Annat");
  CHECK(std::string(complaintConcerns()[3].label) == "Beslut (missnöje, avsaknad av beslut, ej kommunicerat)");
  CHECK(std::string(complaintConcerns()[14].label) == "Utebliven/försenad insats eller aktivitet");
  CHECK(std::string(deviationConcerns()[2].label) == "Brister i rättssäkerhet vid handläggning och utförande");
  CHECK(std::string(deviationIdentifiedBy()[0].label) == "Extern samverkanspart/annan verksamhet");
  CHECK(std::string(categoryLabel(deviationConcernsWhom(), "egna_verksamheten")) == "Den egna verksamheten");
  CHECK(std::string(categoryLabel(complaintConcerns(), "nonsense")).empty());
  CHECK(std::string(surveyQuestions()[2].label) == "Får du bestämma över saker som är viktiga för dig?");
  CHECK(isCategory(feedbackTopics(), "resan"));
  CHECK_FALSE(isCategory(feedbackTopics(), "Resan"));
}

TEST_CASE("Feedback: Swedish holidays 2026 and working days") {
  for (const char* d : {"2026-01-01", "2026-01-06", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01",
                        "2026-05-14", "2026-06-06", "2026-06-19", "2026-06-20", "2026-10-31", "2026-12-24",
                        "2026-12-25", "2026-12-26", "2026-12-31"}) {
    INFO(d);
    CHECK(isSwedishHoliday(date(d)));
  }
  for (const char* d : {"2026-04-02", "2026-04-07", "2026-05-13", "2026-06-18", "2026-06-26", "2026-11-02",
                        "2026-12-23", "2026-12-30"}) {
    INFO(d);
    CHECK_FALSE(isSwedishHoliday(date(d)));
    CHECK(isWorkingDay(date(d)));
  }
  CHECK_FALSE(isWorkingDay(date("2026-04-03"))); // långfredagen
  CHECK_FALSE(isWorkingDay(date("2026-04-06"))); // annandag påsk
  CHECK_FALSE(isWorkingDay(date("2026-11-21"))); // a Saturday
  // Other years: Easter 2025-04-20, 2027-03-28; midsommarafton 2025-06-20; alla helgons dag 2025-11-01.
  CHECK(isSwedishHoliday(date("2025-04-18")));
  CHECK(isSwedishHoliday(date("2025-04-21")));
  CHECK(isSwedishHoliday(date("2027-03-29")));
  CHECK(isSwedishHoliday(date("2025-06-20")));
  CHECK_FALSE(isSwedishHoliday(date("2025-06-19")));
  CHECK(isSwedishHoliday(date("2025-11-01")));

  // Across Easter: Wed 2026-04-01 -> Wed 04-15: 04-02, 07, 08, 09, 10, 13, 14, 15 (03 and 06 are holidays).
  CHECK(workingDaysBetween(date("2026-04-01"), date("2026-04-15")) == 8);
  CHECK(workingDaysBetween(date("2026-04-01"), date("2026-04-01")) == 0);
  CHECK(workingDaysBetween(date("2026-04-15"), date("2026-04-01")) == 0);
  CHECK(workingDaysBetween(date("2026-11-20"), date("2026-11-23")) == 1); // Fri -> Mon
}

TEST_CASE("Feedback: strict ISO dates") {
  CHECK(parseIsoDate("2026-02-28"));
  CHECK(parseIsoDate("2028-02-29"));
  CHECK_FALSE(parseIsoDate("2026-02-29"));
  CHECK_FALSE(parseIsoDate("2026-13-01"));
  CHECK_FALSE(parseIsoDate("2026-04-31"));
  CHECK_FALSE(parseIsoDate("2026-4-1"));
  CHECK_FALSE(parseIsoDate("2026-04-01 "));
  CHECK_FALSE(parseIsoDate("2026/04/01"));
  CHECK_FALSE(parseIsoDate(""));
  CHECK(*parseIsoDate("2026-04-05") == LocalDate{2026, 4, 5});
}

TEST_CASE("Feedback: validation of feedback, complaints and deviations") {
  FeedbackGiven f{"", "glad", "maten", "Gott!", false, ""};
  CHECK_FALSE(validateFeedback(f));

  SECTION("unknown or missing category") {
    f.mood = "arg";
    auto e = validateFeedback(f);
    REQUIRE(e);
    CHECK(e->swedish.find("Okänd kategori för") != std::string::npos);
    f.mood = "glad";
    f.topic = "";
    CHECK(validateFeedback(f));
  }
  SECTION("2,001 characters with å: rejected with the count, never cut") {
    std::string text(1999, 'a');
    text += "åå"; // 2,001 characters, 2,003 bytes
    f.text = text;
    const auto e = validateFeedback(f);
    REQUIRE(e);
    CHECK(e->swedish.find("2001") != std::string::npos);
    CHECK(e->english.find(text) == std::string::npos);
    f.text = std::string(1998, 'a') + "åå"; // exactly 2,000
    CHECK_FALSE(validateFeedback(f));
  }
  SECTION("control characters and invalid UTF-8") {
    f.text = std::string("hej\x07");
    CHECK(validateFeedback(f));
    f.text = "hej\xC3";
    CHECK(validateFeedback(f));
    f.text = "rad ett\nrad två\tflik";
    CHECK_FALSE(validateFeedback(f));
  }

  ComplaintRegistered c{"", "klagomal", "brukare", "mat", "2026-03-01", "telefon", "Maten var kall.", ""};
  CHECK_FALSE(validateComplaint(c));
  for (auto mutate : std::vector<void (*)(ComplaintRegistered&)>{
           [](ComplaintRegistered& x) { x.type = "klagomål"; }, [](ComplaintRegistered& x) { x.source = "okand"; },
           [](ComplaintRegistered& x) { x.concerns = "Mat och måltider"; },
           [](ComplaintRegistered& x) { x.channel = "fax"; }}) {
    auto bad = c;
    mutate(bad);
    const auto e = validateComplaint(bad);
    REQUIRE(e);
    CHECK(e->swedish.find("Okänd kategori för") != std::string::npos);
  }
  auto badDate = c;
  badDate.receivedDate = "2026-02-30";
  CHECK(validateComplaint(badDate));
  auto longText = c;
  longText.description = std::string(2001, 'x');
  CHECK(validateComplaint(longText));
  auto formula = c;
  formula.description = "=HYPERLINK(\"http://x\")";
  CHECK_FALSE(validateComplaint(formula)); // stored as written; escaped only on export

  DeviationReported d{"", "medarbetare", "utforande", "egna_verksamheten", "2026-03-01", "", true};
  CHECK_FALSE(validateDeviation(d));
  d.concernsWhom = "alla";
  CHECK(validateDeviation(d));
  d.concernsWhom = "annan_verksamhet";
  d.date = "igår";
  CHECK(validateDeviation(d));
}

TEST_CASE("Feedback: the tertial table from 30 hand-counted entries") {
  // Every expected number below is counted by hand in tests/unit/fixtures/complaints-30.md.
  const auto events = fixture30();
  REQUIRE(events.size() == 30);
  const ComplaintTable t = buildComplaintTable(events, date("2026-01-01"), date("2026-04-30"));

  CHECK(t.total == 8);
  CHECK(t.bySource.size() == 5);
  CHECK(t.bySource.at("brukare") == 3);
  CHECK(t.bySource.at("narstaende") == 2);
  CHECK(t.bySource.at("medarbetare") == 1);
  CHECK(t.bySource.at("samverkanspart") == 1);
  CHECK(t.bySource.at("annan") == 1);
  CHECK(sumOf(t.bySource) == t.total);

  CHECK(t.byConcerns.size() == 15);
  CHECK(t.byConcerns.at("mat") == 1);
  CHECK(t.byConcerns.at("bemotande") == 2);
  CHECK(t.byConcerns.at("bemanning") == 1);
  CHECK(t.byConcerns.at("fraga_ide") == 1);
  CHECK(t.byConcerns.at("rutiner") == 1);
  CHECK(t.byConcerns.at("information") == 1);
  CHECK(t.byConcerns.at("tillganglighet") == 1);
  CHECK(t.byConcerns.at("kompetens") == 0); // C11 was voided
  CHECK(t.byConcerns.at("miljo") == 0);     // C10 came in after the period
  CHECK(sumOf(t.byConcerns) == t.total);

  CHECK(t.feedbackGiven == 4);
  CHECK(t.actionsTaken == 2);
  CHECK(t.praise == 3);

  CHECK(t.deviations == 2);
  CHECK(t.deviationsByIdentifiedBy.at("medarbetare") == 1);
  CHECK(t.deviationsByIdentifiedBy.at("extern") == 1);
  CHECK(t.deviationsByConcerns.size() == 5);
  CHECK(t.deviationsByConcerns.at("utforande") == 1);
  CHECK(t.deviationsByConcerns.at("miljo_teknik") == 1);
  CHECK(t.deviationsByConcerns.at("bemotande") == 0);
  CHECK(t.deviationsByWhom.at("egna_verksamheten") == 1);
  CHECK(t.deviationsByWhom.at("annan_verksamhet") == 1);
  CHECK(t.lexSarah == 1);
  CHECK(t.openOverdue == 4);

  SECTION("the register and the entries to classify") {
    const auto all = currentComplaints(events);
    CHECK(all.size() == 11); // C1..C12 without the voided C11
    CHECK(all.front().data.complaintId == "C9"); // oldest first (received 2025-12-15)
    const auto c1 = std::find_if(all.begin(), all.end(), [](const ComplaintState& c) { return c.data.complaintId == "C1"; });
    REQUIRE(c1 != all.end());
    CHECK(c1->followUps.size() == 3);
    CHECK(c1->feedbackGiven);
    CHECK(c1->actionTaken);
    CHECK(c1->closed);
    const auto unclassified = unclassifiedFeedback(events);
    REQUIRE(unclassified.size() == 1);
    CHECK(unclassified[0].feedbackId == "F5");
  }
  SECTION("the order of the events does not matter") {
    auto reversed = events;
    std::reverse(reversed.begin(), reversed.end());
    const auto r = buildComplaintTable(reversed, date("2026-01-01"), date("2026-04-30"));
    CHECK(r.total == t.total);
    CHECK(r.feedbackGiven == t.feedbackGiven);
    CHECK(r.praise == t.praise);
    CHECK(r.openOverdue == t.openOverdue);
  }
  SECTION("the fixture file documents the same numbers") {
    std::ifstream in(std::string(DAGVERK_SOURCE_DIR) + "/tests/unit/fixtures/complaints-30.md");
    REQUIRE(in);
    const std::string md((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const char* line : {"| total | 8 |", "| feedbackGiven | 4 |", "| actionsTaken | 2 |", "| praise | 3 |",
                             "| deviations | 2 |", "| lexSarah | 1 |", "| openOverdue | 4 |"}) {
      INFO(line);
      CHECK(md.find(line) != std::string::npos);
    }
  }
}

TEST_CASE("Feedback: overdue after 10 working days, counted across Easter") {
  ComplaintState s;
  s.data = ComplaintRegistered{"C", "klagomal", "brukare", "mat", "2026-04-01", "muntligt", "", ""};
  // Working days after 04-01: 02, 07, 08, 09, 10, 13, 14, 15, 16, 17 (10th) -> 20 is the 11th.
  CHECK_FALSE(s.overdue(date("2026-04-17")));
  CHECK_FALSE(s.overdue(date("2026-04-19")));
  CHECK(s.overdue(date("2026-04-20")));
  s.data.type = "forslag";
  CHECK_FALSE(s.overdue(date("2026-04-20")));
  s.data.type = "synpunkt";
  CHECK(s.overdue(date("2026-04-20")));
  s.feedbackGiven = true;
  CHECK_FALSE(s.overdue(date("2026-04-20")));
  s.feedbackGiven = false;
  s.closed = true;
  CHECK_FALSE(s.overdue(date("2026-04-20")));
}

TEST_CASE("Feedback: survey result, shares and the five-answer threshold") {
  std::vector<Event> events;
  events.push_back(event("W1", SurveyWindowOpened{"win-1", "2026-03-02", "2026-03-13"}, at("2026-03-02", 8)));
  const auto answer = [&](const std::string& id, std::vector<std::string> a) {
    events.push_back(event(id, SurveyAnswered{"win-1", std::move(a)}, at("2026-03-03")));
  };
  answer("A1", {"ja", "ja", "nej"});
  answer("A2", {"ja", "ibland", "nej"});
  answer("A3", {"nej", "ja", "ja"});
  answer("A4", {"ja", "ja", "ibland"});
  const auto window = latestSurveyWindow(events);
  REQUIRE(window);
  CHECK(window->windowId == "win-1");
  CHECK(window->contains(date("2026-03-13")));
  CHECK_FALSE(window->contains(date("2026-03-14")));

  auto r = surveyResult(events, "win-1");
  CHECK(r.answers == 4);
  CHECK_FALSE(r.shown());
  answer("A5", {"ibland", "nej", "ja"});
  r = surveyResult(events, "win-1");
  CHECK(r.answers == 5);
  CHECK(r.shown());
  CHECK(r.counts[0] == std::array<int, 3>{3, 1, 1});
  CHECK(r.counts[1] == std::array<int, 3>{3, 1, 1});
  CHECK(r.counts[2] == std::array<int, 3>{2, 1, 2});
  CHECK(r.yesShare(0) == Approx(0.6));
  CHECK(r.yesShare(2) == Approx(0.4));
  CHECK(r.yesShare(7) == 0.0);
  CHECK(surveyResult(events, "other").answers == 0);

  events.push_back(event("W2", SurveyWindowOpened{"win-2", "2026-09-01", "2026-09-30"}, at("2026-08-30")));
  CHECK(latestSurveyWindow(events)->windowId == "win-2");
  events.push_back(event("X", Corrected{"W2", "win-2", "av_misstag"}, at("2026-08-31")));
  CHECK(latestSurveyWindow(events)->windowId == "win-1");
}

TEST_CASE("Feedback: export cells are safe in spreadsheets and valid CSV") {
  CHECK(spreadsheetSafe("=SUM(A1)") == "'=SUM(A1)");
  CHECK(spreadsheetSafe("+46 8 123") == "'+46 8 123");
  CHECK(spreadsheetSafe("-2") == "'-2");
  CHECK(spreadsheetSafe("@cmd") == "'@cmd");
  CHECK(spreadsheetSafe("\tx") == "'\tx");
  CHECK(spreadsheetSafe("Maten var kall") == "Maten var kall");
  CHECK(spreadsheetSafe("") == "");
  CHECK(spreadsheetSafe("a=b") == "a=b");

  CHECK(csvCell("a,b") == "\"a,b\"");
  CHECK(csvCell("sa \"hej\"") == "\"sa \"\"hej\"\"\"");
  CHECK(csvCell("rad\nny") == "\"rad\nny\"");
  CHECK(csvCell("rad\rny") == "\"rad\rny\"");
  CHECK(csvCell("Bemötande") == "Bemötande");
  CHECK(csvCell(spreadsheetSafe("=1,2")) == "\"'=1,2\"");
}

TEST_CASE("Follow-ups: a known step, a valid date, never after closing or before receipt") {
  CHECK_FALSE(validateFollowUp(kFollowUpFeedbackGiven, "2026-03-02", "Samtal").has_value());
  CHECK(validateFollowUp("ringt", "2026-03-02", "").has_value());
  CHECK(validateFollowUp(kFollowUpClosed, "2026-02-30", "").has_value());
  CHECK(validateFollowUp(kFollowUpActionTaken, "2026-03-02", std::string(kMaxFeedbackChars + 1, 'x')).has_value());
  ComplaintState c;
  c.data.complaintId = "c1";
  c.data.receivedDate = "2026-03-02";
  CHECK_FALSE(validateFollowUpOf(c, "2026-03-02").has_value());
  CHECK(validateFollowUpOf(c, "2026-03-01").has_value());
  c.closed = true;
  CHECK(validateFollowUpOf(c, "2026-03-05").has_value());
}

TEST_CASE("Survey: a window ends on or after its first day, and answers are three of ja/ibland/nej while open") {
  const LocalDate mon{2026, 3, 2}, fri{2026, 3, 6}, sat{2026, 3, 7};
  CHECK_FALSE(validateSurveyWindow(mon, fri).has_value());
  CHECK_FALSE(validateSurveyWindow(mon, mon).has_value());
  CHECK(validateSurveyWindow(fri, mon).has_value());
  const std::optional<SurveyWindow> w = SurveyWindow{"w1", mon, fri};
  const std::vector<std::string> ok{"ja", "ibland", "nej"};
  CHECK_FALSE(validateSurveyAnswer(w, "w1", fri, ok).has_value());
  CHECK(validateSurveyAnswer(w, "w1", sat, ok).has_value());
  CHECK(validateSurveyAnswer(w, "w0", mon, ok).has_value());
  CHECK(validateSurveyAnswer(std::nullopt, "w1", mon, ok).has_value());
  CHECK(validateSurveyAnswer(w, "w1", mon, {"ja", "ja"}).has_value());
  CHECK(validateSurveyAnswer(w, "w1", mon, {"ja", "kanske", "nej"}).has_value());
}
