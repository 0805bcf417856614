// The participants' picture grid with page arrows and drag to scroll: the check-in grid, and
// "which one are you?" in "Tyck till" and the survey.
#include "core/SwedishText.hpp"
#include "ui/PictogramWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace dagverk::ui {

void drawTopBar(KioskUi& ui, const char* prompt, float f, float width) {
  ImGui::SetCursorPos(ImVec2(f * 0.6f, f * 0.4f));
  if (bigButton(ui, "home", "Tillbaka", Icon::House, ImVec2(f * 8.5f, f * 2.4f), theme::kPrimary, IM_COL32_WHITE,
                ui.fonts().large))
    ui.go(ScreenId::Home);
  // The prompt in the title font, centred; a long one (or large text) shrinks to the room
  // right of "Tillbaka".
  ImFont* font = ui.fonts().title;
  const float room = width - f * 10.6f;
  float size = font->FontSize;
  ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, prompt);
  if (ts.x > room) {
    size *= room / ts.x;
    ts = font->CalcTextSizeA(size, FLT_MAX, 0, prompt);
  }
  const ImVec2 wp = ImGui::GetWindowPos();
  const ImVec2 at(wp.x + std::max(f * 10.0f, (width - ts.x) / 2), wp.y + f * 0.5f);
  ImGui::GetWindowDrawList()->AddText(font, size, at, theme::kText, prompt);
  noteText(prompt, at, ts, wp, ImVec2(wp.x + width, wp.y + ImGui::GetWindowHeight()));
  ImGui::SetCursorPos(ImVec2(at.x - wp.x, f * 0.5f)); // the screen's layout goes on below it, as after a line
  ImGui::Dummy(ImVec2(ts.x, font->FontSize));
}


namespace {
// A large arrow button beside the grid: a page up or down. Pale and inert at the end it points to.
bool pageArrow(KioskUi& ui, const char* name, bool up, ImVec2 pos, ImVec2 size, bool enabled) {
  const float f = ImGui::GetFontSize();
  ImGui::SetCursorScreenPos(pos);
  const bool tapped = ImGui::InvisibleButton(name, size) && enabled && pointerDidNotDrag();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  ui.rememberButton(name, pos, max);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 fill = !enabled ? theme::kPanel : ImGui::IsItemActive() ? theme::kPressedCard : theme::kPanel;
  dl->AddRectFilled(pos, max, fill, f * 0.5f);
  dl->AddRect(pos, max, theme::kOutline, f * 0.5f, 0, std::max(3.0f, f * 0.1f));
  const ImU32 ink = enabled ? theme::kPrimary : theme::kInactive;
  const ImVec2 c(pos.x + size.x / 2, pos.y + size.y / 2);
  const float w = std::min(size.x, size.y) * 0.32f, d = up ? -1.0f : 1.0f;
  dl->AddTriangleFilled(ImVec2(c.x - w, c.y - d * w * 0.5f), ImVec2(c.x + w, c.y - d * w * 0.5f),
                        ImVec2(c.x, c.y + d * w * 0.7f), ink);
  return tapped;
}
} // namespace

