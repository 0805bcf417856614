// "Tyck till", last step for someone who wants to talk about it: tap your own picture. The
// header carries the "Tyck till" colour, its speech bubble and the "prata med någon" pictogram,
// so the screen does not look like the check-in grid (which checks in whoever is tapped).
#include "ui/FeedbackWhoScreen.hpp"
#include "core/Pictograms.hpp"
#include "ui/PictogramWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/ThanksScreen.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

namespace {
void drawFeedbackHeader(KioskUi& ui, float f, float width) {
  const ImVec2 pos = ImGui::GetWindowPos();
  const float height = f * 3.2f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), theme::kYes);
  ImGui::SetCursorPos(ImVec2(f * 0.6f, f * 0.4f));
  if (bigButton(ui, "home", "Tillbaka", Icon::House, ImVec2(f * 8.5f, f * 2.4f), theme::kPrimary, IM_COL32_WHITE,
                ui.fonts().large))
    ui.go(ScreenId::Home);
  const char* title = "Tyck till: tryck på din bild";
  ImFont* font = ui.fonts().title;
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, title);
  const float icon = f * 2.2f;
  const float x = std::max(f * 10.0f, (width - ts.x - icon * 1.3f) / 2);
  const float cy = pos.y + height / 2;
  if (!drawPictogram(ui, dl, kPictogramTalk, ImVec2(pos.x + x + icon / 2, cy), icon, "feedback-who-header"))
    drawIcon(dl, Icon::Speech, ImVec2(pos.x + x + icon / 2, cy), icon, IM_COL32_WHITE);
  dl->AddText(font, font->FontSize, ImVec2(pos.x + x + icon * 1.3f, cy - ts.y / 2), IM_COL32_WHITE, title);
}
} // namespace

void FeedbackWhoScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  drawFeedbackHeader(ui, f, ImGui::GetWindowSize().x);
  const std::string tapped = participantGrid(ui, model, {}, {}, f * 3.6f, jumpTo_);
  if (!tapped.empty()) {
    flow_->draft.participantId = tapped;
    ui.request(cmd::GiveFeedback{flow_->draft}, [&ui, tapped, draft = flow_->draft](const std::string& error) {
      if (error.empty()) {
        ui.screen<ThanksScreen>().show(draft);
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
