#include "central/SheetRoster.hpp"

#include "central/RosterHistory.hpp"
#include "core/Error.hpp"
#include "core/Period.hpp"
#include "core/SwedishText.hpp"
#include "store/Database.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace dagverk::central {

using store::Statement;

SiteWeekRoster siteRosterForWeek(store::Database& db, const std::string& siteId, LocalDate monday) {
  SiteWeekRoster out;
  {
    Statement s(db, "SELECT id, name, places, opens_minute, closes_minute FROM roster_site WHERE id = ?1");
    s.bind(1, siteId);
    if (!s.step()) {
      std::string known;
      Statement all(db, "SELECT id FROM roster_site ORDER BY id");
      while (all.step()) known += (known.empty() ? "" : ", ") + all.text(0);
      throw DagverkError(ErrorCode::UnknownSite, "Okänd verksamhet \"" + siteId + "\". Giltiga: " + known,
                         "unknown site '" + siteId + "'; central's roster holds: " + known);
    }
    out.site = {s.text(0), s.text(1), static_cast<int>(s.integer(2)), static_cast<int>(s.integer(3)),
                static_cast<int>(s.integer(4))};
  }
  // Expected on a weekday when a spell at this site valid on that very day says so; on the
  // sheet when any spell covers any day of the week (one who ended before it is not).
  std::map<std::string, std::array<bool, 7>> expected;
  for (const auto& spell : readRosterSpells(db)) {
    if (spell.siteId != siteId) continue;
    for (int d = 0; d < 7; ++d) {
      if (!spell.covers(addDays(monday, d))) continue;
      auto& days = expected[spell.participantId];
      days[static_cast<size_t>(d)] = days[static_cast<size_t>(d)] || spell.weekdays[static_cast<size_t>(d)];
    }
  }
  // Names come from the roster table, which keeps a participant marked inactive; one removed
  // from the roster files altogether has no name at central any more and is left off.
  Statement names(db, "SELECT first_name, initial FROM roster_participant WHERE id = ?1");
  for (const auto& [id, days] : expected) {
    names.bind(1, id);
    if (names.step()) {
      Participant p;
      p.id = id;
      p.siteId = siteId;
      p.firstName = names.text(0);
      p.initial = names.text(1);
      p.expectedWeekdays = days;
      out.participants.push_back(std::move(p));
    }
    names.reset();
  }
  std::sort(out.participants.begin(), out.participants.end(),
            [](const Participant& a, const Participant& b) { return swedishLess(a.displayName(), b.displayName()); });
  Statement staff(db, "SELECT id, site_ids, first_name, initial FROM roster_staff WHERE active = 1");
  while (staff.step()) {
    StaffMember m;
    m.id = staff.text(0);
    std::istringstream ids(staff.text(1));
    for (std::string one; ids >> one;) m.siteIds.push_back(one);
    m.firstName = staff.text(2);
    m.initial = staff.text(3);
    // Those who work at the site itself; an administrator of every site ("*") is not on its
    // roll call.
    if (std::find(m.siteIds.begin(), m.siteIds.end(), siteId) != m.siteIds.end()) out.staff.push_back(std::move(m));
  }
  std::sort(out.staff.begin(), out.staff.end(),
            [](const StaffMember& a, const StaffMember& b) { return swedishLess(a.displayName(), b.displayName()); });
  return out;
}

} // namespace dagverk::central
