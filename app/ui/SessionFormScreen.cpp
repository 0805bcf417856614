// Log or plan an activity session: which activity, who took part (pre-selected with those
// here now), which staff, start and end, at the site or an outing, a short note. The form
// lives in memory until "Spara": then it is one event (or two for an edit) in one transaction.
#include "core/LocalTime.hpp"
#include "ui/SessionFormScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

namespace {
constexpr std::int64_t kQuarterMs = 15 * 60 * 1000;

void toggle(std::vector<std::string>& ids, const std::string& id) {
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) ids.push_back(id);
  else ids.erase(it);
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void heading(KioskUi& ui, const std::string& text) {
  ImGui::Spacing();
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopFont();
}

// Wraps the next item to a new line when it would not fit.
void flow(float itemWidth, float& x, float maxX) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  if (x > 0 && x + gap + itemWidth <= maxX) ImGui::SameLine();
  else x = 0;
  x += (x > 0 ? gap : 0) + itemWidth;
}

void activityChoice(KioskUi& ui, const KioskModel& model, SessionDraft& d, float maxX) {
  const float f = ImGui::GetFontSize();
  const ImVec2 size(f * 6.5f, f * 4.2f);
  float x = 0;
  for (const auto& a : model.activities) {
    flow(size.x, x, maxX);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton(("activity-" + a.id).c_str(), size) && pointerDidNotDrag()) d.activityId = a.id;
    ui.rememberButton("activity-" + a.id, min, ImVec2(min.x + size.x, min.y + size.y));
    const bool on = d.activityId == a.id;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), on ? theme::kPrimary : theme::kPanel, f * 0.4f);
    const ImU32 ink = on ? IM_COL32_WHITE : theme::kPrimary;
    drawActivityPictogram(dl, a.category, ImVec2(min.x + size.x / 2, min.y + f * 1.5f), f * 2.2f, ink);
    float fs = f * 0.8f;
    ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, a.name.c_str());
    if (ts.x > size.x - f * 0.4f) {
      fs *= (size.x - f * 0.4f) / ts.x;
      ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, a.name.c_str());
    }
    dl->AddText(ImGui::GetFont(), fs, ImVec2(min.x + (size.x - ts.x) / 2, min.y + f * 3.0f),
                on ? IM_COL32_WHITE : theme::kText, a.name.c_str());
  }
}

void participantChoice(KioskUi& ui, const KioskModel& model, SessionDraft& d, float maxX) {
  const float f = ImGui::GetFontSize();
  const float pic = f * 2.6f;
  const ImVec2 size(f * 4.2f, pic + f * 1.2f);
  float x = 0;
  for (const auto& p : model.participants) {
    flow(size.x, x, maxX);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton(("pick-" + p.id).c_str(), size) && pointerDidNotDrag()) toggle(d.participantIds, p.id);
    if (!ImGui::IsItemVisible()) continue;
    ui.rememberButton("pick-" + p.id, min, ImVec2(min.x + size.x, min.y + size.y));
    const bool on = contains(d.participantIds, p.id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (on) dl->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), theme::kPresentTint, f * 0.3f);
    drawPersonPicture(dl, ui.pictures().pictureOf(p), p.id, p.initials(), ImVec2(min.x + (size.x - pic) / 2, min.y + f * 0.15f),
                      pic, on, ui.fonts());
    const std::string name = p.displayName();
    float fs = f * 0.75f;
    ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
    if (ts.x > size.x) {
      fs *= size.x / ts.x;
      ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
    }
    dl->AddText(ImGui::GetFont(), fs, ImVec2(min.x + (size.x - ts.x) / 2, min.y + pic + f * 0.25f), theme::kText,
                name.c_str());
  }
}

// "Start [−] 09:00 [+]" on one line, everything centred on the buttons' middle.
void timeStepper(KioskUi& ui, const char* name, const char* label, UtcMs& t) {
  const float f = ImGui::GetFontSize();
  const float y = ImGui::GetCursorPosY();
  const float x = ImGui::GetCursorPosX();
  ImGui::SetCursorPos(ImVec2(x, y + f * 0.5f));
  ImGui::TextUnformatted(label);
  const float labelW = ImGui::CalcTextSize(label).x;
  ImGui::SetCursorPos(ImVec2(x + labelW + f * 0.5f, y));
  if (actionButton(ui, std::string(name) + "-minus", "−", theme::kPanel, f * 2.4f)) t -= kQuarterMs;
  ImGui::PushFont(ui.fonts().large);
  const std::string hm = formatHourMinute(toStockholm(t));
  const float textW = ImGui::CalcTextSize(hm.c_str()).x;
  ImGui::SetCursorPos(ImVec2(x + labelW + f * 3.4f, y + f * 0.2f));
  ImGui::TextUnformatted(hm.c_str());
  ImGui::PopFont();
  ImGui::SetCursorPos(ImVec2(x + labelW + f * 3.9f + textW, y));
  if (actionButton(ui, std::string(name) + "-plus", "+", theme::kPanel, f * 2.4f)) t += kQuarterMs;
}

std::string durationText(std::int64_t ms) {
  if (ms <= 0) return "–";
  const std::int64_t minutes = ms / 60000;
  std::string out;
  if (minutes >= 60) out += std::to_string(minutes / 60) + " tim";
  if (minutes % 60) out += (out.empty() ? "" : " ") + std::to_string(minutes % 60) + " min";
  return out;
}
} // namespace

