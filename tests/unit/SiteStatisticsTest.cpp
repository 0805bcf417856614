// The kiosk's "Statistik" figures (pure): a small input counted by hand, around Christmas and
// New Year so the holiday rule shows. Every expected number below says how it was counted.
#include "core/EventListSource.hpp"
#include "core/Feedback.hpp"
#include "core/LocalTime.hpp"
#include "core/SiteStatistics.hpp"
#include "core/SwedishText.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace dagverk;

namespace {

LocalDate date(const char* iso) {
  const auto d = parseIsoDate(iso);
  REQUIRE(d);
  return *d;
}

std::int64_t g_seq = 0;
Event event(const std::string& id, const std::string& device, EventPayload payload, UtcMs recorded) {
  Event e;
  e.id = id;
  e.deviceId = device;
  e.seq = ++g_seq;
  e.recordedUtc = recorded;
  e.zone = kSiteZone;
  e.siteId = "liljan";
  e.payload = std::move(payload);
  return e;
}

// A check-in at 09:00 Stockholm time on `day`, recorded then, on kiosk D1 unless told.
Event checkIn(const std::string& id, const std::string& participant, const char* day, int hour = 9,
              const std::string& device = "D1") {
  const UtcMs t = fromStockholm(date(day), hour, 0);
  return event(id, device, CheckedIn{participant, t}, t);
}

Event voids(const std::string& id, const std::string& eventId, const std::string& participant, const char* day) {
  return event(id, "D1", Corrected{eventId, participant, "av_misstag"}, fromStockholm(date(day), 12, 0));
}

ActivitySession session(const std::string& id, const std::string& activity, int participants, const char* day,
                        bool planned = false) {
  ActivitySession s;
  s.eventId = "ev-" + id;
  s.data.sessionId = id;
  s.data.activityId = activity;
  for (int i = 0; i < participants; ++i) s.data.participantIds.push_back("P" + std::to_string(i + 1));
  s.data.staffIds = {"S001"};
  s.data.start = fromStockholm(date(day), 10, 0);
  s.data.end = fromStockholm(date(day), 11, 0);
  s.data.planned = planned;
  return s;
}

ComplaintState complaint(const std::string& id, const std::string& type, const char* received, bool feedback = false,
                         bool closed = false) {
  ComplaintState c;
  c.eventId = "ev-" + id;
  c.data.complaintId = id;
  c.data.type = type;
  c.data.source = "brukare";
  c.data.concerns = "bemotande";
  c.data.receivedDate = received;
  c.data.channel = "muntligt";
  c.feedbackGiven = feedback;
  c.closed = closed;
  return c;
}

// The site Liljan with participants P1..P4 on its roster, expected every weekday.
StatisticsSite liljan() {
  StatisticsSite s{"liljan", 6, {}};
  for (const char* p : {"P1", "P2", "P3", "P4"}) {
    RosterSpell spell;
    spell.participantId = p;
    spell.siteId = "liljan";
    spell.weekdays = {true, true, true, true, true, false, false};
    s.roster.push_back(spell);
  }
  return s;
}

SiteStatistics statisticsOf(std::vector<Event> events, const std::vector<ActivitySession>& sessions,
                            const std::vector<Activity>& activities, const std::vector<ComplaintState>& complaints,
                            LocalDate today) {
  EventListSource rows(std::move(events));
  return computeSiteStatistics(rows, liljan(), sessions, activities, complaints, today);
}

} // namespace

TEST_CASE("The statistics period is the 56 days ending today", "[statistics]") {
  const StatisticsPeriod p = statisticsPeriod(date("2026-01-09"));
  CHECK(p.to == date("2026-01-09"));
  // 9 Jan back 55 days: 8 days into January, 31 in December, leaves 16 of November: 15 Nov.
  CHECK(p.from == date("2025-11-15"));
  CHECK(daysFromCivil(p.to) - daysFromCivil(p.from) + 1 == kStatisticsDays);
}

