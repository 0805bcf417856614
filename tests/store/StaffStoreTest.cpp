// Staff mode in the store: staff and PINs with a lock-out that survives a restart, staff
// presence, corrections, absences, activity sessions (edits in one transaction), the roll
// call, and the `dagverk rollcall` / `dagverk hash-pin` commands on the real binary.
#include "StoreTestSupport.hpp"

#include "store/DemoUnit.hpp"
#include "core/Ids.hpp"
#include "store/KioskStore.hpp"
#include "store/Migrations.hpp"
#include "store/Pins.hpp"
#include "core/SwedishText.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <sstream>
#include <sys/wait.h>

#ifndef DAGVERK_BIN
#error "DAGVERK_BIN must be defined by CMake"
#endif

using namespace dagverk;
using namespace dagverk::test;
using store::KioskStore;
using store::PinResult;

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;

std::unique_ptr<KioskStore> seedDemo(const TempDir& dir, const Clock& clock, const RosterFiles& roster) {
  return KioskStore::createWithRoster(dir.path(), clock, roster, "liljan");
}
std::unique_ptr<KioskStore> seedDemo(const TempDir& dir, const Clock& clock) {
  return seedDemo(dir, clock, store::demoRoster());
}

fs::path databaseOf(const TempDir& dir) { return dir / store::kDatabaseFileName; }

std::int64_t eventCount(const KioskStore& s) { return s.status().events; }

// The demo PIN rule: "1" and the last three digits of the staff id.
std::string demoPin(const std::string& staffId) { return "1" + staffId.substr(staffId.size() - 3); }

template <class F> ErrorCode codeOf(F&& f) { return errorFrom(std::forward<F>(f)).code(); }

// Liljan participants expected on Mondays: Hugo N. (P0002), Ängla L. (P0009), Bo Ö. (P0011), Ebba H. (P0012).
SessionDraft threePeople() {
  SessionDraft d;
  d.activityId = "liljan-a01"; // Bild och form
  d.participantIds = {"P0002", "P0011", "P0012"};
  d.staffIds = {"S001"};
  d.start = mondayAt(10);
  d.end = mondayAt(11, 30);
  d.note = "Höstlöv i akvarell.";
  return d;
}

bool sameState(const RollCallState& a, const RollCallState& b) {
  return a.rollCallId == b.rollCallId && a.startedAt == b.startedAt && a.expectedIds == b.expectedIds &&
         a.safeIds == b.safeIds && a.ended == b.ended;
}

} // namespace

// --- staff and PINs --------------------------------------------------------------------------

TEST_CASE("Staff store: the demo staff, activities and settings load") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(8));
  {
    auto s = seedDemo(dir, clock);
    CHECK(s->status().schemaVersion == store::latestSchemaVersion());
  }
  auto s = KioskStore::open(dir.path(), clock);
  const auto liljan = s->roster().staff("liljan");
  REQUIRE(liljan.size() == 14); // 12 staff, the assistant manager, the admin
  for (size_t i = 1; i < liljan.size(); ++i)
    CHECK_FALSE(swedishLess(liljan[i].firstName, liljan[i - 1].firstName));
  const auto has = [&](const std::vector<StaffMember>& v, const std::string& id) {
    return std::any_of(v.begin(), v.end(), [&](const StaffMember& m) { return m.id == id; });
  };
  CHECK(has(liljan, "S001"));
  CHECK(has(liljan, "S059")); // assistant manager for liljan, trofast, vaxtverket
  CHECK(has(liljan, "S062")); // admin, every site
  CHECK_FALSE(has(liljan, "S013"));
  CHECK(s->roster().staff("vaxtverket").size() == 4);
  CHECK(s->roster().staff("langsjon").size() == 6);
  CHECK(s->roster().staff("nowhere").size() == 1); // only the admin works "everywhere"

  const StaffMember admin = s->roster().staffMember("S062");
  CHECK(admin.role == StaffRole::Admin);
  CHECK(admin.siteIds == std::vector<std::string>{"*"});
  const StaffMember am = s->roster().staffMember("S060");
  CHECK(am.role == StaffRole::AssistantManager);
  CHECK(am.siteIds == std::vector<std::string>{"ornsberg", "vastertorp", "langsjon"});
  CHECK(codeOf([&] { s->roster().staffMember("S999"); }) == ErrorCode::UnknownStaff);

  const auto acts = s->roster().activities("liljan");
  REQUIRE(acts.size() == 7);
  CHECK(acts.front().id == "liljan-a01");
  CHECK(acts.front().name == "Bild och form");
  CHECK(acts.front().category == "Skapande");
  CHECK(s->roster().activities("trofast").size() == 5);

  CHECK(s->settings().staffIdleSeconds() == 90);
  const PinLockout lock = s->lockout().state("S001");
  CHECK(lock.failures == 0);
  CHECK(lock.secondsLeft(clock.nowUtc()) == 0);

  // Only hashes on disk, never a PIN.
  RawDb raw(databaseOf(dir));
  CHECK(raw.integer("SELECT count(*) FROM staff") == 62);
  CHECK(raw.integer("SELECT count(*) FROM staff WHERE pin_hash NOT LIKE '$argon2id$%'") == 0);
  CHECK(raw.integer("SELECT count(*) FROM staff WHERE pin_hash LIKE '%1001%' AND length(pin_hash) < 20") == 0);
}

