#include "store/CheckInOut.hpp"

#include "core/Error.hpp"
#include "store/KioskStore.hpp"

#include <algorithm>

namespace dagverk::store {

Event checkIn(KioskStore& store, const cmd::CheckIn& c) {
  const Participant p = store.roster().participantHere(c.participantId);
  runDayRollover(store);
  const auto decide = [&]() -> std::vector<EventPayload> {
    if (store.presence().isPresent(c.participantId))
      throw DagverkError(ErrorCode::AlreadyPresent, p.firstName + " är redan incheckad.",
                         "participant " + c.participantId + " is already checked in");
    return {CheckedIn{c.participantId, store.clock().nowUtc()}};
  };
  return store.events().transact(p.siteId, c.actorStaffId, decide).front();
}

Event checkOut(KioskStore& store, const cmd::CheckOut& c) {
  const Participant p = store.roster().participant(c.participantId);
  runDayRollover(store);
  const auto decide = [&]() -> std::vector<EventPayload> {
    const auto visit = store.presence().visit(c.participantId);
    if (!visit)
      throw DagverkError(ErrorCode::NotPresent,
                         p.firstName + " är inte incheckad och kan inte checka ut.",
                         "participant " + c.participantId + " is not checked in; nothing to check out");
    return {CheckedOut{c.participantId, store.clock().nowUtc(), false, visit->checkInEventId}};
  };
  return store.events().transact(store.roster().boundSiteId(), c.actorStaffId, decide).front();
}

Event staffCheckIn(KioskStore& store, const cmd::StaffCheckIn& c) {
  const StaffMember m = store.roster().staffHere(c.staffId);
  runDayRollover(store);
  const auto decide = [&]() -> std::vector<EventPayload> {
    if (store.staffPresence().isPresent(c.staffId))
      throw DagverkError(ErrorCode::AlreadyPresent, m.firstName + " är redan incheckad.",
                         "staff " + c.staffId + " is already checked in");
    return {StaffCheckedIn{c.staffId, store.clock().nowUtc()}};
  };
  return store.events().transact(store.roster().boundSiteId(), c.staffId, decide).front();
}

Event staffCheckOut(KioskStore& store, const cmd::StaffCheckOut& c) {
  const StaffMember m = store.roster().staffMember(c.staffId);
  runDayRollover(store);
  const auto decide = [&]() -> std::vector<EventPayload> {
    const auto visit = store.staffPresence().visit(c.staffId);
    if (!visit)
      throw DagverkError(ErrorCode::NotPresent, m.firstName + " är inte incheckad och kan inte checka ut.",
                         "staff " + c.staffId + " is not checked in; nothing to check out");
    return {StaffCheckedOut{c.staffId, store.clock().nowUtc(), false, visit->checkInEventId}};
  };
  return store.events().transact(store.roster().boundSiteId(), c.staffId, decide).front();
}

std::vector<Event> runDayRollover(KioskStore& store) {
  if (store.presence().count() == 0 && store.staffPresence().count() == 0) return {};
  // Cheap test first (this runs before every tap): is any visit from an earlier local day?
  const UtcMs now = store.clock().nowUtc();
  const UtcMs startOfToday = fromStockholm(toStockholm(now).date, 0, 0);
  const auto anyOld = [&](const PresenceBoard& b) {
    return std::any_of(b.openVisits().begin(), b.openVisits().end(),
                       [&](const auto& v) { return v.second.since < startOfToday; });
  };
  if (!anyOld(store.presence()) && !anyOld(store.staffPresence())) return {};
  const Site site = store.roster().site(store.roster().boundSiteId());
  // Decided under the write lock, so two processes never close the same visit twice.
  return store.events().transact(site.id, std::nullopt, [&] {
    std::vector<EventPayload> payloads;
    for (const auto& a : dayRollover(store.presence(), site, now))
      payloads.emplace_back(CheckedOut{a.participantId, a.at, true, a.checkInEventId});
    for (const auto& a : dayRollover(store.staffPresence(), site, now))
      payloads.emplace_back(StaffCheckedOut{a.participantId, a.at, true, a.checkInEventId});
    return payloads;
  });
}

DayOverview dayOverview(const KioskStore& store, const std::string& siteId, LocalDate day) {
  const auto events = store.events().ofDay(siteId, day);
  const auto participants = store.roster().participants(siteId);
  if (day == toStockholm(store.clock().nowUtc()).date)
    return buildDayOverview(participants, events, store.presence(), day);
  // Another day: who was still checked in at the end of it, from that day's events.
  PresenceBoard board;
  board.replay(events);
  return buildDayOverview(participants, events, board, day);
}

} // namespace dagverk::store
