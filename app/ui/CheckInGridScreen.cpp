// The check-in grid: one tile per participant with their picture and name, A–Ö strip to jump,
// drag to scroll with a finger or the mouse. Present participants are marked with a green check.
// A tap checks in (then "Välkommen"), or asks "Vill du gå hem?" of someone already here.
#include "ui/CheckInGridScreen.hpp"

#include "ui/Widgets.hpp"

#include <set>

namespace dagverk::ui {

void CheckInGridScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  drawTopBar(ui, "Tryck på din bild", f, ImGui::GetWindowSize().x);
  std::set<std::string> present;
  for (const auto& [pid, since] : model.presentSince) present.insert(pid);
  const std::string tapped = participantGrid(ui, model, present, {}, f * 3.3f, jumpTo_);
  if (!tapped.empty() && tapGuard_.accept(tapped, ui.clock().nowUtc())) {
    if (model.presentSince.count(tapped)) {
      ui.go(ScreenId::GoingHomeQuestion, tapped);
    } else {
      ui.request(cmd::CheckIn{tapped, std::nullopt}, [&ui, tapped](const std::string& error) {
        if (error.empty()) {
          ui.go(ScreenId::Welcome, tapped);
        } else {
          ui.showError(error);
          ui.go(ScreenId::Home);
        }
      });
    }
  }
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
