#include "ui/Widgets.hpp"

#include "ui/PictogramWidgets.hpp"
#include "ui/StaffWidgets.hpp"

#include "ui/Theme.hpp"

#include <algorithm>
#include <cmath>

namespace dagverk::ui {

namespace {
std::vector<TextPlacement> gTexts;
}

void noteText(const std::string& text, ImVec2 min, ImVec2 size, ImVec2 widgetMin, ImVec2 widgetMax) {
  gTexts.push_back({text, ImVec4(min.x, min.y, min.x + size.x, min.y + size.y),
                    ImVec4(widgetMin.x, widgetMin.y, widgetMax.x, widgetMax.y)});
}

void noteLastItemText(const std::string& text) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
  // A scrolled-away line is not shown. In a region that scrolls, a line half out at its
  // bottom is scrolled to, not cut; elsewhere the window's height is the limit too.
  if (max.y < wp.y || min.y > wp.y + ws.y) return;
  const bool scrolls = ImGui::GetScrollMaxY() > 0;
  noteText(text, min, ImVec2(max.x - min.x, max.y - min.y), ImVec2(wp.x, scrolls ? min.y : wp.y),
           ImVec2(wp.x + ws.x, scrolls ? max.y : wp.y + ws.y));
}

const std::vector<TextPlacement>& textPlacements() { return gTexts; }
void clearTextPlacements() { gTexts.clear(); }

void drawIcon(ImDrawList* dl, Icon icon, ImVec2 c, float s, ImU32 col) {
  const float t = std::max(2.0f, s * 0.12f); // stroke
  switch (icon) {
  case Icon::Check: {
    const ImVec2 pts[3] = {ImVec2(c.x - s * 0.32f, c.y + s * 0.02f), ImVec2(c.x - s * 0.08f, c.y + s * 0.26f),
                           ImVec2(c.x + s * 0.34f, c.y - s * 0.24f)};
    dl->AddPolyline(pts, 3, col, 0, t);
    break;
  }
  case Icon::Cross:
    dl->AddLine(ImVec2(c.x - s * 0.28f, c.y - s * 0.28f), ImVec2(c.x + s * 0.28f, c.y + s * 0.28f), col, t);
    dl->AddLine(ImVec2(c.x + s * 0.28f, c.y - s * 0.28f), ImVec2(c.x - s * 0.28f, c.y + s * 0.28f), col, t);
    break;
  case Icon::House: {
    const ImVec2 roof[3] = {ImVec2(c.x - s * 0.42f, c.y - s * 0.02f), ImVec2(c.x, c.y - s * 0.40f),
                            ImVec2(c.x + s * 0.42f, c.y - s * 0.02f)};
    dl->AddPolyline(roof, 3, col, 0, t);
    dl->AddRect(ImVec2(c.x - s * 0.30f, c.y - s * 0.08f), ImVec2(c.x + s * 0.30f, c.y + s * 0.38f), col, 0, 0, t);
    dl->AddRectFilled(ImVec2(c.x - s * 0.08f, c.y + s * 0.12f), ImVec2(c.x + s * 0.08f, c.y + s * 0.38f), col);
    break;
  }
  case Icon::PersonIn: {
    // A person walking through an open door.
    dl->AddRect(ImVec2(c.x + s * 0.08f, c.y - s * 0.42f), ImVec2(c.x + s * 0.44f, c.y + s * 0.42f), col, s * 0.03f,
                0, t * 0.8f);
    dl->AddCircleFilled(ImVec2(c.x - s * 0.18f, c.y - s * 0.26f), s * 0.11f, col);
    dl->AddLine(ImVec2(c.x - s * 0.20f, c.y - s * 0.12f), ImVec2(c.x - s * 0.14f, c.y + s * 0.12f), col, t);
    dl->AddLine(ImVec2(c.x - s * 0.14f, c.y + s * 0.12f), ImVec2(c.x - s * 0.30f, c.y + s * 0.40f), col, t);
    dl->AddLine(ImVec2(c.x - s * 0.14f, c.y + s * 0.12f), ImVec2(c.x + s * 0.00f, c.y + s * 0.40f), col, t);
    dl->AddLine(ImVec2(c.x - s * 0.36f, c.y - s * 0.02f), ImVec2(c.x - s * 0.04f, c.y - s * 0.06f), col, t);
    break;
  }
  case Icon::Exit: {
    // The emergency-exit sign: a running figure and an arrow to a door.
    dl->AddRect(ImVec2(c.x + s * 0.16f, c.y - s * 0.42f), ImVec2(c.x + s * 0.46f, c.y + s * 0.42f), col, 0, 0, t * 0.8f);
    dl->AddCircleFilled(ImVec2(c.x - s * 0.12f, c.y - s * 0.30f), s * 0.10f, col);
    dl->AddLine(ImVec2(c.x - s * 0.16f, c.y - s * 0.16f), ImVec2(c.x - s * 0.24f, c.y + s * 0.10f), col, t);
    dl->AddLine(ImVec2(c.x - s * 0.24f, c.y + s * 0.10f), ImVec2(c.x - s * 0.40f, c.y + s * 0.40f), col, t);
    dl->AddLine(ImVec2(c.x - s * 0.24f, c.y + s * 0.10f), ImVec2(c.x - s * 0.02f, c.y + s * 0.36f), col, t);
    dl->AddLine(ImVec2(c.x - s * 0.40f, c.y - s * 0.06f), ImVec2(c.x + s * 0.06f, c.y - s * 0.10f), col, t);
    dl->AddTriangleFilled(ImVec2(c.x + s * 0.06f, c.y - s * 0.20f), ImVec2(c.x + s * 0.16f, c.y - s * 0.10f),
                          ImVec2(c.x + s * 0.06f, c.y + s * 0.00f), col);
    break;
  }
  case Icon::Speech: { // a speech bubble with a smile: "Tyck till"
    dl->AddRect(ImVec2(c.x - s * 0.42f, c.y - s * 0.36f), ImVec2(c.x + s * 0.42f, c.y + s * 0.20f), col, s * 0.12f, 0, t);
    dl->AddTriangleFilled(ImVec2(c.x - s * 0.20f, c.y + s * 0.18f), ImVec2(c.x - s * 0.02f, c.y + s * 0.18f),
                          ImVec2(c.x - s * 0.26f, c.y + s * 0.42f), col);
    dl->AddCircleFilled(ImVec2(c.x - s * 0.14f, c.y - s * 0.14f), s * 0.05f, col);
    dl->AddCircleFilled(ImVec2(c.x + s * 0.14f, c.y - s * 0.14f), s * 0.05f, col);
    dl->AddBezierQuadratic(ImVec2(c.x - s * 0.18f, c.y + s * 0.0f), ImVec2(c.x, c.y + s * 0.14f),
                           ImVec2(c.x + s * 0.18f, c.y + s * 0.0f), col, t * 0.8f);
    break;
  }
  case Icon::Question: {
    dl->PathArcTo(ImVec2(c.x, c.y - s * 0.18f), s * 0.2f, 3.3f, 6.9f);
    dl->PathLineTo(ImVec2(c.x, c.y + s * 0.12f));
    dl->PathStroke(col, 0, t * 1.2f);
    dl->AddCircleFilled(ImVec2(c.x, c.y + s * 0.32f), t * 0.9f, col);
    break;
  }
  case Icon::Star:
    dl->AddNgon(c, s * 0.38f, col, 5, t);
    dl->AddCircleFilled(c, s * 0.12f, col);
    break;
  case Icon::Clock:
    dl->AddCircle(c, s * 0.42f, col, 0, t);
    dl->AddLine(c, ImVec2(c.x, c.y - s * 0.28f), col, t);
    dl->AddLine(c, ImVec2(c.x + s * 0.2f, c.y), col, t);
    break;
  }
}

