// The staff "Statistik" screen through the real kiosk loop: two weeks of check-ins, sessions
// and complaints recorded with the manual clock day by day, then a staff member signs in with
// their PIN and opens Statistik; the empty state; a damaged record; and the small screen.
#include "store/Database.hpp"
#include "core/Feedback.hpp"
#include "core/SwedishText.hpp"
#include "KioskDriver.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace dagverk;
using dagverk::test::KioskDriver;
using dagverk::test::mondayMorning;

namespace {

const std::string kStaff = "S001"; // Annika B., demo PIN 1001

LocalDate date(const char* iso) {
  const auto d = parseIsoDate(iso);
  REQUIRE(d);
  return *d;
}

// Moves the clock on to hh:mm on `day` and rolls the day over (check-ins left open close).
void at(KioskDriver& k, const char* day, int hour, int minute = 0) {
  k.clock().set(fromStockholm(date(day), hour, minute));
  store::runDayRollover(k.store());
}

void session(KioskDriver& k, const char* day, const std::string& activity, const std::vector<std::string>& who,
             bool planned = false, bool outing = false) {
  SessionDraft d;
  d.activityId = activity;
  d.participantIds = who;
  d.staffIds = {kStaff};
  d.start = fromStockholm(date(day), 10, 0);
  d.end = fromStockholm(date(day), 11, 30);
  d.planned = planned;
  d.outing = outing;
  if (outing) d.place = "Skansen";
  REQUIRE_NOTHROW(store::perform(k.store(), cmd::LogSession{d, kStaff}));
}

void complaint(KioskDriver& k, const std::string& type, const char* received,
               const std::string& concerns = "bemotande") {
  ComplaintRegistered c;
  c.type = type;
  c.source = "brukare";
  c.concerns = concerns;
  c.channel = "muntligt";
  c.receivedDate = received;
  c.description = "beskrivning";
  REQUIRE_NOTHROW(store::perform(k.store(), cmd::RegisterComplaint{c, kStaff}).front());
}

void openStatistics(KioskDriver& k) {
  if (!k.screens().inStaffMode()) {
    k.signInAsStaff(kStaff, "1001");
    REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  }
  k.tapButton("open-statistics");
  REQUIRE(k.screens().screen() == ui::ScreenId::Statistics);
}

// Two weeks at Liljan, 9–20 November 2026, and this morning, Monday 23 November; before them
// one visit on 28 September, the day before the 8 weeks. p[0..4] are the first five
// participants (A–Ö). The kiosk starts on 28 September.
void recordTwoWeeks(KioskDriver& k, const std::vector<std::string>& p) {
  auto day = [&](const char* d, const std::vector<size_t>& who) {
    at(k, d, 9);
    for (size_t i : who) REQUIRE_NOTHROW(store::perform(k.store(), cmd::CheckIn{p[i], std::nullopt}).front());
    at(k, d, 15);
    for (size_t i : who)
      if (k.store().presence().isPresent(p[i])) REQUIRE_NOTHROW(store::perform(k.store(), cmd::CheckOut{p[i], std::nullopt}).front());
  };
  day("2026-09-28", {4}); // outside the period
  day("2026-11-09", {0, 1, 2});
  day("2026-11-10", {0, 1});
  day("2026-11-11", {0});
  at(k, "2026-11-11", 15, 30); // p3 checked in by mistake, then corrected: does not count
  const Event wrong = store::perform(k.store(), cmd::CheckIn{p[3], kStaff}).front();
  REQUIRE_NOTHROW(store::perform(k.store(), cmd::Correct{wrong.id, "av_misstag", kStaff}).front());
  day("2026-11-12", {0, 1, 2, 3});
  day("2026-11-13", {1});
  day("2026-11-16", {0, 1, 2, 3, 4});
  at(k, "2026-11-16", 16);
  REQUIRE_NOTHROW(store::perform(k.store(), cmd::CheckIn{p[0], std::nullopt}).front()); // back in the afternoon: still one day
  day("2026-11-17", {2});
  at(k, "2026-11-17", 15, 30); // p0 checked in by mistake, corrected only the next morning
  const Event late = store::perform(k.store(), cmd::CheckIn{p[0], kStaff}).front();
  at(k, "2026-11-18", 8, 0);
  REQUIRE_NOTHROW(store::perform(k.store(), cmd::Correct{late.id, "av_misstag", kStaff}).front());
  // Wednesday 18 November: nobody came.
  day("2026-11-19", {4});
  day("2026-11-20", {0, 1});

  session(k, "2026-11-10", "liljan-a01", {p[0], p[1]});             // Skapande
  session(k, "2026-11-12", "liljan-a04", {p[0], p[1], p[2], p[3]}); // Arbete
  session(k, "2026-11-12", "liljan-a06", {p[2]});                   // Arbete
  session(k, "2026-11-16", "liljan-a02", {p[0], p[1], p[2], p[3], p[4]}); // Kultur
  session(k, "2026-11-16", "liljan-a07", {p[0], p[1], p[2]}, false, true); // Utflykt
  session(k, "2026-11-20", "liljan-a01", {p[0], p[1]});             // Skapande
  complaint(k, "klagomal", "2026-11-02"); // no feedback for 15 working days: overdue
  complaint(k, "synpunkt", "2026-11-16"); // 5 working days
  complaint(k, "berom", "2026-11-18");    // praise: not an open complaint

  at(k, "2026-11-23", 8, 30);
  REQUIRE_NOTHROW(store::perform(k.store(), cmd::CheckIn{p[0], std::nullopt}).front());
  session(k, "2026-11-23", "liljan-a03", {p[0]}, true); // planned for today: not done
  k.advance(30 * 60 * 1000); // 09:00; the kiosk notices the records made beside it
}

} // namespace