TEST_CASE("Staff store: the idle time is a setting") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(8));
  auto s = seedDemo(dir, clock);
  RawDb raw(databaseOf(dir));
  REQUIRE(raw.exec("UPDATE setting SET value = '45' WHERE key = 'staff_idle_seconds'") == SQLITE_OK);
  CHECK(s->settings().staffIdleSeconds() == 45);
  REQUIRE(raw.exec("UPDATE setting SET value = 'soon' WHERE key = 'staff_idle_seconds'") == SQLITE_OK);
  CHECK(s->settings().staffIdleSeconds() == 90);
  REQUIRE(raw.exec("UPDATE setting SET value = '1' WHERE key = 'staff_idle_seconds'") == SQLITE_OK);
  CHECK(s->settings().staffIdleSeconds() == 10); // never so short that staff cannot finish a tap
}

TEST_CASE("Staff store: checkPin, right and wrong, with the tries left") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(8));
  auto s = seedDemo(dir, clock);
  CHECK(s->lockout().checkPin("S001", "1001").result == PinResult::Accepted);
  CHECK(s->lockout().checkPin("S042", demoPin("S042")).result == PinResult::Accepted);
  CHECK(demoPin("S042") == "1042");

  auto r = s->lockout().checkPin("S001", "1042"); // another person's PIN
  CHECK(r.result == PinResult::Wrong);
  CHECK(r.attemptsLeft == 4);
  r = s->lockout().checkPin("S001", "9999");
  CHECK(r.result == PinResult::Wrong);
  CHECK(r.attemptsLeft == 3);
  // Not 4-6 digits: counted as a wrong PIN too.
  r = s->lockout().checkPin("S001", "12");
  CHECK(r.result == PinResult::Malformed);
  CHECK(r.attemptsLeft == 2);
  CHECK(s->lockout().state("S001").failures == 3);

  // A right PIN resets the count.
  CHECK(s->lockout().checkPin("S001", "1001").result == PinResult::Accepted);
  CHECK(s->lockout().state("S001").failures == 0);
  r = s->lockout().checkPin("S001", "0000");
  CHECK(r.result == PinResult::Wrong);
  CHECK(r.attemptsLeft == 4);

  CHECK(codeOf([&] { s->lockout().checkPin("S999", "1001"); }) == ErrorCode::UnknownStaff);
  CHECK(s->status().events == 0); // PIN checks are not events
}

TEST_CASE("Staff store: the lock-out after five wrong PINs survives a restart and then ends") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(8));
  {
    auto s = seedDemo(dir, clock);
    for (int i = 0; i < 4; ++i) {
      clock.advanceMs(kSecond);
      const auto r = s->lockout().checkPin("S001", "2222");
      CHECK(r.result == PinResult::Wrong);
      CHECK(r.attemptsLeft == 4 - i);
    }
    clock.advanceMs(kSecond);
    const auto fifth = s->lockout().checkPin("S001", "2222");
    CHECK(fifth.result == PinResult::LockedOut); // the countdown shows at once
    CHECK(fifth.secondsLeft == 30);
  } // the app is killed

  clock.advanceMs(10 * kSecond);
  auto s = KioskStore::open(dir.path(), clock);
  CHECK(s->lockout().state("S001").secondsLeft(clock.nowUtc()) == 20);
  // Locked: even the right PIN is refused, without even a look at the staff member.
  auto r = s->lockout().checkPin("S001", "1001");
  CHECK(r.result == PinResult::LockedOut);
  CHECK(r.secondsLeft == 20);
  CHECK(s->lockout().state("S001").failures == 5); // refused tries while locked are not counted
  // Only S001 is locked out: a colleague signs in as usual.
  CHECK(s->lockout().checkPin("S042", demoPin("S042")).result == PinResult::Accepted);
  CHECK(s->lockout().states().size() == 1);

  clock.advanceMs(19 * kSecond);
  CHECK(s->lockout().checkPin("S001", "1001").secondsLeft == 1);
  clock.advanceMs(kSecond);
  CHECK(s->lockout().state("S001").secondsLeft(clock.nowUtc()) == 0);

  // The next wrong PIN locks again at once, for a minute, also across a restart.
  r = s->lockout().checkPin("S001", "2222");
  CHECK(r.result == PinResult::LockedOut);
  CHECK(r.secondsLeft == 60);
  s.reset();
  s = KioskStore::open(dir.path(), clock);
  CHECK(s->lockout().checkPin("S001", "1001").result == PinResult::LockedOut);
  clock.advanceMs(60 * kSecond);
  CHECK(s->lockout().checkPin("S001", "1001").result == PinResult::Accepted);
  const PinLockout after = s->lockout().state("S001");
  CHECK(after.failures == 0);
  CHECK(after.level == 0);
  RawDb raw(databaseOf(dir));
  CHECK(raw.text("SELECT count(*) FROM staff_pin_lockout") == "0"); // a right PIN leaves no row
}

