// The pure rules of staff mode: PIN lock-out, roles, free-text and session validation, the day
// overview, current sessions after edits, the roll call, and staff.csv.
#include "core/DayRecords.hpp"
#include "store/DemoUnit.hpp"
#include "core/Error.hpp"
#include "core/LocalTime.hpp"
#include "core/RosterCsv.hpp"
#include "core/Staff.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

using namespace dagverk;

namespace {
constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;

// Monday 2026-11-23 in Stockholm (CET, UTC+1).
constexpr LocalDate kMonday{2026, 11, 23};
UtcMs mondayAt(int h, int m = 0) { return fromStockholm(kMonday, h, m); }
UtcMs sundayAt(int h, int m = 0) { return fromStockholm({2026, 11, 22}, h, m); }

std::int64_t g_seq = 0;
Event event(const std::string& id, EventPayload payload, UtcMs recorded = 0) {
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

Participant person(const std::string& id, const std::string& first, const std::string& weekdays) {
  Participant p;
  p.id = id;
  p.siteId = "liljan";
  p.firstName = first;
  p.initial = "A";
  p.expectedWeekdays = *parseWeekdays(weekdays);
  return p;
}

SessionDraft validDraft() {
  SessionDraft d;
  d.activityId = "liljan-a01";
  d.participantIds = {"P1", "P2", "P3"};
  d.staffIds = {"S001"};
  d.start = mondayAt(10);
  d.end = mondayAt(11, 30);
  d.note = "Vi målade höstlöv.";
  return d;
}

std::vector<std::string> ids(const std::vector<ParticipantDay>& days) {
  std::vector<std::string> out;
  for (const auto& d : days) out.push_back(d.participantId);
  return out;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}
} // namespace

// --- PIN lock-out ----------------------------------------------------------------------------

TEST_CASE("PinLockout: five wrong PINs lock for 30 s, then 60 s, then 5 min") {
  const UtcMs t0 = mondayAt(9);
  PinLockout lock;
  CHECK(lock.secondsLeft(t0) == 0);
  CHECK(lock.attemptsLeftBeforeLock() == 5);
  for (int i = 1; i <= 4; ++i) {
    lock.recordFailure(t0 + i * kSecond);
    CHECK(lock.attemptsLeftBeforeLock() == 5 - i);
    CHECK(lock.secondsLeft(t0 + i * kSecond) == 0);
  }
  const UtcMs fifth = t0 + 5 * kSecond;
  lock.recordFailure(fifth);
  CHECK(lock.failures == 5);
  CHECK(lock.level == 1);
  CHECK(lock.attemptsLeftBeforeLock() == 0);
  CHECK(lock.lockedUntil == fifth + 30 * kSecond);
  CHECK(lock.secondsLeft(fifth) == 30);
  CHECK(lock.secondsLeft(fifth + 1) == 30); // rounds up: 29.999 s left shows as 30
  CHECK(lock.secondsLeft(fifth + 29'001) == 1);
  CHECK(lock.secondsLeft(fifth + 30 * kSecond) == 0);

  // After the lock-out, the very next wrong PIN locks again, for longer.
  const UtcMs sixth = fifth + 31 * kSecond;
  lock.recordFailure(sixth);
  CHECK(lock.level == 2);
  CHECK(lock.secondsLeft(sixth) == 60);
  const UtcMs seventh = sixth + 61 * kSecond;
  lock.recordFailure(seventh);
  CHECK(lock.level == 3);
  CHECK(lock.secondsLeft(seventh) == 300);
  const UtcMs eighth = seventh + 301 * kSecond;
  lock.recordFailure(eighth);
  CHECK(lock.secondsLeft(eighth) == 900);
  const UtcMs ninth = eighth + 901 * kSecond;
  lock.recordFailure(ninth);
  CHECK(lock.secondsLeft(ninth) == 3600);
  const UtcMs tenth = ninth + 3601 * kSecond;
  lock.recordFailure(tenth);
  CHECK(lock.secondsLeft(tenth) == 3600); // an hour for every further wrong PIN
}

TEST_CASE("PinLockout: a clock moved back cannot stretch the lock-out") {
  const UtcMs t0 = mondayAt(9);
  PinLockout lock;
  for (int i = 0; i < 5; ++i) lock.recordFailure(t0);
  REQUIRE(lock.secondsLeft(t0) == 30);
  CHECK(lock.secondsLeft(t0 - kHour) == 30); // capped at the level's length, not 1 h 30 s
  lock.recordFailure(t0 + kMinute);           // level 2: 60 s
  CHECK(lock.secondsLeft(t0 + kMinute - kHour) == 60);
}

TEST_CASE("PinLockout: a right PIN resets everything") {
  const UtcMs t0 = mondayAt(9);
  PinLockout lock;
  for (int i = 0; i < 6; ++i) lock.recordFailure(t0 + i * kMinute);
  REQUIRE(lock.level == 2);
  lock.recordSuccess();
  CHECK(lock.failures == 0);
  CHECK(lock.level == 0);
  CHECK(lock.lockedUntil == 0);
  CHECK(lock.secondsLeft(t0 + 10 * kMinute) == 0);
  CHECK(lock.attemptsLeftBeforeLock() == 5);
  // And the next run of failures starts at 30 s again.
  for (int i = 0; i < 5; ++i) lock.recordFailure(t0 + kHour);
  CHECK(lock.secondsLeft(t0 + kHour) == 30);
}

TEST_CASE("PinLockout: lock-out lengths per level") {
  CHECK(lockoutSecondsForLevel(0) == 0);
  CHECK(lockoutSecondsForLevel(1) == 30);
  CHECK(lockoutSecondsForLevel(2) == 60);
  CHECK(lockoutSecondsForLevel(3) == 300);
  CHECK(lockoutSecondsForLevel(4) == 900);
  CHECK(lockoutSecondsForLevel(5) == 3600);
  CHECK(lockoutSecondsForLevel(50) == 3600);
}

// --- staff and roles -------------------------------------------------------------------------

TEST_CASE("Staff: PINs are 4 to 6 digits") {
  CHECK(isWellFormedPin("1001"));
  CHECK(isWellFormedPin("123456"));
  CHECK_FALSE(isWellFormedPin("123"));
  CHECK(isWellFormedPin("1234567"));
  CHECK(isWellFormedPin("12345678"));
  CHECK_FALSE(isWellFormedPin("123456789"));
  CHECK_FALSE(isWellFormedPin(""));
  CHECK_FALSE(isWellFormedPin("12a4"));
  CHECK_FALSE(isWellFormedPin("12 34"));
  CHECK_FALSE(isWellFormedPin("１２３４")); // full-width digits are not digits here
}

TEST_CASE("Staff: roles, sites and names") {
  for (StaffRole r : {StaffRole::Staff, StaffRole::AssistantManager, StaffRole::Admin})
    CHECK(parseRole(roleCode(r)) == r);
  CHECK_FALSE(parseRole("boss").has_value());
  CHECK_FALSE(parseRole("Admin").has_value());
  CHECK(std::string(roleLabelSv(StaffRole::AssistantManager)) == "Biträdande enhetschef");

  StaffMember m;
  m.firstName = "Öjvind";
  m.initial = "å";
  m.siteIds = {"liljan", "trofast"};
  CHECK(m.worksAt("liljan"));
  CHECK(m.worksAt("trofast"));
  CHECK_FALSE(m.worksAt("steget"));
  CHECK(m.displayName() == "Öjvind å.");
  CHECK(m.initials() == "ÖÅ");
  m.siteIds = {"*"};
  CHECK(m.worksAt("steget"));
}

// --- free text and sessions ------------------------------------------------------------------

TEST_CASE("DayRecords: characters are counted as code points") {
  CHECK(characterCount("") == 0);
  CHECK(characterCount("abc") == 3);
  CHECK(characterCount("åäö") == 3); // six bytes
  CHECK(characterCount(repeat("å", 1000)) == 1000);
}

TEST_CASE("DayRecords: free text allows newline and tab, not other control characters") {
  CHECK_FALSE(validateFreeText("Rad ett\nrad två\tmed tabb", 100, "Texten").has_value());
  for (const std::string& bad : {std::string("a\rb"), std::string("bell\a"), std::string("del\x7f"),
                                std::string("nul", 3) + std::string(1, '\0') + "x"}) {
    const auto e = validateFreeText(bad, 100, "Texten");
    REQUIRE(e.has_value());
    CHECK(e->swedish == "Texten innehåller otillåtna styrtecken.");
  }
  const auto utf = validateFreeText("tr\xC3\x28sig", 100, "Texten");
  REQUIRE(utf.has_value());
  CHECK(utf->swedish == "Texten innehåller ogiltiga tecken.");
  CHECK(utf->english.find("UTF-8") != std::string::npos);
}

TEST_CASE("DayRecords: a valid session passes, also at exactly 12 hours and 1,000 characters") {
  CHECK_FALSE(validateSession(validDraft()).has_value());
  SessionDraft d = validDraft();
  d.end = d.start + kMaxSessionMs;
  d.note = repeat("å", 1000);
  CHECK_FALSE(validateSession(d).has_value());
  d.outing = true;
  d.place = "Skansen";
  CHECK_FALSE(validateSession(d).has_value());
}

TEST_CASE("DayRecords: each session error has its own Swedish message") {
  using Edit = void (*)(SessionDraft&);
  const std::vector<std::pair<Edit, std::string>> cases = {
      {[](SessionDraft& d) { d.activityId.clear(); }, "Välj en aktivitet."},
      {[](SessionDraft& d) { d.participantIds.clear(); }, "Välj minst en deltagare."},
      {[](SessionDraft& d) { d.end = d.start - kMinute; }, "Sluttiden måste vara efter starttiden."},
      {[](SessionDraft& d) { d.end = d.start; }, "Sluttiden måste vara efter starttiden."},
      {[](SessionDraft& d) { d.end = d.start + kMaxSessionMs + 1; }, "En aktivitet kan vara högst 12 timmar."},
      {[](SessionDraft& d) { d.note = repeat("å", 1001); }, "Anteckningen är för lång: 1001 tecken, högst 1000."},
      {[](SessionDraft& d) { d.note = "Rad\x01"; }, "Anteckningen innehåller otillåtna styrtecken."},
      {[](SessionDraft& d) { d.note = "\xff\xfe"; }, "Anteckningen innehåller ogiltiga tecken."},
      {[](SessionDraft& d) { d.outing = true; }, "Skriv vart ni åkte."},
      {[](SessionDraft& d) {
         d.outing = true;
         d.place = repeat("ö", 201);
       },
       "Platsen är för lång: 201 tecken, högst 200."},
  };
  for (const auto& [edit, message] : cases) {
    SessionDraft d = validDraft();
    edit(d);
    const auto e = validateSession(d);
    INFO("expected: " << message);
    REQUIRE(e.has_value());
    CHECK(e->swedish == message);
    CHECK_FALSE(e->english.empty());
    CHECK(e->english.find("å") == std::string::npos); // logs carry no free text
  }
}

// --- absences and corrections ----------------------------------------------------------------

TEST_CASE("DayRecords: absence and correction reasons") {
  REQUIRE(absenceReasons().size() == 4);
  for (const char* code : {"sjuk", "ledig", "annan_aktivitet", "okant"}) CHECK(isAbsenceReason(code));
  CHECK_FALSE(isAbsenceReason("semester"));
  CHECK_FALSE(isAbsenceReason(""));
  CHECK(std::string(absenceLabel("annan_aktivitet")) == "Annan aktivitet");
  CHECK(std::string(absenceLabel("okant")) == "Okänt");
  REQUIRE(correctionReasons().size() == 4);
  CHECK(std::string(correctionReasons()[0].code) == "fel_person");
}

TEST_CASE("DayRecords: voidedEventIds") {
  const std::vector<Event> events = {event("E1", CheckedIn{"P1", 1}), event("E2", Corrected{"E1", "P1", "fel_person"}),
                                     event("E3", CheckedIn{"P2", 2})};
  CHECK(voidedEventIds(events) == std::set<std::string>{"E1"});
}

// --- the day overview ------------------------------------------------------------------------

TEST_CASE("DayRecords: the day overview on a Monday with a corrected check-in") {
  REQUIRE(isoWeekday(kMonday) == 1);
  const std::vector<Participant> people = {
      person("P1", "Anna", "12345"), // present
      person("P2", "Bo", "135"),     // checked in by mistake, corrected: expected again
      person("P3", "Cia", "12345"),  // came and went
      person("P4", "Dan", "1"),      // sick
      person("P5", "Eva", "2345"),   // not a Monday person, not here: not listed
      person("P6", "Fia", "12345"),  // expected, not arrived
      person("P7", "Gun", "12345"),  // checked in and out, but the check-in was the wrong person
      person("P8", "Hans", "12345"), // yesterday's visit closed automatically this morning
      person("P9", "Ida", "2345"),   // not expected but came anyway
  };
  g_seq = 0;
  const std::vector<Event> events = {
      event("out8", CheckedOut{"P8", sundayAt(16), true, "in8-sunday"}, mondayAt(7)),
      event("in1", CheckedIn{"P1", mondayAt(8, 5)}, mondayAt(8, 5)),
      event("in2", CheckedIn{"P2", mondayAt(8, 6)}, mondayAt(8, 6)),
      event("fix2", Corrected{"in2", "P2", "fel_person"}, mondayAt(8, 7)),
      event("in3", CheckedIn{"P3", mondayAt(8, 10)}, mondayAt(8, 10)),
      event("abs4", AbsenceNoted{"P4", "2026-11-23", "sjuk", ""}, mondayAt(8, 15)),
      event("abs6-old", AbsenceNoted{"P6", "2026-11-16", "ledig", ""}, mondayAt(8, 16)), // another day
      event("in7", CheckedIn{"P7", mondayAt(8, 20)}, mondayAt(8, 20)),
      event("out3", CheckedOut{"P3", mondayAt(11), false, "in3"}, mondayAt(11)),
      event("out7", CheckedOut{"P7", mondayAt(11, 5), false, "in7"}, mondayAt(11, 5)),
      event("fix7", Corrected{"in7", "P7", "fel_person"}, mondayAt(11, 10)),
      event("in9", CheckedIn{"P9", mondayAt(12)}, mondayAt(12)),
  };
  PresenceBoard board;
  board.replay(events);
  REQUIRE(board.count() == 2); // P1 and P9

  // Events in any order: sorted by sequence inside.
  std::vector<Event> shuffled(events.rbegin(), events.rend());
  const DayOverview o = buildDayOverview(people, shuffled, board, kMonday);
  CHECK(ids(o.present) == std::vector<std::string>{"P1", "P9"});
  CHECK(o.present[0].status == DayStatus::Present);
  CHECK(o.present[0].since == mondayAt(8, 5));
  CHECK(o.present[0].checkInEventId == "in1");
  CHECK(ids(o.checkedOut) == std::vector<std::string>{"P3"});
  CHECK(o.checkedOut[0].status == DayStatus::CheckedOut);
  CHECK(o.checkedOut[0].since == mondayAt(11));
  CHECK(o.checkedOut[0].checkOutEventId == "out3");
  CHECK(ids(o.absent) == std::vector<std::string>{"P4"});
  CHECK(o.absent[0].absenceReason == "sjuk");
  CHECK(ids(o.expected) == std::vector<std::string>{"P2", "P6", "P7", "P8"});
  for (const auto& d : o.expected) CHECK(d.status == DayStatus::ExpectedNotArrived);

  // On Tuesday's list P4 (Mondays only) is not expected; P5 is.
  const DayOverview tue = buildDayOverview(people, {}, PresenceBoard{}, {2026, 11, 24});
  const auto tueIds = ids(tue.expected);
  CHECK(std::find(tueIds.begin(), tueIds.end(), "P4") == tueIds.end());
  CHECK(std::find(tueIds.begin(), tueIds.end(), "P2") == tueIds.end()); // Bo: Mon, Wed, Fri
  CHECK(std::find(tueIds.begin(), tueIds.end(), "P5") != tueIds.end());
  CHECK(tueIds == std::vector<std::string>{"P1", "P3", "P5", "P6", "P7", "P8", "P9"});
}

// --- sessions --------------------------------------------------------------------------------

TEST_CASE("DayRecords: currentSessions keeps the latest unvoided version of each session") {
  g_seq = 0;
  ActivitySessionLogged art{"SES-A", "liljan-a01", {"P1", "P2"}, {"S001"}, mondayAt(10), mondayAt(11),
                            false, "", "första", false};
  ActivitySessionLogged garden{"SES-B", "liljan-a03", {"P3"}, {}, mondayAt(9), mondayAt(9, 45), false, "", "", true};
  ActivitySessionLogged artEdited = art;
  artEdited.participantIds = {"P1", "P2", "P4"};
  artEdited.note = "ändrad";
  ActivitySessionLogged cancelled{"SES-C", "liljan-a02", {"P5"}, {}, mondayAt(13), mondayAt(14), false, "", "", true};
  const std::vector<Event> events = {
      event("e1", art),
      event("e2", garden),
      event("e3", artEdited),
      event("e4", Corrected{"e1", "SES-A", "andrad"}),
      event("e5", cancelled),
      event("e6", Corrected{"e5", "SES-C", "av_misstag"}),
  };
  const auto current = currentSessions(events);
  REQUIRE(current.size() == 2);
  // Sorted by start: the garden session (09:00) before art (10:00).
  CHECK(current[0].eventId == "e2");
  CHECK(current[0].data.planned);
  CHECK(current[1].eventId == "e3");
  CHECK(current[1].data.sessionId == "SES-A");
  CHECK(current[1].data.participantIds == std::vector<std::string>{"P1", "P2", "P4"});
  CHECK(current[1].data.note == "ändrad");

  // Before the edit, the first version stands.
  const std::vector<Event> before(events.begin(), events.begin() + 2);
  const auto old = currentSessions(before);
  REQUIRE(old.size() == 2);
  CHECK(old[1].eventId == "e1");
  CHECK(old[1].data.note == "första");
}

// --- roll call -------------------------------------------------------------------------------

TEST_CASE("DayRecords: latestRollCall") {
  g_seq = 0;
  CHECK_FALSE(latestRollCall({}).has_value());
  CHECK_FALSE(latestRollCall({event("x", CheckedIn{"P1", 1})}).has_value());

  const std::vector<Event> events = {
      event("r1", RollCallStarted{"RC1", {"P1", "S001"}}, mondayAt(9)),
      event("r2", RollCallMarkedSafe{"RC1", "P1"}, mondayAt(9, 1)),
      event("r3", RollCallEnded{"RC1", 1}, mondayAt(9, 5)),
      event("r4", RollCallStarted{"RC2", {"P1", "P2", "S001"}}, mondayAt(13)),
      event("r5", RollCallMarkedSafe{"RC2", "P2"}, mondayAt(13, 1)),
      event("r6", RollCallMarkedSafe{"RC1", "S001"}, mondayAt(13, 2)), // the old roll call: ignored
      event("r7", RollCallMarkedSafe{"RC2", "S001"}, mondayAt(13, 3)),
      event("r8", RollCallMarkedSafe{"RC2", "S001"}, mondayAt(13, 4)), // twice: counted once
  };
  const auto first = latestRollCall(std::vector<Event>(events.begin(), events.begin() + 3));
  REQUIRE(first.has_value());
  CHECK(first->rollCallId == "RC1");
  CHECK(first->ended);
  CHECK(first->remaining() == 1);
  CHECK(first->startedAt == mondayAt(9));

  const auto rc = latestRollCall(events);
  REQUIRE(rc.has_value());
  CHECK(rc->rollCallId == "RC2");
  CHECK(rc->startedAt == mondayAt(13));
  CHECK(rc->expectedIds == std::vector<std::string>{"P1", "P2", "S001"});
  CHECK(rc->safeIds == std::set<std::string>{"P2", "S001"});
  CHECK_FALSE(rc->ended);
  CHECK(rc->remaining() == 1);
}

// --- staff.csv -------------------------------------------------------------------------------

namespace {
const std::string kHash = "\"$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA\"";
RosterFiles smallRoster() {
  return parseRosterCsv("site_id,name,places,opens,closes\ns1,Första,10,08:00,16:00\ns2,Andra,5,08:30,15:30\n",
                        "participant_id,site_id,first_name,initial,weekdays,photo\nP1,s1,Åsa,B,12345,\n",
                        "activity_id,site_id,name,category\nA1,s1,Bild,Skapande\n");
}
const std::string kStaffHeader = "staff_id,site_id,first_name,initial,role,pin_hash\n";

void requireStaffError(const std::string& rows, const std::string& where, const std::string& swedishPart) {
  RosterFiles r = smallRoster();
  try {
    parseStaffCsv(kStaffHeader + rows, r);
    FAIL("parseStaffCsv did not throw; expected an error at " << where);
  } catch (const DagverkError& e) {
    INFO("swedish: " << e.swedish() << "\nenglish: " << e.english());
    CHECK(e.code() == ErrorCode::BadInput);
    CHECK(e.swedish().find(where) != std::string::npos);
    CHECK(e.swedish().find(swedishPart) != std::string::npos);
    CHECK(std::string(e.english()).find(where) != std::string::npos);
  }
  CHECK(r.staff.empty()); // nothing half-parsed
}
} // namespace

TEST_CASE("StaffCsv: a valid staff file") {
  RosterFiles r = smallRoster();
  parseStaffCsv(kStaffHeader + "S1,s1,Öjvind,L,staff," + kHash + "\nS2,s1 s2,Ann-Sofie,M,assistant_manager," + kHash +
                    "\nS3,*,Ronja,A,admin," + kHash + "\n",
                r);
  REQUIRE(r.staff.size() == 3);
  CHECK(r.staff[0].id == "S1");
  CHECK(r.staff[0].siteIds == std::vector<std::string>{"s1"});
  CHECK(r.staff[0].displayName() == "Öjvind L.");
  CHECK(r.staff[0].role == StaffRole::Staff);
  CHECK(r.staff[0].pinHash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0);
  CHECK(r.staff[1].siteIds == std::vector<std::string>{"s1", "s2"});
  CHECK(r.staff[1].role == StaffRole::AssistantManager);
  CHECK(r.staff[2].siteIds == std::vector<std::string>{"*"});
  CHECK(r.staff[2].worksAt("s2"));
  CHECK(r.staff[2].role == StaffRole::Admin);
}

TEST_CASE("StaffCsv: errors name file, line and column") {
  requireStaffError("S1,s9,Anna,B,staff," + kHash + "\n", "staff.csv:2:2", "okänd verksamhet");
  requireStaffError("S1,s1,Anna,B,staff," + kHash + "\nS2,s1 * ,Bo,C,admin," + kHash + "\n", "staff.csv:3:2",
                    "ska stå ensamt");
  requireStaffError("S1,* s1,Bo,C,admin," + kHash + "\n", "staff.csv:2:2", "ska stå ensamt");
  requireStaffError("S1,,Bo,C,admin," + kHash + "\n", "staff.csv:2:2", "värde saknas");
  requireStaffError("S1,s1 s1,Bo,C,staff," + kHash + "\n", "staff.csv:2:2", "två gånger");
  requireStaffError("S1,s1,Anna,BC,staff," + kHash + "\n", "staff.csv:2:4", "en bokstav");
  requireStaffError("S1,s1,Anna,B,chef," + kHash + "\n", "staff.csv:2:5", "rollen");
  requireStaffError("S1,s1,Anna,B,staff,1234\n", "staff.csv:2:6", "aldrig själva koden");
  requireStaffError("S1,s1,Anna,B,staff,\"$argon2i$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA\"\n", "staff.csv:2:6",
                    "Argon2id");
  requireStaffError("S1,s1,Anna,B,staff," + kHash + "\nS1,s2,Bo,C,staff," + kHash + "\n", "staff.csv:3:1",
                    "samma id");
  requireStaffError("P1,s1,Anna,B,staff," + kHash + "\n", "staff.csv:2:1", "deltagare");
}

TEST_CASE("StaffCsv: the demo unit has 62 staff over the nine sites") {
  const RosterFiles demo = store::demoRoster();
  REQUIRE(demo.staff.size() == 62);
  std::map<std::string, int> onlyHere;
  int managers = 0, admins = 0;
  for (const auto& m : demo.staff) {
    CHECK(m.pinHash.rfind("$argon2id$", 0) == 0);
    CHECK(m.active);
    if (m.role == StaffRole::Staff) {
      REQUIRE(m.siteIds.size() == 1);
      ++onlyHere[m.siteIds[0]];
    }
    if (m.role == StaffRole::AssistantManager) {
      ++managers;
      CHECK(m.siteIds.size() == 3);
    }
    if (m.role == StaffRole::Admin) {
      ++admins;
      CHECK(m.siteIds == std::vector<std::string>{"*"});
    }
  }
  CHECK(managers == 3);
  CHECK(admins == 1);
  CHECK(onlyHere == std::map<std::string, int>{{"liljan", 12},   {"ornsberg", 10}, {"trofast", 4},
                                               {"vastertorp", 6}, {"steget", 11},   {"natverket", 5},
                                               {"fruangen", 4},   {"vaxtverket", 2}, {"langsjon", 4}});
  CHECK(demo.staff.front().id == "S001");
  CHECK(demo.staff.back().id == "S062");
  // Every site has an assistant manager.
  for (const auto& s : demo.sites) {
    const auto n = std::count_if(demo.staff.begin(), demo.staff.end(), [&](const StaffMember& m) {
      return m.role == StaffRole::AssistantManager && m.worksAt(s.id);
    });
    CHECK(n == 1);
  }
}

TEST_CASE("Staff idle time: one rule, 10–3600 s, default 90") {
  CHECK(kDefaultStaffIdleSeconds == 90);
  CHECK(isValidStaffIdleSeconds(10));
  CHECK(isValidStaffIdleSeconds(3600));
  CHECK_FALSE(isValidStaffIdleSeconds(9));
  CHECK_FALSE(isValidStaffIdleSeconds(3601));
  CHECK(dagverk::parseStaffIdleSeconds("120") == 120);
  CHECK_FALSE(dagverk::parseStaffIdleSeconds("5").has_value());
  CHECK_FALSE(dagverk::parseStaffIdleSeconds("90s").has_value());
  CHECK_FALSE(dagverk::parseStaffIdleSeconds("").has_value());
  CHECK(staffIdleRangeSv() == "mellan 10 och 3600 sekunder");
}

TEST_CASE("Absence and correction: the reason is known, the comment at most 500 characters") {
  CHECK_FALSE(validateAbsence("sjuk", "").has_value());
  CHECK(validateAbsence("semester", "").has_value());
  CHECK_FALSE(validateAbsence("ledig", std::string(kMaxAbsenceCommentChars, 'a')).has_value());
  CHECK(validateAbsence("ledig", std::string(kMaxAbsenceCommentChars + 1, 'a')).has_value());
  CHECK(validateAbsence("ledig", "hej\x01").has_value());
  CHECK_FALSE(validateCorrectionReason("fel_person").has_value());
  CHECK(validateCorrectionReason("oops").has_value());
}