TEST_CASE("Statistik shows the site's last 8 weeks after two weeks of records", "[ui][statistics]") {
  KioskDriver k("statistics", fromStockholm(date("2026-09-28"), 8, 0));
  std::vector<std::string> p;
  for (size_t i = 0; i < 5; ++i) p.push_back(k.app().model().participants.at(i).id);
  recordTwoWeeks(k, p);
  openStatistics(k);
  k.settle("70-statistics");

  REQUIRE(k.app().model().statistics.has_value());
  const SiteStatistics& s = *k.app().model().statistics;
  CHECK(s.period.from == date("2026-09-29"));
  CHECK(s.period.to == date("2026-11-23"));
  // Participant-days per weekday (the voided check-ins of 11 and 17 Nov, the second check-in of
  // 16 Nov and the visit of 28 Sep left out):
  //   Mon 9, 16, 23 Nov: 3 + 5 + 1 = 9
  //   Tue 10, 17 Nov:    2 + 1     = 3
  //   Wed 11, 18 Nov:    1 + 0     = 1
  //   Thu 12, 19 Nov:    4 + 1     = 5
  //   Fri 13, 20 Nov:    1 + 2     = 3
  // The kiosk has records since 28 Sep (the visit), so its open days run from the period's
  // first day, Tue 29 Sep, to today: every weekday of those 8 weeks is a working day (no
  // public holiday falls on a weekday), 8 of each.
  const int attendance[5] = {9, 3, 1, 5, 3};
  const int days[5] = {8, 8, 8, 8, 8};
  const char* averages[5] = {"1,1", "0,4", "0,1", "0,6", "0,4"};
  for (size_t i = 0; i < 5; ++i) {
    INFO("weekday " << i + 1);
    CHECK(s.weekdays[i].attendanceDays == attendance[i]);
    CHECK(s.weekdays[i].days == days[i]);
    CHECK(formatSwedishDecimal(s.weekdays[i].average()) == averages[i]);
  }
  CHECK(s.attendanceDays == 21); // 9 + 3 + 1 + 5 + 3
  CHECK(s.distinctParticipants == 5);
  // Done sessions per category (today's planned one left out): Arbete 2 (4 + 1 participants),
  // Skapande 2 (2 + 2), Kultur 1 (5), Utflykt 1 (3).
  REQUIRE(s.categories.size() == 4);
  CHECK(s.categories[0].category == "Arbete");
  CHECK(s.categories[0].sessions == 2);
  CHECK(s.categories[0].participantSessions == 5);
  CHECK(s.categories[1].category == "Skapande");
  CHECK(s.categories[1].participantSessions == 4);
  CHECK(s.categories[2].category == "Kultur");
  CHECK(s.categories[2].participantSessions == 5);
  CHECK(s.categories[3].category == "Utflykt");
  CHECK(s.categories[3].participantSessions == 3);
  // The complaint of 2 Nov (3–6, 9–13, 16–20, 23 Nov: 15 working days) is overdue; the comment
  // of 16 Nov (17–20, 23 Nov: 5) is not; praise is not listed.
  CHECK(s.openComplaints == 2);
  CHECK(s.overdueComplaints == 1);
  REQUIRE(s.oldestOpen.size() == 2);
  CHECK(s.oldestOpen[0].workingDaysOpen == 15);
  CHECK(s.oldestOpen[0].overdue);
  CHECK(s.oldestOpen[1].workingDaysOpen == 5);
  CHECK_FALSE(s.oldestOpen[1].overdue);

  // The figures are computed as the screen opens, not on every refresh: a check-in now leaves
  // them as they were until Statistik is opened again.
  REQUIRE(k.app().perform(cmd::CheckIn{p[1], kStaff}).empty());
  k.settle();
  CHECK(k.app().model().statistics->weekdays[0].attendanceDays == 9);
  k.tapButton("back");
  REQUIRE(k.screens().screen() == ui::ScreenId::StaffDashboard);
  k.tapButton("open-statistics");
  CHECK(k.app().model().statistics->weekdays[0].attendanceDays == 10);
  CHECK(k.app().model().statistics->weekdays[0].average() == Approx(10.0 / 8));
}