TEST_CASE("Staff store: a clock moved back does not stretch the lock-out") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(9));
  auto s = seedDemo(dir, clock);
  for (int i = 0; i < 5; ++i) s->lockout().checkPin("S001", "2222");
  clock.advanceMs(-3600 * kSecond); // the kiosk's clock is set back an hour
  auto r = s->lockout().checkPin("S001", "1001");
  CHECK(r.result == PinResult::LockedOut);
  CHECK(r.secondsLeft == 30);
  clock.advanceMs(30 * kSecond);
  CHECK(s->lockout().checkPin("S001", "1001").result == PinResult::Accepted);
}

TEST_CASE("Staff store: a hash with weaker parameters is re-hashed on a right PIN") {
  REQUIRE(sodium_init() >= 0);
  char weak[crypto_pwhash_STRBYTES];
  const std::string pin = "2468";
  REQUIRE(crypto_pwhash_str(weak, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) == 0);
  REQUIRE(store::pinNeedsRehash(weak));
  RosterFiles roster = store::demoRoster();
  roster.staff[0].pinHash = weak; // S001

  TempDir dir("staff");
  ManualClock clock(mondayAt(9));
  auto s = seedDemo(dir, clock, roster);
  RawDb raw(databaseOf(dir));
  CHECK(s->lockout().checkPin("S001", "1111").result == PinResult::Wrong);
  CHECK(raw.text("SELECT pin_hash FROM staff WHERE id = 'S001'") == weak); // not on a wrong PIN

  CHECK(s->lockout().checkPin("S001", pin).result == PinResult::Accepted);
  const std::string now = raw.text("SELECT pin_hash FROM staff WHERE id = 'S001'");
  CHECK(now != weak);
  CHECK(now.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0);
  CHECK_FALSE(store::pinNeedsRehash(now));
  CHECK(store::verifyPin(now, pin));
  CHECK(s->lockout().checkPin("S001", pin).result == PinResult::Accepted);
  CHECK(raw.text("SELECT pin_hash FROM staff WHERE id = 'S001'") == now); // today's hash stays
}

TEST_CASE("Staff store: one PIN verification takes at most 0.5 s") {
  const std::string hash = store::demoRoster().staff[0].pinHash;
  double best = 1e9;
  for (int i = 0; i < 3; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(store::verifyPin(hash, "1001"));
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  INFO("crypto_pwhash_str_verify: " << best << " s");
  CHECK(best <= 0.5);
  CHECK_FALSE(store::verifyPin(hash, "1002"));
  CHECK_FALSE(store::verifyPin("not a hash", "1001"));
  CHECK(codeOf([] { store::hashPin("123456789"); }) == ErrorCode::BadInput);
}

// --- staff presence --------------------------------------------------------------------------

TEST_CASE("Staff store: staff check in and out, and the rollover closes yesterday's") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(7, 50));
  {
    auto s = seedDemo(dir, clock);
    const Event in = store::perform(*s, cmd::StaffCheckIn{"S001"}).front();
    REQUIRE(std::holds_alternative<StaffCheckedIn>(in.payload));
    CHECK(in.actorStaffId == std::optional<std::string>("S001"));
    CHECK(s->staffPresence().isPresent("S001"));
    CHECK_FALSE(s->presence().isPresent("S001")); // two boards
    CHECK(codeOf([&] { store::perform(*s, cmd::StaffCheckIn{"S001"}); }) == ErrorCode::AlreadyPresent);
    CHECK(codeOf([&] { store::perform(*s, cmd::StaffCheckIn{"S013"}); }) == ErrorCode::UnknownStaff); // works at Örnsberg
    CHECK(codeOf([&] { store::perform(*s, cmd::StaffCheckIn{"S999"}); }) == ErrorCode::UnknownStaff);
    store::perform(*s, cmd::StaffCheckIn{"S062"}); // the admin works everywhere
    store::perform(*s, cmd::StaffCheckOut{"S062"});
    CHECK(codeOf([&] { store::perform(*s, cmd::StaffCheckOut{"S062"}); }) == ErrorCode::NotPresent);
    CHECK(s->status().presentNow == 0); // staff are not counted as participants

    RawDb raw(databaseOf(dir));
    CHECK(raw.text("SELECT participant_id || ',' || is_staff || ',' || check_in_event_id FROM presence") ==
          "S001,1," + in.id);
    clock.set(mondayAt(9));
    store::perform(*s, cmd::CheckIn{"P0002", std::nullopt});
  }
  // Loaded at open.
  clock.set(mondayAt(12));
  {
    auto s = KioskStore::open(dir.path(), clock);
    CHECK(s->staffPresence().isPresent("S001"));
    CHECK(s->staffPresence().visit("S001")->since == mondayAt(7, 50));
    CHECK(s->presence().isPresent("P0002"));
  }
  // Nobody checked out: the next morning closes both at closing time.
  clock.set(tuesdayAt(7, 30));
  auto s = KioskStore::open(dir.path(), clock);
  const auto closed = store::runDayRollover(*s);
  REQUIRE(closed.size() == 2);
  REQUIRE(std::holds_alternative<CheckedOut>(closed[0].payload));
  REQUIRE(std::holds_alternative<StaffCheckedOut>(closed[1].payload));
  const auto& staffOut = std::get<StaffCheckedOut>(closed[1].payload);
  CHECK(staffOut.staffId == "S001");
  CHECK(staffOut.automatic);
  CHECK(staffOut.at == mondayAt(16));
  CHECK_FALSE(closed[1].actorStaffId.has_value());
  CHECK(closed[1].seq == closed[0].seq + 1);
  CHECK(s->staffPresence().count() == 0);
  CHECK(s->presence().count() == 0);
  RawDb raw(databaseOf(dir));
  CHECK(raw.integer("SELECT count(*) FROM presence") == 0);
  CHECK(store::runDayRollover(*s).empty());
  // And a new day's check-in works.
  CHECK(std::holds_alternative<StaffCheckedIn>(store::perform(*s, cmd::StaffCheckIn{"S001"}).front().payload));
}

