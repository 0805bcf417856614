// "Välkommen, Anna!" with the picture and the time; home after 10 s or a tap; "Det är inte jag".
#include "core/LocalTime.hpp"
#include "ui/WelcomeScreen.hpp"
#include "core/SpokenName.hpp"
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
  // "Det är inte jag": the wrong picture was tapped. The check-in is voided (by the participant,
  // no staff needed) and the grid is back to find the right one. Not in the first second: a
  // double tap on a tile in the grid's bottom row must not land on it.
  const ImVec2 button(std::min(f * 10.0f, win.x - 2 * f), f * 2.4f);
  ImGui::SetCursorPos(ImVec2((win.x - button.x) / 2, win.y - button.y - f * 0.6f));
  const bool notMe = bigButton(ui, "not-me", "Det är inte jag", Icon::Cross, button, theme::kNo, IM_COL32_WHITE,
                               ui.fonts().large);
  if (notMe && ui.clock().nowUtc() - ui.enteredAt() >= kDoubleTapGuardMs) {
    for (const auto& d : model.day.present) {
      if (d.participantId != p.id) continue;
      ui.request(cmd::Correct{d.checkInEventId, "fel_person", ""}, [&ui](const std::string& error) {
        if (!error.empty()) ui.showError(error);
        ui.go(ScreenId::CheckInGrid);
      });
    }
  } else if (!notMe && tappedAnywhere(ui)) {
    ui.go(ScreenId::Home);
  }
}

Prompt WelcomeScreen::prompt(KioskUi& ui, const KioskModel& model) const {
  const Participant* p = model.find(ui.selectedParticipant());
  return p ? Prompt{"Välkommen, " + spokenName(*p) + "!", Chime::CheckIn} : Prompt{};
}

} // namespace dagverk::ui
