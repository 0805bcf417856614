// The end of a fire drill (utrymning): the time it took, then those never marked safe first
// (in red: they may still be inside), then those marked safe. Reads only the ended roll call.
#include "ui/RollCallSummaryScreen.hpp"

#include "core/LocalTime.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

namespace {
// "4 min 12 s" in plain words.
std::string durationSv(std::int64_t ms) {
  const std::int64_t s = std::max<std::int64_t>(0, ms / 1000);
  if (s < 60) return std::to_string(s) + " s";
  return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
}

std::string nameOf(const KioskModel& model, const std::string& id) {
  if (const Participant* p = model.find(id)) return p->displayName();
  if (const StaffMember* s = model.findStaff(id)) return s->displayName() + " (personal)";
  return id; // left the roster since: the id is all there is
}

void nameList(const KioskModel& model, const std::vector<std::string>& ids, ImU32 colour) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  for (const auto& id : ids) ImGui::BulletText("%s", nameOf(model, id).c_str());
  ImGui::PopStyleColor();
}
} // namespace

void RollCallSummaryScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const auto& rc = model.rollCall;
  if (!rc || !rc->ended) { // nothing ended to sum up (a newer roll call, or none)
    ui.go(rc ? ScreenId::RollCall : ScreenId::Home);
    return;
  }
  std::vector<std::string> missing, safe;
  for (const auto& id : rc->expectedIds) (rc->safeIds.count(id) ? safe : missing).push_back(id);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetWindowPos();
  dl->PushClipRect(pos, ImVec2(pos.x + win.x, pos.y + win.y), false);
  dl->AddRectFilled(pos, ImVec2(pos.x + win.x, pos.y + f * 3.4f), missing.empty() ? theme::kYes : theme::kNo);
  dl->PopClipRect();
  ImGui::SetCursorPos(ImVec2(f * 0.8f, f * 0.4f));
  ImGui::PushFont(ui.fonts().title);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  ImGui::TextUnformatted(missing.empty() ? "Utrymningen är klar · alla i säkerhet"
                                         : ("Utrymningen är klar · " + std::to_string(missing.size()) + " saknas")
                                               .c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();

  const float doneW = f * 7.0f;
  ImGui::SetCursorPos(ImVec2(f * 0.8f, f * 4.0f));
  const std::string took =
      "Tid: " + durationSv(rc->endedAt - rc->startedAt) + " (" + timeRange(rc->startedAt, rc->endedAt) + ")";
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted(took.c_str());
  ImGui::PopFont();
  ImGui::SameLine(win.x - doneW - f * 0.8f);
  ImGui::SetCursorPosY(f * 3.8f);
  const bool done = actionButton(ui, "summary-done", "Klar", theme::kPrimary, doneW);

  const float top = f * 6.6f;
  const float colW = (win.x - f * 2.4f) / 2;
  ImGui::SetCursorPos(ImVec2(f * 0.8f, top));
  ImGui::BeginChild("missing", ImVec2(colW, win.y - top - f * 0.4f));
  dragToScroll();
  ImGui::PushFont(ui.fonts().large);
  ImGui::Text("Inte markerade (%zu)", missing.size());
  ImGui::PopFont();
  if (missing.empty()) ImGui::TextWrapped("Alla på listan blev markerade i säkerhet.");
  nameList(model, missing, theme::kNo);
  ImGui::EndChild();
  ImGui::SetCursorPos(ImVec2(f * 1.6f + colW, top));
  ImGui::BeginChild("safe", ImVec2(colW, win.y - top - f * 0.4f));
  dragToScroll();
  ImGui::PushFont(ui.fonts().large);
  ImGui::Text("I säkerhet (%zu)", safe.size());
  ImGui::PopFont();
  nameList(model, safe, theme::kYes);
  ImGui::EndChild();

  if (done) ui.go(ScreenId::Home);
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
