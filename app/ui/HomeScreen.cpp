// Home: the site's name, today's date, a large clock and one large entry to the check-in grid.
#include "LocalTime.hpp"
#include "Screens.hpp"
#include "Theme.hpp"
#include "Widgets.hpp"

namespace dagverk::ui {

void drawHomeScreen(KioskUi& ui, const KioskModel& model) {
  if (!beginScreen("home")) {
    endScreen();
    return;
  }
  const Fonts& fonts = ui.fonts();
  const float f = ImGui::GetFontSize();
  const ImVec2 size = ImGui::GetWindowSize();
  const LocalDateTime now = toStockholm(ui.clock().nowUtc());

  // Top bar: the site's name, and how many are here now.
  ImGui::SetCursorPos(ImVec2(f, f * 0.8f));
  ImGui::PushFont(fonts.large);
  ImGui::TextUnformatted(model.siteName.c_str());
  const std::string here = std::to_string(model.presentSince.size()) + " här nu";
  const float hw = ImGui::CalcTextSize(here.c_str()).x;
  ImGui::SameLine(size.x - hw - f);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kYes);
  ImGui::TextUnformatted(here.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();

  // Date and clock.
  ImGui::SetCursorPosY(size.y * 0.16f);
  const std::string date = formatSwedishLongDate(now);
  centredText(date.c_str(), fonts.large, theme::kMutedText);
  const std::string clock = formatHourMinute(now);
  centredText(clock.c_str(), fonts.clock, theme::kText);

  // The one large entry.
  const ImVec2 button(std::min(size.x - 2 * f, f * 20), f * 5);
  ImGui::SetCursorPos(ImVec2((size.x - button.x) / 2, size.y * 0.58f));
  ImGui::PushFont(fonts.title);
  if (bigButton(ui, "enter-grid", "Checka in / ut", Icon::PersonIn, button, theme::kPrimary, IM_COL32_WHITE,
                fonts.title))
    ui.go(ScreenId::CheckInGrid);
  ImGui::PopFont();

  drawErrorBanner(ui);
  endScreen();
}

} // namespace dagverk::ui
