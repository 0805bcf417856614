// Feedback, complaints, deviations and the quick survey in the store: "Tyck till" with its
// pressed-twice guard, bad input refused with nothing written, the complaint register with
// follow-ups, the survey (anonymous answers, one per participant and window, in one
// transaction), the complaint table, and `dagverk complaints` on the real binary.
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "core/Feedback.hpp"
#include "store/KioskStore.hpp"
#include "store/Migrations.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <sys/wait.h>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;
using store::KioskStore;

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr const char* kStaff = "S001"; // works at liljan

std::unique_ptr<KioskStore> seed(const TempDir& dir, const Clock& clock) {
  return KioskStore::createWithRoster(dir.path(), clock, store::demoRoster(), "liljan");
}

fs::path databaseOf(const TempDir& dir) { return dir / store::kDatabaseFileName; }
std::int64_t eventCount(const KioskStore& s) { return s.status().events; }

// The "Tyck till" appended, or nullopt inside the pressed-twice guard.
std::optional<Event> tyckTill(KioskStore& s, FeedbackGiven f) {
  auto events = store::perform(s, cmd::GiveFeedback{std::move(f)});
  if (events.empty()) return std::nullopt;
  return events.front();
}

FeedbackGiven feedback(const std::string& mood = "ledsen", const std::string& topic = "maten",
                       const std::string& text = "", const std::string& participantId = "") {
  FeedbackGiven f;
  f.mood = mood;
  f.topic = topic;
  f.text = text;
  f.participantId = participantId;
  f.wantsTalk = !participantId.empty();
  return f;
}

ComplaintRegistered complaint(const std::string& type = "klagomal", const std::string& received = "2026-11-20",
                              const std::string& source = "brukare", const std::string& concerns = "mat") {
  ComplaintRegistered c;
  c.type = type;
  c.source = source;
  c.concerns = concerns;
  c.receivedDate = received;
  c.channel = "muntligt";
  c.description = "Maten var kall.";
  return c;
}

DeviationReported deviation(const std::string& day, bool lexSarah) {
  DeviationReported d;
  d.identifiedBy = "medarbetare";
  d.concerns = "utforande";
  d.concernsWhom = "egna_verksamheten";
  d.date = day;
  d.description = "Glömd medicin vid utflykt.";
  d.lexSarah = lexSarah;
  return d;
}

std::string complaintIdOf(const Event& e) { return std::get<ComplaintRegistered>(e.payload).complaintId; }

CliRun runDagverk(const TempDir& tmp, const std::string& args) { return runProgram(tmp.path(), DAGVERK_BIN, args); }

std::string lineWith(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (contains(line, needle)) return line;
  return "";
}

bool sameTable(const ComplaintTable& a, const ComplaintTable& b) {
  return a.bySource == b.bySource && a.byConcerns == b.byConcerns && a.total == b.total &&
         a.feedbackGiven == b.feedbackGiven && a.actionsTaken == b.actionsTaken && a.praise == b.praise &&
         a.deviationsByIdentifiedBy == b.deviationsByIdentifiedBy && a.deviationsByConcerns == b.deviationsByConcerns &&
         a.deviationsByWhom == b.deviationsByWhom && a.deviations == b.deviations && a.lexSarah == b.lexSarah &&
         a.openOverdue == b.openOverdue;
}

} // namespace

// --- Tyck till ---------------------------------------------------------------------------------