TEST_CASE("Statistics of a hand-counted fortnight over New Year", "[statistics]") {
  // Today is Friday 9 January 2026. The holidays in the fortnight (isSwedishHoliday):
  // Wed 31 Dec (nyårsafton), Thu 1 Jan (nyårsdagen), Tue 6 Jan (trettondedag jul).
  const LocalDate today = date("2026-01-09");
  REQUIRE(isSwedishHoliday(date("2025-12-31")));
  REQUIRE(isSwedishHoliday(date("2026-01-01")));
  REQUIRE(isSwedishHoliday(date("2026-01-06")));

  const std::vector<Event> events{
      checkIn("e01", "P1", "2025-12-29"),
      checkIn("e02", "P2", "2025-12-29"),
      checkIn("e03", "P2", "2025-12-29", 10, "D2"), // the same person on the second kiosk: one day
      checkIn("e04", "P1", "2025-12-30"),
      checkIn("e05", "P1", "2026-01-02"),
      checkIn("e06", "P3", "2026-01-03"),          // a Saturday
      checkIn("e07", "P1", "2026-01-05"),
      checkIn("e08", "P1", "2026-01-05", 13),      // back after lunch: still one day
      checkIn("e09", "P2", "2026-01-05"),          // voided below, on another day
      checkIn("e10", "P3", "2026-01-05"),
      checkIn("e11", "P1", "2026-01-06"),          // came on a holiday
      checkIn("e12", "P2", "2026-01-07"),
      voids("e13", "e09", "P2", "2026-01-07"),
      checkIn("e14", "P2", "2026-01-08"),
      checkIn("e15", "P2", "2026-01-09"),
      checkIn("e16", "P3", "2025-11-14"),          // the day before the period: not counted
      event("e17", "D1", AbsenceNoted{"P4", "2026-01-08", "sjuk", ""}, fromStockholm(today, 8, 0)), // ignored
  };
  const std::vector<ActivitySession> sessions{
      session("s1", "a-bild", 3, "2026-01-05"),
      session("s2", "a-lera", 2, "2026-01-07"),
      session("s3", "a-teater", 4, "2026-01-08"),
      session("s4", "a-teater", 5, "2026-01-09", true), // planned: not done
      session("s5", "a-bild", 6, "2025-11-10"),         // before the period
      session("s6", "a-borttagen", 1, "2026-01-02"),    // activity no longer in the catalogue
  };
  const std::vector<Activity> activities{{"a-bild", "liljan", "Bild och form", "Skapande"},
                                         {"a-lera", "liljan", "Lera", "Skapande"},
                                         {"a-teater", "liljan", "Teater", "Kultur"}};
  const std::vector<ComplaintState> complaints{
      complaint("c1", "klagomal", "2025-12-01"),
      complaint("c2", "synpunkt", "2025-12-20", true),
      complaint("c3", "forslag", "2026-01-02"),
      complaint("c4", "berom", "2025-12-15"),
      complaint("c5", "klagomal", "2025-11-20", false, true),
      complaint("c6", "klagomal", "2025-12-22"),
      complaint("c7", "synpunkt", "2025-12-10"),
      complaint("c8", "klagomal", "2026-01-08"),
  };

  const SiteStatistics s = statisticsOf(events, sessions, activities, complaints, today);

  SECTION("attendance per weekday") {
    // Participant-days (voided e09 left out, doubles merged, 14 Nov outside the period):
    //   Mon: P1+P2 on 29 Dec, P1+P3 on 5 Jan                     = 4
    //   Tue: P1 on 30 Dec, P1 on 6 Jan                           = 2
    //   Wed: P2 on 7 Jan                                         = 1
    //   Thu: P2 on 8 Jan                                         = 1
    //   Fri: P1 on 2 Jan, P2 on 9 Jan                            = 2
    //   Sat: P3 on 3 Jan                                         = 1 (weekend)
    // Open days, counted from the later of the period's first day (Sat 15 Nov) and the site's
    // first record (e16 on 14 Nov) to its last record (today): working days, and any other
    // day someone came.
    //   Mon: 17, 24 Nov; 1, 8, 15, 22, 29 Dec; 5 Jan                        = 8
    //   Tue: 18, 25 Nov; 2, 9, 16, 23, 30 Dec; 6 Jan (holiday, but P1 came)  = 8
    //   Wed: 19, 26 Nov; 3, 10, 17 Dec; 7 Jan (24 and 31 Dec holidays, nobody came) = 6
    //   Thu: 20, 27 Nov; 4, 11, 18 Dec; 8 Jan (25 Dec and 1 Jan holidays)   = 6
    //   Fri: 21, 28 Nov; 5, 12, 19 Dec; 2, 9 Jan (26 Dec a holiday)         = 7
    const int days[5] = {8, 8, 6, 6, 7};
    const int attendance[5] = {4, 2, 1, 1, 2};
    for (size_t i = 0; i < 5; ++i) {
      INFO("weekday " << i + 1);
      CHECK(s.weekdays[i].isoWeekday == static_cast<int>(i) + 1);
      CHECK(s.weekdays[i].days == days[i]);
      CHECK(s.weekdays[i].attendanceDays == attendance[i]);
    }
    CHECK(s.weekdays[0].average() == Approx(0.5));     // 4 / 8
    CHECK(s.weekdays[1].average() == Approx(0.25));    // 2 / 8
    CHECK(s.weekdays[4].average() == Approx(2.0 / 7)); // 2 / 7
    CHECK(s.attendance.openByWeekday[5] == 1);         // Saturday 3 Jan: P3 came, so open
    CHECK(s.attendanceDays == 11);       // 4 + 2 + 1 + 1 + 2 + 1 (Saturday)
    CHECK(s.weekendAttendanceDays == 1); // P3 on Saturday 3 Jan
    CHECK(s.distinctParticipants == 3);  // P1, P2, P3
    CHECK(s.hasAttendance());
  }

  SECTION("activities by category") {
    // Done in the period: s1 (Skapande, 3), s2 (Skapande, 2), s3 (Kultur, 4), s6 (unknown, 1).
    // s4 is planned, s5 before the period.
    REQUIRE(s.categories.size() == 3);
    CHECK(s.categories[0].category == "Skapande"); // 2 sessions: first
    CHECK(s.categories[0].sessions == 2);
    CHECK(s.categories[0].participantSessions == 5); // 3 + 2
    CHECK(s.categories[1].category == "Kultur");     // 1 session; "Kultur" before "Okänd kategori"
    CHECK(s.categories[1].sessions == 1);
    CHECK(s.categories[1].participantSessions == 4);
    CHECK(s.categories[2].category == kUnknownCategory);
    CHECK(s.categories[2].sessions == 1);
    CHECK(s.categories[2].participantSessions == 1);
    CHECK(s.sessions == 4);              // 2 + 1 + 1
    CHECK(s.participantSessions == 10);  // 5 + 4 + 1
  }

  SECTION("open complaints") {
    // Open: c1, c2, c3, c6, c7, c8 = 6 (c4 is praise, c5 is closed).
    CHECK(s.openComplaints == 6);
    // Overdue: c1 and c7 (complaint or comment, no feedback, over 10 working days). c2 got
    // feedback; c3 is a suggestion; c6 (8 days) and c8 (1 day) are within 10.
    CHECK(s.overdueComplaints == 2);
    // The three oldest by date received (kOldestComplaintsShown); c6, c3 and c8 are left out.
    REQUIRE(kOldestComplaintsShown == 3);
    REQUIRE(s.oldestOpen.size() == kOldestComplaintsShown);
    const char* order[] = {"c1", "c7", "c2"};
    // Working days after receipt up to and including 9 Jan (24–26 Dec, 31 Dec, 1 and 6 Jan off):
    //   c1 1 Dec:  Dec 2–5 (4), 8–12 (5), 15–19 (5), 22–23 (2), 29–30 (2), Jan 2, 5, 7, 8, 9 (5) = 23
    //   c7 10 Dec: Dec 11–12 (2), 15–19 (5), 22–23 (2), 29–30 (2), Jan 2, 5, 7, 8, 9 (5)         = 16
    //   c2 20 Dec: Dec 22–23 (2), 29–30 (2), Jan 2, 5, 7, 8, 9 (5)                               = 9
    // (c6 of 22 Dec would have 8: Dec 23, 29–30, Jan 2, 5, 7, 8, 9 — within 10, not overdue.)
    const int workingDays[] = {23, 16, 9};
    const bool overdue[] = {true, true, false};
    for (size_t i = 0; i < kOldestComplaintsShown; ++i) {
      INFO("row " << i);
      CHECK(s.oldestOpen[i].complaintId == order[i]);
      CHECK(s.oldestOpen[i].workingDaysOpen == workingDays[i]);
      CHECK(s.oldestOpen[i].overdue == overdue[i]);
    }
  }
}

