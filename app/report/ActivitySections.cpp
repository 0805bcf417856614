// Section 3: activities per category and per activity, outings apart.
#include "report/ReportLayout.hpp"

namespace dagverk::report::layout {

namespace {

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

} // namespace

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
  if (!d.splitColumns.empty()) s.tables.push_back(activitySplitTable(d));
  return s;
}

} // namespace dagverk::report::layout