TEST_CASE("Feedback store: Tyck till, anonymous and named, with the pressed-twice guard") {
  TempDir dir("feedback");
  ManualClock clock(mondayAt(10));
  auto s = seed(dir, clock);

  const auto anon = tyckTill(*s, feedback("glad", "aktiviteterna"));
  REQUIRE(anon);
  const auto& a = std::get<FeedbackGiven>(anon->payload);
  CHECK_FALSE(a.feedbackId.empty());
  CHECK(a.participantId.empty());
  CHECK_FALSE(anon->actorStaffId); // self-service
  CHECK(eventCount(*s) == 1);

  // Pressed twice: within 5 s nothing is appended.
  clock.advanceMs(4999);
  CHECK_FALSE(tyckTill(*s, feedback()));
  CHECK(eventCount(*s) == 1);
  clock.advanceMs(1);
  const auto named = tyckTill(*s, feedback("ledsen", "resan", "Bussen kom inte.", "P0002"));
  REQUIRE(named);
  const auto& n = std::get<FeedbackGiven>(named->payload);
  CHECK(n.participantId == "P0002");
  CHECK(n.wantsTalk);
  CHECK(n.text == "Bussen kom inte.");
  CHECK(n.feedbackId != a.feedbackId);
  CHECK(eventCount(*s) == 2);

  // The guard holds across a restart of the program.
  clock.advanceMs(2 * kSecond);
  s.reset();
  s = KioskStore::open(dir.path(), clock);
  CHECK_FALSE(tyckTill(*s, feedback()));
  clock.advanceMs(3 * kSecond);
  CHECK(tyckTill(*s, feedback()));
  CHECK(eventCount(*s) == 3);

  // Glad entries are praise and need no classification; the other two wait for staff.
  CHECK(store::feedbackToClassify(*s).size() == 2);

  // A participant of another site is refused.
  const auto others = s->roster().participants("ornsberg");
  REQUIRE_FALSE(others.empty());
  clock.advanceMs(10 * kSecond);
  CHECK(errorFrom([&] { tyckTill(*s, feedback("glad", "maten", "", others.front().id)); }).code() ==
        ErrorCode::BadInput);
  CHECK(eventCount(*s) == 3);
}

TEST_CASE("Feedback store: bad text is refused with a clear message and nothing is written") {
  TempDir dir("feedback");
  ManualClock clock(mondayAt(10));
  auto s = seed(dir, clock);

  std::string tooLong(1999, 'a');
  tooLong += "åå"; // 2,001 characters
  auto e = errorFrom([&] { tyckTill(*s, feedback("ledsen", "maten", tooLong)); });
  CHECK(e.code() == ErrorCode::BadInput);
  CHECK(contains(e.swedish(), "2001"));
  CHECK(contains(e.swedish(), "2000"));
  CHECK_FALSE(contains(e.english(), "aaaa")); // never the text in the log line

  CHECK(errorFrom([&] { tyckTill(*s, feedback("ledsen", "maten", "hej\x01")); }).code() == ErrorCode::BadInput);
  CHECK(errorFrom([&] { tyckTill(*s, feedback("ledsen", "maten", "hej \xFF\xFE")); }).code() ==
        ErrorCode::BadInput);
  e = errorFrom([&] { tyckTill(*s, feedback("arg", "maten")); });
  CHECK(e.code() == ErrorCode::BadInput);
  CHECK(contains(e.swedish(), "Okänd kategori för"));
  CHECK(eventCount(*s) == 0);

  // Text that looks like a formula is stored exactly as written (escaped only on export).
  const std::string formula = "=HYPERLINK(\"http://example.com\",\"klicka\")";
  const auto ok = tyckTill(*s, feedback("ledsen", "maten", formula));
  REQUIRE(ok);
  auto again = KioskStore::open(dir.path(), clock);
  const auto events = again->events().after(0, 10);
  REQUIRE(events.size() == 1);
  CHECK(std::get<FeedbackGiven>(events[0].payload).text == formula);
  CHECK(store::feedbackToClassify(*again).at(0).text == formula);
}

// --- the complaint register ------------------------------------------------------------------

