#pragma once
// The quick survey: who is answering, then the answers so far, one question per screen; saved
// together after the last question.
#include <string>
#include <vector>

namespace dagverk::ui {

struct SurveyFlow {
  std::string participantId;
  std::vector<std::string> answers;
};

} // namespace dagverk::ui
