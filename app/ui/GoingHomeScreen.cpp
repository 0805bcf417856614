// "Vill du gå hem?" with a big green yes and a big red no. Yes checks out.
#include "ui/Screens.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void drawGoingHomeScreen(KioskUi& ui, const Participant& p) {
  if (!beginScreen("going-home")) {
    endScreen();
    return;
  }
  drawGreeting(ui, p, "Vill du gå hem, " + p.firstName + "?", "", theme::kText, 0.34f);
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const ImVec2 button(std::min(f * 10.0f, (win.x - 3 * f) / 2), std::min(f * 6.0f, win.y * 0.3f));
  const float gap = f * 1.5f;
  const float y = win.y - button.y - f * 1.2f;
  // A double tap on the tile must not answer the question it opened: the first second's taps
  // on the answers are ignored.
  const bool settled = ui.clock().nowUtc() - ui.enteredAt() >= kDoubleTapGuardMs;
  ImGui::SetCursorPos(ImVec2(win.x / 2 - button.x - gap / 2, y));
  const bool yes = bigButton(ui, "yes", "Ja", Icon::Check, button, theme::kYes, IM_COL32_WHITE, ui.fonts().title);
  ImGui::SetCursorPos(ImVec2(win.x / 2 + gap / 2, y));
  const bool no = bigButton(ui, "no", "Nej", Icon::Cross, button, theme::kNo, IM_COL32_WHITE, ui.fonts().title);
  if (settled && yes) ui.answerGoingHome(true);
  else if (settled && no) ui.answerGoingHome(false);
  endScreen();
}

} // namespace dagverk::ui