TEST_CASE("Feedback store: complaints, categories, follow-ups and a closed complaint") {
  TempDir dir("complaints");
  ManualClock clock(mondayAt(10));
  auto s = seed(dir, clock);

  for (auto bad : {complaint("klagomål"), complaint("klagomal", "2026-11-20", "grannen"),
                   complaint("klagomal", "2026-11-20", "brukare", "Mat och måltider")}) {
    const auto e = errorFrom([&] { store::perform(*s, cmd::RegisterComplaint{bad, kStaff}); });
    CHECK(e.code() == ErrorCode::BadInput);
    CHECK(contains(e.swedish(), "Okänd kategori för"));
  }
  CHECK(errorFrom([&] { store::perform(*s, cmd::RegisterComplaint{complaint("klagomal", "2026-11-31"), kStaff}); }).code() ==
        ErrorCode::BadInput);
  CHECK(errorFrom([&] { store::perform(*s, cmd::RegisterComplaint{complaint(), "S999"}); }).code() == ErrorCode::UnknownStaff);
  CHECK(eventCount(*s) == 0);

  const Event reg = store::perform(*s, cmd::RegisterComplaint{complaint(), kStaff}).front();
  CHECK(reg.actorStaffId == std::optional<std::string>(kStaff));
  const std::string id = complaintIdOf(reg);
  CHECK_FALSE(id.empty());

  CHECK(errorFrom([&] { store::perform(*s, cmd::FollowUpComplaint{id, "klar", "2026-11-23", "", kStaff}); }).code() == ErrorCode::BadInput);
  CHECK(errorFrom([&] { store::perform(*s, cmd::FollowUpComplaint{id, "aterkoppling", "23/11", "", kStaff}); }).code() ==
        ErrorCode::BadInput);
  CHECK(errorFrom([&] { store::perform(*s, cmd::FollowUpComplaint{"nope", "aterkoppling", "2026-11-23", "", kStaff}); }).code() ==
        ErrorCode::UnknownEvent);
  store::perform(*s, cmd::FollowUpComplaint{id, "aterkoppling", "2026-11-23", "Pratade med Hugo.", kStaff});
  store::perform(*s, cmd::FollowUpComplaint{id, "atgard", "2026-11-23", "Värmeskåp beställt.", kStaff});
  store::perform(*s, cmd::FollowUpComplaint{id, "avslutad", "2026-11-23", "", kStaff});
  auto list = store::complaints(*s);
  REQUIRE(list.size() == 1);
  CHECK(list[0].followUps.size() == 3);
  CHECK(list[0].feedbackGiven);
  CHECK(list[0].actionTaken);
  CHECK(list[0].closed);

  const auto before = eventCount(*s);
  const auto e = errorFrom([&] { store::perform(*s, cmd::FollowUpComplaint{id, "atgard", "2026-11-23", "Mer.", kStaff}); });
  CHECK(e.code() == ErrorCode::BadInput);
  CHECK(contains(e.swedish(), "Ärendet är avslutat"));
  CHECK(eventCount(*s) == before);
}

TEST_CASE("Feedback store: a Tyck till entry classified as a complaint leaves the list to classify") {
  TempDir dir("complaints");
  ManualClock clock(mondayAt(10));
  auto s = seed(dir, clock);
  const auto f = tyckTill(*s, feedback("ledsen", "maten", "Kall mat."));
  REQUIRE(f);
  const std::string feedbackId = std::get<FeedbackGiven>(f->payload).feedbackId;
  REQUIRE(store::feedbackToClassify(*s).size() == 1);

  auto c = complaint("klagomal", "2026-11-23");
  c.channel = "tyck_till";
  c.feedbackId = "no-such-entry";
  CHECK(errorFrom([&] { store::perform(*s, cmd::RegisterComplaint{c, kStaff}); }).code() == ErrorCode::BadInput);
  c.feedbackId = feedbackId;
  store::perform(*s, cmd::RegisterComplaint{c, kStaff});
  CHECK(store::feedbackToClassify(*s).empty());
  CHECK(store::complaints(*s).at(0).data.feedbackId == feedbackId);
  // The same entry twice (a double tap in the form) is refused.
  CHECK(errorFrom([&] { store::perform(*s, cmd::RegisterComplaint{c, kStaff}); }).code() == ErrorCode::BadInput);
  CHECK(store::complaints(*s).size() == 1);
}

TEST_CASE("Feedback store: a complaint without feedback is overdue after 10 working days") {
  TempDir dir("complaints");
  ManualClock clock(mondayAt(10)); // 2026-11-23
  auto s = seed(dir, clock);
  // Received Mon 2026-11-09: working days after it up to Mon 11-23 are 10 (not yet overdue);
  // Tue 11-24 is the 11th.
  const Event reg = store::perform(*s, cmd::RegisterComplaint{complaint("klagomal", "2026-11-09"), kStaff}).front();
  store::perform(*s, cmd::RegisterComplaint{complaint("forslag", "2026-11-02"), kStaff}); // suggestions are never overdue
  auto list = store::complaints(*s);
  REQUIRE(list.size() == 2);
  CHECK(list[0].data.type == "forslag"); // oldest first
  const LocalDate monday{2026, 11, 23}, tuesday{2026, 11, 24};
  CHECK_FALSE(list[1].overdue(monday));
  CHECK(list[1].overdue(tuesday));
  CHECK_FALSE(list[0].overdue(tuesday));
  CHECK(store::complaintTable(*s, {2026, 11, 1}, monday).openOverdue == 0);
  CHECK(store::complaintTable(*s, {2026, 11, 1}, tuesday).openOverdue == 1);

  store::perform(*s, cmd::FollowUpComplaint{complaintIdOf(reg), "aterkoppling", "2026-11-24", "Ringde anhörig.", kStaff});
  CHECK_FALSE(store::complaints(*s)[1].overdue(tuesday));
  CHECK(store::complaintTable(*s, {2026, 11, 1}, tuesday).openOverdue == 0);
  CHECK(store::complaintTable(*s, {2026, 11, 1}, tuesday).feedbackGiven == 1);
  // Feedback dated after the end of the period does not count for it.
  CHECK(store::complaintTable(*s, {2026, 11, 1}, monday).feedbackGiven == 0);
}

