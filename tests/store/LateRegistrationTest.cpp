// Registering a past day afterwards through store::perform, on a real SQLite file: each rule,
// each refusal (Swedish message, nothing written), the merge with the screen's own check-ins,
// corrections, presence today untouched, and the one counter counting the visit on its day.
#include "StoreTestSupport.hpp"

#include "core/AttendanceCount.hpp"
#include "store/CountingRows.hpp"
#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"
#include "store/LateRegistration.hpp"
#include "store/Perform.hpp"

using namespace dagverk;
using namespace dagverk::test;
using store::KioskStore;

namespace {

const LocalDate kMonday{2026, 11, 23};
const LocalDate kFriday{2026, 11, 20};
const LocalDate kThursday{2026, 11, 19};

std::unique_ptr<KioskStore> seed(const TempDir& dir, const Clock& clock) {
  return KioskStore::createWithRoster(dir.path(), clock, store::demoRoster(), "liljan");
}

cmd::RegisterLate sheet(LocalDate day, std::vector<LateVisitLine> lines, std::string staff = "S001") {
  return cmd::RegisterLate{day, std::move(lines), std::move(staff)};
}

// Attendance days per day of [from, to] at liljan, through the counter the Statistik screen uses.
std::vector<std::int32_t> attendancePerDay(KioskStore& s, LocalDate from, LocalDate to) {
  store::KioskCountingSource rows(s.database());
  CountRequest r{from, to, {{"liljan", 38}}, store::kioskRosterSpells(s.database(), "liljan")};
  return countAttendance(rows, r).sites.at(0).presentPerDay;
}

struct Counts {
  long long events, presence, closes;
  bool operator==(const Counts&) const = default;
};
Counts counts(const TempDir& dir) {
  RawDb raw(dir / store::kDatabaseFileName);
  return {raw.integer("SELECT count(*) FROM event"), raw.integer("SELECT count(*) FROM presence"),
          raw.integer("SELECT count(*) FROM visit_close")};
}

} // namespace

TEST_CASE("Late registration: a past day's sheet becomes one marked visit each, by the acting staff member, now") {
  TempDir dir("late");
  ManualClock clock(mondayAt(10, 5));
  auto s = seed(dir, clock);
  const auto events = store::perform(
      *s, Command{sheet(kFriday, {{"P0002", 8 * 60 + 30, 15 * 60}, {"P0003", 9 * 60, {}}, {"P0005", 10 * 60, 14 * 60}})});
  REQUIRE(events.size() == 3);
  for (const auto& e : events) {
    CHECK(e.actorStaffId == std::optional<std::string>("S001"));
    CHECK(e.recordedUtc == mondayAt(10, 5)); // the real time of entry
    const auto& v = std::get<LateVisitRegistered>(e.payload);
    CHECK(v.date == "2026-11-20");
  }
  CHECK(std::get<LateVisitRegistered>(events[0].payload).arrivedAt == fromStockholm(kFriday, 8, 30));
  CHECK(std::get<LateVisitRegistered>(events[1].payload).leftAt == 0); // no departure on the sheet
  CHECK(store::registeredOnDay(*s, "liljan", kFriday) == std::set<std::string>{"P0002", "P0003", "P0005"});
  // Counted on Friday, the day they name (a visit without a departure is an attendance day too),
  // not on Monday, the day they were entered.
  CHECK(attendancePerDay(*s, kThursday, kMonday) == std::vector<std::int32_t>{0, 3, 0, 0, 0});
}

TEST_CASE("Late registration: presence today and the one-close-per-visit guard are untouched") {
  TempDir dir("late");
  ManualClock clock(mondayAt(9));
  auto s = seed(dir, clock);
  store::perform(*s, Command{cmd::CheckIn{"P0002", std::nullopt}});
  store::perform(*s, Command{cmd::CheckIn{"P0003", std::nullopt}});
  store::perform(*s, Command{cmd::CheckOut{"P0003", std::nullopt}});
  const auto visitBefore = s->presence().visit("P0002");
  const Counts before = counts(dir);
  clock.set(mondayAt(11));
  // P0002 is here now, and was also there on Friday (paper sheet).
  REQUIRE(store::perform(*s, Command{sheet(kFriday, {{"P0002", 9 * 60, 15 * 60}, {"P0004", 9 * 60, 15 * 60}})}).size() == 2);
  const Counts after = counts(dir);
  CHECK(after.events == before.events + 2);
  CHECK(after.presence == before.presence);
  CHECK(after.closes == before.closes);
  REQUIRE(s->presence().visit("P0002"));
  CHECK(s->presence().visit("P0002")->checkInEventId == visitBefore->checkInEventId);
  CHECK_FALSE(s->presence().isPresent("P0004"));
  // The same after a rebuild of the projections from the log, and after reopening the file.
  s->events().rebuildProjections();
  CHECK(counts(dir) == after);
  s.reset();
  s = KioskStore::open(dir.path(), clock);
  CHECK(s->presence().visit("P0002")->checkInEventId == visitBefore->checkInEventId);
  CHECK(s->presence().count() == 1);
  // Today's check-out still closes today's visit, once.
  store::perform(*s, Command{cmd::CheckOut{"P0002", std::nullopt}});
  CHECK(counts(dir).closes == before.closes + 1);
}

