#include "store/Absence.hpp"

#include "core/Error.hpp"
#include "store/KioskStore.hpp"

namespace dagverk::store {

Event noteAbsence(KioskStore& store, const cmd::NoteAbsence& c) {
  requireValid(validateAbsence(c.reasonCode, c.comment));
  store.roster().activeStaff(c.actorStaffId);
  const Participant p = store.roster().participantHere(c.participantId);
  runDayRollover(store);
  const auto decide = [&]() -> std::vector<EventPayload> {
    if (store.presence().isPresent(c.participantId))
      throw DagverkError(
          ErrorCode::PresentNotAbsent,
          p.firstName + " är incheckad just nu och kan inte vara frånvarande. Checka ut först.",
          "participant " + c.participantId + " is checked in; not noted absent");
    const LocalDate today = toStockholm(store.clock().nowUtc()).date;
    return {AbsenceNoted{c.participantId, formatIsoDate(today), c.reasonCode, c.comment}};
  };
  return store.events().transact(p.siteId, c.actorStaffId, decide).front();
}

} // namespace dagverk::store
