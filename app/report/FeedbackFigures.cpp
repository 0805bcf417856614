// Section figures for complaints (the city's template) and the survey.
#include "report/FigureSections.hpp"

#include <algorithm>
#include <map>

namespace dagverk::report::figures {

namespace {

bool isComplaintOrComment(const std::string& type) { return type == "klagomal" || type == "synpunkt"; }

// Open complaints are judged at the earlier of a column's end and the report's date: a report
// made in March does not count a complaint from March as overdue at 31 December.
int openOverdueAt(const std::vector<Event>& events, LocalDate judgedAt) {
  return buildComplaintTable(events, judgedAt, judgedAt).openOverdue;
}

} // namespace

void complaints(central::ReportReader& source, const Context& ctx, ReportData& data) {
  const LocalDate today = ctx.options.now > 0 ? toStockholm(ctx.options.now).date : data.period.to;
  const auto judged = [&](LocalDate to) { return std::min(to, today); };
  data.complaintsJudgedAt = judged(data.period.to);
  std::vector<Event> feedback = source.feedbackEvents();
  std::vector<Event> scope;
  std::map<std::string, std::vector<Event>> perSite;
  for (auto& e : feedback) {
    if (!ctx.siteOf(data, e.siteId)) continue;
    perSite[e.siteId].push_back(e);
    scope.push_back(std::move(e));
  }
  const auto table = [&](const std::vector<Event>& events, LocalDate from, LocalDate to) {
    ComplaintTable t = buildComplaintTable(events, from, to);
    t.openOverdue = openOverdueAt(events, judged(to));
    return t;
  };
  for (auto& s : data.sites) s.complaints = table(perSite[s.id], data.period.from, data.period.to);
  data.unit.complaints = table(scope, data.period.from, data.period.to);
  const auto column = [&](const std::string& label, const std::string& k, LocalDate from, LocalDate to) {
    data.complaintColumns.push_back({label, k, from, to, table(scope, from, to)});
  };
  if (data.period.kind == Period::Kind::Year || (data.period.kind == Period::Kind::Tertial && data.period.number == 3)) {
    const int y = data.period.year;
    column("Utfall T1", "t1", tertialPeriod(y, 1).from, tertialPeriod(y, 1).to);
    column("Utfall T2", "t2", tertialPeriod(y, 2).from, tertialPeriod(y, 2).to);
    column("Utfall VB", "vb", tertialPeriod(y, 3).from, tertialPeriod(y, 3).to);
    column("Totalt ack.", "ack", LocalDate{y, 1, 1}, LocalDate{y, 12, 31});
  } else if (data.period.kind == Period::Kind::Tertial) {
    for (int t = 1; t <= data.period.number; ++t)
      column("Utfall T" + std::to_string(t), "t" + std::to_string(t), tertialPeriod(data.period.year, t).from,
             tertialPeriod(data.period.year, t).to);
    if (data.period.number > 1) column("Totalt ack.", "ack", LocalDate{data.period.year, 1, 1}, data.period.to);
  } else {
    column("Utfall", "period", data.period.from, data.period.to);
  }
  for (const auto& c : currentComplaints(scope)) {
    if (!isComplaintOrComment(c.data.type)) continue;
    const auto received = parseIsoDate(c.data.receivedDate);
    const LocalDate at = data.complaintsJudgedAt;
    if (!received || at < *received) continue;
    bool feedbackGiven = false, closed = false;
    for (const auto& f : c.followUps) {
      const auto d = parseIsoDate(f.date);
      if (!d || at < *d) continue;
      feedbackGiven = feedbackGiven || f.step == kFollowUpFeedbackGiven;
      closed = closed || f.step == kFollowUpClosed;
    }
    const int days = workingDaysBetween(*received, at);
    if (feedbackGiven || closed || days <= kFeedbackDueWorkingDays) continue;
    // The complaint's site: the event that registered it.
    std::string siteId;
    for (const auto& e : scope)
      if (e.id == c.eventId) siteId = e.siteId;
    data.overdue.push_back({siteId, c.data.receivedDate, c.data.type, c.data.concerns, days});
  }
}

void survey(central::ReportReader& source, const Context& ctx, ReportData& data) {
  const auto& answerCodes = surveyAnswers();
  for (const auto& a : source.surveyAnswers(data.period.from, data.period.to)) {
    SiteSection* s = ctx.siteOf(data, a.siteId);
    if (!s) continue;
    for (SurveyFigures* f : {&s->survey, &data.unit.survey}) {
      ++f->answers;
      for (size_t q = 0; q < 3; ++q)
        for (size_t k = 0; k < answerCodes.size(); ++k)
          if (a.answers[q] == answerCodes[k].code) ++f->counts[q][k];
    }
  }
  std::vector<SurveyFigures*> surveys;
  for (auto& s : data.sites) surveys.push_back(&s.survey);
  suppressSurvey(surveys, ctx.options.site ? nullptr : &data.unit.survey);
}

} // namespace dagverk::report::figures