// --- corrections -----------------------------------------------------------------------------

TEST_CASE("Staff store: correcting a check-in removes the visit, a check-out's re-opens it") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(8, 30));
  auto s = seedDemo(dir, clock);
  RawDb raw(databaseOf(dir));
  const Event wrong = store::perform(*s, cmd::CheckIn{"P0002", std::string("S001")}).front();
  CHECK(wrong.actorStaffId == std::optional<std::string>("S001"));
  clock.advanceMs(kMinute);

  const Event fix = store::perform(*s, cmd::Correct{wrong.id, "fel_person", "S001"}).front();
  REQUIRE(std::holds_alternative<Corrected>(fix.payload));
  const auto& c = std::get<Corrected>(fix.payload);
  CHECK(c.correctsEventId == wrong.id);
  CHECK(c.subjectId == "P0002");
  CHECK(c.reason == "fel_person");
  CHECK(fix.actorStaffId == std::optional<std::string>("S001"));
  CHECK_FALSE(s->presence().isPresent("P0002"));
  CHECK(raw.integer("SELECT count(*) FROM presence") == 0);
  // The original stays in the log.
  CHECK(raw.text("SELECT kind FROM event WHERE id = '" + wrong.id + "'") == "CheckedIn");
  CHECK(eventCount(*s) == 2);
  // The dashboard lists Hugo as expected again.
  const auto day = store::dayOverview(*s, "liljan", {2026, 11, 23});
  CHECK(day.present.empty());
  CHECK(std::any_of(day.expected.begin(), day.expected.end(),
                    [](const ParticipantDay& d) { return d.participantId == "P0002"; }));

  // A second correction of the same event is refused, and so is correcting a correction.
  CHECK(codeOf([&] { store::perform(*s, cmd::Correct{wrong.id, "av_misstag", "S001"}); }) == ErrorCode::AlreadyCorrected);
  CHECK(codeOf([&] { store::perform(*s, cmd::Correct{fix.id, "av_misstag", "S001"}); }) == ErrorCode::BadInput);
  CHECK(codeOf([&] { store::perform(*s, cmd::Correct{"no-such-event", "annat", "S001"}); }) == ErrorCode::UnknownEvent);
  CHECK(codeOf([&] { store::perform(*s, cmd::Correct{wrong.id, "because", "S001"}); }) == ErrorCode::BadInput);
  CHECK(eventCount(*s) == 2);

  // A mistaken check-out: voiding it re-opens the visit it closed.
  const Event in = store::perform(*s, cmd::CheckIn{"P0009", std::nullopt}).front();
  clock.advanceMs(kMinute);
  const Event out = store::perform(*s, cmd::CheckOut{"P0009", std::string("S001")}).front();
  CHECK_FALSE(s->presence().isPresent("P0009"));
  store::perform(*s, cmd::Correct{out.id, "av_misstag", "S001"});
  REQUIRE(s->presence().isPresent("P0009"));
  CHECK(s->presence().visit("P0009")->checkInEventId == in.id);
  CHECK(s->presence().visit("P0009")->since == in.recordedUtc);
  CHECK(raw.text("SELECT check_in_event_id FROM presence WHERE participant_id = 'P0009'") == in.id);
  CHECK(raw.text("SELECT kind FROM event WHERE id = '" + out.id + "'") == "CheckedOut");

  // The same after a rebuild from the log and after a restart.
  s->events().rebuildProjections();
  CHECK(s->presence().isPresent("P0009"));
  CHECK_FALSE(s->presence().isPresent("P0002"));
  s.reset();
  s = KioskStore::open(dir.path(), clock);
  CHECK(s->presence().isPresent("P0009"));
  CHECK_FALSE(s->presence().isPresent("P0002"));
  CHECK(store::perform(*s, cmd::CheckOut{"P0009", std::nullopt}).front().seq == 6); // the re-opened visit can be closed the normal way

  // Staff presence follows corrections too.
  const Event staffIn = store::perform(*s, cmd::StaffCheckIn{"S002"}).front();
  store::perform(*s, cmd::Correct{staffIn.id, "fel_person", "S001"});
  CHECK_FALSE(s->staffPresence().isPresent("S002"));
  CHECK(raw.integer("SELECT count(*) FROM presence WHERE is_staff = 1") == 0);
}