TEST_CASE("Statistik of a kiosk with no records says so in words", "[ui][statistics]") {
  KioskDriver k("statistics-empty", mondayMorning());
  openStatistics(k);
  k.settle("71-statistics-empty");
  REQUIRE(k.app().model().statistics.has_value());
  const SiteStatistics& s = *k.app().model().statistics;
  CHECK_FALSE(s.hasAttendance());
  CHECK_FALSE(s.hasActivities());
  CHECK(s.openComplaints == 0);
  CHECK(k.app().model().statisticsError.empty());
  // Staff mode closes by itself on this screen too.
  k.advance((k.app().model().staffIdleSeconds + 1) * 1000LL);
  CHECK_FALSE(k.screens().inStaffMode());
  CHECK(k.screens().screen() == ui::ScreenId::Home);
}

TEST_CASE("Statistik with a damaged record says it could not count, and changes nothing", "[ui][statistics]") {
  KioskDriver k("statistics-damaged", fromStockholm(date("2026-11-18"), 8, 0));
  const std::string who = k.app().model().participants.at(0).id;
  at(k, "2026-11-18", 9);
  const Event in = store::perform(k.store(), cmd::CheckIn{who, std::nullopt}).front();
  at(k, "2026-11-23", 8, 10);
  k.settle();
  {
    // Someone edited the database by hand with the sqlite3 tool (past the append-only guard)
    // and left a record that cannot be read.
    store::Database db(k.dataDir() / store::kDatabaseFileName, store::Database::Mode::OpenExisting);
    db.exec("DROP TRIGGER event_is_append_only");
    db.exec("UPDATE event SET payload = '{not json' WHERE id = '" + in.id + "'");
    db.exec("CREATE TRIGGER event_is_append_only BEFORE UPDATE ON event "
            "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END");
  }
  openStatistics(k);
  k.settle("72-statistics-damaged");
  CHECK_FALSE(k.app().model().statistics.has_value());
  CHECK(k.app().model().statisticsError == "Statistiken kunde inte räknas fram. En händelse kunde inte läsas.");
  // The kiosk carries on: back to the dashboard, and check-ins still work.
  k.tapButton("back");
  CHECK(k.screens().screen() == ui::ScreenId::StaffDashboard);
  CHECK(k.app().perform(cmd::CheckIn{k.app().model().participants.at(1).id, kStaff}).empty());
}

TEST_CASE("Statistik at a small 1024x600 kiosk", "[ui][statistics][small]") {
  KioskDriver k("small-statistics", fromStockholm(date("2026-09-28"), 8, 0), 1024, 600);
  k.keepTargetsOnScreen(); // every target tapped and every frame settled lies inside the window
  openStatistics(k);
  k.settle("small-71-statistics-empty");
  k.tapButton("back");
  k.tapButton("back"); // signs out
  std::vector<std::string> p;
  for (size_t i = 0; i < 5; ++i) p.push_back(k.app().model().participants.at(i).id);
  recordTwoWeeks(k, p);
  openStatistics(k);
  k.settle("small-70-statistics");
  REQUIRE(k.app().model().statistics.has_value());
  CHECK(k.app().model().statistics->attendanceDays == 21);

  // A busier site: every category of the catalogue, seven open complaints with the template's
  // longest wordings. Long labels are shortened with "…"; the oldest three are listed.
  k.tapButton("back");
  session(k, "2026-11-23", "liljan-a03", {p[1], p[2]});
  session(k, "2026-11-23", "liljan-a05", {p[3]});
  complaint(k, "klagomal", "2026-11-03", "tillganglighet");
  complaint(k, "synpunkt", "2026-11-04", "beslut");
  complaint(k, "forslag", "2026-11-05", "rutiner");
  complaint(k, "klagomal", "2026-11-19", "it");
  complaint(k, "synpunkt", "2026-11-20", "mat");
  k.advance(1000);
  k.tapButton("open-statistics");
  k.settle("small-72-statistics-busy");
  const SiteStatistics& s = *k.app().model().statistics;
  CHECK(s.categories.size() == 6);
  CHECK(s.openComplaints == 7);
  CHECK(s.overdueComplaints == 3); // 2, 3 and 4 Nov; 5 Nov is a suggestion
  CHECK(s.oldestOpen.size() == kOldestComplaintsShown);
  // The way back stays on the screen.
  const auto back = k.screens().buttonRect("back");
  REQUIRE(back);
  CHECK(back->z <= 1024);
  CHECK(back->w <= 600);
}
