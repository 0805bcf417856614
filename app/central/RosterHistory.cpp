#include "central/RosterHistory.hpp"

#include "core/Feedback.hpp"
#include "store/Database.hpp"

#include <map>

namespace dagverk::central {

using store::Statement;

namespace {

struct OpenSpell {
  std::int64_t rowid = 0;
  std::string siteId, weekdays;
  LocalDate validFrom;
};

constexpr LocalDate kSinceAlways{1900, 1, 1};

} // namespace

void recordRosterSpells(store::Database& db, const RosterFiles& roster, std::int64_t version, LocalDate effective) {
  const bool first = db.scalarInt("SELECT count(*) FROM roster_spell") == 0;
  const LocalDate from = first ? kSinceAlways : effective;
  std::map<std::string, OpenSpell> open; // participant -> their spell without an end
  std::map<std::pair<std::string, std::string>, bool> known; // (participant, site) with any spell
  {
    Statement s(db, "SELECT rowid, participant_id, site_id, weekdays, valid_from, valid_to IS NULL FROM roster_spell");
    while (s.step()) {
      known[{s.text(1), s.text(2)}] = true;
      if (s.integer(5) == 0) continue;
      open[s.text(1)] = OpenSpell{s.integer(0), s.text(2), s.text(3), parseIsoDate(s.text(4)).value_or(kSinceAlways)};
    }
  }
  Statement close(db, "UPDATE roster_spell SET valid_to = ?2 WHERE rowid = ?1");
  const auto end = [&](const OpenSpell& o) {
    // Ends the day before `from`; a spell that began that very day keeps its one day.
    const LocalDate last = std::max(o.validFrom, civilFromDays(daysFromCivil(from) - 1));
    close.bind(1, o.rowid).bind(2, formatIsoDate(last)).run();
  };
  Statement add(db, "INSERT INTO roster_spell(participant_id, site_id, weekdays, valid_from, valid_to, source, "
                    "source_ref) VALUES (?1, ?2, ?3, ?4, ?5, 'bundle', ?6)");
  const std::string ref = std::to_string(version);
  for (const auto& p : roster.participants) {
    const std::string weekdays = formatWeekdays(p.expectedWeekdays);
    const auto it = open.find(p.id);
    if (p.active && it != open.end() && it->second.siteId == p.siteId && it->second.weekdays == weekdays) {
      open.erase(it);
      continue;
    }
    if (it != open.end()) {
      end(it->second);
      open.erase(it);
    }
    if (p.active) {
      add.bind(1, p.id).bind(2, p.siteId).bind(3, weekdays).bind(4, formatIsoDate(from)).bind(5, std::optional<std::string>{}).bind(6, ref).run();
    } else if (!known.count({p.id, p.siteId})) {
      // Inactive from the start: belongs to the site (their check-ins are not "unknown") but
      // is never expected.
      add.bind(1, p.id).bind(2, p.siteId).bind(3, std::string()).bind(4, formatIsoDate(from))
          .bind(5, formatIsoDate(from)).bind(6, ref).run();
    }
  }
  for (const auto& [id, o] : open) end(o); // no longer in the roster
}

std::vector<RosterSpell> readRosterSpells(store::Database& db) {
  std::vector<RosterSpell> out;
  Statement s(db, "SELECT participant_id, site_id, weekdays, valid_from, valid_to FROM roster_spell ORDER BY rowid");
  while (s.step()) {
    RosterSpell r;
    r.participantId = s.text(0);
    r.siteId = s.text(1);
    r.weekdays = parseWeekdays(s.text(2)).value_or(std::array<bool, 7>{});
    r.validFrom = parseIsoDate(s.text(3)).value_or(kSinceAlways);
    if (!s.isNull(4)) r.validTo = parseIsoDate(s.text(4)).value_or(kSinceAlways);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<NotOnRoster> checkInsNotOnRoster(store::Database& db) {
  std::vector<NotOnRoster> out;
  Statement s(db, "SELECT e.site_id, e.subject_id, count(DISTINCT e.local_date), "
                  "EXISTS (SELECT 1 FROM roster_spell a WHERE a.participant_id = e.subject_id) "
                  "FROM event e WHERE e.kind = 'CheckedIn' "
                  "AND NOT EXISTS (SELECT 1 FROM voided_event v WHERE v.id = e.id) "
                  "AND NOT EXISTS (SELECT 1 FROM roster_spell r WHERE r.participant_id = e.subject_id "
                  "AND r.site_id = e.site_id) GROUP BY e.site_id, e.subject_id ORDER BY e.site_id, e.subject_id");
  while (s.step()) {
    NotOnRoster n;
    n.siteId = s.text(0);
    n.participantId = s.text(1);
    n.checkIns = s.integer(2);
    n.otherSitesParticipant = s.integer(3) != 0;
    out.push_back(std::move(n));
  }
  return out;
}

} // namespace dagverk::central
