#include "report/ReportDocument.hpp"

#include "core/DayRecords.hpp"

#include <cmath>
#include <cstdio>
#include <functional>

namespace dagverk::report {

std::string formatInteger(std::int64_t v) { return std::to_string(v); }

std::string formatDecimal(double v, int decimals) {
  // Half away from zero (1,25 -> 1,3), the same rounding as the figures' values, so a chart
  // label never differs from its table.
  const double scale = std::pow(10.0, decimals);
  v = std::round(v * scale) / scale;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  for (auto& c : s)
    if (c == '.') c = ',';
  if (s == "-0" || s == "-0,0" || s == "-0,00") s.erase(0, 1);
  return s;
}

std::string formatPercent(double fraction) { return formatDecimal(fraction * 100.0, 1) + " %"; }

namespace {

constexpr const char* kDash = "–";

Cell text(std::string t) {
  Cell c;
  c.text = std::move(t);
  return c;
}

Cell integer(std::int64_t v, std::string fig, std::string site, std::string key = {}) {
  Cell c;
  c.kind = Cell::Kind::Integer;
  c.text = formatInteger(v);
  c.value = static_cast<double>(v);
  c.hasValue = true;
  c.fig = std::move(fig);
  c.site = std::move(site);
  c.key = std::move(key);
  return c;
}

Cell decimal(double v, int decimals, std::string fig, std::string site, std::string key = {}) {
  Cell c;
  c.kind = Cell::Kind::Decimal;
  // The value is the rounded figure as shown, so every format carries the same number.
  const double scale = std::pow(10.0, decimals);
  c.value = std::round(v * scale) / scale;
  c.text = formatDecimal(c.value, decimals);
  c.hasValue = true;
  c.fig = std::move(fig);
  c.site = std::move(site);
  c.key = std::move(key);
  return c;
}

Cell percent(std::optional<double> fraction, std::string fig, std::string site, std::string key = {}) {
  Cell c;
  c.fig = std::move(fig);
  c.site = std::move(site);
  c.key = std::move(key);
  if (!fraction) {
    c.text = kDash;
    return c;
  }
  c.kind = Cell::Kind::Percent;
  c.value = std::round(*fraction * 1000.0) / 1000.0; // 45,5 %
  c.text = formatPercent(c.value);
  c.hasValue = true;
  return c;
}

std::string dateTime(UtcMs t) {
  const LocalDateTime l = toStockholm(t);
  return formatIsoDate(l.date) + " " + formatHourMinute(l);
}

std::string weekdayName(size_t i) {
  static const char* kNames[] = {"Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag"};
  return kNames[i];
}

// The sites of the scope, then the unit's row for the whole-unit report.
std::vector<const SiteSection*> rowsOf(const ReportData& d) {
  std::vector<const SiteSection*> out;
  for (const auto& s : d.sites) out.push_back(&s);
  if (!isSiteReport(d)) out.push_back(&d.unit);
  return out;
}

const SiteSection& scopeOf(const ReportData& d) { return isSiteReport(d) ? d.sites.front() : d.unit; }

void addRow(Table& t, std::vector<Cell> row, bool emphasis = false) {
  t.rows.push_back(std::move(row));
  t.emphasis.push_back(emphasis);
}

std::string absenceLabelOf(const std::string& code) {
  if (code == kNoReason) return "Ej angiven";
  return absenceLabel(code);
}

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

// --- 3: activities --------------------------------------------------------------------------
Table activityTable(const ReportData& d, const std::vector<ActivityRow>& rows, std::string id, std::string title,
                    const std::string& figPrefix) {
  Table t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.columns = {"Verksamhet-id", "Verksamhet", "Aktivitet", "Kategori", "Tillfällen", "Deltagartillfällen",
               "Deltagartimmar", "Unika deltagare"};
  for (const auto& r : rows) {
    std::string siteName = r.siteId;
    for (const auto& s : d.sites)
      if (s.id == r.siteId) siteName = s.name;
    addRow(t, {text(r.siteId), text(siteName), text(r.activityName), text(r.category),
               integer(r.sessions, figPrefix + "sessions", r.siteId, r.activityId),
               integer(r.participantSessions, figPrefix + "participant_sessions", r.siteId, r.activityId),
               decimal(r.participantHours(), 1, figPrefix + "participant_hours", r.siteId, r.activityId),
               integer(r.distinctParticipants, figPrefix + "distinct_participants", r.siteId, r.activityId)});
  }
  return t;
}

Section activitySection(const ReportData& d) {
  Section s;
  s.id = "3-aktiviteter";
  s.sheet = "Aktiviteter";
  s.title = "Utförda aktiviteter och antal deltagare";
  const std::string scopeId = isSiteReport(d) ? d.sites.front().id : kUnitId;
  if (d.activities.empty() && d.outings.empty()) {
    s.paragraphs.push_back("Inga utförda aktiviteter är loggade under perioden.");
    return s;
  }
  s.paragraphs.push_back("Loggade aktivitetstillfällen som började under perioden (planerade men inte genomförda "
                         "räknas inte; en ändrad loggning räknas i sin senaste version). Deltagartimmar: "
                         "tillfällets längd × antal deltagare. Utflykter redovisas för sig.");
  Chart chart;
  chart.kind = Chart::Kind::Bars;
  chart.title = "Deltagartillfällen per kategori – " + scopeOf(d).name;
  chart.unitLabel = "deltagartillfällen";
  for (const auto& c : d.categories)
    if (c.siteId == scopeId) {
      chart.labels.push_back(c.category);
      chart.values.push_back(static_cast<double>(c.participantSessions));
    }
  if (!chart.labels.empty()) s.charts.push_back(std::move(chart));

  Table cat;
  cat.id = "categories";
  cat.title = "Aktiviteter per kategori";
  cat.columns = {"Verksamhet-id", "Verksamhet", "Kategori", "Tillfällen", "Deltagartillfällen", "Deltagartimmar",
                 "Unika deltagare"};
  for (const auto& r : d.categories) {
    std::string siteName = r.siteId == kUnitId ? kUnitName : r.siteId;
    for (const auto& site : d.sites)
      if (site.id == r.siteId) siteName = site.name;
    addRow(cat, {text(r.siteId), text(siteName), text(r.category),
                 integer(r.sessions, "category_sessions", r.siteId, r.category),
                 integer(r.participantSessions, "category_participant_sessions", r.siteId, r.category),
                 decimal(r.participantHours(), 1, "category_participant_hours", r.siteId, r.category),
                 integer(r.distinctParticipants, "category_distinct_participants", r.siteId, r.category)},
           r.siteId == kUnitId);
  }
  if (!d.activities.empty()) s.tables.push_back(std::move(cat));
  if (!d.activities.empty())
    s.tables.push_back(activityTable(d, d.activities, "activities", "Aktiviteter på plats", "activity_"));
  if (d.outings.empty()) {
    s.paragraphs.push_back("Inga utflykter är loggade under perioden.");
  } else {
    s.tables.push_back(activityTable(d, d.outings, "outings", "Utflykter", "outing_"));
  }
  return s;
}

// --- 4: complaints in the city's template ---------------------------------------------------
struct TemplateRow {
  const char* group; // "Uppdelning" (empty: same as the row above)
  const char* label; // as worded in the 2024 annual report
  std::string key;   // figure key
  std::function<std::optional<int>(const ComplaintTable&)> count; // nullopt: not recorded in Dagverk
};

const std::vector<TemplateRow>& templateRows() {
  static const std::vector<TemplateRow> rows = [] {
    std::vector<TemplateRow> r;
    const auto none = [](const ComplaintTable&) -> std::optional<int> { return std::nullopt; };
    const auto from = [](std::map<std::string, int> ComplaintTable::*m, std::string code) {
      return [m, code](const ComplaintTable& t) -> std::optional<int> {
        const auto it = (t.*m).find(code);
        return it == (t.*m).end() ? 0 : it->second;
      };
    };
    const char* ivo = "Antal rapporter som bedömts som allvarligt missförhållande eller påtaglig risk för "
                      "missförhållande och anmälts till IVO";
    r.push_back({ivo, "Lex Maria", "ivo:lex_maria", none});
    r.push_back({"", "Lex Sarah", "ivo:lex_sarah", none});
    const char* who = "Avvikelse rapporter enligt SoL - Vem har identifierat avvikelsen?";
    r.push_back({who, "Extern samverkanspart/annan verksamhet", "deviation_by:extern",
                 from(&ComplaintTable::deviationsByIdentifiedBy, "extern")});
    r.push_back({"", "Medarbetare", "deviation_by:medarbetare",
                 from(&ComplaintTable::deviationsByIdentifiedBy, "medarbetare")});
    r.push_back({"Beröm", "Antal beröm", "praise", [](const ComplaintTable& t) -> std::optional<int> { return t.praise; }});
    const char* source = "Från vem har klagomål eller synpunkt inkommit?";
    r.push_back({source, "Annan (t.ex. okänd)", "source:annan", from(&ComplaintTable::bySource, "annan")});
    r.push_back({"", "Brukare/patient", "source:brukare", from(&ComplaintTable::bySource, "brukare")});
    r.push_back({"", "Medarbetare/verksamhet inom förvaltningen", "source:medarbetare",
                 from(&ComplaintTable::bySource, "medarbetare")});
    r.push_back({"", "Närstående (anhörig, god man, etc.)", "source:narstaende",
                 from(&ComplaintTable::bySource, "narstaende")});
    r.push_back({"", "Samverkanspart (ex annan förvaltning, Region Stockholm, Polis)", "source:samverkanspart",
                 from(&ComplaintTable::bySource, "samverkanspart")});
    r.push_back({"Rapportering av lex Sarah och lex Maria", "Lex Maria", "lex_maria", none});
    r.push_back({"", "Lex Sarah", "lex_sarah", [](const ComplaintTable& t) -> std::optional<int> { return t.lexSarah; }});
    const char* concerns = "Vad gällde klagomålet eller synpunkten?";
    const std::vector<std::pair<const char*, const char*>> c{
        {"Annat (ange vad i rapporteringsvyn)", "annat"},
        {"Bemanning (Kontinuitet, vikarieanskaffning)", "bemanning"},
        {"Bemötande", "bemotande"},
        {"Beslut (missnöje, avsaknad av beslut, ej kommunicerat etc.)", "beslut"},
        {"Brister i information (utebliven info, obegriplig info, etc.)", "information"},
        {"Brister i rutiner/utförande av insats eller verksamhet", "rutiner"},
        {"Fråga/idé", "fraga_ide"},
        {"Fysisk inne- eller utemiljö (ej städad, avsaknad av material etc.)", "miljo"},
        {"Hantering av personuppgifter", "personuppgifter"},
        {"Klagomål som gäller hälso- och sjukvård", "halso_sjukvard"},
        {"Kompetens", "kompetens"},
        {"Mat och måltider", "mat"},
        {"Teknik, verksamhetssystem och IT-relaterade frågor", "it"},
        {"Tillgänglighet (öppettider, telefontider, fysisk miljö)", "tillganglighet"},
        {"Utebliven/försenad insats eller aktivitet", "utebliven_insats"}};
    for (size_t i = 0; i < c.size(); ++i)
      r.push_back({i == 0 ? concerns : "", c[i].first, std::string("concerns:") + c[i].second,
                   from(&ComplaintTable::byConcerns, c[i].second)});
    const char* dev = "Vad har avvikelser berört?";
    const std::vector<std::pair<const char*, const char*>> dc{
        {"Annat", "annat"},
        {"Bemötande", "bemotande"},
        {"Brister i rättssäkerhet vid handläggning och utförande", "rattssakerhet"},
        {"Brister i utförande av insats", "utforande"},
        {"Fysisk miljö, utrustning och teknik", "miljo_teknik"}};
    for (size_t i = 0; i < dc.size(); ++i)
      r.push_back({i == 0 ? dev : "", dc[i].first, std::string("deviation_concerns:") + dc[i].second,
                   from(&ComplaintTable::deviationsByConcerns, dc[i].second)});
    r.push_back({"Vem avser avvikelser?", "Annan verksamhet", "deviation_whom:annan_verksamhet",
                 from(&ComplaintTable::deviationsByWhom, "annan_verksamhet")});
    r.push_back({"", "Den egna verksamheten", "deviation_whom:egna_verksamheten",
                 from(&ComplaintTable::deviationsByWhom, "egna_verksamheten")});
    r.push_back({"Återkoppling", "Antal klagomål där återkoppling har lämnats", "feedback_given",
                 [](const ComplaintTable& t) -> std::optional<int> { return t.feedbackGiven; }});
    r.push_back({"Åtgärder", "Antal klagomål där åtgärder vidtagits", "actions_taken",
                 [](const ComplaintTable& t) -> std::optional<int> { return t.actionsTaken; }});
    // Beyond the template: the totals it implies, and the complaints still open after 10 working days.
    r.push_back({"Summa (utöver mallen)", "Klagomål, synpunkter och förslag totalt", "total",
                 [](const ComplaintTable& t) -> std::optional<int> { return t.total; }});
    r.push_back({"", "Avvikelser totalt", "deviations",
                 [](const ComplaintTable& t) -> std::optional<int> { return t.deviations; }});
    r.push_back({"", "Öppna klagomål och synpunkter utan återkoppling efter 10 arbetsdagar (vid periodens slut)",
                 "open_overdue", [](const ComplaintTable& t) -> std::optional<int> { return t.openOverdue; }});
    return r;
  }();
  return rows;
}

Section complaintSection(const ReportData& d) {
  Section s;
  s.id = "4-klagomal";
  s.sheet = "Synpunkter och klagomål";
  s.title = "Redovisning av synpunkter och klagomål";
  const std::string scopeId = isSiteReport(d) ? d.sites.front().id : kUnitId;
  s.paragraphs.push_back(
      "I stadens mall. Klagomål räknas efter det datum de kom in, avvikelser efter sitt datum. "
      "Lex Maria och anmälan till IVO registreras inte i Dagverk och visas som –." +
      std::string(d.period.kind == Period::Kind::Year || (d.period.kind == Period::Kind::Tertial && d.period.number == 3)
                      ? " Utfall VB avser september–december; Totalt ack. hela året."
                      : ""));
  Table t;
  t.id = "complaints";
  t.title = "Redovisning av synpunkter och klagomål – " + scopeOf(d).name;
  t.columns = {"Uppdelning", "Klagomål/synpunkter/kategorier"};
  for (const auto& c : d.complaintColumns) t.columns.push_back(c.label);
  t.columns.push_back("Sammanfattning och planerade åtgärder");
  for (const auto& row : templateRows()) {
    std::vector<Cell> cells{text(row.group), text(row.label)};
    for (const auto& c : d.complaintColumns) {
      const auto n = row.count(c.table);
      if (n) {
        cells.push_back(integer(*n, "complaint", scopeId, row.key + "@" + c.key));
      } else {
        Cell dash = text(kDash);
        dash.fig = "complaint";
        dash.site = scopeId;
        dash.key = row.key + "@" + c.key;
        cells.push_back(dash);
      }
    }
    cells.push_back(text(""));
    addRow(t, std::move(cells));
  }
  s.tables.push_back(std::move(t));

  Table per;
  per.id = "complaints_per_site";
  per.title = "Synpunkter, klagomål och avvikelser per verksamhet";
  per.columns = {"Verksamhet-id", "Verksamhet",  "Klagomål, synpunkter och förslag", "Återkoppling", "Åtgärder",
                 "Beröm",         "Avvikelser", "Lex Sarah", "Öppna utan återkoppling efter 10 arbetsdagar"};
  for (const SiteSection* site : rowsOf(d)) {
    const auto& c = site->complaints;
    addRow(per,
           {text(site->id), text(site->name), integer(c.total, "site_complaints", site->id),
            integer(c.feedbackGiven, "site_feedback_given", site->id),
            integer(c.actionsTaken, "site_actions_taken", site->id), integer(c.praise, "site_praise", site->id),
            integer(c.deviations, "site_deviations", site->id), integer(c.lexSarah, "site_lex_sarah", site->id),
            integer(c.openOverdue, "site_open_overdue", site->id)},
           site == &d.unit);
  }
  s.tables.push_back(std::move(per));

  if (d.overdue.empty()) {
    s.paragraphs.push_back("Inga öppna klagomål eller synpunkter saknar återkoppling efter " +
                           std::to_string(kFeedbackDueWorkingDays) + " arbetsdagar vid periodens slut.");
  } else {
    Table o;
    o.id = "overdue";
    o.title = "Öppna klagomål och synpunkter utan återkoppling efter " + std::to_string(kFeedbackDueWorkingDays) +
              " arbetsdagar";
    o.columns = {"Verksamhet-id", "Inkom", "Typ", "Vad gällde", "Arbetsdagar sedan det kom in"};
    for (const auto& c : d.overdue)
      addRow(o, {text(c.siteId), text(c.receivedDate), text(categoryLabel(complaintTypes(), c.type)),
                 text(categoryLabel(complaintConcerns(), c.concerns)),
                 integer(c.workingDays, "overdue_working_days", c.siteId, c.receivedDate)});
    s.tables.push_back(std::move(o));
  }
  return s;
}

// --- 5: survey ------------------------------------------------------------------------------
Section surveySection(const ReportData& d) {
  Section s;
  s.id = "5-brukarundersokning";
  s.sheet = "Brukarundersökning";
  s.title = "Brukarundersökning";
  s.paragraphs.push_back("Andel som svarat ja på stadens tre frågor, av de svar som lämnats i kiosken under "
                         "perioden. Grupper med färre än " +
                         std::to_string(kSurveyMinAnswers) +
                         " svar visas inte (–, för få svar); ibland döljs också en större grupp, så att en liten "
                         "grupp inte kan räknas fram ur de andra och enhetens summa.");
  Table t;
  t.id = "survey";
  t.title = "Brukarundersökningens indikatorer";
  t.columns = {"Verksamhet-id", "Verksamhet", "Antal svar", "Nöjd med sin dagliga verksamhet",
               "Bra bemött av personalen", "Får bestämma över saker som är viktiga", "Kommentar"};
  static const char* kFigs[] = {"survey_q1", "survey_q2", "survey_q3"};
  for (const SiteSection* site : rowsOf(d)) {
    const auto& f = site->survey;
    std::vector<Cell> row{text(site->id), text(site->name)};
    if (f.shown) {
      row.push_back(integer(f.answers, "survey_answers", site->id));
      for (size_t q = 0; q < 3; ++q) row.push_back(percent(f.yesShare(q), kFigs[q], site->id));
      row.push_back(text(""));
    } else {
      Cell n = text(kDash);
      n.fig = "survey_answers";
      n.site = site->id;
      row.push_back(n);
      for (size_t q = 0; q < 3; ++q) row.push_back(percent(std::nullopt, kFigs[q], site->id));
      row.push_back(text(f.answers == 0                ? "inga svar"
                         : f.hiddenToProtectOthers ? "dold så att en grupp med för få svar inte kan räknas fram"
                                                   : "för få svar"));
    }
    addRow(t, std::move(row), site == &d.unit);
  }
  s.tables.push_back(std::move(t));
  return s;
}

// --- 6: open meeting places -----------------------------------------------------------------
Section meetingPlaceSection() {
  Section s;
  s.id = "6-traffpunkter";
  s.sheet = "Öppna träffpunkter";
  s.title = "Öppna träffpunkter";
  s.paragraphs.push_back(
      "Inga besöksräkningar är registrerade. Dagverk har ännu inget sätt att räkna besökare på de öppna "
      "träffpunkterna (t.ex. Kravatten, Tora, Folkparken), så besök per vecka kan inte redovisas här.");
  return s;
}

} // namespace

Document layoutReport(const ReportData& d, Format format) {
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
  doc.sections.push_back(meetingPlaceSection());
  return doc;
}

} // namespace dagverk::report