TEST_CASE("Statistics of a site with no records say there is nothing", "[statistics]") {
  const SiteStatistics s = statisticsOf({}, {}, {}, {}, date("2026-11-23"));
  CHECK_FALSE(s.hasAttendance());
  CHECK_FALSE(s.hasActivities());
  CHECK(s.categories.empty());
  CHECK(s.openComplaints == 0);
  CHECK(s.oldestOpen.empty());
  for (const auto& w : s.weekdays) {
    CHECK(w.days == 0);
    CHECK(w.average() == 0.0); // never a division by zero
  }
  CHECK_FALSE(s.attendance.hasData());
}

TEST_CASE("Only voided check-ins in the period count as no attendance", "[statistics]") {
  const std::vector<Event> events{checkIn("e1", "P1", "2026-11-16"), voids("e2", "e1", "P1", "2026-11-16")};
  const SiteStatistics s = statisticsOf(events, {}, {}, {}, date("2026-11-23"));
  CHECK_FALSE(s.hasAttendance());
  CHECK(s.distinctParticipants == 0);
  // The site's only records (the voided check-in and its correction) are on Monday 16 Nov, so
  // that one working day is counted, with nobody present.
  CHECK(s.weekdays[0].days == 1);
  CHECK(s.weekdays[1].days == 0);
}

