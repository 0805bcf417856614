// "Koppla till central": whether the kiosk is connected (and the fingerprint both sides show),
// and a field for the one-time code. The kiosk learns central's keys only this way, never from
// the share alone; until then it sends nothing.
#include "ui/EnrolScreen.hpp"

#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

bool mayEnrol(const KioskModel& model, const std::string& staffId) {
  const StaffMember* s = model.findStaff(staffId);
  return s && s->role == StaffRole::Admin;
}

namespace {
void colouredWrapped(const std::string& text, ImU32 colour) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}
} // namespace

void EnrolScreen::onEnter(KioskUi& ui) {
  FormScreen::onEnter(ui);
  code_.clear();
  justEnrolled_ = false;
  ui.refreshSyncStatus(); // the share check and the fingerprint
}

void EnrolScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Koppla till central", "Tillbaka") || !mayEnrol(model, ui.signedInStaff())) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  const bool typing = keyboardHeight(editing_) > 0;
  const float width = win.x - f * 1.6f;
  if (!typing) { // while typing, the field moves up so the keyboard never covers it
    ImGui::PushFont(ui.fonts().large);
    if (model.enrolment.enrolled)
      colouredWrapped(justEnrolled_ ? "Kiosken är kopplad till central" : "Kopplad till central", theme::kYes);
    else
      colouredWrapped("Kiosken är inte kopplad till central", theme::kError);
    ImGui::PopFont();
    if (model.enrolment.enrolled && !model.enrolment.fingerprint.empty()) {
      const ImVec2 min = ImGui::GetCursorScreenPos();
      ImGui::TextUnformatted("Fingeravtryck:");
      ImGui::SameLine();
      ImGui::PushFont(ui.fonts().large);
      ImGui::TextUnformatted(model.enrolment.fingerprint.c_str());
      ImGui::PopFont();
      ui.rememberButton("enrol-fingerprint", min, ImVec2(min.x + width, ImGui::GetCursorScreenPos().y));
      ImGui::PushStyleColor(ImGuiCol_Text, theme::kMutedText);
      ImGui::TextWrapped("Centralen visar samma fingeravtryck när den har registrerat kiosken "
                         "(dagverk-central import eller enroll --accept). Jämför gärna.");
      ImGui::PopStyleColor();
    } else if (!model.enrolment.enrolled) {
      ImGui::TextWrapped("Tills kiosken är kopplad skickar den ingenting till den centrala mappen. Be den som sköter "
                         "centralen om en engångskod för den här verksamheten (dagverk-central enroll) och skriv "
                         "den nedan. Koden gäller i 24 timmar och kan bara användas en gång.");
    }
    if (model.sync.sharePath.empty())
      colouredWrapped("Ingen central mapp är inställd. Be IT ställa in den (dagverk settings --share).", theme::kError);
    ImGui::Dummy(ImVec2(0, f * 0.5f));
  }
  ImGui::TextUnformatted(model.enrolment.enrolled ? "Ny engångskod (för att koppla om kiosken)" : "Engångskod");
  const float fieldW = std::min(width, f * 16.0f);
  textField(ui, editing_, "enrol-code", code_, 14, "till exempel K7RM-4XQ2-HW", fieldW, 2.0f);
  if (!message_.empty()) errorText(message_.c_str());
  if (!typing) {
    ImGui::Dummy(ImVec2(0, f * 0.3f));
    const bool ready = !code_.empty() && !model.sync.sharePath.empty();
    if (actionButton(ui, "enrol-now", "Koppla", theme::kYes, f * 10, 2.0f, ready)) {
      message_.clear();
      justEnrolled_ = false;
      ui.enrol(ui.signedInStaff(), code_, [this](const std::string& error) {
        if (error.empty()) {
          code_.clear();
          justEnrolled_ = true;
        } else {
          message_ = error;
        }
      });
    }
  }
  onScreenKeyboard(ui, editing_);
}

} // namespace dagverk::ui
