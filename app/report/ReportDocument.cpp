// The document's frame (layoutReport) and sections 0-2: about the report, attendance and
// occupancy, and the drifting-away list. Sections 3-6 are in ActivitySections.cpp and
// FeedbackSections.cpp; the cells they share in ReportCells.cpp.
#include "report/ReportDocument.hpp"

#include "core/DayRecords.hpp"
#include "report/ReportLayout.hpp"

#include <cmath>

namespace dagverk::report {

namespace layout {

// --- 0: about the report ------------------------------------------------------------------
Section aboutSection(const ReportData& d) {
  Section s;
  s.id = "0-om-rapporten";
  s.sheet = "Om rapporten";
  s.title = "Om rapporten";
  if (d.noData)
    s.paragraphs.push_back("Det finns inga registreringar för " + d.period.swedishLabel() +
                           (isSiteReport(d) ? " på " + d.sites.front().name : std::string()) +
                           ". Rapporten har därför inga siffror och inga diagram.");
  s.paragraphs.push_back(
      "Siffrorna räknas ur de händelser som verksamheternas kioskar har synkroniserat till den centrala "
      "databasen. Det som ännu inte är synkroniserat finns inte med: se datumen nedan.");
  s.paragraphs.push_back(
      "Närvarodag: en deltagare som checkat in minst en gång på en verksamhet under en dag, räknad en gång "
      "oavsett vilken kiosk som registrerade det. Rättade (makulerade) registreringar räknas inte. "
      "Öppetdagar: vardagar utom helgdagar i perioden, till och med den sista dag verksamheten har data för. "
      "Beläggning: närvarodagar / (platser × öppetdagar). Förväntad men frånvarande: deltagare som enligt "
      "schemat skulle komma en öppetdag men inte checkade in; orsaken är den som personalen noterade, annars "
      "\"ej angiven\". Schemat är dagens (centralt finns ingen historik över schemat).");
  Table t;
  t.id = "sync";
  t.title = "Senast synkroniserad per verksamhet";
  t.columns = {"Verksamhet-id", "Verksamhet", "Senast synkroniserad", "Data till och med"};
  for (const auto& site : d.sites)
    addRow(t, {text(site.id), text(site.name), text(site.lastSync ? dateTime(*site.lastSync) : "aldrig"),
               text(site.attendance.lastRecordedDay ? formatIsoDate(*site.attendance.lastRecordedDay) : kDash)});
  s.tables.push_back(std::move(t));
  return s;
}

// --- 1: attendance and occupancy ---------------------------------------------------------
Section attendanceSection(const ReportData& d) {
  Section s;
  s.id = "1-narvaro";
  s.sheet = "Närvaro och beläggning";
  s.title = "Närvaro och beläggning";
  const SiteSection& scope = scopeOf(d);
  if (scope.attendance.attendanceDays == 0) {
    s.paragraphs.push_back("Ingen närvaro är registrerad under perioden" +
                           (isSiteReport(d) ? " på " + scope.name : std::string()) + ".");
  } else {
    Chart weekday;
    weekday.kind = Chart::Kind::Bars;
    weekday.title = "Genomsnittligt antal närvarande per veckodag – " + scope.name;
    weekday.unitLabel = "närvarande i genomsnitt";
    weekday.decimals = 1;
    for (size_t w = 0; w < 5; ++w) {
      weekday.labels.push_back(weekdayName(w));
      weekday.values.push_back(scope.attendance.averageByWeekday[w]);
    }
    s.charts.push_back(std::move(weekday));
    if (d.weeks.size() >= 2) { // one week's "trend" is a single point: the table says it
    Chart trend;
    trend.kind = Chart::Kind::Line;
    trend.title = "Närvarodagar per vecka – " + scope.name;
    trend.unitLabel = "närvarodagar";
    for (size_t i = 0; i < d.weeks.size(); ++i) {
      trend.labels.push_back("v" + std::to_string(d.weeks[i].week));
      trend.values.push_back(static_cast<double>(scope.attendance.byWeek[i]));
    }
    s.charts.push_back(std::move(trend));
    }
  }

  Table main;
  main.id = "attendance";
  main.title = "Närvaro och beläggning per verksamhet";
  main.columns = {"Verksamhet-id", "Verksamhet", "Platser", "Öppetdagar", "Närvarodagar", "Unika deltagare",
                  "Beläggning", "Förväntade men frånvarande dagar", "Automatiska utcheckningar"};
  for (const SiteSection* site : rowsOf(d)) {
    const auto& a = site->attendance;
    addRow(main,
           {text(site->id), text(site->name), integer(site->places, "places", site->id),
            integer(a.openDays, "open_days", site->id), integer(a.attendanceDays, "attendance_days", site->id),
            integer(a.distinctParticipants, "distinct_participants", site->id),
            percent(a.occupancy(), "occupancy", site->id),
            integer(a.expectedAbsentDays, "expected_absent_days", site->id),
            integer(a.automaticCheckouts, "automatic_checkouts", site->id)},
           site == &d.unit);
  }
  if (!isSiteReport(d))
    main.note = "Öppetdagar för hela enheten: flest öppetdagar bland verksamheterna. Unika deltagare för hela "
                "enheten räknar en deltagare en gång även om hen varit på flera verksamheter.";
  s.tables.push_back(std::move(main));

  Table avg;
  avg.id = "weekday_average";
  avg.title = "Genomsnittligt antal närvarande per veckodag";
  avg.columns = {"Verksamhet-id", "Verksamhet"};
  for (size_t w = 0; w < 5; ++w) avg.columns.push_back(weekdayName(w));
  for (const SiteSection* site : rowsOf(d)) {
    std::vector<Cell> row{text(site->id), text(site->name)};
    for (size_t w = 0; w < 5; ++w)
      row.push_back(decimal(site->attendance.averageByWeekday[w], 1, "weekday_average", site->id,
                            std::to_string(w + 1)));
    addRow(avg, std::move(row), site == &d.unit);
  }
  avg.note = std::string("Närvarodagar på veckodagen delat med antalet öppetdagar på den veckodagen.") +
             (isSiteReport(d) ? "" : " För hela enheten: summan av verksamheternas genomsnitt.");
  s.tables.push_back(std::move(avg));

  Table days;
  days.id = "weekday_days";
  days.title = "Närvarodagar per veckodag";
  days.columns = {"Verksamhet-id", "Verksamhet"};
  for (size_t w = 0; w < 5; ++w) days.columns.push_back(weekdayName(w));
  days.columns.push_back("Lördag och söndag");
  days.columns.push_back("Totalt");
  for (const SiteSection* site : rowsOf(d)) {
    const auto& a = site->attendance;
    std::vector<Cell> row{text(site->id), text(site->name)};
    for (size_t w = 0; w < 5; ++w) row.push_back(integer(a.byWeekday[w], "weekday_days", site->id, std::to_string(w + 1)));
    row.push_back(integer(a.byWeekday[5] + a.byWeekday[6], "weekday_days", site->id, "6-7"));
    row.push_back(integer(a.attendanceDays, "weekday_days", site->id, "total"));
    addRow(days, std::move(row), site == &d.unit);
  }
  s.tables.push_back(std::move(days));

  Table absent;
  absent.id = "absence_reasons";
  absent.title = "Förväntade men frånvarande dagar per orsak";
  absent.columns = {"Verksamhet-id", "Verksamhet"};
  std::vector<std::string> reasons;
  for (const auto& r : absenceReasons()) reasons.push_back(r.code);
  reasons.push_back(kNoReason);
  for (const auto& r : reasons) absent.columns.push_back(absenceLabelOf(r));
  absent.columns.push_back("Totalt");
  for (const SiteSection* site : rowsOf(d)) {
    std::vector<Cell> row{text(site->id), text(site->name)};
    for (const auto& r : reasons) {
      const auto it = site->attendance.absentByReason.find(r);
      row.push_back(integer(it == site->attendance.absentByReason.end() ? 0 : it->second, "absent_reason", site->id, r));
    }
    row.push_back(integer(site->attendance.expectedAbsentDays, "absent_reason", site->id, "total"));
    addRow(absent, std::move(row), site == &d.unit);
  }
  s.tables.push_back(std::move(absent));

  Table weeks;
  weeks.id = "weekly";
  weeks.title = "Närvarodagar per vecka";
  weeks.columns = {"Vecka", "Måndag"};
  const auto rows = rowsOf(d);
  for (const SiteSection* site : rows) weeks.columns.push_back(site->name);
  for (size_t i = 0; i < d.weeks.size(); ++i) {
    std::vector<Cell> row{text(formatIsoWeek(d.weeks[i])),
                          text(formatIsoDate(isoWeekMonday(d.weeks[i].year, d.weeks[i].week)))};
    for (const SiteSection* site : rows)
      row.push_back(integer(site->attendance.byWeek[i], "weekly_days", site->id, formatIsoWeek(d.weeks[i])));
    addRow(weeks, std::move(row));
  }
  weeks.note = "Veckor som bara delvis ligger i perioden räknar bara periodens dagar.";
  s.tables.push_back(std::move(weeks));
  return s;
}

// --- 2: drifting away (HTML for one site) -------------------------------------------------
Section driftSection(const ReportData& d) {
  Section s;
  s.id = "2-glesnat";
  s.sheet = "Glesnad närvaro";
  s.title = "Deltagare vars närvaro glesnat";
  if (!d.driftIncluded) {
    s.paragraphs.push_back("Listan över deltagare vars närvaro glesnat visas bara i verksamhetens egen rapport "
                           "(dagverk-central report --site ...), för verksamhetens personal, och aldrig i enhetens "
                           "sammanställning.");
    return s;
  }
  s.paragraphs.push_back("Närvarodagar de senaste fyra veckorna (" + formatIsoDate(d.driftRecentFrom) + " – " +
                         formatIsoDate(d.driftEnd) + ") jämfört med de åtta veckorna före (" +
                         formatIsoDate(d.driftEarlierFrom) + " – " +
                         formatIsoDate(addDays(d.driftRecentFrom, -1)) +
                         "). Med på listan: närvaron per vecka har sjunkit till under hälften. Listan är till för "
                         "att personalen ska kunna fråga hur det är; den lämnas inte vidare.");
  if (d.drifting.empty()) {
    s.paragraphs.push_back("Ingen deltagare har glesnat på det sättet.");
    return s;
  }
  Table t;
  t.id = "drifting";
  t.title = "Deltagare vars närvaro glesnat";
  t.columns = {"Deltagare", "Verksamhet", "Närvarodagar senaste 4 veckorna", "Närvarodagar de 8 veckorna före"};
  for (const auto& p : d.drifting)
    addRow(t, {text(p.displayName), text(d.sites.front().name), integer(p.recent, "drift_recent", p.siteId, p.participantId),
               integer(p.earlier, "drift_earlier", p.siteId, p.participantId)});
  s.tables.push_back(std::move(t));
  return s;
}

} // namespace layout

Document layoutReport(const ReportData& d, Format format) {
  using namespace layout;
  Document doc;
  doc.title = "Närvaro, aktiviteter, synpunkter och brukarundersökning";
  doc.scope = isSiteReport(d) ? d.sites.front().name : std::string("Hela enheten – alla verksamheter");
  doc.period = d.period.swedishLabel() + " (" + formatIsoDate(d.period.from) + " – " + formatIsoDate(d.period.to) + ")";
  doc.generated = dateTime(d.generatedUtc);
  doc.sections.push_back(aboutSection(d));
  if (d.noData) return doc; // said in words; no empty tables or charts
  doc.sections.push_back(attendanceSection(d));
  if (format == Format::Html) doc.sections.push_back(driftSection(d));
  doc.sections.push_back(activitySection(d));
  doc.sections.push_back(complaintSection(d));
  doc.sections.push_back(surveySection(d));
  doc.sections.push_back(meetingPlaceSection(d));
  return doc;
}

} // namespace dagverk::report