TEST_CASE("Feedback store: the complaint table equals buildComplaintTable over the site's events") {
  TempDir dir("complaints");
  ManualClock clock(mondayAt(10));
  auto s = seed(dir, clock);
  tyckTill(*s, feedback("glad", "personalen"));
  clock.advanceMs(6 * kSecond);
  tyckTill(*s, feedback("ledsen", "lokalen"));
  const Event c1 = store::perform(*s, cmd::RegisterComplaint{complaint("klagomal", "2026-11-02", "narstaende", "bemotande"), kStaff}).front();
  store::perform(*s, cmd::RegisterComplaint{complaint("synpunkt", "2026-11-10", "brukare", "mat"), kStaff});
  store::perform(*s, cmd::RegisterComplaint{complaint("berom", "2026-11-12"), kStaff});
  const Event wrong = store::perform(*s, cmd::RegisterComplaint{complaint("klagomal", "2026-11-12", "annan", "it"), kStaff}).front();
  store::perform(*s, cmd::Correct{wrong.id, "av_misstag", kStaff});
  store::perform(*s, cmd::FollowUpComplaint{complaintIdOf(c1), "aterkoppling", "2026-11-05", "Möte.", kStaff});
  store::perform(*s, cmd::ReportDeviation{deviation("2026-11-03", true), kStaff});
  store::perform(*s, cmd::ReportDeviation{deviation("2026-10-30", false), kStaff}); // before the period
  auto badDeviation = deviation("2026-11-03", false);
  badDeviation.concerns = "allt";
  CHECK(errorFrom([&] { store::perform(*s, cmd::ReportDeviation{badDeviation, kStaff}); }).code() == ErrorCode::BadInput);
  CHECK(store::deviations(*s).size() == 2);

  const LocalDate from{2026, 11, 1}, to{2026, 11, 30};
  const ComplaintTable t = store::complaintTable(*s, from, to);
  CHECK(t.total == 2);
  CHECK(t.bySource.at("narstaende") == 1);
  CHECK(t.bySource.at("annan") == 0); // voided
  CHECK(t.byConcerns.at("it") == 0);
  CHECK(t.feedbackGiven == 1);
  CHECK(t.praise == 2); // the beröm complaint and the glad Tyck till
  CHECK(t.deviations == 1);
  CHECK(t.lexSarah == 1);

  // The same numbers from the pure function over every event of the site.
  std::vector<Event> all;
  for (auto& e : s->events().after(0, 1000))
    if (e.siteId == "liljan") all.push_back(std::move(e));
  CHECK(sameTable(t, buildComplaintTable(all, from, to)));
}

// --- the quick survey ------------------------------------------------------------------------

