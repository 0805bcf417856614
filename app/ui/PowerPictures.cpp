#include "ui/PowerPictures.hpp"

#include "ui/Theme.hpp"

#include <algorithm>
#include <string>

namespace dagverk::ui {

namespace {
std::string batteryText(const BatteryReading& b) {
  std::string t = "Batteri " + (b.percent ? std::to_string(*b.percent) + " %" : std::string("okänd nivå"));
  return t + (b.onBattery ? "" : " (laddare ansluten)");
}

std::string storageText(const StorageHeadroom& s) {
  std::string t = "Lagring: " + std::to_string(s.freePercent) + " % ledigt";
  // Beyond ten years the figure says nothing more (a kiosk is replaced long before).
  if (s.daysLeft && *s.daysLeft > 3650) t += " · räcker i mer än 10 år";
  else if (s.daysLeft) t += " · räcker i cirka " + std::to_string(*s.daysLeft) + (*s.daysLeft == 1 ? " dag" : " dagar");
  return t;
}

void line(KioskUi& ui, const char* name, const std::string& text, ImU32 colour) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  ui.rememberButton(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); // where tests find it
}
} // namespace

void drawPowerAndStorageLines(KioskUi& ui, const KioskModel& model) {
  std::string status;
  if (model.battery.hasBattery) status = batteryText(model.battery);
  if (model.storage) status += (status.empty() ? "" : " · ") + storageText(*model.storage);
  if (!status.empty()) {
    // Both names point at the one line: a test asks for either part.
    line(ui, model.battery.hasBattery ? "battery-level" : "storage-headroom", status, theme::kMutedText);
    if (model.battery.hasBattery && model.storage)
      ui.rememberButton("storage-headroom", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  if (batteryLow(model.battery)) line(ui, "warning-low-battery", kLowBatterySv, theme::kError);
  if (model.storage && model.storage->low) line(ui, "warning-low-storage", kLowStorageSv, theme::kError);
}

ImVec2 drawLowBatteryPicture(ImDrawList* dl, ImVec2 at, float height) {
  const float w = height * 1.9f, r = height * 0.18f, stroke = std::max(1.5f, height * 0.09f);
  const ImVec2 max(at.x + w, at.y + height);
  dl->AddRectFilled(at, max, theme::kPanel, r);
  dl->AddRect(at, max, theme::kMutedText, r, 0, stroke);
  // The terminal nub on the right.
  dl->AddRectFilled(ImVec2(max.x, at.y + height * 0.3f), ImVec2(max.x + height * 0.16f, at.y + height * 0.7f),
                    theme::kMutedText, r * 0.5f);
  // One low segment: nearly empty, shown plainly.
  const float pad = stroke + height * 0.1f;
  dl->AddRectFilled(ImVec2(at.x + pad, at.y + pad), ImVec2(at.x + pad + (w - 2 * pad) * 0.18f, max.y - pad),
                    theme::kMutedText, r * 0.4f);
  return ImVec2(max.x + height * 0.16f, max.y);
}

} // namespace dagverk::ui
