// Note why an expected participant is not here: sjuk, ledig, annan aktivitet, okänt, with an
// optional comment. Saved in one event when "Spara" is tapped; nothing before that.
#include "ui/AbsenceScreen.hpp"

#include "core/DayRecords.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void AbsenceScreen::open(KioskUi& ui, const std::string& participantId) {
  ui.go(kId, participantId);
  reason_.clear();
  comment_.clear();
}

void AbsenceScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const Participant* p = model.find(ui.selectedParticipant());
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Frånvaro", "Avbryt") || !p) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  const bool typing = keyboardHeight(editing_) > 0;
  if (!typing) { // while typing, the comment field moves up so the keyboard never covers it
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    drawPersonPicture(dl, ui.pictures().pictureOf(*p), p->id, p->initials(), at, f * 3.0f, false, ui.fonts());
    ImGui::SetCursorScreenPos(ImVec2(at.x + f * 3.6f, at.y + f * 0.6f));
    ImGui::PushFont(ui.fonts().large);
    ImGui::TextUnformatted((p->displayName() + " är inte här idag").c_str());
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + f * 3.6f));
    ImGui::TextUnformatted("Varför?");
    for (size_t i = 0; i < absenceReasons().size(); ++i) {
      const auto& r = absenceReasons()[i];
      if (i > 0) ImGui::SameLine();
      if (chip(ui, std::string("reason-") + r.code, r.label, reason_ == r.code, f * 7.0f)) reason_ = r.code;
    }
  }
  ImGui::Spacing();
  ImGui::TextUnformatted("Kommentar (frivillig)");
  textField(ui, editing_, "absence-comment", comment_, kMaxAbsenceCommentChars, "Skriv en kommentar …", win.x - f * 2, 2.6f);
  if (!message_.empty()) {
    errorText(message_.c_str());
  }
  if (keyboardHeight(editing_) == 0) {
    ImGui::SetCursorPosY(win.y - f * 3.0f);
    if (actionButton(ui, "save", "Spara frånvaro", theme::kYes, f * 10)) {
      if (reason_.empty()) {
        message_ = "Välj en orsak.";
      } else {
        ui.request(cmd::NoteAbsence{p->id, reason_, comment_, ui.signedInStaff()},
                   [this, &ui](const std::string& error) {
                     if (error.empty()) ui.go(ScreenId::StaffDashboard);
                     else message_ = error;
                   });
      }
    }
  }
  onScreenKeyboard(ui, editing_);
}

} // namespace dagverk::ui
