// "Tack!" after "Tyck till" or the survey; home after 4 s or a tap.
#include "ui/ThanksScreen.hpp"
#include "core/SpokenName.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void ThanksScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const ImVec2 win = ImGui::GetWindowSize(), pos = ImGui::GetWindowPos();
  drawFace(ImGui::GetWindowDrawList(), "glad", ImVec2(pos.x + win.x / 2, pos.y + win.y * 0.32f), win.y * 0.36f);
  ImGui::SetCursorPosY(win.y * 0.56f);
  const Participant* p = model.find(ui.selectedParticipant());
  const std::string thanks = p ? "Tack, " + p->firstName + "!" : std::string("Tack!");
  centredText(thanks.c_str(), ui.fonts().title, theme::kYes);
  centredText(p ? "Någon kommer att prata med dig." : "Det du tycker är viktigt.", ui.fonts().large,
              theme::kMutedText);
  if (tappedAnywhere(ui)) ui.go(ScreenId::Home);
}

Prompt ThanksScreen::prompt(KioskUi& ui, const KioskModel& model) const {
  const Participant* p = model.find(ui.selectedParticipant());
  return {p ? "Tack, " + spokenName(*p) + "! Någon kommer att prata med dig." : "Tack! Det du tycker är viktigt."};
}

} // namespace dagverk::ui
