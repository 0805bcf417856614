// The survey, step 1: "Vem är du?" — tap your picture. Those who already answered in this
// survey are pale; the kiosk remembers that they answered, never what.
#include "ui/Screens.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void drawSurveyWhoScreen(KioskUi& ui, const KioskModel& model) {
  if (!beginScreen("survey-who")) {
    endScreen();
    return;
  }
  const float f = ImGui::GetFontSize();
  drawTopBar(ui, "Vem är du?", f, ImGui::GetWindowSize().x);
  const std::string tapped = participantGrid(ui, model, {}, model.answeredSurvey, f * 3.3f);
  if (!tapped.empty()) {
    if (model.answeredSurvey.count(tapped)) {
      ui.showError("Du har redan svarat på frågorna. Tack!");
    } else {
      ui.surveyParticipant() = tapped;
      ui.surveyAnswers().clear();
      ui.go(ScreenId::SurveyQuestion);
    }
  }
  drawErrorBanner(ui);
  endScreen();
}

} // namespace dagverk::ui
