// The roll call at a fire drill (utrymning): everyone checked in when it started, participants
// and staff, in large picture tiles. A tap marks "i säkerhet"; the counter shows how many are
// left; a switch hides those already found. Works with no network; every mark is an event.
// Nobody signs in for it, so nothing here leads into staff mode: the end (after a yes/no step,
// so one stray tap does not end a drill) shows the summary, and the summary goes home.
#include "ui/RollCallScreen.hpp"
#include "ui/PictogramWidgets.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

void RollCallScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const auto& rc = model.rollCall;
  if (!rc || rc->ended) { // ended (here or on another screen): how it went; none at all: home
    confirmingEnd_ = false;
    ui.go(rc ? ScreenId::RollCallSummary : ScreenId::Home);
    return;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetWindowPos();
  dl->PushClipRect(pos, ImVec2(pos.x + win.x, pos.y + win.y), false);
  dl->AddRectFilled(pos, ImVec2(pos.x + win.x, pos.y + f * 3.4f), theme::kNo);
  dl->PopClipRect();
  ImGui::SetCursorPos(ImVec2(f * 0.8f, f * 0.4f));
  ImGui::PushFont(ui.fonts().title);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  const int remaining = rc->remaining();
  const std::string head = remaining == 0 ? "Alla i säkerhet" : std::to_string(remaining) + " kvar av " +
                                                                    std::to_string(rc->expectedIds.size());
  ImGui::TextUnformatted(("Utrymning · " + head).c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();

  ImGui::SetCursorPos(ImVec2(f * 0.8f, f * 3.9f));
  bool end = false;
  if (confirmingEnd_) { // the question takes the row: nothing else can be tapped by mistake
    const std::string question = remaining == 0 ? "Avsluta utrymningen?"
                                                : "Avsluta? " + std::to_string(remaining) + " saknas.";
    // Large when it fits beside the two buttons, else the body size (a small kiosk).
    ImGui::PushFont(ui.fonts().large);
    const bool fits = ImGui::CalcTextSize(question.c_str()).x < win.x - f * 19.4f;
    if (!fits) ImGui::PopFont();
    ImGui::SetCursorPosY(fits ? f * 4.3f : f * 4.5f);
    ImGui::TextUnformatted(question.c_str());
    if (fits) ImGui::PopFont();
    // "Nej" sits where "Avsluta utrymning" was, so a double tap there carries on.
    ImGui::SameLine(win.x - f * 17.6f);
    ImGui::SetCursorPosY(f * 3.9f);
    end = actionButton(ui, "end-rollcall-yes", "Ja, avsluta", theme::kNo, f * 8.0f);
    ImGui::SameLine(win.x - f * 8.8f);
    if (actionButton(ui, "end-rollcall-no", "Nej, fortsätt", theme::kPrimary, f * 8.0f)) confirmingEnd_ = false;
  } else {
    if (chip(ui, "hide-found", "Dölj hittade", hideFound_)) hideFound_ = !hideFound_;
    ImGui::SameLine(win.x - f * 9.8f);
    if (actionButton(ui, "end-rollcall", "Avsluta utrymning", theme::kText, f * 9.0f)) confirmingEnd_ = true;
  }

  const float tile = f * 4.4f, nameH = f * 1.4f, gap = f * 0.8f;
  const float top = f * 6.6f;
  ImGui::SetCursorPos(ImVec2(f * 0.8f, top));
  ImGui::BeginChild("people", ImVec2(win.x - f * 1.6f, win.y - top - f * 0.4f));
  dragToScroll();
  const int columns = std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().x + gap) / (tile + gap)));
  ImDrawList* cdl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  std::string marked;
  int shown = 0;
  for (const auto& id : rc->expectedIds) {
    const bool safe = rc->safeIds.count(id) != 0;
    if (safe && hideFound_) continue;
    const Participant* p = model.find(id);
    const StaffMember* s = p ? nullptr : model.findStaff(id);
    const std::string name = p ? p->displayName() : s ? s->displayName() : id;
    const std::string initials = p ? p->initials() : s ? s->initials() : "?";
    const ImVec2 min(origin.x + static_cast<float>(shown % columns) * (tile + gap),
                     origin.y + static_cast<float>(shown / columns) * (tile + nameH + gap));
    ++shown;
    ImGui::SetCursorScreenPos(min);
    if (ImGui::InvisibleButton(("person-" + id).c_str(), ImVec2(tile, tile + nameH)) && pointerDidNotDrag() && !safe)
      marked = id;
    ui.rememberButton("person-" + id, min, ImVec2(min.x + tile, min.y + tile + nameH));
    if (!ImGui::IsItemVisible()) continue;
    if (safe) cdl->AddRectFilled(ImVec2(min.x - gap * 0.3f, min.y - gap * 0.3f),
                                 ImVec2(min.x + tile + gap * 0.3f, min.y + tile + nameH), theme::kPresentTint, f * 0.4f);
    if (p) drawParticipantPicture(ui, cdl, *p, min, tile, safe);
    else drawPersonPicture(cdl, nullptr, id, initials, min, tile, safe, ui.fonts());
    if (s) { // staff are marked with a band, so the count of participants is easy to read
      cdl->AddRectFilled(ImVec2(min.x, min.y + tile - f * 1.0f), ImVec2(min.x + tile, min.y + tile), theme::kStaffBand);
      cdl->AddText(ImGui::GetFont(), f * 0.7f, ImVec2(min.x + f * 0.3f, min.y + tile - f * 0.85f), IM_COL32_WHITE,
                   "personal");
    }
    float fs = f * 0.9f;
    ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
    if (ts.x > tile + gap * 0.8f) {
      fs *= (tile + gap * 0.8f) / ts.x;
      ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
    }
    cdl->AddText(ImGui::GetFont(), fs, ImVec2(min.x + (tile - ts.x) / 2, min.y + tile + f * 0.15f),
                 safe ? theme::kYes : theme::kText, name.c_str());
  }
  const int rows = (shown + columns - 1) / columns;
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(rows) * (tile + nameH + gap)));
  ImGui::Dummy(ImVec2(1, 1));
  if (rc->expectedIds.empty()) ImGui::TextWrapped("Ingen var incheckad när utrymningen startade.");
  ImGui::EndChild();

  // Whoever taps is not known (no one signed in): marks and the end carry no actor.
  if (!marked.empty() && !confirmingEnd_) ui.request(cmd::MarkSafe{rc->rollCallId, marked, {}});
  if (end) {
    confirmingEnd_ = false;
    ui.request(cmd::EndRollCall{rc->rollCallId, {}}, [&ui](const std::string& error) {
      if (error.empty()) ui.go(ScreenId::RollCallSummary);
      else ui.showError(error);
    });
  }
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
