// "Tyck till", last step for someone who wants to talk about it: tap your own picture.
#include "ui/FeedbackWhoScreen.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void FeedbackWhoScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  drawTopBar(ui, "Tryck på din bild", f, ImGui::GetWindowSize().x);
  const std::string tapped = participantGrid(ui, model, {}, {}, f * 3.3f, jumpTo_);
  if (!tapped.empty()) {
    flow_->draft.participantId = tapped;
    ui.request(cmd::GiveFeedback{flow_->draft}, [&ui, tapped](const std::string& error) {
      if (error.empty()) {
        ui.go(ScreenId::Thanks, tapped);
      } else {
        ui.showError(error);
        ui.go(ScreenId::Home);
      }
    });
  }
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
