#include "core/Feedback.hpp"

#include <algorithm>
#include <set>

namespace dagverk {

// --- categories ----------------------------------------------------------------------------
// Labels of the city's template (complaintSources, complaintConcerns, deviation*) are copied
// character for character from the city's reporting template; do not reword them.

const std::vector<Category>& feedbackMoods() {
  static const std::vector<Category> k{{"glad", "Glad"}, {"mittemellan", "Mittemellan"}, {"ledsen", "Ledsen"}};
  return k;
}

const std::vector<Category>& feedbackTopics() {
  static const std::vector<Category> k{{"aktiviteterna", "Aktiviteterna"}, {"maten", "Maten"},
                                       {"personalen", "Personalen"},       {"lokalen", "Lokalen"},
                                       {"resan", "Resan/transport"},       {"annat", "Något annat"}};
  return k;
}

const std::vector<Category>& complaintTypes() {
  static const std::vector<Category> k{
      {"klagomal", "Klagomål"}, {"synpunkt", "Synpunkt"}, {"forslag", "Förslag/idé"}, {"berom", "Beröm"}};
  return k;
}

const std::vector<Category>& complaintSources() {
  static const std::vector<Category> k{
      {"brukare", "Brukare/patient"},
      {"narstaende", "Närstående (anhörig, god man, etc.)"},
      {"medarbetare", "Medarbetare/verksamhet inom förvaltningen"},
      {"samverkanspart", "Samverkanspart (ex annan förvaltning, Region Stockholm, Polis)"},
      {"annan", "Annan (t.ex. okänd)"}};
  return k;
}

const std::vector<Category>& complaintConcerns() {
  static const std::vector<Category> k{
      {"annat", "Annat"},
      {"bemanning", "Bemanning (kontinuitet, vikarieanskaffning)"},
      {"bemotande", "Bemötande"},
      {"beslut", "Beslut (missnöje, avsaknad av beslut, ej kommunicerat)"},
      {"information", "Brister i information"},
      {"rutiner", "Brister i rutiner/utförande av insats eller verksamhet"},
      {"fraga_ide", "Fråga/idé"},
      {"miljo", "Fysisk inne- eller utemiljö"},
      {"personuppgifter", "Hantering av personuppgifter"},
      {"halso_sjukvard", "Klagomål som gäller hälso- och sjukvård"},
      {"kompetens", "Kompetens"},
      {"mat", "Mat och måltider"},
      {"it", "Teknik, verksamhetssystem och IT-relaterade frågor"},
      {"tillganglighet", "Tillgänglighet (öppettider, telefontider, fysisk miljö)"},
      {"utebliven_insats", "Utebliven/försenad insats eller aktivitet"}};
  return k;
}

const std::vector<Category>& complaintChannels() {
  static const std::vector<Category> k{{"muntligt", "Muntligt"},
                                       {"telefon", "Telefon"},
                                       {"brev", "Brev"},
                                       {"epost", "E-post"},
                                       {"tyck_till", "Tyck till (kiosken)"},
                                       {"forslagslada", "Förslagslådan"},
                                       {"annat", "Annat"}};
  return k;
}

const std::vector<Category>& followUpSteps() {
  static const std::vector<Category> k{{kFollowUpFeedbackGiven, "Återkoppling lämnad"},
                                       {kFollowUpActionTaken, "Åtgärd vidtagen"},
                                       {kFollowUpClosed, "Avslutad"}};
  return k;
}

const std::vector<Category>& deviationIdentifiedBy() {
  static const std::vector<Category> k{{"extern", "Extern samverkanspart/annan verksamhet"},
                                       {"medarbetare", "Medarbetare"}};
  return k;
}

const std::vector<Category>& deviationConcerns() {
  static const std::vector<Category> k{{"annat", "Annat"},
                                       {"bemotande", "Bemötande"},
                                       {"rattssakerhet", "Brister i rättssäkerhet vid handläggning och utförande"},
                                       {"utforande", "Brister i utförande av insats"},
                                       {"miljo_teknik", "Fysisk miljö, utrustning och teknik"}};
  return k;
}

const std::vector<Category>& deviationConcernsWhom() {
  static const std::vector<Category> k{{"annan_verksamhet", "Annan verksamhet"},
                                       {"egna_verksamheten", "Den egna verksamheten"}};
  return k;
}

const std::vector<Category>& surveyQuestions() {
  static const std::vector<Category> k{{"q1", "Är du nöjd med din dagliga verksamhet?"},
                                       {"q2", "Blir du bra bemött av personalen?"},
                                       {"q3", "Får du bestämma över saker som är viktiga för dig?"}};
  return k;
}

const std::vector<Category>& surveyAnswers() {
  static const std::vector<Category> k{{"ja", "Ja"}, {"ibland", "Ibland"}, {"nej", "Nej"}};
  return k;
}

bool isCategory(const std::vector<Category>& list, const std::string& code) {
  return std::any_of(list.begin(), list.end(), [&](const Category& c) { return code == c.code; });
}

const char* categoryLabel(const std::vector<Category>& list, const std::string& code) {
  for (const auto& c : list)
    if (code == c.code) return c.label;
  return "";
}

// --- the calendar ----------------------------------------------------------------------------

namespace {

// Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher).
LocalDate easterSunday(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
  return LocalDate{y, month, day};
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int daysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}
} // namespace

bool isSwedishHoliday(LocalDate d) {
  const int m = d.month, day = d.day;
  // Fixed days: nyårsdagen, trettondedag jul, första maj, nationaldagen, julafton, juldagen,
  // annandag jul, nyårsafton.
  if ((m == 1 && (day == 1 || day == 6)) || (m == 5 && day == 1) || (m == 6 && day == 6) ||
      (m == 12 && (day == 24 || day == 25 || day == 26 || day == 31)))
    return true;
  const int wd = isoWeekday(d);
  // Midsommarafton: the Friday 19–25 June; midsommardagen: the Saturday 20–26 June.
  if (m == 6 && ((wd == 5 && day >= 19 && day <= 25) || (wd == 6 && day >= 20 && day <= 26))) return true;
  // Alla helgons dag: the Saturday 31 October – 6 November.
  if (wd == 6 && ((m == 10 && day == 31) || (m == 11 && day <= 6))) return true;
  // Around Easter: långfredagen, påskdagen, annandag påsk, Kristi himmelsfärdsdag, pingstdagen.
  const long e = daysFromCivil(easterSunday(d.year));
  const long diff = daysFromCivil(d) - e;
  return diff == -2 || diff == 0 || diff == 1 || diff == 39 || diff == 49;
}

bool isWorkingDay(LocalDate d) { return isoWeekday(d) <= 5 && !isSwedishHoliday(d); }

int workingDaysBetween(LocalDate from, LocalDate to) {
  int n = 0;
  for (long x = daysFromCivil(from) + 1, end = daysFromCivil(to); x <= end; ++x)
    if (isWorkingDay(civilFromDays(x))) ++n;
  return n;
}

std::optional<LocalDate> parseIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const auto num = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const LocalDate d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month))
    return std::nullopt;
  return d;
}