std::string participantGrid(KioskUi& ui, const KioskModel& model, const std::set<std::string>& marked,
                            const std::set<std::string>& faded, float top, std::string& page) {
  const Fonts& fonts = ui.fonts();
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  top = std::max(top, f * 0.8f + fonts.title->FontSize); // under the prompt, however large its text
  const float arrowWidth = f * 3.0f;       // 16 mm wide on a 10-inch 1280×800 tablet
  const float nameHeight = fonts.large->FontSize * 0.8f + f * 0.5f;
  const float gap = f * 0.9f;
  const ImVec2 gridSize(win.x - arrowWidth - f * 1.5f, win.y - top - f * 0.4f);
  float tile = f * 4.6f;                   // picture size: about 23 mm on a 10-inch 1280×800 tablet
  const int columns = std::max(1, static_cast<int>((gridSize.x - gap) / (tile + gap)));
  const int count = static_cast<int>(model.participants.size());
  const int rows = (count + columns - 1) / columns;
  // When the grid scrolls, the bottom row is cut about in half, so it shows there is more: the
  // rows spread until the height holds whole rows and a half, the tiles growing as far as the
  // width lets them and the rest going between the rows.
  float pitch = tile + nameHeight + gap;
  const float fullRows = gridSize.y / pitch;
  if (static_cast<float>(rows) > fullRows) {
    pitch = gridSize.y / (std::max(1.0f, std::floor(fullRows - 0.5f)) + 0.5f);
    tile = std::min(pitch - nameHeight - gap, (gridSize.x - gap) / static_cast<float>(columns) - gap);
  }
  const float usedWidth = static_cast<float>(columns) * (tile + gap) - gap;
  const float leftPad = (gridSize.x - usedWidth) / 2;

  ImGui::SetCursorPos(ImVec2(f * 0.6f, top));
  ImGui::BeginChild("tiles", gridSize, false, ImGuiWindowFlags_NoScrollbar);
  dragToScroll(); // a finger or mouse moved past the tap slop scrolls instead of tapping
  // A page: the whole rows in view, so the half-shown row comes to the top.
  const float pageStep = std::max(1.0f, std::floor(gridSize.y / pitch)) * pitch;
  if (page == "down") ImGui::SetScrollY(std::min(ImGui::GetScrollMaxY(), ImGui::GetScrollY() + pageStep));
  if (page == "up") ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - pageStep));
  page.clear();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::string tappedId;
  const ImVec2 origin(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + gap * 0.4f); // room for the tint
  for (size_t i = 0; i < model.participants.size(); ++i) {
    const Participant& p = model.participants[i];
    const int row = static_cast<int>(i) / columns, col = static_cast<int>(i) % columns;
    const ImVec2 min(origin.x + leftPad + static_cast<float>(col) * (tile + gap), origin.y + static_cast<float>(row) * pitch);
    // A tile scrolled out of view is neither drawn nor a button: the frame's cost follows what
    // is on screen, not the size of the roster.
    if (!ImGui::IsRectVisible(min, ImVec2(min.x + tile, min.y + tile + nameHeight))) continue;
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
      if (ts.x > tile + gap * 0.5f) { // a long name shrinks to fit under its own picture
        fs *= (tile + gap * 0.5f) / ts.x;
        ts = font->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
      }
      dl->AddText(font, fs, ImVec2(min.x + (tile - ts.x) / 2, min.y + tile + f * 0.2f), theme::kText, name.c_str());
      noteText(name, ImVec2(min.x + (tile - ts.x) / 2, min.y + tile + f * 0.2f), ts, ImVec2(min.x - gap * 0.25f, min.y),
               ImVec2(max.x + gap * 0.25f, max.y + gap * 0.3f));
    }
    if (tapped) tappedId = p.id;
  }
  // Room below the last row, so it can scroll fully into view.
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(rows) * pitch));
  ImGui::Dummy(ImVec2(1, gap));
  const float scrollY = ImGui::GetScrollY(), scrollMax = ImGui::GetScrollMaxY();
  ImGui::EndChild();

  // The page arrows, top and bottom of the column beside the grid: large targets that say the
  // grid goes on, for those who cannot read the letters of a name.
  if (scrollMax > 0) {
    const ImVec2 wpos = ImGui::GetWindowPos();
    const float x = wpos.x + win.x - arrowWidth - f * 0.4f;
    const float h = std::min(f * 5.0f, (gridSize.y - f) / 2);
    if (pageArrow(ui, "page-up", true, ImVec2(x, wpos.y + top), ImVec2(arrowWidth, h), scrollY > 0.5f))
      page = "up";
    if (pageArrow(ui, "page-down", false, ImVec2(x, wpos.y + top + gridSize.y - h), ImVec2(arrowWidth, h),
                  scrollY < scrollMax - 0.5f))
      page = "down";
  }
  return tappedId;
}

} // namespace dagverk::ui
