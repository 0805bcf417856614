#include "store/Sessions.hpp"

#include "core/Error.hpp"
#include "store/KioskStore.hpp"

#include <algorithm>
#include <set>

namespace dagverk::store {

namespace {
constexpr const char* kEditedReason = "andrad"; // the reason of the Corrected that an edit appends

template <class T> void dedupe(std::vector<T>& v) {
  std::set<T> seen;
  v.erase(std::remove_if(v.begin(), v.end(), [&](const T& x) { return !seen.insert(x).second; }), v.end());
}

// The draft as an event payload, once everyone in it is known at the site.
ActivitySessionLogged sessionOf(const KioskStore& store, const SessionDraft& draft, const std::string& siteId) {
  const auto acts = store.roster().activities(siteId);
  if (std::none_of(acts.begin(), acts.end(), [&](const Activity& a) { return a.id == draft.activityId; }))
    throw DagverkError(ErrorCode::BadInput, "Aktiviteten finns inte på den här verksamheten.",
                       "activity " + draft.activityId + " is not in the catalogue of site " + siteId);
  ActivitySessionLogged s;
  s.activityId = draft.activityId;
  s.participantIds = draft.participantIds;
  dedupe(s.participantIds);
  for (const auto& pid : s.participantIds) {
    const Participant p = store.roster().participant(pid);
    if (p.siteId != siteId || !p.active)
      throw DagverkError(ErrorCode::UnknownParticipant, p.firstName + " hör inte till den här verksamheten.",
                         "participant " + pid + " does not belong to site " + siteId);
  }
  s.staffIds = draft.staffIds;
  dedupe(s.staffIds);
  for (const auto& sid : s.staffIds) store.roster().staffHere(sid);
  s.start = draft.start;
  s.end = draft.end;
  s.outing = draft.outing;
  s.place = draft.outing ? draft.place : std::string();
  s.note = draft.note;
  s.planned = draft.planned;
  return s;
}
} // namespace

std::vector<Event> logSession(KioskStore& store, const cmd::LogSession& c) {
  const SessionDraft& draft = c.draft;
  requireValid(validateSession(draft));
  store.roster().activeStaff(c.actorStaffId);
  const std::string siteId = store.roster().boundSiteId();
  ActivitySessionLogged s = sessionOf(store, draft, siteId);
  if (draft.replacesEventId.empty()) {
    if (!draft.sessionId.empty())
      throw DagverkError(ErrorCode::BadInput, "Ändringen saknar den version den ersätter. Öppna aktiviteten igen.",
                         "session id given without the event it replaces");
    s.sessionId = newUuid(store.clock().nowUtc());
    return store.events().appendAll(siteId, c.actorStaffId, {std::move(s)});
  }
  // The new version and the voiding of the old one: one transaction, all or nothing, and the
  // old version is checked under the same lock, so two edits cannot both replace it.
  return store.events().transact(siteId, c.actorStaffId, [&]() -> std::vector<EventPayload> {
    const auto old = store.events().find(draft.replacesEventId);
    const auto* oldSession = old ? std::get_if<ActivitySessionLogged>(&old->payload) : nullptr;
    if (!oldSession || old->siteId != siteId)
      throw DagverkError(ErrorCode::UnknownEvent, "Aktiviteten som ska ändras finns inte.",
                         "no session event " + draft.replacesEventId + " at site " + siteId);
    if (!draft.sessionId.empty() && draft.sessionId != oldSession->sessionId)
      throw DagverkError(ErrorCode::BadInput, "Ändringen hör till en annan aktivitet.",
                         "session id does not match the event it replaces");
    if (store.events().isVoided(old->id, oldSession->sessionId))
      throw DagverkError(ErrorCode::AlreadyCorrected, "Aktiviteten har redan ändrats. Öppna den igen.",
                         "session event " + old->id + " is already replaced");
    ActivitySessionLogged version = s;
    version.sessionId = oldSession->sessionId;
    return {std::move(version), Corrected{old->id, oldSession->sessionId, kEditedReason}};
  });
}

std::vector<ActivitySession> sessions(const KioskStore& store, const std::string& siteId, UtcMs from, UtcMs to) {
  const auto events = store.events().ofSite(siteId, kindList<ActivitySessionLogged, Corrected>());
  std::vector<ActivitySession> out;
  for (auto& s : currentSessions(events))
    if (s.data.start >= from && s.data.start < to) out.push_back(std::move(s));
  return out;
}

} // namespace dagverk::store
