#include "store/CheckInOut.hpp"

#include "core/Error.hpp"
#include "core/LocalTime.hpp"
#include "store/KioskStore.hpp"

#include <algorithm>

namespace dagverk::store {

namespace {
// The refusals name the person on the touch screen and only the id on the command line.
[[noreturn]] void refuseAlreadyIn(const std::string& firstName, const std::string& who, const std::string& id) {
  throw DagverkError(ErrorCode::AlreadyPresent, firstName + " är redan incheckad.",
                     who + " " + id + " är redan incheckad.", "person " + id + " is already checked in");
}

[[noreturn]] void refuseNotIn(const std::string& firstName, const std::string& who, const std::string& id) {
  throw DagverkError(ErrorCode::NotPresent, firstName + " är inte incheckad och kan inte checka ut.",
                     who + " " + id + " är inte incheckad och kan inte checka ut.",
                     "person " + id + " is not checked in; nothing to check out");
}

// A check-out is never recorded before the check-in it closes: when the clock has moved back
// since the check-in, staff must see the clock fault, not a visit of negative length.
void refuseBeforeCheckIn(const std::string& firstName, const std::string& who, const std::string& id,
                         const OpenVisit& visit, UtcMs now) {
  if (now >= visit.since) return;
  const std::string times = "checkades in kl. " + formatHourMinute(toStockholm(visit.since)) +
                            ", men klockan är nu " + formatHourMinute(toStockholm(now)) +
                            ". Utcheckningen sparades inte; be personalen kontrollera klockan.";
  throw DagverkError(ErrorCode::CheckOutBeforeCheckIn, firstName + " " + times, who + " " + id + " " + times,
                     "person " + id + ": check-out would come " + std::to_string(visit.since - now) +
                         " ms before its check-in; the clock has moved back");
}

// Appends the check-out `decide` makes. A second close of the same visit is refused by the
// schema (visit_close) even if a decision was ever made on stale memory; either refusal reaches
// the person as "not checked in".
template <class Decide, class Refuse>
Event closeVisit(KioskStore& store, const std::string& siteId, const std::optional<std::string>& actorStaffId,
                 const Decide& decide, const Refuse& refuse) {
  try {
    return store.events().transact(siteId, actorStaffId, decide).front();
  } catch (const DagverkError& e) {
    if (e.code() == ErrorCode::NotPresent) refuse();
    throw;
  }
}
} // namespace

Event checkIn(KioskStore& store, const cmd::CheckIn& c) {
  const Participant p = store.roster().participantHere(c.participantId);
  runDayRollover(store);
  const auto decide = [&]() -> std::vector<EventPayload> {
    if (store.presence().isPresent(c.participantId)) refuseAlreadyIn(p.firstName, "Deltagare", c.participantId);
    return {CheckedIn{c.participantId, store.clock().nowUtc()}};
  };
  return store.events().transact(p.siteId, c.actorStaffId, decide).front();
}

Event checkOut(KioskStore& store, const cmd::CheckOut& c) {
  const Participant p = store.roster().participant(c.participantId);
  runDayRollover(store);
  const auto decide = [&]() -> std::vector<EventPayload> {
    const auto visit = store.presence().visit(c.participantId);
    if (!visit) refuseNotIn(p.firstName, "Deltagare", c.participantId);
    const UtcMs now = store.clock().nowUtc();
    refuseBeforeCheckIn(p.firstName, "Deltagare", c.participantId, *visit, now);
    return {CheckedOut{c.participantId, now, false, visit->checkInEventId}};
  };
  return closeVisit(store, store.roster().boundSiteId(), c.actorStaffId, decide,
                    [&] { refuseNotIn(p.firstName, "Deltagare", c.participantId); });
}

Event staffCheckIn(KioskStore& store, const cmd::StaffCheckIn& c) {
  const StaffMember m = store.roster().staffHere(c.staffId);
  runDayRollover(store);
  const auto decide = [&]() -> std::vector<EventPayload> {
    if (store.staffPresence().isPresent(c.staffId)) refuseAlreadyIn(m.firstName, "Personal", c.staffId);
    return {StaffCheckedIn{c.staffId, store.clock().nowUtc()}};
  };
  return store.events().transact(store.roster().boundSiteId(), c.staffId, decide).front();
}

Event staffCheckOut(KioskStore& store, const cmd::StaffCheckOut& c) {
  const StaffMember m = store.roster().staffMember(c.staffId);
  runDayRollover(store);
  const auto decide = [&]() -> std::vector<EventPayload> {
    const auto visit = store.staffPresence().visit(c.staffId);
    if (!visit) refuseNotIn(m.firstName, "Personal", c.staffId);
    const UtcMs now = store.clock().nowUtc();
    refuseBeforeCheckIn(m.firstName, "Personal", c.staffId, *visit, now);
    return {StaffCheckedOut{c.staffId, now, false, visit->checkInEventId}};
  };
  return closeVisit(store, store.roster().boundSiteId(), c.staffId, decide,
                    [&] { refuseNotIn(m.firstName, "Personal", c.staffId); });
}

std::vector<Event> runDayRollover(KioskStore& store) {
  if (store.presence().count() == 0 && store.staffPresence().count() == 0) return {};
  // Cheap test first (this runs before every tap): is any visit from another local day?
  const UtcMs now = store.clock().nowUtc();
  if (!rolloverDue(store.presence(), now) && !rolloverDue(store.staffPresence(), now)) return {};
  const Site site = store.roster().site(store.roster().boundSiteId());
  // Decided under the write lock, so two processes never close the same visit twice (and the
  // schema refuses a second close of a visit should that ever change).
  try {
    return store.events().transact(site.id, std::nullopt, [&] {
      std::vector<EventPayload> payloads;
      for (const auto& a : dayRollover(store.presence(), site, now))
        payloads.emplace_back(CheckedOut{a.participantId, a.at, true, a.checkInEventId, a.clockFault});
      for (const auto& a : dayRollover(store.staffPresence(), site, now))
        payloads.emplace_back(StaffCheckedOut{a.participantId, a.at, true, a.checkInEventId, a.clockFault});
      return payloads;
    });
  } catch (const DagverkError& e) {
    if (e.code() != ErrorCode::NotPresent) throw;
    return {}; // another writer closed these visits first: nothing left to do
  }
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