void SessionFormScreen::open(KioskUi& ui, const KioskModel& model, bool planned, const ActivitySession* edit) {
  SessionDraft d;
  const UtcMs now = ui.clock().nowUtc();
  if (edit) {
    const auto& s = edit->data;
    d.sessionId = s.sessionId;
    d.replacesEventId = edit->eventId;
    d.activityId = s.activityId;
    d.participantIds = s.participantIds;
    d.staffIds = s.staffIds;
    d.start = s.start;
    d.end = s.end;
    d.outing = s.outing;
    d.place = s.place;
    d.note = s.note;
    d.planned = s.planned && planned;
  } else {
    d.planned = planned;
    if (planned) { // from the next full hour, one hour long
      d.start = (now / (4 * kQuarterMs) + 1) * (4 * kQuarterMs);
      d.end = d.start + 4 * kQuarterMs;
    } else {       // the hour that just ended, to the quarter
      d.end = now / kQuarterMs * kQuarterMs;
      d.start = d.end - 4 * kQuarterMs;
      for (const auto& [pid, since] : model.presentSince) d.participantIds.push_back(pid);
    }
    if (ui.inStaffMode()) d.staffIds.push_back(ui.signedInStaff());
  }
  ui.go(kId);
  draft_ = std::move(d);
  step_ = 1;
}

void SessionFormScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  SessionDraft& d = draft_;
  int& step = step_;
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const char* title = !d.replacesEventId.empty() ? "Ändra aktivitet" : d.planned ? "Planera aktivitet" : "Ny aktivitet";
  if (staffBar(ui, model, title, "Avbryt")) {
    ui.go(ScreenId::ActivityLog); // nothing is saved
    return;
  }
  // The steps, as tabs: each can be opened directly.
  stepTabs(ui, step, editing_, message_, {"1 Aktivitet", "2 Deltagare (" + std::to_string(d.participantIds.size()) + ")", "3 Personal & tid",
               "4 Plats & text"});

  const float kb = keyboardHeight(editing_);
  const float bottomBar = kb > 0 ? 0 : f * 3.4f;
  ImGui::BeginChild("form", ImVec2(win.x - f * 1.6f, win.y - ImGui::GetCursorPosY() - bottomBar - kb - f * 0.3f));
  dragToScroll();
  const float maxX = ImGui::GetContentRegionAvail().x;
  switch (step) {
  case 1:
    heading(ui, "Vilken aktivitet?");
    activityChoice(ui, model, d, maxX);
    break;
  case 2:
    heading(ui, "Vilka var med?");
    if (actionButton(ui, "pick-present", "Alla som är här", theme::kPanel)) {
      d.participantIds.clear();
      for (const auto& [pid, since] : model.presentSince) d.participantIds.push_back(pid);
    }
    ImGui::SameLine();
    if (actionButton(ui, "pick-none", "Ingen", theme::kPanel)) d.participantIds.clear();
    participantChoice(ui, model, d, maxX);
    break;
  case 3: {
    heading(ui, "Personal");
    // Those at work today (checked in), those already chosen, and whoever is signed in;
    // everyone on "Visa alla".
    float x = 0;
    for (const auto& s : model.staff) {
      const bool relevant = showAllStaff_ || model.staffPresentSince.count(s.id) || contains(d.staffIds, s.id) ||
                            s.id == ui.signedInStaff();
      if (!relevant) continue;
      const float w = ImGui::CalcTextSize(s.displayName().c_str()).x + f * 2.2f;
      flow(w, x, maxX);
      if (chip(ui, "staff-" + s.id, s.displayName(), contains(d.staffIds, s.id), w)) toggle(d.staffIds, s.id);
    }
    {
      const char* label = showAllStaff_ ? "Visa färre" : "Visa alla";
      const float w = ImGui::CalcTextSize(label).x + f * 1.6f;
      flow(w, x, maxX);
      if (actionButton(ui, "staff-all", label, theme::kPanel, w)) showAllStaff_ = !showAllStaff_;
    }
    heading(ui, "Tid (" + durationText(d.end - d.start) + ")");
    timeStepper(ui, "start", "Start", d.start);
    ImGui::SameLine(0, f * 2);
    timeStepper(ui, "end", "Slut", d.end);
    for (int minutes : {30, 60, 90, 120, 180}) {
      if (minutes != 30) ImGui::SameLine();
      if (chip(ui, "duration-" + std::to_string(minutes), durationText(minutes * 60000LL),
               d.end - d.start == minutes * 60000LL))
        d.end = d.start + minutes * 60000LL;
    }
    break;
  }
  default:
    heading(ui, "Plats");
    if (chip(ui, "at-site", "På verksamheten", !d.outing)) d.outing = false;
    ImGui::SameLine();
    if (chip(ui, "outing", "Utflykt", d.outing)) d.outing = true;
    ImGui::SameLine(0, f * 2);
    if (chip(ui, "status-done", "Genomförd", !d.planned)) d.planned = false;
    ImGui::SameLine();
    if (chip(ui, "status-planned", "Planerad", d.planned)) d.planned = true;
    if (d.outing) textField(ui, editing_, "place", d.place, 200, "Vart? (t.ex. Skansen)", maxX, 2.0f);
    heading(ui, "Anteckning (frivillig)");
    textField(ui, editing_, "note", d.note, kMaxNoteChars, "Kort anteckning", maxX, 3.0f);
    break;
  }
  ImGui::Dummy(ImVec2(1, f));
  ImGui::EndChild();

  if (kb == 0) {
    if (stepFormBar(ui, step, message_, d.planned ? "Spara i planen" : "Spara", f * 9, 4)) {
      ui.request(cmd::LogSession{d, ui.signedInStaff()}, [this, &ui](const std::string& error) {
        if (error.empty()) {
          draft_ = SessionDraft{};
          ui.go(ScreenId::ActivityLog);
        } else {
          message_ = error;
        }
      });
    }
  }
  onScreenKeyboard(ui, editing_);
}

} // namespace dagverk::ui
