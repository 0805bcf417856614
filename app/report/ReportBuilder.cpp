#include "report/ReportBuilder.hpp"
#include "report/HeadcountSection.hpp"

#include "core/Error.hpp"
#include "core/Feedback.hpp"
#include "report/FigureSections.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace dagverk::report {

double SurveyFigures::yesShare(size_t q) const {
  if (q >= counts.size()) return 0.0;
  const int n = counts[q][0] + counts[q][1] + counts[q][2];
  return n == 0 ? 0.0 : static_cast<double>(counts[q][0]) / static_cast<double>(n);
}

void suppressSurvey(std::vector<SurveyFigures*>& sites, SurveyFigures* unit) {
  for (auto* s : sites) {
    s->shown = s->answers >= kSurveyMinAnswers;
    s->hiddenToProtectOthers = false;
  }
  if (!unit) return;
  unit->shown = unit->answers >= kSurveyMinAnswers;
  if (!unit->shown) return;
  // unit - (shown sites) = the hidden sites together: that sum must not be a group under 5.
  for (;;) {
    int hiddenSum = 0;
    for (const auto* s : sites)
      if (!s->shown) hiddenSum += s->answers;
    if (hiddenSum == 0 || hiddenSum >= kSurveyMinAnswers) return;
    SurveyFigures* smallest = nullptr;
    for (auto* s : sites)
      if (s->shown && (!smallest || s->answers < smallest->answers)) smallest = s;
    if (!smallest) return; // cannot happen: the unit is shown, so the sites hold >= 5 answers
    smallest->shown = false;
    smallest->hiddenToProtectOthers = true;
  }
}

namespace {

std::string unknownSiteMessage(const std::string& site, const std::vector<SiteSection>& sites) {
  std::string ids;
  for (const auto& s : sites) ids += (ids.empty() ? "" : ", ") + s.id;
  return "Verksamheten '" + site + "' finns inte i den centrala databasen. Giltiga verksamheter: " +
         (ids.empty() ? "(inga)" : ids) + ".";
}

// The scope's sites: roster order, then sites seen only in the records.
void buildSites(central::ReportReader& source, const BuildOptions& options, ReportData& data) {
  std::vector<SiteSection> all;
  std::set<std::string> seen;
  for (const auto& s : source.rosterSites()) {
    SiteSection site;
    site.id = s.id;
    site.name = s.name;
    site.places = s.places;
    all.push_back(std::move(site));
    seen.insert(s.id);
  }
  for (const auto& id : source.eventSiteIds()) {
    if (seen.count(id)) continue;
    SiteSection site;
    site.id = id;
    site.name = id;
    site.inRoster = false;
    all.push_back(std::move(site));
    seen.insert(id);
  }
  if (options.site) {
    auto it = std::find_if(all.begin(), all.end(), [&](const SiteSection& s) { return s.id == *options.site; });
    if (it == all.end())
      throw DagverkError(ErrorCode::UnknownSite, unknownSiteMessage(*options.site, all),
                         "unknown site (" + std::to_string(options.site->size()) + " bytes) among " +
                             std::to_string(all.size()) + " sites");
    data.sites.push_back(std::move(*it));
  } else {
    data.sites = std::move(all);
  }
  data.unit.id = kUnitId;
  data.unit.name = kUnitName;
  for (const auto& s : data.sites) data.unit.places += s.places;
  for (const auto& [site, at] : source.lastSyncPerSite())
    for (auto& s : data.sites)
      if (s.id == site) s.lastSync = at;
  for (auto& s : data.sites) s.hasData = source.recordsBetween(data.period.from, data.period.to, s.id) > 0;
  data.noData = source.recordsBetween(data.period.from, data.period.to, options.site) == 0;
  data.unit.hasData = !data.noData;
}

// The tertial split of a year (the city's template): Utfall T1, T2, VB and Totalt ack.
std::vector<SplitColumn> splitColumnsOf(const Period& period) {
  if (period.kind != Period::Kind::Year) return {};
  const int y = period.year;
  return {{"Utfall T1", "t1", tertialPeriod(y, 1).from, tertialPeriod(y, 1).to},
          {"Utfall T2", "t2", tertialPeriod(y, 2).from, tertialPeriod(y, 2).to},
          {"Utfall VB", "vb", tertialPeriod(y, 3).from, tertialPeriod(y, 3).to},
          {"Totalt ack.", "ack", period.from, period.to}};
}

// The sections' figures, in order: kiosks first (the attendance section marks incomplete
// sites), drift after attendance. A new section adds its function here.
void headcounts(central::ReportReader& source, const figures::Context&, ReportData& data) {
  buildHeadcounts(source, data);
}
// Visits entered afterwards from a paper sheet, for the data-quality section (they are counted
// in the attendance like any other).
void lateVisits(central::ReportReader& source, const figures::Context& ctx, ReportData& data) {
  for (auto& r : source.lateVisitDays(data.period.from, data.period.to))
    if (ctx.siteIndex.count(r.siteId)) data.lateVisits.push_back(std::move(r));
}
constexpr figures::SectionFigures kSections[] = {figures::kiosks,     figures::attendance, figures::drift,
                                                 figures::activities, figures::complaints, figures::survey,
                                                 headcounts,          lateVisits};

} // namespace

ReportData buildReport(central::ReportReader& source, const Period& period, const BuildOptions& options) {
  ReportData data;
  data.period = period;
  data.siteFilter = options.site;
  data.generatedUtc = options.now;
  data.weeks = isoWeeksBetween(period.from, period.to);
  data.splitColumns = splitColumnsOf(period);
  buildSites(source, options, data);
  figures::Context ctx{options, {}};
  for (size_t i = 0; i < data.sites.size(); ++i) ctx.siteIndex[data.sites[i].id] = i;
  for (const auto section : kSections) section(source, ctx, data);
  return data;
}

} // namespace dagverk::report