// --- validation ----------------------------------------------------------------------------

namespace {
ValidationError unknownCategory(const char* fieldSv, const char* fieldEn, const std::string& code) {
  // The code is a short machine word chosen from a list; it is not free text, but keep it out of
  // the log line anyway when it is long.
  return ValidationError{std::string("Okänd kategori för ") + fieldSv + ". Välj ett av alternativen.",
                         std::string("unknown category for ") + fieldEn + " (" +
                             std::to_string(code.size()) + " bytes)"};
}

std::optional<ValidationError> checkDate(const std::string& date, const char* fieldSv, const char* fieldEn) {
  if (parseIsoDate(date)) return std::nullopt;
  return ValidationError{std::string(fieldSv) + " är inte ett giltigt datum (ÅÅÅÅ-MM-DD).",
                         std::string("invalid date for ") + fieldEn};
}
} // namespace

std::optional<ValidationError> validateFeedback(const FeedbackGiven& f) {
  if (!isCategory(feedbackMoods(), f.mood)) return unknownCategory("hur det är (glad, mittemellan, ledsen)", "mood", f.mood);
  if (!isCategory(feedbackTopics(), f.topic)) return unknownCategory("vad det gäller", "topic", f.topic);
  return validateFreeText(f.text, kMaxFeedbackChars, "Texten");
}

std::optional<ValidationError> validateComplaint(const ComplaintRegistered& c) {
  if (!isCategory(complaintTypes(), c.type)) return unknownCategory("typ", "type", c.type);
  if (!isCategory(complaintSources(), c.source)) return unknownCategory("från vem", "source", c.source);
  if (!isCategory(complaintConcerns(), c.concerns)) return unknownCategory("vad gällde", "concerns", c.concerns);
  if (!isCategory(complaintChannels(), c.channel)) return unknownCategory("kanal", "channel", c.channel);
  if (auto v = checkDate(c.receivedDate, "Datum då det kom in", "receivedDate")) return v;
  return validateFreeText(c.description, kMaxFeedbackChars, "Beskrivningen");
}

