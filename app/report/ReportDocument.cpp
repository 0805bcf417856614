// The document's frame (layoutReport) and sections 0-2: about the report, attendance and
// occupancy, and the drifting-away list. Sections 3-6 are in ActivitySections.cpp and
// FeedbackSections.cpp; the cells they share in ReportCells.cpp.
#include "report/ReportDocument.hpp"

#include "core/DayRecords.hpp"
#include "report/ReportLayout.hpp"

#include <cmath>

namespace dagverk::report {

namespace layout {

namespace {
// Whether any of the week's days is one of the site's counted days.
bool countedInWeek(const AttendanceFigures& a, IsoWeek w) {
  if (!a.counted) return false;
  const LocalDate monday = isoWeekMonday(w.year, w.week);
  return !(addDays(monday, 6) < a.counted->first) && !(a.counted->last < monday);
}
} // namespace

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
      "databasen. Det som ännu inte är synkroniserat finns inte med: se kioskerna i tabellen nedan. En "
      "verksamhet i rött har ofullständiga siffror: en av dess kiosker ligger mer än " +
      std::to_string(kStaleKioskDays) + " dagar efter den nyaste, eller händelser saknas.");
  for (const auto& site : d.sites)
    if (site.incomplete) s.paragraphs.push_back("Ofullständig: " + site.name + " – " + site.incompleteWhy + ".");
  s.tables.push_back(kioskTable(d));
  Table defs;
  defs.id = "definitions";
  defs.title = "Så räknas siffrorna";
  defs.columns = {"Begrepp", "Betydelse"};
  const auto def = [&](const char* term, std::string meaning) { addRow(defs, {text(term), text(std::move(meaning))}); };
  def("Räknade dagar", "Från den senare av periodens första dag och verksamhetens första registrering, till den "
                       "tidigare av periodens sista dag och verksamhetens sista registrerade dag. Veckor innan "
                       "verksamheten började använda Dagverk räknas alltså inte.");
  def("Öppetdagar", "Räknade dagar som är vardagar (inte helgdagar), och dessutom varje lördag, söndag eller "
                    "helgdag då någon checkade in: då var verksamheten öppen.");
  def("Platser", "Verksamhetens platser enligt schemat.");
  def("Platsdagar", "Platser × öppetdagar. För hela enheten summan av verksamheternas platsdagar.");
  def("Närvarodagar", "En deltagare i verksamhetens schema som checkat in minst en gång en dag, räknad en gång "
                      "oavsett vilken kiosk som registrerade det. Rättade (makulerade) registreringar räknas inte. "
                      "Dagen är den dag incheckningen registrerades.");
  def("Unika deltagare", "Deltagare med minst en närvarodag. För hela enheten räknas en deltagare en gång även om "
                         "hen varit på flera verksamheter.");
  def("Beläggning", "Närvarodagar / platsdagar. För hela enheten: enhetens närvarodagar / summan av "
                    "verksamheternas platsdagar, så att raden går att räkna om från sina delar.");
  def("Förväntade men frånvarande dagar",
      "Öppetdagar då en deltagare enligt det schema som gällde den dagen skulle komma men inte checkade in. "
      "Orsaken är den som personalen noterade, annars \"ej angiven\". Den som slutat räknas inte efter sin "
      "sista dag, den som börjat inte före sin första.");
  def("Automatiska utcheckningar", "Besök som ingen checkade ut från, och som stängdes automatiskt nästa "
                                   "morgon. De räknas på besökets dag, inte på dagen då de stängdes.");
  def("Genomsnitt per veckodag", "Närvarodagar på veckodagen / öppetdagar på veckodagen. För hela enheten "
                                 "summan av verksamheternas genomsnitt, räknad på oavrundade tal och avrundad "
                                 "en gång; därför stämmer en kolumn av verksamheter med enhetens rad inom "
                                 "avrundningen.");
  def("Utfall T1, T2, VB, Totalt ack.", "För ett år: januari–april, maj–augusti, september–december och hela "
                                        "året.");
  def("Öppna klagomål utan återkoppling", "Bedöms den tidigare av periodens sista dag och dagen rapporten togs "
                                          "fram (" + formatIsoDate(d.complaintsJudgedAt) + "), så att inget räknas "
                                          "som försenat i förväg.");
  def("–", "Uppgiften finns inte: verksamheten har inga registreringar under perioden, eller talet går inte att "
           "räkna (inga öppetdagar). Aldrig samma sak som 0.");
  def("Senaste batch, Data till och med", "När kiosken skapade sin senaste sändning (kioskens klocka), och dagen "
                                          "för dess senaste registrering. En verksamhet i rött har ofullständiga "
                                          "siffror.");
  def("Tillfällen, Deltagartillfällen", "Loggade aktivitetstillfällen som började under perioden (planerade men "
                                        "inte genomförda räknas inte; en ändrad loggning räknas en gång), och "
                                        "summan av deras deltagare.");
  def("Deltagartimmar", "Tillfällets längd × antal deltagare, summerat.");
  def("Klagomål, synpunkter och förslag", "Stadens mall: det som kom in under perioden (mottagningsdatum), per "
                                          "från vem och vad det gällde; återkoppling och åtgärder bland dem; "
                                          "beröm; avvikelser med Lex Sarah. Lex Maria och IVO registreras inte i "
                                          "Dagverk (\"–\").");
  def("Andel ja (brukarundersökning)", "Andelen ja-svar per fråga. Färre än 5 svar visas inte (\"–\"), inte "
                                       "heller en större grupp om en liten grupp annars kunde räknas fram.");
  def("Ej räknade incheckningar", "Incheckningar av någon som inte finns i verksamhetens schema (okänd, eller "
                                  "en annan verksamhets deltagare). De finns kvar i databasen men räknas inte; se "
                                  "avsnittet Datakvalitet.");
  s.tables.push_back(std::move(defs));
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
      weekday.values.push_back(scope.attendance.averageByWeekday[w].value_or(0.0));
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
  main.columns = {"Verksamhet-id", "Verksamhet", "Platser", "Räknade dagar", "Öppetdagar", "Platsdagar",
                  "Närvarodagar", "Unika deltagare", "Beläggning", "Förväntade men frånvarande dagar",
                  "Automatiska utcheckningar"};
  for (const SiteSection* site : rowsOf(d)) {
    const auto& a = site->attendance;
    const bool has = a.hasData();
    const bool unit = site == &d.unit;
    const std::string counted =
        a.counted ? formatIsoDate(a.counted->first) + " – " + formatIsoDate(a.counted->last) : std::string(kDash);
    Cell name = text(site->name);
    name.alert = site->incomplete;
    addRow(main,
           {text(site->id), std::move(name), integer(site->places, "places", site->id), text(counted),
            unit ? none("open_days", site->id) : integerIf(has, a.openDays, "open_days", site->id),
            integerIf(has, a.placeDays, "place_days", site->id),
            integerIf(has, a.attendanceDays, "attendance_days", site->id),
            integerIf(has, a.distinctParticipants, "distinct_participants", site->id),
            percent(has ? a.occupancy() : std::nullopt, "occupancy", site->id),
            integerIf(has, a.expectedAbsentDays, "expected_absent_days", site->id),
            integerIf(has, a.automaticCheckouts, "automatic_checkouts", site->id)},
           unit);
  }
  if (!isSiteReport(d))
    main.note = "Hela enheten: beläggning = enhetens närvarodagar / summan av verksamheternas platsdagar "
                "(platser × räknade öppetdagar per verksamhet). Öppetdagar summeras inte över verksamheter.";
  s.tables.push_back(std::move(main));
  for (auto& t : attendanceSplitTables(d)) s.tables.push_back(std::move(t));

