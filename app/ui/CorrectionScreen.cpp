// Correct a mistaken check-in or check-out: a Corrected event points at the original, with a
// reason. The original stays in the log.
#include "ui/CorrectionScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void CorrectionScreen::open(KioskUi& ui, const std::string& participantId, const std::string& eventId,
                            bool checkIn) {
  ui.go(kId, participantId);
  eventId_ = eventId;
  checkIn_ = checkIn;
  reason_.clear();
}

void CorrectionScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const Participant* p = model.find(ui.selectedParticipant());
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const bool checkIn = checkIn_;
  if (staffBar(ui, model, checkIn ? "Rätta incheckning" : "Rätta utcheckning", "Avbryt") || !p) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  drawPersonPicture(dl, ui.pictures().pictureOf(*p), p->id, p->initials(), at, f * 3.0f, false, ui.fonts());
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
    if (chip(ui, std::string("reason-") + r.code, r.label, reason_ == r.code, 0)) reason_ = r.code;
  }
  if (!message_.empty()) {
    errorText(message_.c_str());
  }
  ImGui::SetCursorPosY(win.y - f * 3.0f);
  if (actionButton(ui, "save", "Rätta", theme::kNo, f * 8)) {
    if (reason_.empty()) {
      message_ = "Välj en orsak.";
    } else {
      ui.request(cmd::Correct{eventId_, reason_, ui.signedInStaff()}, [this, &ui](const std::string& error) {
        if (error.empty()) ui.go(ScreenId::StaffDashboard);
        else message_ = error;
      });
    }
  }
}

} // namespace dagverk::ui
