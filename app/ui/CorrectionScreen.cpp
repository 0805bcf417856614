// Correct a mistaken check-in or check-out: a Corrected event points at the original, with a
// reason. The original stays in the log.
#include "ui/Screens.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void drawCorrectionScreen(KioskUi& ui, const KioskModel& model) {
  if (!beginScreen("correction")) {
    endScreen();
    return;
  }
  const Participant* p = model.find(ui.selectedParticipant());
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const bool checkIn = ui.correctingCheckIn();
  if (staffBar(ui, model, checkIn ? "Rätta incheckning" : "Rätta utcheckning", "Avbryt") || !p) {
    ui.go(ScreenId::StaffDashboard);
    endScreen();
    return;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  drawPersonPicture(dl, ui.actions().pictureOf(*p), p->id, p->initials(), at, f * 3.0f, false, ui.fonts());
  ImGui::SetCursorScreenPos(ImVec2(at.x + f * 3.6f, at.y + f * 0.2f));
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted(p->displayName().c_str());
  ImGui::PopFont();
  ImGui::SetCursorScreenPos(ImVec2(at.x + f * 3.6f, at.y + f * 1.9f));
  ImGui::TextWrapped("%s", checkIn ? "Incheckningen tas bort: deltagaren räknas inte som här."
                                   : "Utcheckningen tas bort: deltagaren räknas som här igen.");
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + f * 3.8f));
  ImGui::TextWrapped("Det som rättas finns kvar i loggen, med din rättelse och orsaken.");
  ImGui::TextUnformatted("Orsak");
  for (size_t i = 0; i < correctionReasons().size(); ++i) {
    const auto& r = correctionReasons()[i];
    if (i > 0) ImGui::SameLine();
    if (chip(ui, std::string("reason-") + r.code, r.label, ui.formReason() == r.code, 0)) ui.formReason() = r.code;
  }
  if (!ui.formMessage().empty()) {
    errorText(ui.formMessage().c_str());
  }
  ImGui::SetCursorPosY(win.y - f * 3.0f);
  if (actionButton(ui, "save", "Rätta", theme::kNo, f * 8)) {
    if (ui.formReason().empty()) {
      ui.formMessage() = "Välj en orsak.";
    } else {
      const std::string err = ui.actions().correct(ui.formEventId(), ui.formReason(), ui.signedInStaff());
      if (err.empty()) ui.go(ScreenId::StaffDashboard);
      else ui.formMessage() = err;
    }
  }
  endScreen();
}

} // namespace dagverk::ui
