// Section 6: visitors at the open meeting places. Counting rules (also said in the section):
// - A tally counts the visitors it says (a door "+1" is one; a total typed afterwards, e.g.
//   "Musikcafé: 23", is 23). A tally voided by a Corrected ("−1", "Ångra") does not count.
// - The period: tallies recorded on a local day in it. Weekday and time of day: the local time
//   the tally was made (a total typed afterwards counts at the time it was typed).
// - Tertials: T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec, those the period touches.
#include "report/HeadcountSection.hpp"
#include "report/ReportLayout.hpp"

#include "core/LocalTime.hpp"

#include <algorithm>

namespace dagverk::report {

namespace {

size_t hourBand(int hour) {
  if (hour < 10) return 0;
  if (hour >= 18) return kHourBands - 1;
  return static_cast<size_t>((hour - 10) / 2 + 1);
}

const char* kBandLabels[kHourBands] = {"Före 10", "10–12", "12–14", "14–16", "16–18", "18 och senare"};

std::string tertialKey(LocalDate d) { return std::to_string(d.year) + "-" + std::to_string((d.month - 1) / 4 + 1); }

std::string tertialLabel(const std::string& key) { // "2026-1" -> "T1 2026"
  return "T" + key.substr(key.size() - 1) + " " + key.substr(0, key.size() - 2);
}

void add(HeadcountScope& s, const central::HeadcountRow& r) {
  const LocalDateTime local = toStockholm(r.at);
  s.total += r.count;
  s.byWeekday[static_cast<size_t>(local.isoWeekday - 1)] += r.count;
  s.byHourBand[hourBand(local.hour)] += r.count;
  s.byActivity[r.activityId] += r.count;
  s.byTertial[tertialKey(local.date)] += r.count;
}

} // namespace

void buildHeadcounts(central::ReportReader& source, ReportData& data) {
  HeadcountFigures& h = data.headcount;
  h.unit.siteId = kUnitId;
  h.unit.name = kUnitName;
  for (int y = data.period.from.year; y <= data.period.to.year; ++y)
    for (int t = 1; t <= 3; ++t) {
      const LocalDate first{y, (t - 1) * 4 + 1, 1}, last{y, t * 4, t == 1 ? 30 : 31};
      if (last >= data.period.from && first <= data.period.to) h.tertials.push_back(std::to_string(y) + "-" + std::to_string(t));
    }
  for (const auto& a : source.rosterActivities()) h.activityNames[a.id] = a.name;
  std::map<std::string, HeadcountScope> bySite;
  for (const auto& r : source.headcounts(data.period.from, data.period.to)) {
    if (data.siteFilter && r.siteId != *data.siteFilter) continue;
    add(bySite[r.siteId], r);
    add(h.unit, r);
  }
  for (const auto& s : data.sites) // the report's site order
    if (auto it = bySite.find(s.id); it != bySite.end()) {
      it->second.siteId = s.id;
      it->second.name = s.name;
      h.sites.push_back(std::move(it->second));
      bySite.erase(it);
    }
}

namespace layout {

namespace {

std::vector<const HeadcountScope*> headcountRows(const ReportData& d) {
  std::vector<const HeadcountScope*> rows;
  for (const auto& s : d.headcount.sites) rows.push_back(&s);
  if (!isSiteReport(d)) rows.push_back(&d.headcount.unit);
  return rows;
}

std::string activityName(const ReportData& d, const std::string& id) {
  if (id.empty()) return "Ingen aktivitet";
  const auto it = d.headcount.activityNames.find(id);
  return it == d.headcount.activityNames.end() ? id : it->second;
}

} // namespace

Section meetingPlaceSection(const ReportData& d) {
  Section s;
  s.id = "6-traffpunkter";
  s.sheet = "Öppna träffpunkter";
  s.title = "Öppna träffpunkter";
  const HeadcountFigures& h = d.headcount;
  if (h.sites.empty()) {
    s.paragraphs.push_back("Inga besöksräkningar är registrerade under perioden.");
    return s;
  }
  s.paragraphs.push_back(
      "Besökare på de öppna träffpunkterna räknas utan namn: \"+1\" vid dörren, eller en summa som personalen "
      "skriver in efteråt (t.ex. \"Musikcafé: 23\"). En räkning som ångrats räknas inte. Veckodag och tid på "
      "dagen är när räkningen gjordes; en summa som skrivs in efteråt räknas när den skrevs in.");
  const HeadcountScope& scope = isSiteReport(d) ? h.sites.front() : h.unit;
  Chart chart;
  chart.kind = Chart::Kind::Bars;
  chart.title = "Besökare per veckodag – " + scope.name;
  chart.unitLabel = "besökare";
  for (size_t i = 0; i < 7; ++i) {
    chart.labels.push_back(weekdayName(i));
    chart.values.push_back(static_cast<double>(scope.byWeekday[i]));
  }
  s.charts.push_back(std::move(chart));

  Table total;
  total.id = "headcount_sites";
  total.title = "Besökare per verksamhet";
  total.columns = {"Verksamhet-id", "Verksamhet", "Besökare under perioden"};
  for (const auto& t : h.tertials) total.columns.push_back("Besökare " + tertialLabel(t));
  Table weekday;
  weekday.id = "headcount_weekdays";
  weekday.title = "Besökare per veckodag";
  weekday.columns = {"Verksamhet-id", "Verksamhet"};
  for (size_t i = 0; i < 7; ++i) weekday.columns.push_back(weekdayName(i));
  Table band;
  band.id = "headcount_hours";
  band.title = "Besökare per tid på dagen";
  band.columns = {"Verksamhet-id", "Verksamhet"};
  for (const char* l : kBandLabels) band.columns.push_back(l);
  Table activity;
  activity.id = "headcount_activities";
  activity.title = "Besökare per aktivitet";
  activity.columns = {"Verksamhet-id", "Verksamhet", "Aktivitet", "Besökare"};

  for (const HeadcountScope* r : headcountRows(d)) {
    const bool unit = r->siteId == kUnitId;
    std::vector<Cell> row = {text(r->siteId), text(r->name), integer(r->total, "headcount_total", r->siteId)};
    for (const auto& t : h.tertials) {
      const auto it = r->byTertial.find(t);
      row.push_back(integer(it == r->byTertial.end() ? 0 : it->second, "headcount_tertial", r->siteId, t));
    }
    addRow(total, std::move(row), unit);
    row = {text(r->siteId), text(r->name)};
    for (size_t i = 0; i < 7; ++i)
      row.push_back(integer(r->byWeekday[i], "headcount_weekday", r->siteId, std::to_string(i + 1)));
    addRow(weekday, std::move(row), unit);
    row = {text(r->siteId), text(r->name)};
    for (size_t i = 0; i < kHourBands; ++i)
      row.push_back(integer(r->byHourBand[i], "headcount_hours", r->siteId, std::to_string(i)));
    addRow(band, std::move(row), unit);
    for (const auto& [id, n] : r->byActivity)
      addRow(activity,
             {text(r->siteId), text(r->name), text(activityName(d, id)),
              integer(n, "headcount_activity", r->siteId, id.empty() ? "ingen" : id)},
             unit);
  }
  s.tables.push_back(std::move(total));
  s.tables.push_back(std::move(weekday));
  s.tables.push_back(std::move(band));
  s.tables.push_back(std::move(activity));
  return s;
}

} // namespace layout
} // namespace dagverk::report
