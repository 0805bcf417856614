// The survey: the city's three questions, one per screen, each with three picture answers
// (ja / ibland / nej). The answers are saved together, anonymously, after the third.
#include "ui/SurveyQuestionScreen.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void SurveyQuestionScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  auto& answers = flow_->answers;
  const auto& questions = surveyQuestions();
  const size_t index = std::min(answers.size(), questions.size() - 1);
  const std::string progress = "Fråga " + std::to_string(index + 1) + " av " + std::to_string(questions.size());
  drawTopBar(ui, progress.c_str(), f, win.x);
  ImGui::SetCursorPos(ImVec2(f, f * 3.8f));
  ImGui::PushFont(ui.fonts().title);
  ImGui::PushTextWrapPos(win.x - f);
  ImGui::TextUnformatted(questions[index].label);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();

  const auto& choices = surveyAnswers();
  const float gap = f * 1.2f;
  const float top = ImGui::GetCursorPosY() + f * 0.8f;
  const ImVec2 size((win.x - 2 * f - gap * 2) / 3, std::min(win.y - top - f, (win.x - 2 * f - gap * 2) / 3 + f));
  std::string chosen;
  for (size_t i = 0; i < choices.size(); ++i) {
    ImGui::SetCursorPos(ImVec2(f + static_cast<float>(i) * (size.x + gap), top));
    const std::string code = choices[i].code;
    if (pictureChoice(ui, "answer-" + code, choices[i].label, size, ui.fonts().title,
                      [&](ImDrawList* dl, ImVec2 c, float s) { drawFace(dl, code, c, s); }))
      chosen = code;
  }
  if (!chosen.empty()) {
    answers.push_back(chosen);
    if (answers.size() == questions.size()) {
      auto done = [&ui](const std::string& error) {
        if (error.empty()) {
          ui.go(ScreenId::Thanks);
        } else {
          ui.showError(error);
          ui.go(ScreenId::Home);
        }
      };
      if (model.surveyWindow)
        ui.request(cmd::AnswerSurvey{model.surveyWindow->windowId, flow_->participantId, answers}, done);
      else
        done("Enkäten är inte öppen.");
      answers.clear();
    } else {
      ui.noteInput();
    }
  }
}

Prompt SurveyQuestionScreen::prompt(KioskUi&, const KioskModel&) const {
  const auto& questions = surveyQuestions();
  return {questions[std::min(flow_->answers.size(), questions.size() - 1)].label};
}

} // namespace dagverk::ui