TEST_CASE("Late registration: someone checked in on the screen that day is merged, never doubled") {
  TempDir dir("late");
  ManualClock clock(fromStockholm(kFriday, 9, 0));
  auto s = seed(dir, clock);
  store::perform(*s, Command{cmd::CheckIn{"P0002", std::nullopt}});
  clock.set(mondayAt(8, 30)); // the rollover closes Friday's visit at the next tap
  const auto added =
      store::perform(*s, Command{sheet(kFriday, {{"P0002", 9 * 60, 15 * 60}, {"P0004", 9 * 60, 15 * 60}})});
  REQUIRE(added.size() == 1);
  CHECK(std::get<LateVisitRegistered>(added[0].payload).participantId == "P0004");
  CHECK(attendancePerDay(*s, kFriday, kFriday) == std::vector<std::int32_t>{2});

  // Everyone on the sheet already has a visit that day: refused, nothing written.
  const Counts before = counts(dir);
  const auto one = errorFrom([&] { store::perform(*s, Command{sheet(kFriday, {{"P0002", 10 * 60, {}}})}); });
  CHECK(one.code() == ErrorCode::AlreadyPresent);
  CHECK(one.swedish() == "Hugo är redan registrerad den dagen (2026-11-20).");
  CHECK(one.swedishWithIds() == "Deltagare P0002 är redan registrerad den dagen (2026-11-20).");
  const auto again = errorFrom([&] { store::perform(*s, Command{sheet(kFriday, {{"P0004", 9 * 60, {}}})}); });
  CHECK(again.code() == ErrorCode::AlreadyPresent); // entered afterwards once already
  CHECK(counts(dir) == before);
  CHECK(attendancePerDay(*s, kFriday, kFriday) == std::vector<std::int32_t>{2});
}

TEST_CASE("Late registration: each refusal says why in Swedish and writes nothing") {
  TempDir dir("late");
  ManualClock clock(mondayAt(10));
  auto s = seed(dir, clock);
  const Counts before = counts(dir);
  const auto refused = [&](const cmd::RegisterLate& c) {
    const auto e = errorFrom([&] { store::perform(*s, Command{c}); });
    CHECK(counts(dir) == before);
    return e;
  };
  CHECK(refused(sheet(kMonday, {{"P0002", 9 * 60, {}}})).swedish() ==
        "Dagens närvaro registreras på kiosken som vanligt, inte i efterhand.");
  CHECK(refused(sheet({2026, 11, 24}, {{"P0002", 9 * 60, {}}})).swedish() ==
        "Det går inte att registrera en dag som inte har varit än.");
  CHECK(contains(refused(sheet({2026, 10, 23}, {{"P0002", 9 * 60, {}}})).swedish(), "de senaste 30 dagarna"));
  CHECK(refused(sheet(kFriday, {{"P0002", 15 * 60, 9 * 60}})).swedish() ==
        "Tiden för hemgång (09:00) är före ankomsten (15:00). Kontrollera tiderna på listan.");
  // A departure before arrival in the second line refuses the whole sheet, the first line too.
  CHECK(refused(sheet(kFriday, {{"P0004", 9 * 60, {}}, {"P0002", 15 * 60, 9 * 60}})).code() == ErrorCode::BadInput);
  const auto otherSite = refused(sheet(kFriday, {{"P0036", 9 * 60, {}}}));
  CHECK(otherSite.code() == ErrorCode::UnknownParticipant);
  CHECK(otherSite.swedish() == "Deltagaren hör inte till den här verksamheten.");
  CHECK(refused(sheet(kFriday, {{"P9999", 9 * 60, {}}})).code() == ErrorCode::UnknownParticipant);
  CHECK(refused(sheet(kFriday, {{"P0002", 9 * 60, {}}}, "S013")).code() == ErrorCode::UnknownStaff); // ornsberg's
  CHECK(refused(sheet(kFriday, {{"P0002", 9 * 60, {}}}, "S999")).code() == ErrorCode::UnknownStaff);
  CHECK(refused(sheet(kFriday, {{"P0002", 9 * 60, {}}}, "")).code() == ErrorCode::UnknownStaff);
  CHECK(refused(sheet(kFriday, {})).swedish() == "Bocka för minst en person som var där.");
}

TEST_CASE("Late registration: a correction voids the visit and the day can then be entered again") {
  TempDir dir("late");
  ManualClock clock(mondayAt(10));
  auto s = seed(dir, clock);
  const auto added = store::perform(*s, Command{sheet(kThursday, {{"P0002", 9 * 60, 15 * 60}})});
  REQUIRE(added.size() == 1);
  CHECK(attendancePerDay(*s, kThursday, kThursday) == std::vector<std::int32_t>{1});
  store::perform(*s, Command{cmd::Correct{added[0].id, "fel_person", "S001"}});
  CHECK(attendancePerDay(*s, kThursday, kThursday) == std::vector<std::int32_t>{0});
  CHECK(store::registeredOnDay(*s, "liljan", kThursday).empty());
  CHECK(store::perform(*s, Command{sheet(kThursday, {{"P0002", 9 * 60, 15 * 60}})}).size() == 1);
  CHECK(attendancePerDay(*s, kThursday, kThursday) == std::vector<std::int32_t>{1});
}

TEST_CASE("Late registration: a day known only from a sheet is a counted day of the site") {
  // A replacement kiosk's first records may all be sheets of days before its first own event.
  TempDir dir("late");
  ManualClock clock(mondayAt(10));
  auto s = seed(dir, clock);
  store::perform(*s, Command{sheet(kThursday, {{"P0002", 9 * 60, 15 * 60}, {"P0003", 9 * 60, 15 * 60}})});
  store::KioskCountingSource rows(s->database());
  const auto spans = rows.recordedSpans();
  REQUIRE(spans.count("liljan"));
  CHECK(spans.at("liljan").first == kThursday);
  CHECK(attendancePerDay(*s, kThursday, kMonday) == std::vector<std::int32_t>{2, 0, 0, 0, 0});
}
