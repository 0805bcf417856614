#pragma once
// Template bodies for Widgets.hpp.
#include "ui/Theme.hpp"

#include <algorithm>

namespace dagverk::ui {

template <class Draw>
bool pictureChoice(KioskUi& ui, const std::string& name, const char* label, ImVec2 size, ImFont* font, Draw&& draw) {
  const float f = ImGui::GetFontSize();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(name.c_str(), size) && pointerDidNotDrag();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ui.rememberButton(name, min, max);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(min.x + f * 0.12f, min.y + f * 0.16f), ImVec2(max.x + f * 0.12f, max.y + f * 0.16f),
                    theme::kCardShadow, f * 0.6f);
  dl->AddRectFilled(min, max, ImGui::IsItemActive() ? theme::kPressedCard : theme::kPanel, f * 0.6f);
  dl->AddRect(min, max, theme::kOutline, f * 0.6f, 0, std::max(3.0f, f * 0.1f)); // a white card on a light ground
  // The label shrinks to the card's width rather than spill over its sides.
  float fontSize = font->FontSize;
  ImVec2 ts = font->CalcTextSizeA(fontSize, FLT_MAX, 0, label);
  if (ts.x > size.x - f * 0.6f) {
    fontSize *= (size.x - f * 0.6f) / ts.x;
    ts = font->CalcTextSizeA(fontSize, FLT_MAX, 0, label);
  }
  const float pictureSize = std::min(size.x * 0.7f, size.y - ts.y - f * 1.4f);
  draw(dl, ImVec2(min.x + size.x / 2, min.y + f * 0.5f + pictureSize / 2), pictureSize);
  dl->AddText(font, fontSize, ImVec2(min.x + (size.x - ts.x) / 2, max.y - ts.y - f * 0.5f), theme::kText, label);
  noteText(label, ImVec2(min.x + (size.x - ts.x) / 2, max.y - ts.y - f * 0.5f), ts, min, max);
  return tapped;
}

} // namespace dagverk::ui
