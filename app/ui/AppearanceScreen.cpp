#include "ui/AppearanceScreen.hpp"

#include "ui/EnrolScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void AppearanceScreen::onEnter(KioskUi& ui) {
  FormScreen::onEnter(ui);
  chosen_.reset();
}

void AppearanceScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  if (staffBar(ui, model, "Utseende", "Tillbaka")) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  if (!mayEnrol(model, ui.signedInStaff())) { // the same admins who connect the kiosk
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  Appearance a = chosen_.value_or(model.appearance);
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted("Färger");
  ImGui::PopFont();
  if (chip(ui, "theme-standard", "Standard", a.theme == ThemeKind::Standard)) a.theme = ThemeKind::Standard;
  ImGui::SameLine();
  if (chip(ui, "theme-high-contrast", "Hög kontrast", a.theme == ThemeKind::HighContrast))
    a.theme = ThemeKind::HighContrast;
  ImGui::Dummy(ImVec2(1, f * 0.4f));
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted("Textstorlek för deltagarna");
  ImGui::PopFont();
  if (chip(ui, "text-1", "Normal", a.textScale < 1.2f)) a.textScale = 1.0f;
  ImGui::SameLine();
  if (chip(ui, "text-1.25", "Större (1,25)", a.textScale > 1.2f && a.textScale < 1.4f)) a.textScale = 1.25f;
  ImGui::SameLine();
  if (chip(ui, "text-1.5", "Störst (1,5)", a.textScale > 1.4f)) a.textScale = 1.5f;
  if (a != model.appearance) chosen_ = a;
  else chosen_.reset();
  ImGui::Dummy(ImVec2(1, f * 0.6f));
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kMutedText);
  ImGui::PushTextWrapPos(ImGui::GetWindowWidth() - f);
  ImGui::TextWrapped("Hög kontrast: svart text på vitt och tydliga kanter på allt som går att trycka på. "
                     "Större text gäller det deltagarna läser: frågor, namn och knappar.");
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::Dummy(ImVec2(1, f * 0.4f));
  if (actionButton(ui, "appearance-save", "Spara", theme::kYes, f * 8.0f, 2.2f, chosen_.has_value())) {
    ui.saveAppearance(ui.signedInStaff(), a, [this](const std::string& error) {
      message_ = error.empty() ? "Sparat." : error;
      chosen_.reset();
    });
  }
  if (!message_.empty()) {
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + f * 0.6f);
    if (message_ == "Sparat.") ImGui::TextUnformatted(message_.c_str());
    else errorText(message_);
  }
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