namespace {
// How far a finger may slide on a target in a scrolling region and still tap it: one font
// size, 5.4 mm on a 10-inch 1280×800 tablet. Hands that shake slide a few millimetres.
bool slidPastSlop() {
  const float slop = ImGui::GetFontSize();
  return ImGui::GetIO().MouseDragMaxDistanceSqr[0] >= slop * slop;
}
} // namespace

bool pointerDidNotDrag() {
  // Only where a slide scrolls is a slide not a tap: a button in a region that does not
  // scroll is tapped wherever the finger went, as long as it is lifted over the button.
  const bool scrolls = ImGui::GetScrollMaxY() > 0 || ImGui::GetScrollMaxX() > 0;
  return !scrolls || !slidPastSlop();
}

void dragToScroll() {
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDown(0) &&
      slidPastSlop())
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
}

bool bigButton(KioskUi& ui, const char* name, const char* label, Icon icon, ImVec2 size, ImU32 fill,
               ImU32 textColour, ImFont* font, IconPlacement placement) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(name, size) && pointerDidNotDrag();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ui.rememberButton(name, min, max);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float f = ImGui::GetFontSize();
  const bool pressed = ImGui::IsItemActive();
  dl->AddRectFilled(ImVec2(min.x + f * 0.12f, min.y + f * 0.16f), ImVec2(max.x + f * 0.12f, max.y + f * 0.16f),
                    theme::kButtonShadow, f * 0.6f);
  dl->AddRectFilled(min, max, pressed ? (fill & 0x00FFFFFF) | 0xC0000000 : fill, f * 0.6f);
  const float iconSize = placement == IconPlacement::Above ? size.y * 0.45f : std::min(size.y * 0.55f, size.x * 0.35f);
  const bool beside = placement == IconPlacement::Beside || (placement == IconPlacement::Auto && size.x > size.y * 1.6f);
  // The label shrinks to fit the button rather than spill over its edge (large text too).
  const float room = beside ? size.x - iconSize - f * 1.6f : size.x - f * 0.6f;
  const float roomY = beside ? size.y - f * 0.3f : size.y - iconSize - f * 0.6f;
  float fontSize = font->FontSize;
  ImVec2 ts = font->CalcTextSizeA(fontSize, FLT_MAX, 0, label);
  if (ts.x > room || ts.y > roomY) {
    fontSize *= std::min(room / ts.x, roomY / ts.y);
    ts = font->CalcTextSizeA(fontSize, FLT_MAX, 0, label);
  }
  if (beside) { // wide: icon left of the label
    const float total = iconSize + f * 0.6f + ts.x;
    const float x0 = min.x + (size.x - total) / 2;
    drawIcon(dl, icon, ImVec2(x0 + iconSize / 2, min.y + size.y / 2), iconSize, textColour);
    dl->AddText(font, fontSize, ImVec2(x0 + iconSize + f * 0.6f, min.y + (size.y - ts.y) / 2), textColour, label);
    noteText(label, ImVec2(x0 + iconSize + f * 0.6f, min.y + (size.y - ts.y) / 2), ts, min, max);
  } else { // tall: icon above the label
    const float total = iconSize + f * 0.3f + ts.y;
    const float y0 = min.y + (size.y - total) / 2;
    drawIcon(dl, icon, ImVec2(min.x + size.x / 2, y0 + iconSize / 2), iconSize, textColour);
    dl->AddText(font, fontSize, ImVec2(min.x + (size.x - ts.x) / 2, y0 + iconSize + f * 0.3f), textColour, label);
    noteText(label, ImVec2(min.x + (size.x - ts.x) / 2, y0 + iconSize + f * 0.3f), ts, min, max);
  }
  return tapped;
}