// --- absences --------------------------------------------------------------------------------

TEST_CASE("Staff store: an absence for someone present is refused and saves nothing") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(9));
  auto s = seedDemo(dir, clock);
  store::perform(*s, cmd::CheckIn{"P0002", std::nullopt});
  const auto e = errorFrom([&] { store::perform(*s, cmd::NoteAbsence{"P0002", "sjuk", "", "S001"}); });
  CHECK(e.code() == ErrorCode::PresentNotAbsent);
  CHECK(e.swedish() == "Hugo är incheckad just nu och kan inte vara frånvarande. Checka ut först.");
  CHECK(std::string(e.english()).find("Hugo") == std::string::npos); // no names in logs
  CHECK(eventCount(*s) == 1);

  CHECK(codeOf([&] { store::perform(*s, cmd::NoteAbsence{"P0009", "semester", "", "S001"}); }) == ErrorCode::BadInput);
  CHECK(codeOf([&] { store::perform(*s, cmd::NoteAbsence{"P0009", "sjuk", std::string(501, 'x'), "S001"}); }) == ErrorCode::BadInput);
  CHECK(codeOf([&] { store::perform(*s, cmd::NoteAbsence{"P0009", "sjuk", "rad\x1b", "S001"}); }) == ErrorCode::BadInput);
  CHECK(codeOf([&] { store::perform(*s, cmd::NoteAbsence{"P0040", "sjuk", "", "S001"}); }) == ErrorCode::UnknownParticipant); // Örnsberg
  CHECK(codeOf([&] { store::perform(*s, cmd::NoteAbsence{"P0009", "sjuk", "", "S999"}); }) == ErrorCode::UnknownStaff);
  CHECK(eventCount(*s) == 1);

  const Event ok = store::perform(*s, cmd::NoteAbsence{"P0009", "annan_aktivitet", "Tandläkare kl. 10.", "S001"}).front();
  const auto& a = std::get<AbsenceNoted>(ok.payload);
  CHECK(a.date == "2026-11-23");
  CHECK(a.reason == "annan_aktivitet");
  CHECK(a.comment == "Tandläkare kl. 10.");
  const auto day = store::dayOverview(*s, "liljan", {2026, 11, 23});
  REQUIRE(day.absent.size() == 1);
  CHECK(day.absent[0].participantId == "P0009");
  CHECK(day.absent[0].absenceReason == "annan_aktivitet");
}

// --- activity sessions -----------------------------------------------------------------------

TEST_CASE("Staff store: a session with three participants, then an edit in one transaction") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(11, 45));
  auto s = seedDemo(dir, clock);
  const auto logged = store::perform(*s, cmd::LogSession{threePeople(), "S001"});
  REQUIRE(logged.size() == 1);
  const auto& first = std::get<ActivitySessionLogged>(logged[0].payload);
  CHECK(isUuid(first.sessionId));
  CHECK(first.participantIds == std::vector<std::string>{"P0002", "P0011", "P0012"});
  CHECK(logged[0].actorStaffId == std::optional<std::string>("S001"));
  const UtcMs dayStart = fromStockholm({2026, 11, 23}, 0, 0), dayEnd = fromStockholm({2026, 11, 24}, 0, 0);
  REQUIRE(store::sessions(*s, "liljan", dayStart, dayEnd).size() == 1);
  CHECK(store::sessions(*s, "liljan", mondayAt(10, 1), dayEnd).empty()); // filtered by start

  // A failing validation of the edit appends nothing.
  SessionDraft edit = threePeople();
  edit.replacesEventId = logged[0].id;
  edit.end = edit.start - kMinute;
  CHECK(errorFrom([&] { store::perform(*s, cmd::LogSession{edit, "S001"}); }).swedish() == "Sluttiden måste vara efter starttiden.");
  CHECK(eventCount(*s) == 1);

  clock.advanceMs(5 * kMinute);
  edit = threePeople();
  edit.replacesEventId = logged[0].id;
  edit.participantIds = {"P0002", "P0011", "P0012", "P0009"};
  edit.end = mondayAt(12);
  edit.note = "Fyra deltog till slut.";
  const auto edited = store::perform(*s, cmd::LogSession{edit, "S059"});
  REQUIRE(edited.size() == 2);
  const auto& second = std::get<ActivitySessionLogged>(edited[0].payload);
  const auto& voids = std::get<Corrected>(edited[1].payload);
  CHECK(second.sessionId == first.sessionId);
  CHECK(voids.correctsEventId == logged[0].id);
  CHECK(voids.subjectId == first.sessionId);
  CHECK(edited[1].seq == edited[0].seq + 1);
  CHECK(edited[0].recordedUtc == edited[1].recordedUtc);

  const auto now = store::sessions(*s, "liljan", dayStart, dayEnd);
  REQUIRE(now.size() == 1);
  CHECK(now[0].eventId == edited[0].id);
  CHECK(now[0].data.participantIds.size() == 4);
  CHECK(now[0].data.end == mondayAt(12));
  CHECK(now[0].data.note == "Fyra deltog till slut.");
  CHECK(eventCount(*s) == 3); // the first version stays in the log

  // Editing the old version again is refused: someone else's edit came first.
  CHECK(codeOf([&] { store::perform(*s, cmd::LogSession{edit, "S001"}); }) == ErrorCode::AlreadyCorrected);
  CHECK(eventCount(*s) == 3);
}

