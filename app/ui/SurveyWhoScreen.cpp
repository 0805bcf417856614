// The survey, step 1: "Vem är du?" — tap your picture. Those who already answered in this
// survey are pale; the kiosk remembers that they answered, never what.
#include "ui/SurveyWhoScreen.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void SurveyWhoScreen::onEnter(KioskUi&) {
  flow_->participantId.clear();
  flow_->answers.clear();
}

void SurveyWhoScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  drawTopBar(ui, "Vem är du?", f, ImGui::GetWindowSize().x);
  const std::string tapped = participantGrid(ui, model, {}, model.answeredSurvey, f * 3.3f, jumpTo_);
  if (!tapped.empty()) {
    if (model.answeredSurvey.count(tapped)) {
      ui.showError("Du har redan svarat på frågorna. Tack!");
    } else {
      flow_->participantId = tapped;
      flow_->answers.clear();
      ui.go(ScreenId::SurveyQuestion);
    }
  }
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
