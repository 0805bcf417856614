// "Synkronisera" for assistant managers and admins: is the central share reachable, what is
// waiting to be sent (per kind, in Swedish), when the kiosk last synced and how it went, a big
// "Synkronisera nu", a progress bar while the batch is written, and the result in plain Swedish.
// The sync itself runs on the kiosk's worker thread; this screen only reads model.sync.
#include "core/LocalTime.hpp"
#include "ui/SyncScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

bool maySync(const KioskModel& model, const std::string& staffId) {
  const StaffMember* s = model.findStaff(staffId);
  return s && (s->role == StaffRole::AssistantManager || s->role == StaffRole::Admin);
}

namespace {
void colouredWrapped(const std::string& text, ImU32 colour) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

std::string stamp(UtcMs t) {
  const LocalDateTime l = toStockholm(t);
  return formatSwedishLongDate(l) + " kl. " + formatHourMinute(l);
}
} // namespace

bool SyncScreen::holdsStaffMode(const KioskModel& model) const { return model.sync.running; }

void SyncScreen::onEnter(KioskUi& ui) { ui.refreshSyncStatus(); }

void SyncScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Synkronisera", "Tillbaka") || !maySync(model, ui.signedInStaff())) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  const auto& s = model.sync;
  const float colW = (win.x - f * 2.4f) / 2;
  const float top = ImGui::GetCursorPosY();

  // Left: the share, what waits, the last sync.
  ImGui::SetCursorPos(ImVec2(f * 0.8f, top));
  ImGui::BeginChild("sync-status", ImVec2(colW, win.y - top - f * 0.5f));
  dragToScroll();
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted("Central mapp");
  ImGui::PopFont();
  if (s.sharePath.empty()) {
    colouredWrapped("Ingen central mapp är inställd. Be IT ställa in den (dagverk settings --share).", theme::kError);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kMutedText);
    ImGui::TextWrapped("%s", s.sharePath.c_str());
    ImGui::PopStyleColor();
    switch (s.share) {
    case KioskModel::SyncView::Share::Reachable: colouredWrapped("Nåbar", theme::kYes); break;
    case KioskModel::SyncView::Share::Missing: colouredWrapped(s.shareProblem, theme::kError); break;
    case KioskModel::SyncView::Share::Checking:
    case KioskModel::SyncView::Share::Unknown: colouredWrapped("Kontrolleras …", theme::kMutedText); break;
    }
  }
  ImGui::Dummy(ImVec2(0, f * 0.4f));
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted("Väntar på att skickas");
  ImGui::PopFont();
  if (s.queued.empty()) {
    ImGui::TextUnformatted("Inget väntar.");
  } else {
    for (const auto& [label, n] : s.queued) ImGui::Text("%s: %lld", label.c_str(), static_cast<long long>(n));
  }
  ImGui::Dummy(ImVec2(0, f * 0.4f));
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted("Senast synkad");
  ImGui::PopFont();
  ImGui::TextUnformatted(s.lastSyncUtc ? stamp(*s.lastSyncUtc).c_str() : "Aldrig");
  if (!s.lastResult.empty() && !s.outcome) { // the result just shown on the right says it already
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kMutedText);
    ImGui::TextWrapped("%s", s.lastResult.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();

  // Right: the button, the progress bar, the result.
  ImGui::SetCursorPos(ImVec2(f * 1.6f + colW, top));
  ImGui::BeginChild("sync-action", ImVec2(colW, win.y - top - f * 0.5f));
  dragToScroll();
  const bool canStart = !s.running && !s.sharePath.empty();
  if (canStart) {
    if (bigButton(ui, "sync-now", "Synkronisera nu", Icon::Check, ImVec2(colW - f * 0.5f, f * 4.0f), theme::kPrimary,
                  IM_COL32_WHITE, ui.fonts().title)) {
      ui.startSync(ui.signedInStaff());
    }
  } else {
    // Drawn, but not tappable: a sync runs, or there is no share.
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + colW - f * 0.5f, min.y + f * 4.0f),
                                              theme::kInactive, f * 0.5f);
    ImGui::PushFont(ui.fonts().title);
    const char* label = s.running ? "Synkroniserar …" : "Synkronisera nu";
    const ImVec2 ts = ImGui::CalcTextSize(label);
    ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + (colW - f * 0.5f - ts.x) / 2, min.y + (f * 4.0f - ts.y) / 2),
                                        IM_COL32_WHITE, label);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(colW - f * 0.5f, f * 4.0f));
  }
  ImGui::Dummy(ImVec2(0, f * 0.5f));
  if (s.running) {
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, theme::kPrimary);
    ImGui::ProgressBar(static_cast<float>(s.progress), ImVec2(colW - f * 0.5f, f * 1.6f), "");
    ImGui::PopStyleColor();
    const ImVec2 bar = ImGui::GetItemRectMin();
    ui.rememberButton("sync-progress", bar, ImGui::GetItemRectMax());
    ImGui::TextWrapped("%s", s.step.c_str());
  } else if (s.outcome) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ui.fonts().large);
    colouredWrapped(s.outcomeOk ? "Synkroniseringen är klar" : "Synkroniseringen blev inte klar",
                    s.outcomeOk ? theme::kYes : theme::kError);
    ImGui::PopFont();
    ImGui::TextWrapped("%s", s.outcome->c_str());
    ui.rememberButton("sync-outcome", min, ImVec2(min.x + colW - f * 0.5f, ImGui::GetCursorScreenPos().y));
  }
  ImGui::EndChild();
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