TEST_CASE("Staff store: an edit is all or nothing when the second insert fails") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(12));
  auto s = seedDemo(dir, clock);
  const auto logged = store::perform(*s, cmd::LogSession{threePeople(), "S001"});
  RawDb raw(databaseOf(dir));
  REQUIRE(raw.exec("CREATE TRIGGER no_corrections BEFORE INSERT ON event WHEN NEW.kind = 'Corrected' "
                   "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END") == SQLITE_OK);
  SessionDraft edit = threePeople();
  edit.replacesEventId = logged[0].id;
  edit.note = "ändrad";
  CHECK(codeOf([&] { store::perform(*s, cmd::LogSession{edit, "S001"}); }) == ErrorCode::Storage);
  // The new version, written first, was rolled back with the failed Corrected.
  CHECK(raw.integer("SELECT count(*) FROM event") == 1);
  CHECK(raw.integer("SELECT last_seq FROM device_sequence") == 1);
  const auto current = store::sessions(*s, "liljan", 0, mondayAt(23));
  REQUIRE(current.size() == 1);
  CHECK(current[0].eventId == logged[0].id);

  REQUIRE(raw.exec("DROP TRIGGER no_corrections") == SQLITE_OK);
  const auto edited = store::perform(*s, cmd::LogSession{edit, "S001"});
  CHECK(edited[0].seq == 2);
  CHECK(edited[1].seq == 3);
}

TEST_CASE("Staff store: bad sessions are refused with the Swedish message and nothing is saved") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(12));
  auto s = seedDemo(dir, clock);
  using Edit = void (*)(SessionDraft&);
  const std::vector<std::pair<Edit, std::string>> cases = {
      {[](SessionDraft& d) { d.activityId.clear(); }, "Välj en aktivitet."},
      {[](SessionDraft& d) { d.participantIds.clear(); }, "Välj minst en deltagare."},
      {[](SessionDraft& d) { d.end = d.start - 30 * kMinute; }, "Sluttiden måste vara efter starttiden."},
      {[](SessionDraft& d) { d.end = d.start + 12 * 3600 * kSecond + kMinute; },
       "En aktivitet kan vara högst 12 timmar."},
      {[](SessionDraft& d) {
         d.note.clear();
         for (int i = 0; i < 1001; ++i) d.note += "å";
       },
       "Anteckningen är för lång: 1001 tecken, högst 1000."},
      {[](SessionDraft& d) { d.activityId = "ornsberg-a01"; }, "Aktiviteten finns inte på den här verksamheten."},
  };
  for (const auto& [edit, message] : cases) {
    SessionDraft d = threePeople();
    edit(d);
    const auto e = errorFrom([&] { store::perform(*s, cmd::LogSession{d, "S001"}); });
    CHECK(e.code() == ErrorCode::BadInput);
    CHECK(e.swedish() == message);
  }
  SessionDraft other = threePeople();
  other.participantIds.push_back("P0040"); // Örnsberg
  CHECK(codeOf([&] { store::perform(*s, cmd::LogSession{other, "S001"}); }) == ErrorCode::UnknownParticipant);
  other = threePeople();
  other.staffIds = {"S013"};
  CHECK(codeOf([&] { store::perform(*s, cmd::LogSession{other, "S001"}); }) == ErrorCode::UnknownStaff);
  other = threePeople();
  other.sessionId = "made-up";
  CHECK(codeOf([&] { store::perform(*s, cmd::LogSession{other, "S001"}); }) == ErrorCode::BadInput);
  other = threePeople();
  other.replacesEventId = "no-such-event";
  CHECK(codeOf([&] { store::perform(*s, cmd::LogSession{other, "S001"}); }) == ErrorCode::UnknownEvent);
  CHECK(eventCount(*s) == 0);
  CHECK(store::sessions(*s, "liljan", 0, mondayAt(23)).empty());
}

