#pragma once
// The hand-counted fixtures counted on the kiosk: a kiosk's Statistik (computeSiteStatistics
// over its own SQLite) against the central report over the same 56 days for that site.
#include "central/ReportReader.hpp"
#include "core/SiteStatistics.hpp"
#include "report/ReportBuilder.hpp"
#include "StoreTestSupport.hpp"
#include "store/CountingRows.hpp"
#include "store/KioskStore.hpp"

#include <catch2/catch.hpp>

namespace dagverk::test {

inline void checkSameAttendance(const SiteAttendance& kiosk, const SiteAttendance& central) {
  REQUIRE(kiosk.counted.has_value() == central.counted.has_value());
  if (kiosk.counted) {
    CHECK(kiosk.counted->first == central.counted->first);
    CHECK(kiosk.counted->last == central.counted->last);
  }
  CHECK(kiosk.attendanceDays == central.attendanceDays);
  CHECK(kiosk.distinctParticipants == central.distinctParticipants);
  CHECK(kiosk.openDays == central.openDays);
  CHECK(kiosk.placeDays == central.placeDays);
  CHECK(kiosk.expectedAbsentDays == central.expectedAbsentDays);
  CHECK(kiosk.automaticCheckouts == central.automaticCheckouts);
  CHECK(kiosk.byWeekday == central.byWeekday);
  CHECK(kiosk.openByWeekday == central.openByWeekday);
  CHECK(kiosk.absentByReason == central.absentByReason);
  CHECK(kiosk.presentPerDay == central.presentPerDay);
  CHECK(kiosk.openPerDay == central.openPerDay);
}

// Opens the kiosk's data directory and returns its Statistik for `today`; checks it against
// the central report of the same 56 days for its site.
inline SiteStatistics checkKioskAgainstCentral(const fs::path& kioskDir, const fs::path& centralDb, LocalDate today) {
  ManualClock clock(fromStockholm(today, 12, 0));
  auto kiosk = store::KioskStore::open(kioskDir, clock);
  const std::string site = kiosk->roster().boundSiteId();
  store::KioskCountingSource rows(kiosk->database());
  const StatisticsSite counted{site, kiosk->roster().site(site).places, store::kioskRosterSpells(kiosk->database(), site)};
  const SiteStatistics s = computeSiteStatistics(rows, counted, {}, {}, {}, today);
  auto reader = central::openReportReader(centralDb);
  report::BuildOptions options;
  options.site = site;
  const StatisticsPeriod p = statisticsPeriod(today);
  const report::ReportData d = report::buildReport(*reader, rangePeriod(p.from, p.to), options);
  REQUIRE(d.sites.size() == 1);
  checkSameAttendance(s.attendance, d.sites.front().attendance);
  return s;
}

} // namespace dagverk::test
