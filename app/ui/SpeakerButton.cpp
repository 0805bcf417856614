#include "ui/SpeakerButton.hpp"

#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace dagverk::ui {

namespace {
// A loudspeaker: a box, a cone opening to the right and three sound arcs.
void drawSpeaker(ImDrawList* dl, ImVec2 c, float s, ImU32 ink) {
  const float box = s * 0.16f;
  const ImVec2 boxMin(c.x - s * 0.36f, c.y - box), boxMax(c.x - s * 0.18f, c.y + box);
  dl->AddRectFilled(boxMin, boxMax, ink, s * 0.03f);
  dl->AddQuadFilled(ImVec2(boxMax.x - 1, boxMin.y), ImVec2(c.x + s * 0.04f, c.y - s * 0.34f),
                    ImVec2(c.x + s * 0.04f, c.y + s * 0.34f), ImVec2(boxMax.x - 1, boxMax.y), ink);
  const float t = std::max(2.0f, s * 0.055f);
  for (int i = 1; i <= 3; ++i) {
    const float r = s * (0.1f + 0.1f * static_cast<float>(i));
    dl->PathArcTo(ImVec2(c.x + s * 0.02f, c.y), r, -0.8f, 0.8f, 16);
    dl->PathStroke(ink, 0, t);
  }
}
} // namespace

bool speakerButton(KioskUi& ui) {
  const float f = ImGui::GetFontSize();
  // Whole pixels: ImGui places windows on whole pixels, and the button must lie inside its own
  // window (the tap-target checks compare the two).
  const float side = std::round(std::max(f * 2.3f, kSpeakerButtonMinPx));
  const float margin = std::round(f * 0.25f);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImVec2 min(std::floor(vp->Pos.x + vp->Size.x - side - margin), std::floor(vp->Pos.y + margin));
  ImGui::SetNextWindowPos(min);
  ImGui::SetNextWindowSize(ImVec2(side, side));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  bool tapped = false;
  if (ImGui::Begin("speaker", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                       ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing |
                       ImGuiWindowFlags_NoScrollWithMouse)) {
    // Above whichever screen window was made last, without taking the keyboard from it.
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::SetCursorScreenPos(min);
    tapped = ImGui::InvisibleButton("say-again", ImVec2(side, side)) && pointerDidNotDrag();
    const ImVec2 max(min.x + side, min.y + side);
    ui.rememberButton("speaker", min, max);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool pressed = ImGui::IsItemActive();
    dl->AddRectFilled(ImVec2(min.x + f * 0.1f, min.y + f * 0.12f), ImVec2(max.x + f * 0.1f, max.y + f * 0.12f),
                      theme::kButtonShadow, side * 0.22f);
    dl->AddRectFilled(min, max, pressed ? (theme::kPrimary & 0x00FFFFFF) | 0xC0000000 : theme::kPrimary, side * 0.22f);
    drawSpeaker(dl, ImVec2(min.x + side / 2, min.y + side / 2), side * 0.8f, IM_COL32_WHITE);
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  return tapped;
}

} // namespace dagverk::ui