TEST_CASE("Staff store: a crash between the taps of a form saves nothing") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(12));
  {
    auto s = seedDemo(dir, clock);
    SessionDraft half = threePeople(); // the form, half filled in: no end time yet
    half.end = 0;
    CHECK(codeOf([&] { store::perform(*s, cmd::LogSession{half, "S001"}); }) == ErrorCode::BadInput);
    CHECK(s->lockout().checkPin("S001", "1001").result == PinResult::Accepted);
  } // the app dies here, with the draft only in memory
  auto s = KioskStore::open(dir.path(), clock);
  CHECK(eventCount(*s) == 0);
  CHECK(s->events().after(0, 100).empty());
  CHECK(store::sessions(*s, "liljan", 0, mondayAt(23)).empty());
  RawDb raw(databaseOf(dir));
  CHECK(raw.integer("SELECT count(*) FROM event") == 0);
  CHECK(raw.text("PRAGMA integrity_check") == "ok");
}

// --- roll call -------------------------------------------------------------------------------

TEST_CASE("Staff store: a roll call with two participants and one staff member") {
  TempDir dir("staff");
  ManualClock clock(mondayAt(9));
  std::optional<RollCallState> before;
  {
    auto s = seedDemo(dir, clock);
    CHECK_FALSE(store::latestRollCall(*s).has_value());
    store::perform(*s, cmd::CheckIn{"P0002", std::nullopt});  // Hugo N.
    store::perform(*s, cmd::CheckIn{"P0011", std::nullopt});  // Bo Ö.
    store::perform(*s, cmd::StaffCheckIn{"S003"});
    store::perform(*s, cmd::CheckIn{"P0012", std::nullopt});
    store::perform(*s, cmd::CheckOut{"P0012", std::nullopt}); // left before the alarm
    clock.set(mondayAt(10));
    const Event start = store::perform(*s, cmd::StartRollCall{"S003"}).front();
    const auto& started = std::get<RollCallStarted>(start.payload);
    // Participants first in Swedish name order, then staff.
    CHECK(started.expectedIds == std::vector<std::string>{"P0011", "P0002", "S003"});
    const std::string id = started.rollCallId;
    CHECK(store::perform(*s, cmd::StartRollCall{"S001"}).front().id == start.id); // a second tap joins the open roll call

    clock.advanceMs(kMinute);
    const Event bo = store::perform(*s, cmd::MarkSafe{id, "P0011", "S003"}).front();
    store::perform(*s, cmd::MarkSafe{id, "S003", "S003"});
    CHECK(store::perform(*s, cmd::MarkSafe{id, "P0011", "S001"}).front().id == bo.id); // marking twice changes nothing
    CHECK(codeOf([&] { store::perform(*s, cmd::MarkSafe{id, "P0012", "S003"}); }) == ErrorCode::BadInput); // not on the list
    CHECK(codeOf([&] { store::perform(*s, cmd::MarkSafe{"other", "P0002", "S003"}); }) == ErrorCode::UnknownEvent);
    auto state = store::latestRollCall(*s);
    REQUIRE(state.has_value());
    CHECK(state->remaining() == 1);
    CHECK(state->safeIds == std::set<std::string>{"P0011", "S003"});
    CHECK_FALSE(state->ended);
    CHECK(state->startedAt == mondayAt(10));
    before = state;
    CHECK(eventCount(*s) == 5 + 1 + 2);
  }
  {
    auto s = KioskStore::open(dir.path(), clock);
    const auto reopened = store::latestRollCall(*s);
    REQUIRE(reopened.has_value());
    CHECK(sameState(*reopened, *before));

    const Event end = store::perform(*s, cmd::EndRollCall{before->rollCallId, "S003"}).front();
    CHECK(std::get<RollCallEnded>(end.payload).notMarked == 1);
    CHECK(std::get<RollCallEnded>(end.payload).rollCallId == before->rollCallId);
    CHECK(store::perform(*s, cmd::EndRollCall{before->rollCallId, "S003"}).front().id == end.id); // ending twice changes nothing
    CHECK(codeOf([&] { store::perform(*s, cmd::MarkSafe{before->rollCallId, "P0002", "S003"}); }) == ErrorCode::BadInput);
    before = store::latestRollCall(*s);
    REQUIRE(before.has_value());
    CHECK(before->ended);
  }
  auto s = KioskStore::open(dir.path(), clock);
  const auto after = store::latestRollCall(*s);
  REQUIRE(after.has_value());
  CHECK(sameState(*after, *before));
  // A new roll call after the end is a new one.
  const Event next = store::perform(*s, cmd::StartRollCall{"S003"}).front();
  CHECK(std::get<RollCallStarted>(next.payload).rollCallId != before->rollCallId);
  CHECK(store::latestRollCall(*s)->rollCallId == std::get<RollCallStarted>(next.payload).rollCallId);
}

// --- the command line ------------------------------------------------------------------------

namespace {
CliRun runDagverk(const TempDir& tmp, const std::string& args, const std::string& input = "") {
  return runProgram(tmp.path(), DAGVERK_BIN, args, input);
}

std::string lineWith(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) return line;
  return {};
}

UtcMs wallClockNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}
} // namespace

