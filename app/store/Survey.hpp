#pragma once
// The quick survey: staff open a window; during it each participant may answer once. The
// answers carry no participant; who answered is a kiosk-only table with no time column, so who
// cannot be linked to what.
#include "core/Command.hpp"
#include "core/Event.hpp"
#include "core/Feedback.hpp"

#include <optional>
#include <string>

namespace dagverk::store {

class KioskStore;

// Throws BadInput if the window ends before it starts.
Event openSurveyWindow(KioskStore& store, const cmd::OpenSurveyWindow& c);
// Records the answers anonymously and the participant as having answered, in one transaction.
// Throws BadInput outside an open window, for a second answer in the same window, or for
// answers that are not three of ja/ibland/nej; UnknownParticipant.
Event answerSurvey(KioskStore& store, const cmd::AnswerSurvey& c);

// The latest window at this site (open or past).
std::optional<SurveyWindow> surveyWindow(const KioskStore& store);
// Whether this participant has answered in the window (the kiosk keeps who, never what).
bool hasAnswered(const KioskStore& store, const std::string& windowId, const std::string& participantId);
SurveyResult surveyResult(const KioskStore& store, const std::string& windowId);

} // namespace dagverk::store
