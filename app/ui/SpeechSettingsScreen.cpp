// "Tal": three rows of large controls (on/off, volume, rate) and "Spara", which stores the
// settings and lets the kiosk say a sentence with them, so staff hear what they chose.
#include "ui/SpeechSettingsScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/SyncScreen.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

namespace {
void rowLabel(const char* label, ImFont* font, float x, float y) {
  ImGui::SetCursorPos(ImVec2(x, y));
  ImGui::PushFont(font);
  ImGui::TextUnformatted(label);
  ImGui::PopFont();
}
} // namespace

void SpeechSettingsScreen::onEnter(KioskUi& ui) {
  FormScreen::onEnter(ui);
  loaded_ = false;
}

void SpeechSettingsScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  if (staffBar(ui, model, "Tal", "Tillbaka") || !maySync(model, ui.signedInStaff())) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  if (!std::exchange(loaded_, true)) draft_ = model.speech.settings;
  const float top = ImGui::GetCursorPosY() + f * 0.5f;
  // Wide enough for "Långsammare" and "260 ord/min" in their fonts, at both screen sizes.
  const float labelX = f * 1.0f, controlX = f * 10.0f, rowH = f * 3.4f;
  const float small = f * 7.0f, value = f * 10.5f;
  auto at = [&](float x, int row) { ImGui::SetCursorPos(ImVec2(x, top + static_cast<float>(row) * rowH)); };

  rowLabel("Tal", ui.fonts().large, labelX, top + f * 0.5f);
  at(controlX, 0);
  if (chip(ui, "speech-on", "På", draft_.on, small)) draft_.on = true;
  ImGui::SameLine();
  if (chip(ui, "speech-off", "Av", !draft_.on, small)) draft_.on = false;

  rowLabel("Volym", ui.fonts().large, labelX, top + rowH + f * 0.5f);
  at(controlX, 1);
  if (actionButton(ui, "volume-down", "Lägre", theme::kPrimary, small, 2.5f, draft_.volume > 0))
    draft_.volume = std::max(0, draft_.volume - kVolumeStep);
  ImGui::SameLine();
  const std::string volume = std::to_string(draft_.volume) + " %";
  rowLabel(volume.c_str(), ui.fonts().large, controlX + small + f * 0.8f, top + rowH + f * 0.5f);
  at(controlX + small + value, 1);
  if (actionButton(ui, "volume-up", "Högre", theme::kPrimary, small, 2.5f, draft_.volume < 100))
    draft_.volume = std::min(100, draft_.volume + kVolumeStep);

  rowLabel("Hastighet", ui.fonts().large, labelX, top + 2 * rowH + f * 0.5f);
  at(controlX, 2);
  if (actionButton(ui, "rate-down", "Långsammare", theme::kPrimary, small, 2.5f,
                   draft_.rate > SpeechSettings::kMinRate))
    draft_.rate = std::max(SpeechSettings::kMinRate, draft_.rate - kRateStep);
  const std::string rate = std::to_string(draft_.rate) + " ord/min";
  rowLabel(rate.c_str(), ui.fonts().large, controlX + small + f * 0.8f, top + 2 * rowH + f * 0.5f);
  at(controlX + small + value, 2);
  if (actionButton(ui, "rate-up", "Snabbare", theme::kPrimary, small, 2.5f, draft_.rate < SpeechSettings::kMaxRate))
    draft_.rate = std::min(SpeechSettings::kMaxRate, draft_.rate + kRateStep);

  at(controlX, 3);
  if (actionButton(ui, "speech-save", "Spara", theme::kYes, small * 2 + value, 2.5f)) {
    const SpeechSettings chosen = draft_;
    ui.saveSpeech(ui.signedInStaff(), chosen, [this, &ui, chosen](const std::string& error) {
      message_ = error.empty() ? "Sparat." : error;
      if (error.empty() && chosen.on) ui.voice().say({"Så här låter talet."});
    });
  }
  ImGui::SetCursorPos(ImVec2(labelX, top + 4 * rowH));
  if (model.speech.problem) errorText("Talet fungerar inte: espeak-ng eller ljudet saknas. Kontakta IT.");
  if (!message_.empty()) {
    ImGui::SetCursorPosX(labelX);
    ImGui::TextUnformatted(message_.c_str());
  }
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
