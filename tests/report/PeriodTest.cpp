// Report periods: the forms the command accepts, their dates, and what is refused.
#include "core/SwedishText.hpp"
#include "core/Error.hpp"
#include "core/Period.hpp"
#include "report/ReportDocument.hpp"

#include <catch2/catch.hpp>

using namespace dagverk;

namespace {
std::string iso(LocalDate d) { return formatIsoDate(d); }
} // namespace

TEST_CASE("period: tertials are January–April, May–August and September–December") {
  const auto t1 = parsePeriod("2025-T1"), t2 = parsePeriod("2025-T2"), t3 = parsePeriod("2025-T3");
  REQUIRE(t1);
  REQUIRE(t2);
  REQUIRE(t3);
  CHECK(iso(t1->from) == "2025-01-01");
  CHECK(iso(t1->to) == "2025-04-30");
  CHECK(iso(t2->from) == "2025-05-01");
  CHECK(iso(t2->to) == "2025-08-31");
  CHECK(iso(t3->from) == "2025-09-01");
  CHECK(iso(t3->to) == "2025-12-31");
  CHECK(t1->swedishLabel() == "T1 2025 (januari–april)");
  CHECK(t1->kind == Period::Kind::Tertial);
  CHECK(t1->dayCount() + t2->dayCount() + t3->dayCount() == 365);
}

TEST_CASE("period: a year, a month (with leap years) and an explicit range") {
  const auto y = parsePeriod("2024");
  REQUIRE(y);
  CHECK(y->dayCount() == 366);
  CHECK(y->kind == Period::Kind::Year);
  const auto feb = parsePeriod("2024-02");
  REQUIRE(feb);
  CHECK(iso(feb->to) == "2024-02-29");
  CHECK(parsePeriod("2025-02")->to.day == 28);
  CHECK(parsePeriod("2025-03")->swedishLabel() == "mars 2025");
  const auto r = parsePeriod("2025-01-15..2025-03-02");
  REQUIRE(r);
  CHECK(r->dayCount() == 47);
  CHECK(r->code == "2025-01-15..2025-03-02");
  CHECK(parsePeriod("2025-03-02..2025-03-02")->dayCount() == 1);
}

TEST_CASE("period: ISO weeks, including week 1 in December and week 53") {
  const auto w7 = parsePeriod("2025-W07");
  REQUIRE(w7);
  CHECK(iso(w7->from) == "2025-02-10");
  CHECK(iso(w7->to) == "2025-02-16");
  CHECK(w7->swedishLabel() == "vecka 7 2025 (10–16 februari 2025)");
  CHECK(iso(parsePeriod("2025-W01")->from) == "2024-12-30"); // week 1 of 2025 starts in 2024
  CHECK(iso(parsePeriod("2020-W53")->from) == "2020-12-28");
  CHECK_FALSE(parsePeriod("2025-W53")); // 2025 has 52 weeks
  CHECK(isoWeeksInYear(2026) == 53);
  CHECK(isoWeekOf({2027, 1, 1}) == IsoWeek{2026, 53});
  CHECK(isoWeekOf({2025, 12, 29}) == IsoWeek{2026, 1});
  const auto weeks = isoWeeksBetween({2025, 1, 1}, {2025, 12, 31});
  REQUIRE(weeks.size() == 53); // W01 (from 30 Dec 2024) .. W01 of 2026 (29–31 Dec 2025)
  CHECK(weeks.front() == IsoWeek{2025, 1});
  CHECK(weeks.back() == IsoWeek{2026, 1});
}

TEST_CASE("period: anything else is refused with the accepted forms in Swedish") {
  for (const char* bad : {"", "2025-T4", "2025-T0", "2025-13", "2025-00", "2025-W00", "2025-W54", "25-T1", "2025-t1",
                          "2025-02-30..2025-03-01", "2025-03-01..2025-02-01", "2019-01-01..2025-01-01", "1999",
                          "2025-1", "2025-W7", "2025-01-01...2025-01-02", "2025-01-01..", "T1-2025", "2025 ",
                          "2025-01-01..2025-01-0x"}) {
    INFO(bad);
    CHECK_FALSE(parsePeriod(bad));
  }
  try {
    periodFromText("2025-T4");
    FAIL("no error");
  } catch (const DagverkError& e) {
    CHECK(e.code() == ErrorCode::UnknownPeriod);
    CHECK(std::string(e.swedish()).find("2025-T4") != std::string::npos);
    CHECK(std::string(e.swedish()).find("2025-W07") != std::string::npos);
    CHECK(std::string(e.english()).find("YYYY-Tn") != std::string::npos);
  }
}

TEST_CASE("report numbers: Swedish decimals round half away from zero, like the figures") {
  CHECK(formatSwedishDecimal(1.25, 1) == "1,3");
  CHECK(formatSwedishDecimal(0.75, 1) == "0,8");
  CHECK(formatSwedishDecimal(2.0, 1) == "2,0");
  CHECK(formatSwedishDecimal(-0.04, 1) == "0,0");
  CHECK(report::formatPercent(0.625) == "62,5 %");
  CHECK(report::formatInteger(1234) == "1234");
}
