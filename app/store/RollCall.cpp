#include "store/RollCall.hpp"

#include "core/Error.hpp"
#include "store/Database.hpp"
#include "store/KioskStore.hpp"

#include <algorithm>

namespace dagverk::store {

namespace {
// The roll call's event of one kind (for a mark: the mark of this person).
template <class Payload>
std::optional<Event> rollCallEvent(const KioskStore& store, const std::string& rollCallId,
                                   const std::string& personId = {}) {
  for (auto& e : store.events().aboutSubject(rollCallId, kindList<Payload>())) {
    const auto* m = std::get_if<RollCallMarkedSafe>(&e.payload);
    if (!m || m->personId == personId) return std::move(e);
  }
  return std::nullopt;
}

[[noreturn]] void noSuchRollCall(const std::string& rollCallId) {
  throw DagverkError(ErrorCode::UnknownEvent, "Utrymningen finns inte, eller har en nyare startats.",
                     "roll call " + rollCallId + " is not the latest of this site");
}

// Who took a roll-call step, if known. The roll call needs no PIN (anyone in a fire needs the
// list), so a step taken from the home screen has no actor; a named one must be active staff.
std::optional<std::string> rollCallActor(const KioskStore& store, const std::string& actorStaffId) {
  if (actorStaffId.empty()) return std::nullopt;
  store.roster().activeStaff(actorStaffId);
  return actorStaffId;
}

// A step that may already have been taken: `decide` either returns the payload to append or
// leaves the event that stands in `standing`.
Event appendUnlessDone(KioskStore& store, const std::string& actorStaffId, std::optional<Event>& standing,
                       const EventLog::Decide& decide) {
  auto appended = store.events().transact(store.roster().boundSiteId(), rollCallActor(store, actorStaffId), decide);
  if (!appended.empty()) return std::move(appended.front());
  return std::move(*standing);
}
} // namespace

Event startRollCall(KioskStore& store, const cmd::StartRollCall& c) {
  const std::string siteId = store.roster().boundSiteId();
  runDayRollover(store);
  std::optional<Event> standing;
  return appendUnlessDone(store, c.actorStaffId, standing, [&]() -> std::vector<EventPayload> {
    // One roll call at a time: a second start (a double tap, a second kiosk screen) joins the open one.
    if (const auto open = latestRollCall(store); open && !open->ended)
      if ((standing = rollCallEvent<RollCallStarted>(store, open->rollCallId))) return {};
    RollCallStarted r;
    r.rollCallId = newUuid(store.clock().nowUtc());
    for (const auto& p : store.roster().participants(siteId)) // Swedish name order
      if (store.presence().isPresent(p.id)) r.expectedIds.push_back(p.id);
    for (const auto& m : store.roster().staff(siteId))
      if (store.staffPresence().isPresent(m.id)) r.expectedIds.push_back(m.id);
    return {std::move(r)};
  });
}

Event markSafe(KioskStore& store, const cmd::MarkSafe& c) {
  std::optional<Event> standing;
  return appendUnlessDone(store, c.actorStaffId, standing, [&]() -> std::vector<EventPayload> {
    const auto state = latestRollCall(store);
    if (!state || state->rollCallId != c.rollCallId) noSuchRollCall(c.rollCallId);
    if (state->ended)
      throw DagverkError(ErrorCode::BadInput, "Utrymningen är redan avslutad.",
                         "roll call " + c.rollCallId + " has ended");
    if (std::find(state->expectedIds.begin(), state->expectedIds.end(), c.personId) == state->expectedIds.end())
      throw DagverkError(ErrorCode::BadInput, "Personen finns inte på listan för den här utrymningen.",
                         "person " + c.personId + " is not on roll call " + c.rollCallId);
    // Marking twice changes nothing: the first mark stands and is returned.
    if (state->safeIds.count(c.personId))
      if ((standing = rollCallEvent<RollCallMarkedSafe>(store, c.rollCallId, c.personId))) return {};
    return {RollCallMarkedSafe{c.rollCallId, c.personId}};
  });
}

Event endRollCall(KioskStore& store, const cmd::EndRollCall& c) {
  std::optional<Event> standing;
  return appendUnlessDone(store, c.actorStaffId, standing, [&]() -> std::vector<EventPayload> {
    const auto state = latestRollCall(store);
    if (!state || state->rollCallId != c.rollCallId) noSuchRollCall(c.rollCallId);
    // Ending twice changes nothing: the first end stands and is returned.
    if (state->ended)
      if ((standing = rollCallEvent<RollCallEnded>(store, c.rollCallId))) return {};
    return {RollCallEnded{c.rollCallId, state->remaining()}};
  });
}

std::optional<RollCallState> latestRollCall(const KioskStore& store) {
  const std::string siteId = store.roster().boundSiteId();
  const auto last = store.events().query("site_id = ?1 AND kind IN " + kindList<RollCallStarted>() +
                                             " ORDER BY recorded_utc DESC, seq DESC LIMIT 1",
                                         [&](Statement& s) { s.bind(1, siteId); });
  if (last.empty()) return std::nullopt;
  const std::string rollCallId = subjectOf(last.front().payload);
  const auto events = store.events().query(
      "subject_id = ?1 AND site_id = ?2 AND kind IN " + kindList<RollCallStarted, RollCallMarkedSafe, RollCallEnded>() +
          " ORDER BY device_id, seq",
      [&](Statement& s) { s.bind(1, rollCallId).bind(2, siteId); });
  return dagverk::latestRollCall(events);
}

} // namespace dagverk::store
