#pragma once
// The hand-counted fixture (tests/report/fixtures/week-two-sites.md): week 7 of 2025 at two
// sites, recorded through the real path: three kiosk stores (two at Liljan, one at Örnsberg)
// with a manual clock, their events exported with eventsAfter, imported into a central
// database with CentralStore::importBatch, and the roster stored with storeRoster.
#include "central/CentralStore.hpp"
#include "core/Event.hpp"
#include "store/KioskStore.hpp"
#include "core/LocalTime.hpp"
#include "StoreTestSupport.hpp"
#include "sync/SyncFormat.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace dagverk::test {

inline RosterFiles fixtureRoster() {
  RosterFiles r;
  r.sites.push_back(Site{"liljan", "Liljans dagliga verksamhet", 4, 8 * 60, 16 * 60});
  r.sites.push_back(Site{"ornsberg", "Örnsbergs dagliga verksamhet", 2, 8 * 60, 16 * 60});
  const auto person = [&](const std::string& id, const std::string& site, const std::string& name, const std::string& initial,
                          const std::string& weekdays) {
    Participant p;
    p.id = id;
    p.siteId = site;
    p.firstName = name;
    p.initial = initial;
    p.expectedWeekdays = *parseWeekdays(weekdays);
    r.participants.push_back(p);
  };
  person("p-anna", "liljan", "Anna", "A", "12345");
  person("p-bo", "liljan", "Bo", "B", "135");
  person("p-cia", "liljan", "Cia", "C", "12345");
  person("p-dan", "liljan", "Dan", "D", "24");
  person("p-ella", "liljan", "Ella", "E", "6"); // Saturdays only: never expected on a working day
  person("p-frank", "liljan", "Frank", "F", "6");
  person("p-eva", "ornsberg", "Eva", "E", "12345");
  person("p-fia", "ornsberg", "Fia", "F", "123");
  person("p-gus", "ornsberg", "Gus", "G", "45");
  r.activities.push_back(Activity{"a-mal", "liljan", "Måleri", "Skapande"});
  r.activities.push_back(Activity{"a-teater", "liljan", "Teater", "Kultur"});
  r.activities.push_back(Activity{"a-museum", "liljan", "Museibesök", "Kultur"});
  r.activities.push_back(Activity{"a-musik", "ornsberg", "Musik", "Musik och rörelse"});
  r.activities.push_back(Activity{"a-sinnen", "ornsberg", "Sinnesstimulering", "Sinnen"});
  r.activities.push_back(Activity{"a-promenad", "ornsberg", "=Promenad", "Rörelse"});
  StaffMember s1;
  s1.id = "s-lisa";
  s1.siteIds = {"liljan"};
  s1.firstName = "Lisa";
  s1.initial = "L";
  s1.role = StaffRole::AssistantManager;
  r.staff.push_back(s1);
  StaffMember s2 = s1;
  s2.id = "s-omar";
  s2.siteIds = {"ornsberg"};
  s2.firstName = "Omar";
  s2.initial = "O";
  r.staff.push_back(s2);
  return r;
}

// Days of week 7, 2025 (Monday 10 February .. Friday 14 February).
inline LocalDate w07(int weekday) { return LocalDate{2025, 2, 9 + weekday}; }
inline UtcMs at(LocalDate d, int hour, int minute = 0) { return fromStockholm(d, hour, minute); }

inline sync::BatchContents batchOf(const store::KioskStore& kiosk, const std::string& siteId, std::int64_t batchSeq) {
  sync::BatchContents b;
  b.batchId = "batch-" + kiosk.deviceId() + "-" + std::to_string(batchSeq);
  b.deviceId = kiosk.deviceId();
  b.siteId = siteId;
  b.batchSeq = batchSeq;
  b.schemaVersion = kEventSchemaVersion;
  for (const Event& e : kiosk.events().after(0, 100000)) {
    b.createdUtc = e.recordedUtc;
    b.events.push_back(toRow(e));
  }
  return b;
}

