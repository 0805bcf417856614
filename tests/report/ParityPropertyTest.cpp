// Kiosk/central parity (RapidCheck): random days at one to three sites, recorded through real
// kiosk stores (check-ins, check-outs, absences, corrections, day rollovers, weekends and
// holidays included), then counted twice: by the kiosk's Statistik (computeSiteStatistics over
// the kiosk's own SQLite) and by the central report (buildReport over a central database the
// kiosks' logs were imported into). Both must give the same figures, and so must the events
// counted from memory (EventListSource).
#include "ReportFixture.hpp"

#include "central/ReportReader.hpp"
#include "core/EventListSource.hpp"
#include "core/SiteStatistics.hpp"
#include "report/ReportBuilder.hpp"
#include "store/CheckInOut.hpp"
#include "store/CountingRows.hpp"
#include "store/Perform.hpp"

#include <rapidcheck/catch.h>

#include <cstdlib>

using namespace dagverk;
using namespace dagverk::test;

namespace {

const char* const kReasons[] = {"sjuk", "ledig", "annan_aktivitet", "okant"};

RosterFiles parityRoster(int sites) {
  RosterFiles r;
  StaffMember staff;
  staff.id = "s-all";
  staff.firstName = "Alla";
  staff.initial = "A";
  staff.role = StaffRole::AssistantManager;
  for (int s = 0; s < sites; ++s) {
    const std::string site = "site" + std::to_string(s);
    r.sites.push_back(Site{site, "Verksamhet " + std::to_string(s), *rc::gen::inRange(1, 9), 8 * 60, 16 * 60});
    staff.siteIds.push_back(site);
    const int people = *rc::gen::inRange(1, 6);
    for (int p = 0; p < people; ++p) {
      Participant x;
      x.id = site + "-p" + std::to_string(p);
      x.siteId = site;
      x.firstName = "P" + std::to_string(p);
      x.initial = "X";
      for (auto& w : x.expectedWeekdays) w = *rc::gen::inRange(0, 3) > 0;
      r.participants.push_back(x);
    }
  }
  r.staff.push_back(staff);
  return r;
}

// The figures both paths must agree on.
void assertSame(const SiteAttendance& kiosk, const SiteAttendance& central) {
  RC_ASSERT(kiosk.counted.has_value() == central.counted.has_value());
  if (kiosk.counted) {
    RC_ASSERT(kiosk.counted->first == central.counted->first);
    RC_ASSERT(kiosk.counted->last == central.counted->last);
  }
  RC_ASSERT(kiosk.attendanceDays == central.attendanceDays);
  RC_ASSERT(kiosk.distinctParticipants == central.distinctParticipants);
  RC_ASSERT(kiosk.openDays == central.openDays);
  RC_ASSERT(kiosk.placeDays == central.placeDays);
  RC_ASSERT(kiosk.expectedAbsentDays == central.expectedAbsentDays);
  RC_ASSERT(kiosk.automaticCheckouts == central.automaticCheckouts);
  RC_ASSERT(kiosk.byWeekday == central.byWeekday);
  RC_ASSERT(kiosk.openByWeekday == central.openByWeekday);
  RC_ASSERT(kiosk.absentByReason == central.absentByReason);
  RC_ASSERT(kiosk.presentPerDay == central.presentPerDay);
  RC_ASSERT(kiosk.openPerDay == central.openPerDay);
}

} // namespace

