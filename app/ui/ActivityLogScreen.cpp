// The activity log: today's and this week's sessions, planned and done. "Ny aktivitet" logs
// one that happened, "Planera" puts one on today's picture schedule; tapping a session edits
// it (a correction event, never an update in place).
#include "core/LocalTime.hpp"
#include "ui/ActivityLogScreen.hpp"

#include "ui/SessionFormScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

namespace {
const ActivitySession* drawSessionRow(KioskUi& ui, const KioskModel& model, const ActivitySession& s, float width,
                                      bool showDay) {
  const float f = ImGui::GetFontSize();
  const float rowH = f * 2.8f;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(("session-" + s.data.sessionId).c_str(), ImVec2(width, rowH)) &&
                      pointerDidNotDrag();
  ui.rememberButton("session-" + s.data.sessionId, min, ImVec2(min.x + width, min.y + rowH));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, ImVec2(min.x + width, min.y + rowH), theme::kPanel, f * 0.3f);
  const Activity* a = model.findActivity(s.data.activityId);
  const std::string name = a ? a->name : s.data.activityId;
  drawActivityPictogram(dl, a ? a->category : "", ImVec2(min.x + f * 1.4f, min.y + rowH / 2), f * 2.0f,
                        theme::kPrimary);
  const LocalDateTime start = toStockholm(s.data.start);
  std::string when = timeRange(s.data.start, s.data.end);
  if (showDay) when = formatSwedishLongDate(start).substr(0, formatSwedishLongDate(start).find(' ')) + " " + when;
  dl->AddText(ImVec2(min.x + f * 3.0f, min.y + f * 0.3f), theme::kText, (when + "  " + name).c_str());
  std::string detail = std::to_string(s.data.participantIds.size()) + " deltagare · " +
                       std::to_string(s.data.staffIds.size()) + " personal";
  if (s.data.outing) detail += " · utflykt: " + s.data.place;
  if (s.data.planned) detail += " · planerad";
  dl->AddText(ImGui::GetFont(), f * 0.85f, ImVec2(min.x + f * 3.0f, min.y + f * 1.5f),
              s.data.planned ? theme::kPrimary : theme::kMutedText, detail.c_str());
  ImGui::Dummy(ImVec2(1, f * 0.1f));
  return tapped ? &s : nullptr;
}
} // namespace

void ActivityLogScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Aktiviteter", "Tillbaka")) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  bool openNew = false, openPlan = false;
  if (actionButton(ui, "new-session", "+ Ny aktivitet", theme::kYes)) openNew = true;
  ImGui::SameLine();
  if (actionButton(ui, "plan-session", "Planera för idag", theme::kPrimary)) openPlan = true;

  const ActivitySession* edit = nullptr;
  ImGui::BeginChild("sessions", ImVec2(win.x - f * 1.6f, win.y - ImGui::GetCursorPosY() - f * 0.5f));
  dragToScroll();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(ui.fonts().large);
  ImGui::Text("Idag (%zu)", model.todaysSessions.size());
  ImGui::PopFont();
  if (model.todaysSessions.empty()) ImGui::TextUnformatted("Inga aktiviteter idag än.");
  for (const auto& s : model.todaysSessions)
    if (const auto* t = drawSessionRow(ui, model, s, width, false)) edit = t;
  size_t earlier = 0;
  for (const auto& s : model.weekSessions) earlier += toStockholm(s.data.start).date < model.today ? 1 : 0;
  ImGui::PushFont(ui.fonts().large);
  ImGui::Text("Tidigare i veckan (%zu)", earlier);
  ImGui::PopFont();
  for (const auto& s : model.weekSessions)
    if (toStockholm(s.data.start).date < model.today)
      if (const auto* t = drawSessionRow(ui, model, s, width, true)) edit = t;
  ImGui::EndChild();

  SessionFormScreen& form = ui.screen<SessionFormScreen>();
  if (openNew) form.open(ui, model, false);
  else if (openPlan) form.open(ui, model, true);
  else if (edit) form.open(ui, model, edit->data.planned, edit);
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
