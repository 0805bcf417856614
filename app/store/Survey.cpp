#include "store/Survey.hpp"

#include "core/Error.hpp"
#include "store/Database.hpp"
#include "store/KioskStore.hpp"

namespace dagverk::store {

Event openSurveyWindow(KioskStore& store, const cmd::OpenSurveyWindow& c) {
  requireValid(validateSurveyWindow(c.from, c.to));
  store.roster().activeStaff(c.actorStaffId);
  return store.events().append(store.roster().boundSiteId(), c.actorStaffId,
                               SurveyWindowOpened{newUuid(store.clock().nowUtc()), formatIsoDate(c.from),
                                                  formatIsoDate(c.to)});
}

Event answerSurvey(KioskStore& store, const cmd::AnswerSurvey& c) {
  const std::string siteId = store.roster().boundSiteId();
  const auto already = [&] {
    return DagverkError(ErrorCode::BadInput, "Du har redan svarat på frågorna den här gången. Tack!",
                        "participant " + c.participantId + " has already answered in window " + c.windowId);
  };
  // Who answered and what was answered: one transaction, so neither is kept without the other.
  // The participation row has no time; the event carries no participant.
  const auto decide = [&]() -> std::vector<EventPayload> {
    const LocalDate today = toStockholm(store.clock().nowUtc()).date;
    requireValid(validateSurveyAnswer(surveyWindow(store), c.windowId, today, c.answers));
    store.roster().participantHere(c.participantId);
    Statement ins(store.database(),
                  "INSERT OR IGNORE INTO survey_participation(window_id, participant_id) VALUES (?1, ?2)");
    ins.bind(1, c.windowId).bind(2, c.participantId).run();
    if (sqlite3_changes(store.database().handle()) == 0) throw already(); // rolled back
    return {SurveyAnswered{c.windowId, c.answers}};
  };
  return store.events().transact(siteId, std::nullopt, decide).front();
}

std::optional<SurveyWindow> surveyWindow(const KioskStore& store) {
  return latestSurveyWindow(
      store.events().ofSite(store.roster().boundSiteId(), kindList<SurveyWindowOpened, Corrected>()));
}

bool hasAnswered(const KioskStore& store, const std::string& windowId, const std::string& participantId) {
  Statement s(store.database(),
              "SELECT 1 FROM survey_participation WHERE window_id = ?1 AND participant_id = ?2");
  s.bind(1, windowId).bind(2, participantId);
  return s.step();
}

SurveyResult surveyResult(const KioskStore& store, const std::string& windowId) {
  const std::string siteId = store.roster().boundSiteId();
  const auto events = store.events().query(
      "site_id = ?1 AND ((kind IN " + kindList<SurveyAnswered>() + " AND subject_id = ?2) OR kind IN " +
          kindList<Corrected>() + ") ORDER BY device_id, seq",
      [&](Statement& s) { s.bind(1, siteId).bind(2, windowId); });
  return dagverk::surveyResult(events, windowId);
}

} // namespace dagverk::store
