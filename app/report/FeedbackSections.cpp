// Sections 4 (complaints and deviations in the city's template, per tertial and site, and the
// complaints still open) and 5 (the survey's shares, with small groups hidden).
#include "report/ReportLayout.hpp"

#include <functional>

namespace dagverk::report::layout {

namespace {

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
    r.push_back({"", "Öppna klagomål och synpunkter utan återkoppling efter 10 arbetsdagar (vid periodens slut, eller "
                           "den dag rapporten togs fram om den kom före)",
                 "open_overdue", [](const ComplaintTable& t) -> std::optional<int> { return t.openOverdue; }});
    return r;
  }();
  return rows;
}

} // namespace

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
      // Open complaints of a column that had not begun when the report was made: "–", not 0.
      const bool notBegun = row.key == "open_overdue" && d.complaintsJudgedAt < c.from;
      const auto n = notBegun ? std::nullopt : row.count(c.table);
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
    // A site without any record in the period shows "–" for what came in during it; a complaint
    // from before that is still open is shown all the same.
    const bool has = site->hasData;
    addRow(per,
           {text(site->id), text(site->name), integerIf(has, c.total, "site_complaints", site->id),
            integerIf(has, c.feedbackGiven, "site_feedback_given", site->id),
            integerIf(has, c.actionsTaken, "site_actions_taken", site->id),
            integerIf(has, c.praise, "site_praise", site->id),
            integerIf(has, c.deviations, "site_deviations", site->id),
            integerIf(has, c.lexSarah, "site_lex_sarah", site->id),
            integerIf(has || c.openOverdue > 0, c.openOverdue, "site_open_overdue", site->id)},
           site == &d.unit);
  }
  s.tables.push_back(std::move(per));

  if (d.overdue.empty()) {
    s.paragraphs.push_back("Inga öppna klagomål eller synpunkter saknar återkoppling efter " +
                           std::to_string(kFeedbackDueWorkingDays) + " arbetsdagar den " +
                           formatIsoDate(d.complaintsJudgedAt) + ".");
  } else {
    Table o;
    o.id = "overdue";
    o.title = "Öppna klagomål och synpunkter utan återkoppling efter " + std::to_string(kFeedbackDueWorkingDays) +
              " arbetsdagar, den " + formatIsoDate(d.complaintsJudgedAt);
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

} // namespace dagverk::report::layout
