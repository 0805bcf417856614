#include "store/LateRegistration.hpp"

#include "core/Error.hpp"
#include "core/LateVisit.hpp"
#include "store/Database.hpp"
#include "store/KioskStore.hpp"

namespace dagverk::store {

namespace {

UtcMs startOf(LocalDate d) { return fromStockholm(d, 0, 0); }
UtcMs endOf(LocalDate d) { return fromStockholm(civilFromDays(daysFromCivil(d) + 1), 0, 0); }

} // namespace

std::vector<Event> lateVisitsOfDay(const KioskStore& store, const std::string& siteId, LocalDate day) {
  // Entered on or after the day itself (a later day, in fact: today is refused), so the search
  // starts there; the day it names is in the payload.
  const std::string date = formatIsoDate(day);
  std::vector<Event> out;
  for (auto& e : store.events().query("site_id = ?1 AND kind IN " + kindList<LateVisitRegistered>() +
                                          " AND recorded_utc >= ?2 ORDER BY recorded_utc, device_id, seq",
                                      [&](Statement& st) { st.bind(1, siteId).bind(2, startOf(day)); })) {
    const auto& v = std::get<LateVisitRegistered>(e.payload);
    if (v.date == date && !store.events().isVoided(e.id, v.participantId)) out.push_back(std::move(e));
  }
  return out;
}

std::set<std::string> registeredOnDay(const KioskStore& store, const std::string& siteId, LocalDate day) {
  std::set<std::string> out;
  for (const auto& e : store.events().query("site_id = ?1 AND kind IN " + kindList<CheckedIn>() +
                                                " AND recorded_utc >= ?2 AND recorded_utc < ?3",
                                            [&](Statement& st) {
                                              st.bind(1, siteId).bind(2, startOf(day)).bind(3, endOf(day));
                                            })) {
    const auto& in = std::get<CheckedIn>(e.payload);
    if (!store.events().isVoided(e.id, in.participantId)) out.insert(in.participantId);
  }
  for (const auto& e : lateVisitsOfDay(store, siteId, day))
    out.insert(std::get<LateVisitRegistered>(e.payload).participantId);
  return out;
}

std::vector<Event> registerLate(KioskStore& store, const cmd::RegisterLate& c) {
  store.roster().staffHere(c.actorStaffId); // throws UnknownStaff
  std::vector<Participant> people;
  for (const auto& l : c.lines) people.push_back(store.roster().participantHere(l.participantId));
  const std::string siteId = store.roster().boundSiteId();
  const auto decide = [&]() -> std::vector<EventPayload> {
    const LocalDate today = toStockholm(store.clock().nowUtc()).date;
    // The day is checked before it is read, so a refused day never scans the log.
    requireLateDay(c.day, today);
    const LateDecision d = decideLateVisits(c, today, registeredOnDay(store, siteId, c.day));
    if (d.visits.empty()) {
      const bool one = c.lines.size() == 1;
      const std::string day = formatIsoDate(c.day);
      throw DagverkError(ErrorCode::AlreadyPresent,
                         (one ? people.front().firstName + " är redan registrerad den dagen (" + day + ")."
                              : "Redan registrerade den dagen (" + day + "): alla som bockats för."),
                         (one ? "Deltagare " + c.lines.front().participantId + " är redan registrerad den dagen (" +
                                    day + ")."
                              : "Redan registrerade den dagen (" + day + "): alla som bockats för."),
                         "late registration: everyone already has a visit on " + day);
    }
    std::vector<EventPayload> out;
    for (const auto& v : d.visits) out.emplace_back(v);
    return out;
  };
  return store.events().transact(siteId, c.actorStaffId, decide);
}

} // namespace dagverk::store
