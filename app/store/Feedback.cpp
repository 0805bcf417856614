#include "store/Feedback.hpp"

#include "core/Error.hpp"
#include "core/Feedback.hpp"
#include "store/Database.hpp"
#include "store/KioskStore.hpp"

namespace dagverk::store {

std::optional<Event> giveFeedback(KioskStore& store, const cmd::GiveFeedback& c) {
  FeedbackGiven feedback = c.feedback;
  requireValid(validateFeedback(feedback));
  const std::string siteId = store.roster().boundSiteId();
  if (!feedback.participantId.empty()) {
    std::optional<Participant> p;
    try {
      p = store.roster().participant(feedback.participantId);
    } catch (const DagverkError&) {
    }
    if (!p || p->siteId != siteId || !p->active)
      throw DagverkError(ErrorCode::BadInput, "Deltagaren hör inte till den här verksamheten.",
                         "feedback: participant does not belong to site " + siteId);
  }
  auto appended = store.events().transact(siteId, std::nullopt, [&]() -> std::vector<EventPayload> {
    const UtcMs now = store.clock().nowUtc();
    // The pressed-twice guard: the previous "Tyck till" on this kiosk, read from the log (so it
    // holds across a restart too). A clock that went back does not block new entries.
    const auto last = store.events().query(
        "site_id = ?1 AND kind IN " + kindList<FeedbackGiven>() + " AND device_id = ?2 ORDER BY seq DESC LIMIT 1",
        [&](Statement& s) { s.bind(1, siteId).bind(2, store.deviceId()); });
    if (!last.empty()) {
      const std::int64_t since = now - last.front().recordedUtc;
      if (since >= 0 && since < kFeedbackGuardMs) return {};
    }
    feedback.feedbackId = newUuid(now);
    return {feedback};
  });
  if (appended.empty()) return std::nullopt;
  return std::move(appended.front());
}

std::vector<FeedbackGiven> feedbackToClassify(const KioskStore& store) {
  return unclassifiedFeedback(store.events().ofSite(store.roster().boundSiteId(),
                                                    kindList<FeedbackGiven, ComplaintRegistered, Corrected>()));
}

} // namespace dagverk::store
