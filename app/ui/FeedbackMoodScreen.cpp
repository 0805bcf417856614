// "Tyck till", step 1: "Hur är det?" — three large faces: glad, mittemellan, ledsen.
#include "ui/FeedbackMoodScreen.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void FeedbackMoodScreen::onEnter(KioskUi&) { flow_->draft = FeedbackGiven{}; }

void FeedbackMoodScreen::drawContent(KioskUi& ui, const KioskModel&) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  drawTopBar(ui, "Hur är det?", f, win.x);
  const auto& moods = feedbackMoods();
  const float gap = f * 1.2f;
  const ImVec2 size((win.x - 2 * f - gap * 2) / 3, std::min(win.y - f * 6.0f, (win.x - 2 * f - gap * 2) / 3 + f * 2));
  std::string chosen;
  for (size_t i = 0; i < moods.size(); ++i) {
    ImGui::SetCursorPos(ImVec2(f + static_cast<float>(i) * (size.x + gap), f * 4.5f));
    const std::string code = moods[i].code;
    if (pictureChoice(ui, "mood-" + code, moods[i].label, size, ui.fonts().title,
                      [&](ImDrawList* dl, ImVec2 c, float s) { drawFace(dl, code, c, s); }))
      chosen = code;
  }
  if (!chosen.empty()) {
    flow_->draft.mood = chosen;
    ui.go(ScreenId::FeedbackTopic);
  }
}

} // namespace dagverk::ui