TEST_CASE("A kiosk put up mid-period is averaged over its own days, not the 8 weeks", "[statistics]") {
  // Today Friday 21 Nov 2025; the kiosk's first record is Monday 17 Nov: five open days.
  const std::vector<Event> events{checkIn("e1", "P1", "2025-11-17"), checkIn("e2", "P2", "2025-11-17"),
                                  checkIn("e3", "P1", "2025-11-21")};
  const SiteStatistics s = statisticsOf(events, {}, {}, {}, date("2025-11-21"));
  for (size_t i = 0; i < 5; ++i) CHECK(s.weekdays[i].days == 1);
  CHECK(s.weekdays[0].average() == Approx(2.0));
  CHECK(s.attendance.openDays == 5);
  CHECK(s.attendance.placeDays == 30); // 6 places x 5 days
}

TEST_CASE("A check-in by someone not on the site's roster is not counted", "[statistics]") {
  const std::vector<Event> events{checkIn("e1", "P1", "2025-11-17"), checkIn("e2", "X9", "2025-11-17")};
  const SiteStatistics s = statisticsOf(events, {}, {}, {}, date("2025-11-21"));
  CHECK(s.attendanceDays == 1);
  CHECK(s.distinctParticipants == 1);
}

TEST_CASE("Averages are shown with one decimal and a decimal comma", "[statistics]") {
  CHECK(formatSwedishDecimal(-0.04) == "0,0");
  CHECK(formatSwedishDecimal(-1.25, 1) == "-1,3");
  CHECK(formatSwedishDecimal(3.14159, 2) == "3,14");
  CHECK(formatSwedishDecimal(0.05, 2) == "0,05");
  CHECK(formatSwedishDecimal(12.6, 0) == "13");
  CHECK(formatSwedishDecimal(1.5) == "1,5");
  CHECK(formatSwedishDecimal(2.0) == "2,0");
  CHECK(formatSwedishDecimal(0.25) == "0,3");     // rounded half away from zero
  CHECK(formatSwedishDecimal(12.345) == "12,3");
  CHECK(formatSwedishDecimal(17.0 / 3) == "5,7"); // 5.666…
  CHECK(formatSwedishDecimal(0.0) == "0,0");
}
