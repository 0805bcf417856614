// The red banner that tells, in plain Swedish, that something could not be saved.
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void drawErrorBanner(KioskUi& ui) {
  if (ui.errorMessage().empty()) return;
  const ImVec2 size = ImGui::GetWindowSize();
  const ImVec2 pos = ImGui::GetWindowPos();
  const float f = ImGui::GetFontSize();
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const std::string text = ui.errorMessage() + "  Be personalen om hjälp.";
  ImFont* font = ui.fonts().large;
  const float wrap = size.x - 4 * f;
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.c_str());
  const ImVec2 min(pos.x + f, pos.y + size.y - ts.y - 3 * f);
  dl->AddRectFilled(min, ImVec2(pos.x + size.x - f, pos.y + size.y - f), theme::kError, f * 0.4f);
  dl->AddText(font, font->FontSize, ImVec2(min.x + f, min.y + f), IM_COL32_WHITE, text.c_str(), nullptr, wrap);
}

} // namespace dagverk::ui
