// The check-in grid: one tile per participant with their picture and name, A–Ö strip to jump,
// drag to scroll with a finger or the mouse. Present participants are marked with a green check.
#include "ui/Screens.hpp"
#include "ui/Widgets.hpp"

#include <set>

namespace dagverk::ui {

void drawCheckInGridScreen(KioskUi& ui, const KioskModel& model) {
  if (!beginScreen("grid")) {
    endScreen();
    return;
  }
  const float f = ImGui::GetFontSize();
  drawTopBar(ui, "Tryck på din bild", f, ImGui::GetWindowSize().x);
  std::set<std::string> present;
  for (const auto& [pid, since] : model.presentSince) present.insert(pid);
  const std::string tapped = participantGrid(ui, model, present, {}, f * 3.3f);
  if (!tapped.empty()) ui.tapTile(model, tapped);
  drawErrorBanner(ui);
  endScreen();
}

} // namespace dagverk::ui
