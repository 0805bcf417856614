#include "store/Correction.hpp"

#include "core/Error.hpp"
#include "core/SelfUndo.hpp"
#include "store/KioskStore.hpp"

namespace dagverk::store {

Event correct(KioskStore& store, const cmd::Correct& c) {
  requireValid(validateCorrectionReason(c.reasonCode));
  // "−1" on the home screen of an open meeting place and "Det är inte jag" on the welcome: the
  // person at the screen undoes their own tap, with no staff member signed in
  // (core/SelfUndo.hpp). Anything else needs staff.
  const bool doorUndo = c.actorStaffId.empty();
  if (!doorUndo) store.roster().activeStaff(c.actorStaffId);
  const std::string siteId = store.roster().boundSiteId();
  // The log sees the Corrected and rebuilds presence (table and memory) when it voids a visit.
  const auto decide = [&]() -> std::vector<EventPayload> {
    const auto target = store.events().find(c.eventId);
    if (!target || target->deviceId != store.deviceId() || target->siteId != siteId)
      throw DagverkError(ErrorCode::UnknownEvent, "Händelsen finns inte på den här kiosken.",
                         "no event " + c.eventId + " of this device and site");
    if (std::holds_alternative<Corrected>(target->payload))
      throw DagverkError(ErrorCode::BadInput, "En rättelse kan inte rättas i sin tur.",
                         "event " + c.eventId + " is itself a correction");
    if (doorUndo && !mayUndoWithoutStaff(*target, store.clock().nowUtc()))
      throw DagverkError(ErrorCode::BadInput, "Det här kan bara personal rätta.",
                         "correction without staff of event " + c.eventId +
                             " (only a door tally within a minute or one's own check-in within seconds)");
    const std::string subject = subjectOf(target->payload);
    if (store.events().isVoided(c.eventId, subject))
      throw DagverkError(ErrorCode::AlreadyCorrected, "Händelsen är redan rättad.",
                         "event " + c.eventId + " is already corrected");
    return {Corrected{c.eventId, subject, c.reasonCode}};
  };
  const std::optional<std::string> actor = doorUndo ? std::nullopt : std::optional<std::string>(c.actorStaffId);
  return store.events().transact(siteId, actor, decide).front();
}

} // namespace dagverk::store
