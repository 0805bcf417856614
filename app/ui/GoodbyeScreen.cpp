// "Hej då, Anna!" with the picture and the time; home after 4 s or a tap.
#include "core/LocalTime.hpp"
#include "ui/GoodbyeScreen.hpp"
#include "core/SpokenName.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void GoodbyeScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const Participant* who = model.find(ui.selectedParticipant());
  if (!who) return; // KioskUi closes the screen
  const Participant& p = *who;
  const std::string time = "Du gick " + formatHourMinute(toStockholm(ui.enteredAt()));
  const float y = drawGreeting(ui, p, "Hej då, " + p.firstName + "!", time, theme::kPrimary, 0.42f);
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize(), pos = ImGui::GetWindowPos();
  drawIcon(ImGui::GetWindowDrawList(), Icon::House, ImVec2(pos.x + win.x / 2, pos.y + y + f * 1.8f), f * 3.0f,
           theme::kPrimary);
  if (tappedAnywhere(ui)) ui.go(ScreenId::Home);
}

Prompt GoodbyeScreen::prompt(KioskUi& ui, const KioskModel& model) const {
  const Participant* p = model.find(ui.selectedParticipant());
  return p ? Prompt{"Hej då, " + spokenName(*p) + "!", Chime::CheckOut} : Prompt{};
}

} // namespace dagverk::ui