std::optional<ValidationError> validateDeviation(const DeviationReported& d) {
  if (!isCategory(deviationIdentifiedBy(), d.identifiedBy))
    return unknownCategory("vem som upptäckte avvikelsen", "identifiedBy", d.identifiedBy);
  if (!isCategory(deviationConcerns(), d.concerns)) return unknownCategory("vad avvikelsen gällde", "concerns", d.concerns);
  if (!isCategory(deviationConcernsWhom(), d.concernsWhom))
    return unknownCategory("vem avvikelsen gäller", "concernsWhom", d.concernsWhom);
  if (auto v = checkDate(d.date, "Datum för avvikelsen", "date")) return v;
  return validateFreeText(d.description, kMaxFeedbackChars, "Beskrivningen");
}

std::optional<ValidationError> validateFollowUp(const std::string& step, const std::string& date,
                                                const std::string& text) {
  if (!isCategory(followUpSteps(), step))
    return ValidationError{"Okänd kategori för uppföljning. Välj ett av alternativen.", "unknown follow-up step"};
  if (!parseIsoDate(date))
    return ValidationError{"Datumet för uppföljningen är inte ett giltigt datum (ÅÅÅÅ-MM-DD).",
                           "invalid follow-up date"};
  return validateFreeText(text, kMaxFeedbackChars, "Texten");
}

// --- the register --------------------------------------------------------------------------

namespace {
// Events in the order they were recorded (the log of several devices interleaved by time).
std::vector<const Event*> inRecordedOrder(const std::vector<Event>& events) {
  std::vector<const Event*> out;
  out.reserve(events.size());
  for (const auto& e : events) out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [](const Event* a, const Event* b) {
    if (a->recordedUtc != b->recordedUtc) return a->recordedUtc < b->recordedUtc;
    if (a->deviceId != b->deviceId) return a->deviceId < b->deviceId;
    return a->seq < b->seq;
  });
  return out;
}

bool isComplaintOrComment(const std::string& type) { return type == "klagomal" || type == "synpunkt"; }
bool countsInTable(const std::string& type) { return type == "klagomal" || type == "synpunkt" || type == "forslag"; }

bool inPeriod(const std::string& date, LocalDate from, LocalDate to) {
  const auto d = parseIsoDate(date);
  return d && !(*d < from) && !(to < *d);
}

bool onOrBefore(const std::string& date, LocalDate to) {
  const auto d = parseIsoDate(date);
  return d && !(to < *d);
}

// The complaint as it stood at the end of `asOf` (follow-ups dated later left out).
ComplaintState stateAsOf(const ComplaintState& c, LocalDate asOf) {
  ComplaintState s;
  s.eventId = c.eventId;
  s.data = c.data;
  for (const auto& f : c.followUps) {
    if (!onOrBefore(f.date, asOf)) continue;
    s.followUps.push_back(f);
    s.feedbackGiven = s.feedbackGiven || f.step == kFollowUpFeedbackGiven;
    s.actionTaken = s.actionTaken || f.step == kFollowUpActionTaken;
    s.closed = s.closed || f.step == kFollowUpClosed;
  }
  return s;
}
} // namespace

bool ComplaintState::overdue(LocalDate today) const {
  if (closed || feedbackGiven || !isComplaintOrComment(data.type)) return false;
  const auto received = parseIsoDate(data.receivedDate);
  return received && workingDaysBetween(*received, today) > kFeedbackDueWorkingDays;
}

std::vector<ComplaintState> currentComplaints(const std::vector<Event>& events) {
  const std::set<std::string> voided = voidedEventIds(events);
  const auto ordered = inRecordedOrder(events);
  std::vector<ComplaintState> out;
  std::map<std::string, size_t> index; // complaintId -> position in out
  for (const Event* e : ordered) {
    if (voided.count(e->id)) continue;
    if (const auto* c = std::get_if<ComplaintRegistered>(&e->payload)) {
      if (index.count(c->complaintId)) continue; // the first registration stands
      index[c->complaintId] = out.size();
      ComplaintState s;
      s.eventId = e->id;
      s.data = *c;
      out.push_back(std::move(s));
    }
  }
  for (const Event* e : ordered) {
    if (voided.count(e->id)) continue;
    const auto* f = std::get_if<ComplaintFollowedUp>(&e->payload);
    if (!f) continue;
    auto it = index.find(f->complaintId);
    if (it == index.end()) continue;
    ComplaintState& s = out[it->second];
    s.followUps.push_back(*f);
    s.feedbackGiven = s.feedbackGiven || f->step == kFollowUpFeedbackGiven;
    s.actionTaken = s.actionTaken || f->step == kFollowUpActionTaken;
    s.closed = s.closed || f->step == kFollowUpClosed;
  }
  // Oldest first: by the day it came in, then by when it was registered.
  std::stable_sort(out.begin(), out.end(), [](const ComplaintState& a, const ComplaintState& b) {
    return a.data.receivedDate < b.data.receivedDate;
  });
  return out;
}

