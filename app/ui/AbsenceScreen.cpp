// Note why an expected participant is not here: sjuk, ledig, annan aktivitet, okänt, with an
// optional comment. Saved in one event when "Spara" is tapped; nothing before that.
#include "ui/Screens.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void drawAbsenceScreen(KioskUi& ui, const KioskModel& model) {
  if (!beginScreen("absence")) {
    endScreen();
    return;
  }
  const Participant* p = model.find(ui.selectedParticipant());
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Frånvaro", "Avbryt") || !p) {
    ui.go(ScreenId::StaffDashboard);
    endScreen();
    return;
  }
  const bool typing = keyboardHeight(ui) > 0;
  if (!typing) { // while typing, the comment field moves up so the keyboard never covers it
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    drawPersonPicture(dl, ui.actions().pictureOf(*p), p->id, p->initials(), at, f * 3.0f, false, ui.fonts());
    ImGui::SetCursorScreenPos(ImVec2(at.x + f * 3.6f, at.y + f * 0.6f));
    ImGui::PushFont(ui.fonts().large);
    ImGui::TextUnformatted((p->displayName() + " är inte här idag").c_str());
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + f * 3.6f));
    ImGui::TextUnformatted("Varför?");
    for (size_t i = 0; i < absenceReasons().size(); ++i) {
      const auto& r = absenceReasons()[i];
      if (i > 0) ImGui::SameLine();
      if (chip(ui, std::string("reason-") + r.code, r.label, ui.formReason() == r.code, f * 7.0f))
        ui.formReason() = r.code;
    }
  }
  ImGui::Spacing();
  ImGui::TextUnformatted("Kommentar (frivillig)");
  textField(ui, "absence-comment", ui.formComment(), 500, "Skriv en kommentar …", win.x - f * 2, 2.6f);
  if (!ui.formMessage().empty()) {
    errorText(ui.formMessage().c_str());
  }
  if (keyboardHeight(ui) == 0) {
    ImGui::SetCursorPosY(win.y - f * 3.0f);
    if (actionButton(ui, "save", "Spara frånvaro", theme::kYes, f * 10)) {
      if (ui.formReason().empty()) {
        ui.formMessage() = "Välj en orsak.";
      } else {
        const std::string who = p->id;
        const std::string err = ui.actions().noteAbsence(who, ui.formReason(), ui.formComment(), ui.signedInStaff());
        if (err.empty()) ui.go(ScreenId::StaffDashboard);
        else ui.formMessage() = err;
      }
    }
  }
  onScreenKeyboard(ui);
  endScreen();
}

} // namespace dagverk::ui
