// Staff sign-in, step 1: "Vem är du?" — a tile per staff member who works at this site.
#include "ui/StaffPickerScreen.hpp"

#include "ui/PinScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

void StaffPickerScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Personal – vem är du?", "Avbryt")) {
    ui.signOut();
    return;
  }
  const float tile = f * 3.6f, gap = f * 0.8f, nameH = f * 1.4f;
  const int columns = std::max(1, static_cast<int>((win.x - f) / (tile + gap)));
  ImGui::BeginChild("staff-tiles", ImVec2(win.x - f * 1.6f, win.y - f * 4.0f));
  dragToScroll();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin(ImGui::GetCursorScreenPos().x + gap * 0.5f, ImGui::GetCursorScreenPos().y);
  std::string chosen;
  for (size_t i = 0; i < model.staff.size(); ++i) {
    const StaffMember& s = model.staff[i];
    const ImVec2 min(origin.x + static_cast<float>(i % static_cast<size_t>(columns)) * (tile + gap),
                     origin.y + static_cast<float>(i / static_cast<size_t>(columns)) * (tile + nameH + gap));
    ImGui::SetCursorScreenPos(min);
    if (ImGui::InvisibleButton(("staff-" + s.id).c_str(), ImVec2(tile, tile + nameH)) && pointerDidNotDrag())
      chosen = s.id;
    ui.rememberButton("staff-" + s.id, min, ImVec2(min.x + tile, min.y + tile + nameH));
    drawPersonPicture(dl, nullptr, s.id, s.initials(), min, tile, model.staffPresentSince.count(s.id) != 0,
                      ui.fonts());
    const std::string name = s.displayName();
    float fs = f;
    ImVec2 ts = ImGui::CalcTextSize(name.c_str());
    if (ts.x > tile) { // a long name shrinks to its own picture's width, so names stay apart
      fs = f * tile / ts.x;
      ts.x = tile;
    }
    dl->AddText(ImGui::GetFont(), fs, ImVec2(min.x + (tile - ts.x) / 2, min.y + tile + f * 0.15f), theme::kText,
                name.c_str());
    // A name may reach a quarter of the gap past its picture, so neighbours stay apart.
    noteText(name, ImVec2(min.x + (tile - ts.x) / 2, min.y + tile + f * 0.15f), ImVec2(ts.x, fs),
             ImVec2(min.x - gap * 0.25f, min.y), ImVec2(min.x + tile + gap * 0.25f, min.y + tile + nameH));
  }
  const size_t rows = (model.staff.size() + static_cast<size_t>(columns) - 1) / static_cast<size_t>(columns);
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(rows) * (tile + nameH + gap)));
  ImGui::Dummy(ImVec2(1, 1));
  ImGui::EndChild();
  if (!chosen.empty()) ui.screen<PinScreen>().open(ui, chosen);
}

} // namespace dagverk::ui
