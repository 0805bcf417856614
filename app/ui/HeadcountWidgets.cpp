#include "ui/HeadcountWidgets.hpp"

#include "core/Headcount.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <cfloat>

namespace dagverk::ui {

void drawVisitors(ImDrawList* dl, ImVec2 c, float s, ImU32 colour) {
  auto P = [&](float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); };
  for (const float x : {-0.36f, 0.02f}) {
    dl->AddCircleFilled(P(x, -0.22f), s * 0.11f, colour);
    dl->PathArcTo(P(x, 0.2f), s * 0.19f, 3.14159265f, 2 * 3.14159265f);
    dl->PathFillConvex(colour);
  }
  const float t = std::max(2.0f, s * 0.07f);
  dl->AddLine(P(0.38f, -0.1f), P(0.38f, 0.24f), theme::kYes, t);
  dl->AddLine(P(0.21f, 0.07f), P(0.55f, 0.07f), theme::kYes, t);
}

bool canUndoHeadcount(KioskUi& ui, const KioskModel& model) {
  const auto& h = model.headcount;
  return !h.lastEventId.empty() && ui.clock().nowUtc() - h.lastRecordedUtc < kHeadcountUndoMs;
}

void doorCounter(KioskUi& ui, const KioskModel& model, float width, float height, std::string& message,
                 bool& isError) {
  const float f = ImGui::GetFontSize();
  const float left = ImGui::GetCursorPosX(), top = ImGui::GetCursorPosY();
  // Today's count over the "+1": the number large, what it counts under it.
  ImGui::PushFont(ui.fonts().title);
  ImGui::TextUnformatted(std::to_string(model.headcount.today).c_str());
  ImGui::PopFont();
  ImGui::SetCursorPosX(left);
  ImGui::TextUnformatted("besökare idag");
  const float undoH = f * 2.2f;
  const float plusTop = ImGui::GetCursorPosY() + f * 0.5f;
  // As tall as the space allows, but not much taller than wide: a card, not a column.
  const float plusH = std::clamp(top + height - plusTop - undoH - f * 0.5f, f * 3.0f, width * 1.1f);
  ImGui::SetCursorPos(ImVec2(left, plusTop));
  if (pictureChoice(ui, "home-headcount-plus", "+1", ImVec2(width, plusH), ui.fonts().title,
                    [](ImDrawList* dl, ImVec2 c, float s) { drawVisitors(dl, c, s, theme::kPrimary); })) {
    ui.request(cmd::TallyHeadcount{1, "", false, std::nullopt}, [&message, &isError](const std::string& error) {
      isError = !error.empty();
      message = error; // a counted visitor shows in the count; only a refusal needs words
    });
  }
  // "−1": the newest "+1" of this kiosk, within a minute of it.
  const bool canUndo = canUndoHeadcount(ui, model);
  ImGui::SetCursorPos(ImVec2(left, plusTop + plusH + f * 0.5f));
  if (actionButton(ui, "home-headcount-undo", "−1 Ångra", theme::kPanel, std::min(width, f * 8.0f), 2.2f, canUndo)) {
    ui.request(cmd::Correct{model.headcount.lastEventId, "av_misstag", ""},
               [&message, &isError](const std::string& error) {
                 isError = !error.empty();
                 message = error.empty() ? "Ångrat: 1 besökare" : error;
               });
  }
  if (!message.empty()) {
    ImGui::SameLine(0, f * 0.8f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + f * 0.55f);
    if (isError) errorText(message, false);
    else ImGui::TextUnformatted(message.c_str());
  }
}

float headcountWeeksPanel(KioskUi& ui, const KioskModel& model, ImDrawList* dl, ImVec2 min, float width) {
  std::int64_t total = 0, most = 0;
  for (const auto& w : model.headcountWeeks) {
    total += w.visitors;
    most = std::max(most, w.visitors);
  }
  if (model.headcountWeeks.empty() || (total == 0 && model.homeMode == HomeMode::CheckIn)) return 0;
  const float f = ImGui::GetFontSize();
  ImFont* large = ui.fonts().large;
  const float chartH = f * 6.0f;
  const float height = f * 0.4f + large->FontSize + f * 0.3f + chartH + f * 2.4f;
  dl->AddRectFilled(min, ImVec2(min.x + width, min.y + height), theme::kPanel, f * 0.3f);
  const std::string title = "Besökare per vecka (" + std::to_string(total) + ")";
  dl->AddText(large, large->FontSize, ImVec2(min.x + f * 0.6f, min.y + f * 0.4f), theme::kText, title.c_str());
  const float top = min.y + f * 0.4f + large->FontSize + f * 0.3f + f * 1.2f; // room for the values
  const float base = top + chartH - f * 1.2f;
  const float slot = (width - f * 1.2f) / static_cast<float>(model.headcountWeeks.size());
  ImFont* font = ImGui::GetFont();
  for (size_t i = 0; i < model.headcountWeeks.size(); ++i) {
    const auto& w = model.headcountWeeks[i];
    const float x = min.x + f * 0.6f + slot * static_cast<float>(i);
    const float h = most > 0 ? (base - top) * static_cast<float>(w.visitors) / static_cast<float>(most) : 0;
    dl->AddRectFilled(ImVec2(x + slot * 0.2f, base - h), ImVec2(x + slot * 0.8f, base), theme::kPrimary,
                      f * 0.15f);
    const std::string value = std::to_string(w.visitors);
    const float vw = font->CalcTextSizeA(f, FLT_MAX, 0, value.c_str()).x;
    dl->AddText(font, f, ImVec2(x + (slot - vw) / 2, base - h - f * 1.15f), theme::kText, value.c_str());
    // The week by its first day, "13/10".
    const std::string label = std::to_string(w.from.day) + "/" + std::to_string(w.from.month);
    const float lw = font->CalcTextSizeA(f * 0.85f, FLT_MAX, 0, label.c_str()).x;
    dl->AddText(font, f * 0.85f, ImVec2(x + (slot - lw) / 2, base + f * 0.3f), theme::kMutedText, label.c_str());
  }
  dl->AddText(font, f * 0.85f, ImVec2(min.x + f * 0.6f, base + f * 1.4f), theme::kMutedText,
              "Veckor som börjar dagen under stapeln; räknade utan namn.");
  return height;
}

} // namespace dagverk::ui