bool beginScreen(const char* id) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  return ImGui::Begin(id, nullptr,
                      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                          ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
}

void endScreen() { ImGui::End(); }

void errorText(const std::string& text, bool wrap) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
  if (wrap) ImGui::TextWrapped("%s", text.c_str());
  else ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
}

void centredText(const char* text, ImFont* font, ImU32 colour) {
  ImGui::PushFont(font);
  const float w = ImGui::CalcTextSize(text).x;
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - w) / 2));
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextUnformatted(text);
  noteLastItemText(text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

} // namespace dagverk::ui

namespace dagverk::ui {

float drawGreeting(KioskUi& ui, const Participant& p, const std::string& headline, const std::string& subline,
                   ImU32 headlineColour, float pictureFraction) {
  const ImVec2 win = ImGui::GetWindowSize();
  const ImVec2 pos = ImGui::GetWindowPos();
  const float f = ImGui::GetFontSize();
  const float picture = win.y * pictureFraction;
  const ImVec2 min(pos.x + (win.x - picture) / 2, pos.y + f * 1.5f);
  drawParticipantPicture(ui, ImGui::GetWindowDrawList(), p, min, picture, false);
  ImGui::SetCursorPosY(f * 2.2f + picture);
  centredText(headline.c_str(), ui.fonts().title, headlineColour);
  if (!subline.empty()) centredText(subline.c_str(), ui.fonts().large, theme::kMutedText);
  return ImGui::GetCursorPosY();
}

bool tappedAnywhere(KioskUi& ui) {
  // The first second after the screen opened belongs to the tap that opened it: a double tap
  // on a tile must not dismiss the greeting it just brought up.
  if (ui.clock().nowUtc() - ui.enteredAt() < kDoubleTapGuardMs) return false;
  return ImGui::IsWindowHovered() && ImGui::IsMouseReleased(0) && pointerDidNotDrag();
}

} // namespace dagverk::ui

namespace dagverk::ui {

void drawFace(ImDrawList* dl, const std::string& mood, ImVec2 c, float s) {
  const bool happy = mood == "glad" || mood == "ja";
  const bool sad = mood == "ledsen" || mood == "nej";
  const ImU32 fill = happy ? theme::kFaceHappy : sad ? theme::kFaceSad : theme::kFaceInBetween;
  const float r = s * 0.46f, t = std::max(2.0f, s * 0.06f);
  dl->AddCircleFilled(c, r, fill, 48);
  const ImU32 ink = theme::kFaceInk;
  dl->AddCircleFilled(ImVec2(c.x - r * 0.36f, c.y - r * 0.22f), r * 0.1f, ink);
  dl->AddCircleFilled(ImVec2(c.x + r * 0.36f, c.y - r * 0.22f), r * 0.1f, ink);
  const float y = c.y + r * 0.35f, w = r * 0.5f;
  if (happy)
    dl->AddBezierQuadratic(ImVec2(c.x - w, y - r * 0.1f), ImVec2(c.x, y + r * 0.35f), ImVec2(c.x + w, y - r * 0.1f), ink, t);
  else if (sad)
    dl->AddBezierQuadratic(ImVec2(c.x - w, y + r * 0.15f), ImVec2(c.x, y - r * 0.25f), ImVec2(c.x + w, y + r * 0.15f), ink, t);
  else
    dl->AddLine(ImVec2(c.x - w, y), ImVec2(c.x + w, y), ink, t);
}

} // namespace dagverk::ui
