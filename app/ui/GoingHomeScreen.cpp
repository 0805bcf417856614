// "Vill du gå hem?" with a big green yes and a big red no. Yes checks out.
#include "ui/GoingHomeScreen.hpp"
#include "core/SpokenName.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void GoingHomeScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const Participant* who = model.find(ui.selectedParticipant());
  if (!who) return; // KioskUi closes the screen
  const Participant& p = *who;
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
  // Until then the answers look disabled, so the wait is visible.
  const bool yes = bigButton(ui, "yes", "Ja", Icon::Check, button, settled ? theme::kYes : theme::kDisabledButton,
                             IM_COL32_WHITE, ui.fonts().title);
  ImGui::SetCursorPos(ImVec2(win.x / 2 + gap / 2, y));
  const bool no = bigButton(ui, "no", "Nej", Icon::Cross, button, settled ? theme::kNo : theme::kDisabledButton,
                            IM_COL32_WHITE, ui.fonts().title);
  if (settled && yes) {
    const std::string id = p.id;
    ui.request(cmd::CheckOut{id, std::nullopt}, [&ui, id](const std::string& error) {
      if (error.empty()) {
        ui.go(ScreenId::Goodbye, id);
      } else {
        ui.showError(error);
        ui.go(ScreenId::Home);
      }
    });
  } else if (settled && no) {
    ui.go(ScreenId::Home);
  }
}

Prompt GoingHomeScreen::prompt(KioskUi& ui, const KioskModel& model) const {
  const Participant* p = model.find(ui.selectedParticipant());
  return p ? Prompt{"Vill du gå hem, " + spokenName(*p) + "?"} : Prompt{};
}

} // namespace dagverk::ui
