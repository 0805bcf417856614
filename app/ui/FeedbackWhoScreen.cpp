// "Tyck till", last step for someone who wants to talk about it: tap your own picture.
#include "ui/Screens.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void drawFeedbackWhoScreen(KioskUi& ui, const KioskModel& model) {
  if (!beginScreen("feedback-who")) {
    endScreen();
    return;
  }
  const float f = ImGui::GetFontSize();
  drawTopBar(ui, "Tryck på din bild", f, ImGui::GetWindowSize().x);
  const std::string tapped = participantGrid(ui, model, {}, {}, f * 3.3f);
  if (!tapped.empty()) {
    FeedbackGiven& d = ui.feedbackDraft();
    d.participantId = tapped;
    const std::string err = ui.actions().giveFeedback(d);
    if (err.empty()) {
      ui.go(ScreenId::Thanks, tapped);
    } else {
      ui.showError(err);
      ui.go(ScreenId::Home);
    }
  }
  drawErrorBanner(ui);
  endScreen();
}

} // namespace dagverk::ui