TEST_CASE("Feedback store: the survey window, answers inside it only, once per participant") {
  TempDir dir("survey");
  ManualClock clock(mondayAt(10)); // 2026-11-23
  auto s = seed(dir, clock);
  CHECK_FALSE(store::surveyWindow(*s));
  CHECK(errorFrom([&] { store::perform(*s, cmd::OpenSurveyWindow{{2026, 11, 27}, {2026, 11, 24}, kStaff}); }).code() ==
        ErrorCode::BadInput);
  const Event opened = store::perform(*s, cmd::OpenSurveyWindow{{2026, 11, 24}, {2026, 11, 27}, kStaff}).front();
  const std::string win = std::get<SurveyWindowOpened>(opened.payload).windowId;
  REQUIRE(store::surveyWindow(*s));
  CHECK(store::surveyWindow(*s)->windowId == win);

  const auto people = s->roster().participants("liljan");
  REQUIRE(people.size() >= 6);
  const std::vector<std::string> yesYesNo{"ja", "ja", "nej"};
  const auto eventsBefore = eventCount(*s);

  // Before the first day and after the last: refused.
  auto e = errorFrom([&] { store::perform(*s, cmd::AnswerSurvey{win, people[0].id, yesYesNo}); });
  CHECK(e.code() == ErrorCode::BadInput);
  clock.set(fromStockholm({2026, 11, 28}, 9, 0));
  CHECK(errorFrom([&] { store::perform(*s, cmd::AnswerSurvey{win, people[0].id, yesYesNo}); }).code() == ErrorCode::BadInput);
  CHECK(eventCount(*s) == eventsBefore);

  clock.set(tuesdayAt(10));
  CHECK(errorFrom([&] { store::perform(*s, cmd::AnswerSurvey{win, people[0].id, {"ja", "ja"}}); }).code() == ErrorCode::BadInput);
  CHECK(errorFrom([&] { store::perform(*s, cmd::AnswerSurvey{win, people[0].id, {"ja", "kanske", "nej"}}); }).code() ==
        ErrorCode::BadInput);
  CHECK(errorFrom([&] { store::perform(*s, cmd::AnswerSurvey{"other-window", people[0].id, yesYesNo}); }).code() == ErrorCode::BadInput);
  CHECK(eventCount(*s) == eventsBefore);

  // Six participants answer.
  const std::vector<std::vector<std::string>> answers{{"ja", "ja", "ja"},     {"ja", "ibland", "nej"},
                                                      {"nej", "ja", "ja"},    {"ja", "ja", "ibland"},
                                                      {"ibland", "nej", "ja"}, {"ja", "ja", "nej"}};
  for (size_t i = 0; i < 4; ++i) {
    CHECK_FALSE(store::hasAnswered(*s, win, people[i].id));
    const Event a = store::perform(*s, cmd::AnswerSurvey{win, people[i].id, answers[i]}).front();
    CHECK_FALSE(a.actorStaffId);
    CHECK(store::hasAnswered(*s, win, people[i].id));
  }
  CHECK(store::surveyResult(*s, win).answers == 4);
  CHECK_FALSE(store::surveyResult(*s, win).shown());
  for (size_t i = 4; i < 6; ++i) store::perform(*s, cmd::AnswerSurvey{win, people[i].id, answers[i]});
  const SurveyResult r = store::surveyResult(*s, win);
  CHECK(r.answers == 6);
  CHECK(r.shown());
  CHECK(r.counts[0] == std::array<int, 3>{4, 1, 1});
  CHECK(r.yesShare(0) == Approx(4.0 / 6.0));
  CHECK(r.yesShare(1) == Approx(4.0 / 6.0));
  CHECK(r.yesShare(2) == Approx(3.0 / 6.0));

  // The same participant again: refused, nothing written.
  RawDb raw(databaseOf(dir));
  const auto eventsNow = eventCount(*s);
  e = errorFrom([&] { store::perform(*s, cmd::AnswerSurvey{win, people[2].id, {"nej", "nej", "nej"}}); });
  CHECK(e.code() == ErrorCode::BadInput);
  CHECK(contains(e.swedish(), "Du har redan svarat"));
  CHECK(eventCount(*s) == eventsNow);
  CHECK(raw.integer("SELECT count(*) FROM survey_participation") == 6);
  CHECK(store::surveyResult(*s, win).answers == 6);

  // Anonymous: no answer names the participant; the participation table has no time and no rowid.
  const auto payloads = raw.rows("SELECT payload, coalesce(actor_staff_id, '') FROM event WHERE kind = 'SurveyAnswered'");
  REQUIRE(payloads.size() == 6);
  for (const auto& row : payloads) {
    for (size_t i = 0; i < 6; ++i) CHECK_FALSE(contains(row[0], people[i].id));
    CHECK(row[1].empty());
  }
  const auto columns = raw.rows("SELECT name FROM pragma_table_info('survey_participation') ORDER BY cid");
  REQUIRE(columns.size() == 2);
  CHECK(columns[0][0] == "window_id");
  CHECK(columns[1][0] == "participant_id");
  std::string error;
  CHECK(raw.exec("SELECT rowid FROM survey_participation", &error) != SQLITE_OK);

  // A newer window replaces the old one: answers to the old one are refused.
  store::perform(*s, cmd::OpenSurveyWindow{{2026, 11, 24}, {2026, 12, 4}, kStaff});
  CHECK(errorFrom([&] { store::perform(*s, cmd::AnswerSurvey{win, people[6 % people.size()].id, yesYesNo}); }).code() ==
        ErrorCode::BadInput);
  CHECK(store::surveyWindow(*s)->windowId != win);
  CHECK(s->status().schemaVersion == store::latestSchemaVersion());
}

