// The kiosks behind each site (first page), the tertial split of a year, and the data-quality
// section: what the figures rest on and what they leave out.
#include "report/ReportLayout.hpp"

namespace dagverk::report::layout {

Table kioskTable(const ReportData& d) {
  Table t;
  t.id = "kiosks";
  t.title = "Kiosker och synkronisering per verksamhet";
  t.columns = {"Verksamhet-id", "Verksamhet", "Kiosk", "Senaste batch", "Data till och med", "Status"};
  for (const auto& site : d.sites) {
    if (site.kiosks.empty()) {
      addRow(t, {text(site.id), text(site.name), text(kDash), text("aldrig"), text(kDash),
                 text(site.hasData ? "ingen kiosk har skickat data" : "inga registreringar")});
      continue;
    }
    std::optional<LocalDate> newest;
    for (const auto& k : site.kiosks)
      if (k.lastDay && (!newest || *newest < *k.lastDay)) newest = k.lastDay;
    for (const auto& k : site.kiosks) {
      std::string status = "aktuell";
      bool behind = false;
      if (newest && k.lastDay && daysFromCivil(*newest) - daysFromCivil(*k.lastDay) > kStaleKioskDays) {
        status = std::to_string(daysFromCivil(*newest) - daysFromCivil(*k.lastDay)) + " dagar efter";
        behind = true;
      }
      if (k.sequenceGap) {
        status = (behind ? status + ", " : std::string()) + "händelser saknas";
        behind = true;
      }
      Cell name = text(site.name), state = text(status);
      name.alert = site.incomplete;
      state.alert = behind;
      addRow(t, {text(site.id), std::move(name), text(k.deviceId), text(k.lastBatchUtc ? dateTime(*k.lastBatchUtc) : "aldrig"),
                 text(k.lastDay ? formatIsoDate(*k.lastDay) : kDash), std::move(state)});
    }
  }
  t.note = "Senaste batch: när kiosken skapade sin senaste sändning (kioskens klocka). Data till och med: dagen för "
           "kioskens senaste händelse. Rött: verksamhetens siffror är ofullständiga.";
  return t;
}

std::vector<Table> attendanceSplitTables(const ReportData& d) {
  if (d.splitColumns.empty()) return {};
  Table days, occ;
  days.id = "attendance_split";
  days.title = "Närvarodagar per tertial";
  occ.id = "occupancy_split";
  occ.title = "Beläggning per tertial (närvarodagar / platsdagar)";
  for (Table* t : {&days, &occ}) {
    t->columns = {"Verksamhet-id", "Verksamhet"};
    for (const auto& c : d.splitColumns) t->columns.push_back(c.label);
  }
  for (const SiteSection* site : rowsOf(d)) {
    std::vector<Cell> a{text(site->id), text(site->name)}, o{text(site->id), text(site->name)};
    for (size_t c = 0; c < d.splitColumns.size(); ++c) {
      const auto& part = site->split[c].attendance;
      const bool has = part.openDays > 0;
      a.push_back(integerIf(has, part.attendanceDays, "split_attendance_days", site->id, d.splitColumns[c].key));
      o.push_back(percent(part.placeDays > 0 ? std::optional<double>(static_cast<double>(part.attendanceDays) /
                                                                     static_cast<double>(part.placeDays))
                                             : std::nullopt,
                          "split_occupancy", site->id, d.splitColumns[c].key));
    }
    addRow(days, std::move(a), site == &d.unit);
    addRow(occ, std::move(o), site == &d.unit);
  }
  days.note = "\"–\": inga öppetdagar i tertialen (verksamheten hade ännu ingen data, eller tertialen har inte börjat).";
  return {std::move(days), std::move(occ)};
}

Table activitySplitTable(const ReportData& d) {
  Table t;
  t.id = "activity_split";
  t.title = "Aktivitetstillfällen och deltagartillfällen per tertial (utflykter inräknade)";
  t.columns = {"Verksamhet-id", "Verksamhet", "Mått"};
  for (const auto& c : d.splitColumns) t.columns.push_back(c.label);
  for (const SiteSection* site : rowsOf(d)) {
    std::vector<Cell> s{text(site->id), text(site->name), text("Tillfällen")};
    std::vector<Cell> p{text(site->id), text(site->name), text("Deltagartillfällen")};
    for (size_t c = 0; c < d.splitColumns.size(); ++c) {
      const bool has = site->split[c].attendance.openDays > 0 || site->split[c].sessions > 0;
      s.push_back(integerIf(has, site->split[c].sessions, "split_sessions", site->id, d.splitColumns[c].key));
      p.push_back(integerIf(has, site->split[c].participantSessions, "split_participant_sessions", site->id,
                            d.splitColumns[c].key));
    }
    addRow(t, std::move(s), site == &d.unit);
    addRow(t, std::move(p), site == &d.unit);
  }
  return t;
}

namespace {

// Per site: how many visits were entered afterwards from a paper sheet, and on which days.
Table lateVisitTable(const ReportData& d) {
  Table t;
  t.id = "late_visits";
  t.title = "Efterregistrerade besök";
  t.columns = {"Verksamhet-id", "Verksamhet", "Efterregistrerade besök", "Dagar"};
  for (const auto& site : d.sites) {
    std::int64_t visits = 0;
    std::string days;
    for (const auto& r : d.lateVisits) {
      if (r.siteId != site.id) continue;
      visits += r.visits;
      days += (days.empty() ? "" : ", ") + formatIsoDate(r.day) + " (" + std::to_string(r.visits) + ")";
    }
    if (visits > 0) addRow(t, {text(site.id), text(site.name), integer(visits, "late_visits", site.id), text(days)});
  }
  t.note = "Besök som personalen registrerat i efterhand från en papperslista (när kiosken var trasig, utan ström "
           "eller borta). De räknas i närvaron på sin dag som alla andra besök.";
  return t;
}

} // namespace

Section dataQualitySection(const ReportData& d) {
  Section s;
  s.id = "7-datakvalitet";
  s.sheet = "Datakvalitet";
  s.title = "Datakvalitet";
  if (d.lateVisits.empty())
    s.paragraphs.push_back("Inga besök har registrerats i efterhand under perioden.");
  else
    s.tables.push_back(lateVisitTable(d));
  if (d.notOnRoster.empty()) {
    s.paragraphs.push_back("Alla incheckningar under perioden gäller deltagare i respektive verksamhets schema.");
    return s;
  }
  s.paragraphs.push_back("Incheckningar av någon som inte finns i verksamhetens schema är sparade men räknas inte "
                         "i närvaron. Rätta schemat (eller registreringen) så räknas de i nästa rapport.");
  Table t;
  t.id = "not_on_roster";
  t.title = "Incheckningar som inte räknats";
  t.columns = {"Verksamhet-id", "Deltagare-id", "Finns i schemat", "Dagar med incheckning"};
  for (const auto& n : d.notOnRoster)
    addRow(t, {text(n.siteId), text(n.participantId), text(n.otherSitesParticipant ? "på en annan verksamhet" : "nej"),
               integer(n.checkIns, "not_on_roster_days", n.siteId, n.participantId)});
  s.tables.push_back(std::move(t));
  return s;
}

} // namespace dagverk::report::layout