TEST_CASE("Staff CLI: rollcall prints everyone checked in, and the open roll call") {
  TempDir tmp("cli-rollcall");
  const fs::path data = tmp / "data";
  const std::string d = "--data-dir " + shellQuoted(data.string());
  // The program runs on the real clock, so the people are checked in "now".
  ManualClock clock(wallClockNow());
  auto s = KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
  const Event hugo = store::perform(*s, cmd::CheckIn{"P0002", std::nullopt}).front();
  store::perform(*s, cmd::CheckIn{"P0011", std::nullopt});
  const Event staffIn = store::perform(*s, cmd::StaffCheckIn{"S003"}).front();
  const std::string hugoAt = formatHourMinute(toStockholm(hugo.recordedUtc));
  const std::string staffAt = formatHourMinute(toStockholm(staffIn.recordedUtc));

  CliRun r = runDagverk(tmp, "rollcall " + d);
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("UTRYMNING – Liljans dagliga verksamhet\n", 0) == 0);
  CHECK(contains(r.out, formatSwedishLongDate(toStockholm(clock.nowUtc()))));
  CHECK(contains(r.out, "Incheckade nu: 3 (2 deltagare, 1 personal)"));
  const std::string hugoLine = lineWith(r.out, "Hugo N.");
  CHECK(contains(hugoLine, "deltagare"));
  CHECK(contains(hugoLine, "incheckad " + hugoAt));
  const std::string staffLine = lineWith(r.out, "Camilla Ö.");
  CHECK(contains(staffLine, "personal"));
  CHECK(contains(staffLine, "incheckad " + staffAt));
  // Participants first (Swedish order: Bo Ö. before Hugo N.), then staff.
  CHECK(r.out.find("Bo Ö.") < r.out.find("Hugo N."));
  CHECK(r.out.find("Hugo N.") < r.out.find("Camilla Ö."));
  CHECK_FALSE(contains(r.out, "[i säkerhet]"));
  CHECK_FALSE(contains(r.out, "kvar att hitta"));

  const Event start = store::perform(*s, cmd::StartRollCall{"S003"}).front();
  const std::string id = std::get<RollCallStarted>(start.payload).rollCallId;
  store::perform(*s, cmd::MarkSafe{id, "P0002", "S003"});
  store::perform(*s, cmd::MarkSafe{id, "S003", "S003"});
  r = runDagverk(tmp, "rollcall " + d);
  REQUIRE(r.code == 0);
  CHECK(contains(lineWith(r.out, "Hugo N."), "[i säkerhet]"));
  CHECK(contains(lineWith(r.out, "Camilla Ö."), "[i säkerhet]"));
  CHECK_FALSE(contains(lineWith(r.out, "Bo Ö."), "[i säkerhet]"));
  CHECK(contains(r.out, "2 av 3 i säkerhet, 1 kvar att hitta."));

  // After the roll call has ended, the list is plain again.
  store::perform(*s, cmd::EndRollCall{id, "S003"});
  r = runDagverk(tmp, "rollcall " + d);
  REQUIRE(r.code == 0);
  CHECK_FALSE(contains(r.out, "[i säkerhet]"));

  // Exit codes as for the other commands.
  CHECK(runDagverk(tmp, "rollcall --data-dir " + shellQuoted((tmp / "missing").string())).code == 1);
  CHECK(runDagverk(tmp, "rollcall " + d + " --bogus").code == 2);
}

TEST_CASE("Staff CLI: hash-pin reads a PIN and prints an Argon2id hash") {
  TempDir tmp("cli-hash");
  CliRun r = runDagverk(tmp, "hash-pin", "1042\n");
  REQUIRE(r.code == 0);
  REQUIRE(r.out.size() > 2);
  const std::string hash = r.out.substr(0, r.out.size() - 1);
  CHECK(r.out.back() == '\n');
  CHECK(hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0);
  CHECK(store::verifyPin(hash, "1042"));
  CHECK_FALSE(store::verifyPin(hash, "1043"));
  CHECK_FALSE(contains(r.err, "1042")); // the PIN is never echoed

  r = runDagverk(tmp, "hash-pin", "12ab\n");
  CHECK(r.code == 1);
  CHECK(contains(r.err, "4–8 siffror"));
  CHECK(runDagverk(tmp, "hash-pin", "").code == 1);
}

TEST_CASE("Staff CLI: hash-pin takes PINs of 4 to 8 digits and refuses 3 or 9") {
  TempDir tmp("cli-hash-length");
  for (const std::string pin : {"1234", "12345", "1234567", "12345678"}) {
    INFO("PIN of " << pin.size() << " digits");
    const CliRun r = runDagverk(tmp, "hash-pin", pin + "\n");
    REQUIRE(r.code == 0);
    CHECK(store::verifyPin(r.out.substr(0, r.out.size() - 1), pin));
  }
  for (const std::string pin : {"123", "123456789"}) {
    INFO("PIN of " << pin.size() << " digits");
    const CliRun r = runDagverk(tmp, "hash-pin", pin + "\n");
    CHECK(r.code == 1);
    CHECK(contains(r.err, "En kod är 4–8 siffror."));
  }
}