// --- dagverk complaints ----------------------------------------------------------------------

TEST_CASE("Feedback CLI: complaints prints the tertial table, as text and as CSV") {
  TempDir tmp("cli-complaints");
  const fs::path data = tmp / "data";
  const std::string d = "--data-dir " + shellQuoted(data.string());
  ManualClock clock(mondayAt(10));
  RosterFiles roster = store::demoRoster();
  for (auto& site : roster.sites)
    if (site.id == "liljan") site.name = "=HYPERLINK(\"http://x\")"; // a name that looks like a formula
  {
    auto s = KioskStore::createWithRoster(data, clock, roster, "liljan");
    store::perform(*s, cmd::RegisterComplaint{complaint("klagomal", "2026-01-12", "brukare", "mat"), kStaff});
    store::perform(*s, cmd::RegisterComplaint{complaint("synpunkt", "2026-02-03", "brukare", "bemotande"), kStaff});
    store::perform(*s, cmd::RegisterComplaint{complaint("klagomal", "2026-03-03", "narstaende", "mat"), kStaff});
    store::perform(*s, cmd::RegisterComplaint{complaint("klagomal", "2026-05-03", "brukare", "mat"), kStaff}); // after T1
    store::perform(*s, cmd::ReportDeviation{deviation("2026-02-01", true), kStaff});
  }

  CliRun r = runDagverk(tmp, "complaints " + d + " --from 2026-01-01 --to 2026-04-30");
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "Period: 2026-01-01 – 2026-04-30"));
  CHECK(contains(r.out, "Från vem har klagomål eller synpunkt inkommit?"));
  CHECK(contains(lineWith(r.out, "Brukare/patient"), " 2"));
  CHECK(contains(lineWith(r.out, "Närstående (anhörig, god man, etc.)"), " 1"));
  CHECK(contains(lineWith(r.out, "Mat och måltider"), " 2"));
  CHECK(contains(lineWith(r.out, "Antal Lex Sarah"), " 1"));
  // The template's order: sources before concerns, Återkoppling before Beröm before Avvikelser.
  CHECK(r.out.find("Annan (t.ex. okänd)") < r.out.find("Vad gällde klagomålet eller synpunkten?"));
  CHECK(r.out.find("Återkoppling") < r.out.find("Beröm"));
  CHECK(r.out.find("Beröm") < r.out.find("Avvikelser"));

  r = runDagverk(tmp, "complaints " + d + " --from 2026-01-01 --to 2026-04-30 --csv");
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("\xEF\xBB\xBF" "section,row,antal\r\n", 0) == 0);
  CHECK(contains(r.out, "Från vem har klagomål eller synpunkt inkommit?,Brukare/patient,2\r\n"));
  CHECK(contains(r.out, "\"Närstående (anhörig, god man, etc.)\",1\r\n")); // a comma: quoted
  CHECK(contains(r.out, "Verksamhet,\"'=HYPERLINK(\"\"http://x\"\")\",\r\n"));
  CHECK_FALSE(contains(r.out, ",=HYPERLINK"));

  // Usage errors: exit 2 with a message.
  r = runDagverk(tmp, "complaints " + d + " --from 2026-02-30 --to 2026-04-30");
  CHECK(r.code == 2);
  CHECK(contains(r.err, "--from"));
  r = runDagverk(tmp, "complaints " + d + " --from 2026-05-01 --to 2026-04-30");
  CHECK(r.code == 2);
  CHECK(contains(r.err, "before"));
  CHECK(runDagverk(tmp, "complaints " + d + " --from 2026-01-01").code == 2);
  CHECK(runDagverk(tmp, "complaints --data-dir " + shellQuoted((tmp / "missing").string()) +
                            " --from 2026-01-01 --to 2026-04-30")
            .code == 1);
}