std::vector<FeedbackGiven> unclassifiedFeedback(const std::vector<Event>& events) {
  const std::set<std::string> voided = voidedEventIds(events);
  std::set<std::string> classified;
  for (const auto& e : events)
    if (const auto* c = std::get_if<ComplaintRegistered>(&e.payload); c && !voided.count(e.id) && !c->feedbackId.empty())
      classified.insert(c->feedbackId);
  std::vector<FeedbackGiven> out;
  for (const Event* e : inRecordedOrder(events)) {
    if (voided.count(e->id)) continue;
    if (const auto* f = std::get_if<FeedbackGiven>(&e->payload); f && f->mood != "glad" && !classified.count(f->feedbackId))
      out.push_back(*f);
  }
  return out;
}

// --- the tertial table ---------------------------------------------------------------------
// Counting rules (see tests/unit/fixtures/complaints-30.md for a worked, hand-counted example):
// - Voided events (the target of a Corrected) are left out everywhere, as are follow-ups of a
//   voided or unknown complaint.
// - Complaints count by receivedDate in [from, to]. "Från vem" (bySource), "Vad gällde"
//   (byConcerns) and total count klagomål + synpunkt + förslag/idé; beröm is counted apart.
// - feedbackGiven / actionsTaken: of those counted in total, how many have an "aterkoppling" /
//   "atgard" follow-up dated on or before `to` (also when dated before `from`, which cannot
//   happen for a complaint received in the period, or when the complaint is closed).
// - praise: complaints of type beröm received in [from, to], plus "Tyck till" entries with
//   mood glad recorded (Stockholm day of recordedUtc) in [from, to] that no registered complaint
//   refers to (a glad entry that staff registered as beröm is counted once, as the complaint).
//   Unclassified ledsen/mittemellan entries are not counted until staff classify them.
// - deviations count by their date in [from, to], per each of the three classifications, and
//   lexSarah is the number of those marked Lex Sarah.
// - openOverdue: every complaint received on or before `to` (also before `from`), type klagomål or
//   synpunkt, that at the end of `to` was not closed and had no återkoppling dated on or before
//   `to`, with more than kFeedbackDueWorkingDays working days from receipt to `to`.
ComplaintTable buildComplaintTable(const std::vector<Event>& events, LocalDate from, LocalDate to) {
  ComplaintTable t;
  for (const auto& c : complaintSources()) t.bySource[c.code] = 0;
  for (const auto& c : complaintConcerns()) t.byConcerns[c.code] = 0;
  for (const auto& c : deviationIdentifiedBy()) t.deviationsByIdentifiedBy[c.code] = 0;
  for (const auto& c : deviationConcerns()) t.deviationsByConcerns[c.code] = 0;
  for (const auto& c : deviationConcernsWhom()) t.deviationsByWhom[c.code] = 0;

  std::set<std::string> referencedFeedback;
  for (const auto& c : currentComplaints(events)) {
    if (!c.data.feedbackId.empty()) referencedFeedback.insert(c.data.feedbackId);
    const ComplaintState s = stateAsOf(c, to);
    if (onOrBefore(c.data.receivedDate, to) && s.overdue(to)) ++t.openOverdue;
    if (!inPeriod(c.data.receivedDate, from, to)) continue;
    if (c.data.type == "berom") {
      ++t.praise;
      continue;
    }
    if (!countsInTable(c.data.type)) continue;
    ++t.total;
    if (auto it = t.bySource.find(c.data.source); it != t.bySource.end()) ++it->second;
    if (auto it = t.byConcerns.find(c.data.concerns); it != t.byConcerns.end()) ++it->second;
    if (s.feedbackGiven) ++t.feedbackGiven;
    if (s.actionTaken) ++t.actionsTaken;
  }

  const std::set<std::string> voided = voidedEventIds(events);
  for (const auto& e : events) {
    if (voided.count(e.id)) continue;
    if (const auto* f = std::get_if<FeedbackGiven>(&e.payload)) {
      const LocalDate day = toStockholm(e.recordedUtc).date;
      if (f->mood == "glad" && !referencedFeedback.count(f->feedbackId) && !(day < from) && !(to < day)) ++t.praise;
    } else if (const auto* d = std::get_if<DeviationReported>(&e.payload)) {
      if (!inPeriod(d->date, from, to)) continue;
      ++t.deviations;
      if (d->lexSarah) ++t.lexSarah;
      if (auto it = t.deviationsByIdentifiedBy.find(d->identifiedBy); it != t.deviationsByIdentifiedBy.end())
        ++it->second;
      if (auto it = t.deviationsByConcerns.find(d->concerns); it != t.deviationsByConcerns.end()) ++it->second;
      if (auto it = t.deviationsByWhom.find(d->concernsWhom); it != t.deviationsByWhom.end()) ++it->second;
    }
  }
  return t;
}