  Table avg;
  avg.id = "weekday_average";
  avg.title = "Genomsnittligt antal närvarande per veckodag";
  avg.columns = {"Verksamhet-id", "Verksamhet"};
  for (size_t w = 0; w < 5; ++w) avg.columns.push_back(weekdayName(w));
  for (const SiteSection* site : rowsOf(d)) {
    std::vector<Cell> row{text(site->id), text(site->name)};
    for (size_t w = 0; w < 5; ++w)
      row.push_back(decimalIf(site->attendance.averageByWeekday[w], 1, "weekday_average", site->id,
                              std::to_string(w + 1)));
    addRow(avg, std::move(row), site == &d.unit);
  }
  avg.note = std::string("Närvarodagar på veckodagen delat med antalet öppetdagar på den veckodagen.") +
             (isSiteReport(d) ? "" : " För hela enheten: summan av verksamheternas oavrundade genomsnitt, "
                                     "avrundad en gång.");
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
    const bool has = a.hasData();
    for (size_t w = 0; w < 5; ++w)
      row.push_back(integerIf(has, a.byWeekday[w], "weekday_days", site->id, std::to_string(w + 1)));
    row.push_back(integerIf(has, a.byWeekday[5] + a.byWeekday[6], "weekday_days", site->id, "6-7"));
    row.push_back(integerIf(has, a.attendanceDays, "weekday_days", site->id, "total"));
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
      row.push_back(integerIf(site->attendance.hasData(), it == site->attendance.absentByReason.end() ? 0 : it->second,
                              "absent_reason", site->id, r));
    }
    row.push_back(integerIf(site->attendance.hasData(), site->attendance.expectedAbsentDays, "absent_reason", site->id,
                            "total"));
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
      row.push_back(integerIf(countedInWeek(site->attendance, d.weeks[i]), site->attendance.byWeek[i], "weekly_days",
                              site->id, formatIsoWeek(d.weeks[i])));
    addRow(weeks, std::move(row));
  }
  weeks.note = "Veckor som bara delvis ligger i perioden räknar bara periodens dagar. \"–\": veckan ligger utanför "
               "verksamhetens räknade dagar (före dess första registrering).";
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
  // The sections in order; a new section adds one line here.
  using Layout = Section (*)(const ReportData&);
  const Layout sections[] = {attendanceSection, driftSection,        activitySection,   complaintSection,
                             surveySection,     meetingPlaceSection, dataQualitySection};
  for (const Layout section : sections) {
    if (section == driftSection && format != Format::Html) continue; // the drift list is for the site's staff
    doc.sections.push_back(section(d));
  }
  return doc;
}

} // namespace dagverk::report