TEST_CASE("report parity: the kiosk's Statistik and the central report count the same events the same way") {
  // 200 cases by default (the figure the reports promise); RC_PARAMS overrides.
  if (!std::getenv("RC_PARAMS")) ::setenv("RC_PARAMS", "max_success=200", 1);
  rc::prop("random days through real kiosks, counted on the kiosk and centrally", [] {
    const int siteCount = *rc::gen::inRange(1, 4);
    const RosterFiles roster = parityRoster(siteCount);
    // The kiosks' "today" in 2025 (any season: summer time, holidays); recording starts 1–70
    // days before (sometimes before the 56-day Statistik period) and stops 1–4 days before today.
    const LocalDate today = addDays(LocalDate{2025, 1, 1}, *rc::gen::inRange(60, 365));
    const LocalDate first = addDays(today, -*rc::gen::inRange(1, 71));
    const LocalDate last = std::min(addDays(today, -1), addDays(first, *rc::gen::inRange(0, 21)));
    TempDir dir("parity");
    ManualClock clock(fromStockholm(first, 7, 0));
    std::vector<std::unique_ptr<store::KioskStore>> kiosks;
    for (const auto& s : roster.sites)
      kiosks.push_back(store::KioskStore::createWithRoster(dir / ("kiosk-" + s.id), clock, roster, s.id));
    std::vector<std::vector<std::string>> checkIns(kiosks.size()); // event ids, for corrections
    for (LocalDate day = first; !(last < day); day = addDays(day, 1)) {
      clock.set(fromStockholm(day, 7, 30));
      for (auto& k : kiosks) store::runDayRollover(*k);
      const int actions = *rc::gen::inRange(0, 9);
      for (int a = 0; a < actions; ++a) {
        const size_t ki = static_cast<size_t>(*rc::gen::inRange(0, static_cast<int>(kiosks.size())));
        auto& k = *kiosks[ki];
        const std::string& site = roster.sites[ki].id;
        std::vector<std::string> people;
        for (const auto& p : roster.participants)
          if (p.siteId == site) people.push_back(p.id);
        const std::string who = people[static_cast<size_t>(*rc::gen::inRange(0, static_cast<int>(people.size())))];
        clock.set(fromStockholm(day, *rc::gen::inRange(8, 16), *rc::gen::inRange(0, 60)));
        try {
          switch (*rc::gen::inRange(0, 10)) {
          case 0:
          case 1:
          case 2:
          case 3: checkIns[ki].push_back(store::perform(k, cmd::CheckIn{who, std::nullopt}).front().id); break;
          case 4:
          case 5: store::perform(k, cmd::CheckOut{who, std::nullopt}); break;
          case 6:
          case 7: store::perform(k, cmd::NoteAbsence{who, kReasons[*rc::gen::inRange(0, 4)], "", "s-all"}); break;
          default:
            if (!checkIns[ki].empty())
              store::perform(k, cmd::Correct{checkIns[ki][static_cast<size_t>(
                                                 *rc::gen::inRange(0, static_cast<int>(checkIns[ki].size())))],
                                             "fel_person", "s-all"});
          }
        } catch (const DagverkError&) {
          // Refused by the kiosk (already checked in, not present, already corrected): nothing recorded.
        }
      }
    }
    // The next morning's rollover closes the last day's forgotten check-outs.
    clock.set(fromStockholm(addDays(last, 1), 7, 30));
    for (auto& k : kiosks) store::runDayRollover(*k);
    clock.set(fromStockholm(today, 12, 0));

    const fs::path db = dir / "central.sqlite";
    std::vector<Event> all;
    {
      auto central = central::CentralStore::open(db);
      central->storeRoster(roster, 1, first);
      for (size_t i = 0; i < kiosks.size(); ++i) {
        central->importBatch(batchOf(*kiosks[i], roster.sites[i].id, 1), "sha" + std::to_string(i),
                             std::to_string(i) + ".batch", clock.nowUtc());
        for (auto& e : kiosks[i]->events().after(0, 100000)) all.push_back(std::move(e));
      }
    }
    const StatisticsPeriod period = statisticsPeriod(today);
    auto reader = central::openReportReader(db);
    const report::ReportData report = report::buildReport(*reader, rangePeriod(period.from, period.to), {});
    RC_ASSERT(report.sites.size() == kiosks.size());

    CountRequest all56{period.from, period.to, {}, {}};
    for (const auto& s : roster.sites) all56.sites.push_back({s.id, s.places});
    for (size_t i = 0; i < kiosks.size(); ++i) {
      const std::string& site = roster.sites[i].id;
      store::KioskCountingSource rows(kiosks[i]->database());
      const StatisticsSite counted{site, roster.sites[i].places, store::kioskRosterSpells(kiosks[i]->database(), site)};
      const SiteStatistics s = computeSiteStatistics(rows, counted, {}, {}, {}, today);
      RC_ASSERT(report.sites[i].id == site);
      assertSame(s.attendance, report.sites[i].attendance);
      for (const auto& spell : counted.roster) all56.roster.push_back(spell);
    }
    // The same events from memory, every site at once, against the report's unit.
    EventListSource memory(all);
    const AttendanceCount fromMemory = countAttendance(memory, all56);
    for (size_t i = 0; i < kiosks.size(); ++i) assertSame(fromMemory.sites[i], report.sites[i].attendance);
    assertSame(fromMemory.unit, report.unit.attendance);
    RC_ASSERT(fromMemory.notOnRoster.size() == report.notOnRoster.size());
  });
}