std::optional<ValidationError> validateFollowUpOf(const ComplaintState& complaint, const std::string& date) {
  if (complaint.closed)
    return ValidationError{
        "Ärendet är avslutat och kan inte följas upp. Registrera ett nytt ärende om något har hänt.",
        "complaint " + complaint.data.complaintId + " is closed"};
  const auto day = parseIsoDate(date);
  if (const auto received = parseIsoDate(complaint.data.receivedDate); day && received && *day < *received)
    return ValidationError{"Uppföljningen kan inte vara daterad före dagen då ärendet kom in (" +
                               complaint.data.receivedDate + ").",
                           "follow-up dated before the complaint was received"};
  return std::nullopt;
}

// --- the survey ----------------------------------------------------------------------------

std::optional<ValidationError> validateSurveyWindow(LocalDate from, LocalDate to) {
  if (to < from)
    return ValidationError{"Sista dagen kan inte vara före första dagen.", "survey window ends before it starts"};
  return std::nullopt;
}

std::optional<ValidationError> validateSurveyAnswer(const std::optional<SurveyWindow>& latest,
                                                    const std::string& windowId, LocalDate today,
                                                    const std::vector<std::string>& answers) {
  if (!latest || latest->windowId != windowId || !latest->contains(today))
    return ValidationError{"Frågorna är inte öppna för svar just nu.", "survey answer outside an open window"};
  if (answers.size() != surveyQuestions().size() ||
      std::any_of(answers.begin(), answers.end(), [](const std::string& a) { return !isCategory(surveyAnswers(), a); }))
    return ValidationError{"Svara ja, ibland eller nej på alla tre frågorna.",
                           "survey answers are not three of ja/ibland/nej"};
  return std::nullopt;
}

std::optional<SurveyWindow> latestSurveyWindow(const std::vector<Event>& events) {
  const std::set<std::string> voided = voidedEventIds(events);
  std::optional<SurveyWindow> latest;
  for (const Event* e : inRecordedOrder(events)) {
    if (voided.count(e->id)) continue;
    const auto* w = std::get_if<SurveyWindowOpened>(&e->payload);
    if (!w) continue;
    const auto from = parseIsoDate(w->from), to = parseIsoDate(w->to);
    if (!from || !to) continue;
    latest = SurveyWindow{w->windowId, *from, *to};
  }
  return latest;
}

double SurveyResult::yesShare(size_t question) const {
  if (question >= counts.size()) return 0.0;
  const auto& c = counts[question];
  const int n = c[0] + c[1] + c[2];
  return n == 0 ? 0.0 : static_cast<double>(c[0]) / static_cast<double>(n);
}

SurveyResult surveyResult(const std::vector<Event>& events, const std::string& windowId) {
  const std::set<std::string> voided = voidedEventIds(events);
  const auto& answers = surveyAnswers();
  SurveyResult r;
  for (const auto& e : events) {
    if (voided.count(e.id)) continue;
    const auto* a = std::get_if<SurveyAnswered>(&e.payload);
    if (!a || a->windowId != windowId) continue;
    ++r.answers;
    for (size_t q = 0; q < a->answers.size() && q < r.counts.size(); ++q)
      for (size_t k = 0; k < answers.size(); ++k)
        if (a->answers[q] == answers[k].code) ++r.counts[q][k];
  }
  return r;
}

// --- export --------------------------------------------------------------------------------

std::string spreadsheetSafe(const std::string& cell) {
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t'))
    return "'" + cell;
  return cell;
}

std::string csvCell(const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

} // namespace dagverk
