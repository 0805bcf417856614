// "Välkommen, Anna!" with the picture and the time; home after 4 s or a tap.
#include "core/LocalTime.hpp"
#include "ui/WelcomeScreen.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void WelcomeScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const Participant* who = model.find(ui.selectedParticipant());
  if (!who) return; // KioskUi closes the screen
  const Participant& p = *who;
  const std::string time = "Du kom " + formatHourMinute(toStockholm(ui.enteredAt()));
  const float y = drawGreeting(ui, p, "Välkommen, " + p.firstName + "!", time, theme::kYes, 0.42f);
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize(), pos = ImGui::GetWindowPos();
  const float r = f * 1.6f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 c(pos.x + win.x / 2, pos.y + y + r + f * 0.5f);
  dl->AddCircleFilled(c, r, theme::kYes);
  drawIcon(dl, Icon::Check, c, r * 1.4f, IM_COL32_WHITE);
  if (tappedAnywhere(ui)) ui.go(ScreenId::Home);
}

} // namespace dagverk::ui