// Builds the central database at `dbFile` (kiosk data directories under `work`).
inline void buildWeekFixture(const std::filesystem::path& work, const std::filesystem::path& dbFile) {
  const RosterFiles roster = fixtureRoster();
  ManualClock clock(at(w07(1), 7));
  auto a = store::KioskStore::createWithRoster(work / "kiosk-a", clock, roster, "liljan");
  auto b = store::KioskStore::createWithRoster(work / "kiosk-b", clock, roster, "liljan");
  auto c = store::KioskStore::createWithRoster(work / "kiosk-c", clock, roster, "ornsberg");
  const std::string lisa = "s-lisa", omar = "s-omar";
  const auto when = [&](LocalDate d, int h, int m = 0) { clock.set(at(d, h, m)); };
  const auto session = [&](store::KioskStore& k, const std::string& staff, const std::string& activity, LocalDate d,
                           int h0, int m0, int h1, int m1, std::vector<std::string> who, bool outing = false,
                           bool planned = false) {
    SessionDraft s;
    s.activityId = activity;
    s.participantIds = std::move(who);
    s.staffIds = {staff};
    s.start = at(d, h0, m0);
    s.end = at(d, h1, m1);
    s.outing = outing;
    s.place = outing ? "Stan" : "";
    s.planned = planned;
    return store::perform(k, cmd::LogSession{s, staff});
  };
  const auto complaint = [&](store::KioskStore& k, const std::string& staff, const std::string& type,
                             const std::string& source, const std::string& concerns, const std::string& date) {
    ComplaintRegistered r;
    r.type = type;
    r.source = source;
    r.concerns = concerns;
    r.receivedDate = date;
    r.channel = "muntligt";
    r.description = "fixture text";
    const Event e = store::perform(k, cmd::RegisterComplaint{r, staff}).front();
    return std::get<ComplaintRegistered>(e.payload).complaintId;
  };
  const auto deviation = [&](store::KioskStore& k, const std::string& staff, const std::string& by,
                             const std::string& concerns, const std::string& whom, const std::string& date, bool lexSarah) {
    DeviationReported d;
    d.identifiedBy = by;
    d.concerns = concerns;
    d.concernsWhom = whom;
    d.date = date;
    d.description = "fixture";
    d.lexSarah = lexSarah;
    store::perform(k, cmd::ReportDeviation{d, staff});
  };

  // An old complaint at Örnsberg, received in January and never answered (open, overdue).
  when(LocalDate{2025, 1, 20}, 10);
  complaint(*c, omar, "klagomal", "annan", "miljo", "2025-01-20");

  // Monday
  when(w07(1), 9);
  store::perform(*a, cmd::CheckIn{"p-anna", std::nullopt});
  when(w07(1), 9, 5);
  store::perform(*b, cmd::CheckIn{"p-anna", std::nullopt}); // the same person at the second kiosk: one attendance day
  store::perform(*a, cmd::CheckIn{"p-bo", std::nullopt});
  store::perform(*a, cmd::NoteAbsence{"p-cia", "sjuk", "", lisa});
  store::perform(*c, cmd::CheckIn{"p-eva", std::nullopt});
  store::perform(*c, cmd::CheckIn{"p-fia", std::nullopt});
  session(*a, lisa, "a-mal", w07(1), 10, 0, 11, 30, {"p-anna", "p-bo"});
  session(*c, omar, "a-musik", w07(1), 10, 0, 11, 0, {"p-eva", "p-fia"});
  const std::string c1 = complaint(*a, lisa, "klagomal", "brukare", "mat", "2025-02-10");
  when(w07(1), 15);
  store::perform(*a, cmd::CheckOut{"p-anna", std::nullopt});
  store::perform(*b, cmd::CheckOut{"p-anna", std::nullopt});
  store::perform(*a, cmd::CheckOut{"p-bo", std::nullopt});
  store::perform(*c, cmd::CheckOut{"p-eva", std::nullopt});
  store::perform(*c, cmd::CheckOut{"p-fia", std::nullopt});

  // Örnsberg is also an open meeting place: three visitors counted at the door, and a fourth
  // "+1" undone at the door at once (voided, no staff named).
  for (int m = 30; m <= 32; ++m) {
    when(w07(1), 15, m);
    store::perform(*c, cmd::TallyHeadcount{1, "", false, std::nullopt});
  }
  when(w07(1), 15, 33);
  const Event extra = store::perform(*c, cmd::TallyHeadcount{1, "", false, std::nullopt}).front();
  store::perform(*c, cmd::Correct{extra.id, "av_misstag", ""});

  // Tuesday: Cia's check-out is forgotten (closed automatically on Wednesday).
  when(w07(2), 9);
  store::perform(*a, cmd::CheckIn{"p-anna", std::nullopt});
  store::perform(*a, cmd::CheckIn{"p-cia", std::nullopt});
  store::perform(*b, cmd::CheckIn{"p-dan", std::nullopt});
  store::perform(*c, cmd::CheckIn{"p-eva", std::nullopt});
  session(*a, lisa, "a-teater", w07(2), 13, 0, 14, 0, {"p-anna", "p-cia", "p-dan"});
  complaint(*a, lisa, "synpunkt", "narstaende", "information", "2025-02-11");
  deviation(*a, lisa, "medarbetare", "utforande", "egna_verksamheten", "2025-02-11", true);
  when(w07(2), 15);
  store::perform(*a, cmd::CheckOut{"p-anna", std::nullopt});
  store::perform(*b, cmd::CheckOut{"p-dan", std::nullopt});
  store::perform(*c, cmd::CheckOut{"p-eva", std::nullopt});

  // Wednesday: the rollover closes Cia's Tuesday; Bo is checked in by mistake and corrected.
  when(w07(3), 7, 30);
  store::runDayRollover(*a);
  store::runDayRollover(*b);
  store::runDayRollover(*c);
  when(w07(3), 9);
  store::perform(*a, cmd::CheckIn{"p-anna", std::nullopt});
  const Event wrong = store::perform(*a, cmd::CheckIn{"p-bo", std::nullopt}).front();
  store::perform(*a, cmd::CheckIn{"p-cia", std::nullopt});
  store::perform(*c, cmd::CheckIn{"p-eva", std::nullopt});
  store::perform(*c, cmd::CheckIn{"p-fia", std::nullopt});
  when(w07(3), 9, 20);
  store::perform(*a, cmd::Correct{wrong.id, "fel_person", lisa});
  store::perform(*a, cmd::NoteAbsence{"p-bo", "ledig", "", lisa});
  const auto s3 = session(*a, lisa, "a-mal", w07(3), 10, 0, 12, 0, {"p-anna", "p-cia"});
  session(*c, omar, "a-sinnen", w07(3), 13, 0, 13, 45, {"p-eva", "p-fia"});
  store::perform(*a, cmd::FollowUpComplaint{c1, "aterkoppling", "2025-02-12", "Pratade med brukaren", lisa});
  complaint(*a, lisa, "berom", "narstaende", "bemotande", "2025-02-12");
  FeedbackGiven glad;
  glad.mood = "glad";
  glad.topic = "aktiviteterna";
  store::perform(*a, cmd::GiveFeedback{glad});
  store::perform(*a, cmd::OpenSurveyWindow{w07(3), w07(5), lisa});
  store::perform(*c, cmd::OpenSurveyWindow{w07(3), w07(5), omar});
  when(w07(3), 14);
  {
    // The painting session really ended at 11: edited (the old version is voided).
    SessionDraft edit;
    const auto& first = std::get<ActivitySessionLogged>(s3.front().payload);
    edit.sessionId = first.sessionId;
    edit.replacesEventId = s3.front().id;
    edit.activityId = "a-mal";
    edit.participantIds = {"p-anna", "p-cia"};
    edit.staffIds = {lisa};
    edit.start = at(w07(3), 10);
    edit.end = at(w07(3), 11);
    store::perform(*a, cmd::LogSession{edit, lisa});
  }
  when(w07(3), 15);
  store::perform(*a, cmd::CheckOut{"p-anna", std::nullopt});
  store::perform(*a, cmd::CheckOut{"p-cia", std::nullopt});
  store::perform(*c, cmd::CheckOut{"p-eva", std::nullopt});
  store::perform(*c, cmd::CheckOut{"p-fia", std::nullopt});

  // Wednesday evening's music café at Örnsberg: its total typed afterwards by staff.
  when(w07(3), 18, 30);
  store::perform(*c, cmd::TallyHeadcount{23, "a-musik", false, omar});

  // Thursday
  when(w07(4), 9);
  store::perform(*a, cmd::CheckIn{"p-anna", std::nullopt});
  store::perform(*b, cmd::CheckIn{"p-dan", std::nullopt});
  store::perform(*a, cmd::NoteAbsence{"p-cia", "annan_aktivitet", "", lisa});
  store::perform(*c, cmd::CheckIn{"p-gus", std::nullopt});
  session(*a, lisa, "a-museum", w07(4), 10, 0, 15, 0, {"p-anna", "p-dan"}, true);
  session(*c, omar, "a-promenad", w07(4), 11, 0, 12, 30, {"p-gus"}, true);
  const std::string c4 = complaint(*c, omar, "forslag", "medarbetare", "fraga_ide", "2025-02-13");
  store::perform(*a, cmd::FollowUpComplaint{c1, "atgard", "2025-02-13", "Ny meny", lisa});
  FeedbackGiven sad;
  sad.mood = "ledsen";
  sad.topic = "maten";
  store::perform(*c, cmd::GiveFeedback{sad});
  when(w07(4), 15);
  store::perform(*a, cmd::CheckOut{"p-anna", std::nullopt});
  store::perform(*b, cmd::CheckOut{"p-dan", std::nullopt});
  store::perform(*c, cmd::CheckOut{"p-gus", std::nullopt});

  // Friday
  when(w07(5), 9);
  store::perform(*a, cmd::CheckIn{"p-anna", std::nullopt});
  store::perform(*a, cmd::CheckIn{"p-bo", std::nullopt});
  store::perform(*a, cmd::CheckIn{"p-cia", std::nullopt});
  store::perform(*c, cmd::CheckIn{"p-eva", std::nullopt});
  store::perform(*c, cmd::CheckIn{"p-gus", std::nullopt});
  store::perform(*c, cmd::CheckIn{"p-fia", std::nullopt}); // not expected on Fridays, came anyway
  session(*a, lisa, "a-teater", w07(5), 13, 0, 14, 0, {"p-anna", "p-bo"}, false, true); // planned only
  session(*c, omar, "a-musik", w07(5), 10, 0, 12, 0, {"p-eva", "p-gus", "p-fia"});
  store::perform(*c, cmd::FollowUpComplaint{c4, "aterkoppling", "2025-02-14", "Tack", omar});
  deviation(*c, omar, "extern", "miljo_teknik", "annan_verksamhet", "2025-02-14", false);
  const std::vector<std::vector<std::string>> liljanAnswers{{"ja", "ja", "ja"},      {"ja", "ja", "ja"},
                                                           {"ja", "ja", "nej"},     {"ibland", "ja", "nej"},
                                                           {"nej", "ja", "ibland"}};
  const std::vector<std::string> liljanWho{"p-anna", "p-bo", "p-cia", "p-ella", "p-frank"};
  const auto windowA = store::surveyWindow(*a)->windowId;
  for (size_t i = 0; i < liljanWho.size(); ++i) store::perform(*a, cmd::AnswerSurvey{windowA, liljanWho[i], liljanAnswers[i]});
  const auto windowC = store::surveyWindow(*c)->windowId;
  store::perform(*c, cmd::AnswerSurvey{windowC, "p-eva", {"ja", "ja", "ja"}});
  store::perform(*c, cmd::AnswerSurvey{windowC, "p-fia", {"ja", "ibland", "nej"}});
  store::perform(*c, cmd::AnswerSurvey{windowC, "p-gus", {"nej", "ja", "nej"}});
  when(w07(5), 15);
  store::perform(*a, cmd::CheckOut{"p-anna", std::nullopt});
  store::perform(*a, cmd::CheckOut{"p-bo", std::nullopt});
  store::perform(*a, cmd::CheckOut{"p-cia", std::nullopt});
  store::perform(*c, cmd::CheckOut{"p-eva", std::nullopt});
  store::perform(*c, cmd::CheckOut{"p-gus", std::nullopt});
  store::perform(*c, cmd::CheckOut{"p-fia", std::nullopt});

  // A visitor at Liljan's door on Friday afternoon.
  when(w07(5), 15, 30);
  store::perform(*a, cmd::TallyHeadcount{1, "", false, std::nullopt});

  // The next Monday (outside the week): must not be counted.
  when(LocalDate{2025, 2, 17}, 9);
  store::runDayRollover(*a);
  store::perform(*a, cmd::CheckIn{"p-anna", std::nullopt});
  store::perform(*a, cmd::TallyHeadcount{5, "", false, lisa});
  // Kiosk B was out of order on three days of the week; Lisa enters its paper sheets now: Dan
  // on Monday and Friday, Bo on Tuesday (none of them expected those days). Kiosk B's own
  // Tuesday check-in of Dan is on the kiosk already and is not entered again.
  store::perform(*b, cmd::RegisterLate{w07(1), {{"p-dan", 9 * 60, 14 * 60}}, lisa});
  store::perform(*b, cmd::RegisterLate{w07(2), {{"p-bo", 9 * 60, std::nullopt}}, lisa});
  store::perform(*b, cmd::RegisterLate{w07(5), {{"p-dan", 9 * 60 + 30, 14 * 60}}, lisa});

  // Sync: every kiosk's log as one batch (kiosk B's twice: a repeat delivery changes nothing).
  clock.set(at(LocalDate{2025, 2, 17}, 16));
  auto central = central::CentralStore::open(dbFile);
  central->storeRoster(roster, 1, LocalDate{2025, 2, 17});
  central->importBatch(batchOf(*a, "liljan", 1), "sha-a", "a.batch", clock.nowUtc());
  central->importBatch(batchOf(*b, "liljan", 1), "sha-b", "b.batch", clock.nowUtc());
  central->importBatch(batchOf(*c, "ornsberg", 1), "sha-c", "c.batch", clock.nowUtc());
  auto again = batchOf(*b, "liljan", 2);
  again.batchId = "batch-b-again";
  central->importBatch(again, "sha-b2", "b2.batch", clock.nowUtc());
}

} // namespace dagverk::test
