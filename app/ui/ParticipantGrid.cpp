// The participants' picture grid with the A–Ö strip and drag to scroll: the check-in grid, and
// "which one are you?" in "Tyck till" and the survey.
#include "core/SwedishText.hpp"
#include "ui/PictogramWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace dagverk::ui {

void drawTopBar(KioskUi& ui, const char* prompt, float f, float width) {
  ImGui::SetCursorPos(ImVec2(f * 0.6f, f * 0.4f));
  if (bigButton(ui, "home", "Tillbaka", Icon::House, ImVec2(f * 8.5f, f * 2.4f), theme::kPrimary, IM_COL32_WHITE,
                ui.fonts().large))
    ui.go(ScreenId::Home);
  ImGui::PushFont(ui.fonts().title);
  const float tw = ImGui::CalcTextSize(prompt).x;
  ImGui::SetCursorPos(ImVec2(std::max(f * 10.0f, (width - tw) / 2), f * 0.5f));
  ImGui::TextUnformatted(prompt);
  ImGui::PopFont();
}


std::string participantGrid(KioskUi& ui, const KioskModel& model, const std::set<std::string>& marked,
                            const std::set<std::string>& faded, float top, std::string& jumpTo) {
  const Fonts& fonts = ui.fonts();
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const float stripWidth = f * 2.6f;
  const float tile = f * 4.6f;             // picture size: about 23 mm on a 10-inch 1280×800 tablet
  const float nameHeight = f * 1.5f;
  const float gap = f * 0.9f;
  const ImVec2 gridSize(win.x - stripWidth - f * 1.2f, win.y - top - f * 0.4f);
  const int columns = std::max(1, static_cast<int>((gridSize.x - gap) / (tile + gap)));
  const float usedWidth = static_cast<float>(columns) * (tile + gap) - gap;
  const float leftPad = (gridSize.x - usedWidth) / 2;

  // The letters that start a name, and the row each first appears on.
  std::map<std::string, int> firstRowOfLetter;
  for (size_t i = 0; i < model.participants.size(); ++i) {
    const std::string letter = firstLetterUpper(model.participants[i].firstName);
    if (!firstRowOfLetter.count(letter)) firstRowOfLetter[letter] = static_cast<int>(i) / columns;
  }

  ImGui::SetCursorPos(ImVec2(f * 0.6f, top));
  ImGui::BeginChild("tiles", gridSize, false, ImGuiWindowFlags_NoScrollbar);
  dragToScroll(); // a finger or mouse moved past the tap slop scrolls instead of tapping
  if (!jumpTo.empty()) {
    auto it = firstRowOfLetter.find(jumpTo);
    if (it != firstRowOfLetter.end()) ImGui::SetScrollY(static_cast<float>(it->second) * (tile + nameHeight + gap));
    jumpTo.clear();
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::string tappedId;
  const ImVec2 origin(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + gap * 0.4f); // room for the tint
  for (size_t i = 0; i < model.participants.size(); ++i) {
    const Participant& p = model.participants[i];
    const int row = static_cast<int>(i) / columns, col = static_cast<int>(i) % columns;
    const ImVec2 min(origin.x + leftPad + static_cast<float>(col) * (tile + gap),
                     origin.y + static_cast<float>(row) * (tile + nameHeight + gap));
    ImGui::SetCursorScreenPos(min);
    ImGui::PushID(p.id.c_str());
    const bool tapped = ImGui::InvisibleButton("tile", ImVec2(tile, tile + nameHeight)) && pointerDidNotDrag();
    ImGui::PopID();
    const bool present = marked.count(p.id) != 0;
    const bool dim = faded.count(p.id) != 0;
    if (ImGui::IsItemVisible()) {
      const ImVec2 max(min.x + tile, min.y + tile + nameHeight);
      ui.rememberTile(p.id, min, max);
      if (present) dl->AddRectFilled(ImVec2(min.x - gap * 0.3f, min.y - gap * 0.3f),
                                     ImVec2(max.x + gap * 0.3f, max.y + gap * 0.1f), theme::kPresentTint, f * 0.5f);
      drawParticipantPicture(ui, dl, p, min, tile, present);
      if (dim) dl->AddRectFilled(min, ImVec2(min.x + tile, min.y + tile), theme::kAnsweredVeil, tile * 0.08f);
      const std::string name = p.displayName();
      ImFont* font = fonts.large;
      float fs = font->FontSize * 0.8f;
      ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
      if (ts.x > tile + gap * 0.8f) { // a long name shrinks to fit under its own picture
        fs *= (tile + gap * 0.8f) / ts.x;
        ts = font->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
      }
      dl->AddText(font, fs, ImVec2(min.x + (tile - ts.x) / 2, min.y + tile + f * 0.2f), theme::kText, name.c_str());
    }
    if (tapped) tappedId = p.id;
  }
  // Room below the last row, so it can scroll fully into view.
  const int rows = (static_cast<int>(model.participants.size()) + columns - 1) / columns;
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(rows) * (tile + nameHeight + gap)));
  ImGui::Dummy(ImVec2(1, gap));
  ImGui::EndChild();

  // The A–Ö strip: only letters that begin a name, each a large target.
  std::vector<std::string> letters;
  for (const auto& l : swedishAlphabet())
    if (firstRowOfLetter.count(l)) letters.push_back(l);
  const float stripTop = top, stripHeight = win.y - top - f * 0.4f;
  const float cell = letters.empty() ? 0 : std::min(f * 2.2f, stripHeight / static_cast<float>(letters.size()));
  const float stripX = win.x - stripWidth - f * 0.3f;
  ImDrawList* wdl = ImGui::GetWindowDrawList();
  const ImVec2 wpos = ImGui::GetWindowPos();
  if (!letters.empty())
    wdl->AddRectFilled(ImVec2(wpos.x + stripX, wpos.y + stripTop),
                       ImVec2(wpos.x + stripX + stripWidth, wpos.y + stripTop + cell * static_cast<float>(letters.size())),
                       theme::kPanel, f * 0.5f);
  for (size_t i = 0; i < letters.size(); ++i) {
    const ImVec2 cmin(stripX, stripTop + static_cast<float>(i) * cell);
    ImGui::SetCursorPos(cmin);
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::InvisibleButton("letter", ImVec2(stripWidth, cell))) jumpTo = letters[i];
    ImGui::PopID();
    ui.rememberButton("letter-" + letters[i], ImVec2(wpos.x + cmin.x, wpos.y + cmin.y),
                      ImVec2(wpos.x + cmin.x + stripWidth, wpos.y + cmin.y + cell));
    ImFont* font = fonts.large;
    const float fs = std::min(font->FontSize, cell * 0.8f);
    const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, letters[i].c_str());
    wdl->AddText(font, fs, ImVec2(wpos.x + cmin.x + (stripWidth - ts.x) / 2, wpos.y + cmin.y + (cell - ts.y) / 2),
                 theme::kPrimary, letters[i].c_str());
  }

  return tappedId;
}

} // namespace dagverk::ui
