// Home: the site's name, today's date and a large clock, one large entry to the check-in grid,
// today's schedule in pictures, the roll-call entry, and a small but findable staff entry.
#include "core/LocalTime.hpp"
#include "ui/HomeScreen.hpp"
#include "ui/PowerPictures.hpp"
#include "ui/HeadcountWidgets.hpp"
#include "ui/PictogramWidgets.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

namespace {
constexpr long kSyncWarningDays = 14; // a warning from the 15th day without a sync

// Today's sessions as picture cards: time, pictogram, name. Past ones are faded.
void drawSchedule(KioskUi& ui, const KioskModel& model, ImVec2 at, float width, float height) {
  if (model.todaysSessions.empty()) return;
  const float f = ImGui::GetFontSize();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetWindowPos();
  const float cardW = std::min(f * 7.0f, (width - f * 0.5f * 5) / 6);
  const UtcMs now = ui.clock().nowUtc();
  float x = at.x;
  dl->AddText(ui.fonts().large, ui.fonts().large->FontSize * 0.8f, ImVec2(pos.x + x, pos.y + at.y), theme::kMutedText,
              "Idag");
  const float top = at.y + f * 1.5f;
  size_t shown = 0;
  for (const auto& s : model.todaysSessions) {
    if (x + cardW > at.x + width || shown == 6) break;
    const Activity* a = model.findActivity(s.data.activityId);
    const bool past = s.data.end <= now;
    const bool current = s.data.start <= now && now < s.data.end;
    const ImVec2 min(pos.x + x, pos.y + top), max(min.x + cardW, min.y + height - f * 1.5f);
    dl->AddRectFilled(min, max, current ? theme::kPrimary : theme::kPanel, f * 0.4f);
    const ImU32 ink = current ? IM_COL32_WHITE : past ? theme::kInactive : theme::kPrimary;
    const std::string time = formatHourMinute(toStockholm(s.data.start));
    dl->AddText(ui.fonts().large, ui.fonts().large->FontSize * 0.8f, ImVec2(min.x + f * 0.4f, min.y + f * 0.2f),
                current ? IM_COL32_WHITE : past ? ink : theme::kText, time.c_str());
    const float pictSize = std::min(cardW * 0.6f, (max.y - min.y) - f * 3.0f);
    const ImVec2 pictCentre(min.x + cardW / 2, min.y + f * 1.6f + pictSize / 2);
    if (!drawPictogram(ui, dl, activityPictogram(a), pictCentre, pictSize, "schedule-" + s.data.activityId,
                       past ? IM_COL32(255, 255, 255, 110) : IM_COL32_WHITE))
      drawActivityPictogram(dl, a ? a->category : "", pictCentre, pictSize, ink);
    const std::string name = a ? a->name : "";
    float fs = f * 0.8f;
    ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
    if (ts.x > cardW - f * 0.3f) {
      fs *= (cardW - f * 0.3f) / ts.x;
      ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, name.c_str());
    }
    dl->AddText(ImGui::GetFont(), fs, ImVec2(min.x + (cardW - ts.x) / 2, max.y - ts.y - f * 0.3f),
                current ? IM_COL32_WHITE : past ? ink : theme::kText, name.c_str());
    x += cardW + f * 0.5f;
    ++shown;
  }
}

// "Senast synkad: 2026-11-23" in small muted text, and after 14 days without a sync (counted
// from the first record if the kiosk never synced) a clear warning. Drawn from `at` to the
// right, or ending at `at` when alignRight (beside the schedule's "Idag").
void drawSyncNote(KioskUi& ui, const KioskModel& model, ImVec2 at, bool alignRight) {
  const auto& s = model.sync;
  const std::optional<UtcMs> since = s.lastSyncUtc ? s.lastSyncUtc : s.firstEventUtc;
  const float f = ImGui::GetFontSize();
  const float fs = f * 0.8f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetWindowPos();
  ImVec2 p(pos.x + at.x, pos.y + at.y);
  const long days = since ? daysFromCivil(toStockholm(ui.clock().nowUtc()).date) -
                                daysFromCivil(toStockholm(*since).date)
                          : 0;
  if (days > kSyncWarningDays) {
    const std::string text = "Inte synkad på " + std::to_string(days) + " dagar";
    const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(f, FLT_MAX, 0, text.c_str()); // larger than the note
    if (alignRight) p.x -= ts.x + f * 0.8f;
    const ImVec2 max(p.x + ts.x + f * 0.8f, p.y + ts.y + f * 0.3f);
    dl->AddRectFilled(p, max, theme::kError, f * 0.3f);
    dl->AddText(ImGui::GetFont(), f, ImVec2(p.x + f * 0.4f, p.y + f * 0.15f), IM_COL32_WHITE, text.c_str());
    ui.rememberButton("sync-warning", p, max);
    return;
  }
  const std::string text =
      s.lastSyncUtc ? "Senast synkad: " + formatIsoDate(toStockholm(*s.lastSyncUtc).date) : "Inte synkad ännu";
  const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, text.c_str());
  if (alignRight) p.x -= ts.x;
  dl->AddText(ImGui::GetFont(), fs, ImVec2(p.x, p.y + f * 0.15f), theme::kMutedText, text.c_str());
  ui.rememberButton("sync-note", p, ImVec2(p.x + ts.x, p.y + ts.y + f * 0.3f));
}
} // namespace

void HomeScreen::onEnter(KioskUi& ui) {
  Screen::onEnter(ui);
  headcountMessage_.clear();
  headcountError_ = false;
}

void HomeScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  if (model.homeMode == HomeMode::CheckIn) {
    drawMain(ui, model);
    return;
  }
  // Headcount mode: the door counter in a column on the right, the rest beside it.
  const float f = ImGui::GetFontSize();
  const ImVec2 size = ImGui::GetWindowSize();
  const float column = std::min(f * 13.0f, size.x * 0.3f);
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
  ImGui::SetCursorPos(ImVec2(0, 0));
  ImGui::BeginChild("home-main", ImVec2(size.x - column - f * 0.6f, size.y), false, flags);
  drawMain(ui, model);
  ImGui::EndChild();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetWindowPos();
  const float x = size.x - column - f * 0.6f;
  dl->AddLine(ImVec2(pos.x + x, pos.y + f * 0.8f), ImVec2(pos.x + x, pos.y + size.y - f * 0.8f), theme::kInactive,
              std::max(1.0f, f * 0.08f));
  ImGui::SetCursorPos(ImVec2(x + f * 0.6f, f * 0.8f));
  doorCounter(ui, model, column - f * 0.6f, size.y - f * 1.6f, headcountMessage_, headcountError_);
}

void HomeScreen::drawMain(KioskUi& ui, const KioskModel& model) {
  const Fonts& fonts = ui.fonts();
  // An open meeting place with no enrolled participants has no check-in to offer.
  const bool checkIn = model.homeMode != HomeMode::Headcount;
  const float f = ImGui::GetFontSize();
  const ImVec2 size = ImGui::GetWindowSize();
  const LocalDateTime now = toStockholm(ui.clock().nowUtc());

  // Top bar: the site's name, how many are here now, and the staff entry.
  const std::string here = checkIn ? std::to_string(model.presentSince.size()) + " här nu" : std::string();
  const float staffW = f * 6.0f;
  ImGui::PushFont(fonts.large);
  const float hw = ImGui::CalcTextSize(here.c_str()).x;
  // Beside the door counter the bar is narrower: a long name is drawn smaller rather than under
  // "här nu".
  const float nameRoom = size.x - f - (here.empty() ? 0 : hw + f * 2.0f) - staffW - f * 1.8f;
  const float nameW = ImGui::CalcTextSize(model.siteName.c_str()).x;
  const float nameSize = fonts.large->FontSize * std::min(1.0f, nameRoom / std::max(nameW, 1.0f));
  ImGui::GetWindowDrawList()->AddText(fonts.large, nameSize,
                                      ImVec2(ImGui::GetWindowPos().x + f,
                                             ImGui::GetWindowPos().y + f * 0.8f + (fonts.large->FontSize - nameSize) / 2),
                                      theme::kText, model.siteName.c_str());
  ImGui::PopFont();
  ImGui::SetCursorPos(ImVec2(size.x - staffW - f * 0.8f, f * 0.6f));
  if (actionButton(ui, "staff-entry", "Personal", theme::kPanel, staffW, 1.9f)) ui.askForPin();
  // A nearly flat battery: a calm picture under the staff entry (staff see the words).
  if (batteryLow(model.battery)) {
    const ImVec2 at(ImGui::GetItemRectMin().x + f * 0.4f, ImGui::GetItemRectMax().y + f * 0.5f);
    ui.rememberButton("home-low-battery", at, drawLowBatteryPicture(ImGui::GetWindowDrawList(), at, f * 1.3f));
  }
  ImGui::PushFont(fonts.large);
  ImGui::SetCursorPos(ImVec2(size.x - staffW - hw - f * 2.0f, f * 0.8f));
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kYes);
  ImGui::TextUnformatted(here.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  // Date and clock; higher up when there is a schedule to show.
  const bool schedule = !model.todaysSessions.empty();
  // The sync note under the site's name; with a schedule the date sits higher, so the note
  // moves to the schedule's title line (placed below, once the row's height is known).
  if (!schedule) drawSyncNote(ui, model, ImVec2(f, f * 1.0f + fonts.large->FontSize), false);
  ImGui::SetCursorPosY(size.y * (schedule ? 0.10f : 0.16f));
  const std::string date = formatSwedishLongDate(now);
  centredText(date.c_str(), fonts.large, theme::kMutedText);
  const std::string clock = formatHourMinute(now);
  centredText(clock.c_str(), fonts.clock, theme::kText);

  // The large entries: check in / out, "Tyck till", the survey while it is open, and the roll
  // call (which asks for any staff PIN).
  const float rowY = size.y * (schedule ? 0.40f : 0.56f);
  const bool survey = model.surveyOpenToday();
  const float gap = f * 0.9f;
  const float small = std::min(f * 7.0f, size.x * 0.16f);
  const int smallCount = survey ? 3 : 2;
  const ImVec2 button(checkIn ? std::min(size.x - 2 * f - static_cast<float>(smallCount) * (small + gap), f * 16) : 0,
                      f * 4.6f);
  const ImVec2 side(small, f * 4.6f);
  const float total = checkIn ? button.x + static_cast<float>(smallCount) * (small + gap)
                              : static_cast<float>(smallCount) * (small + gap) - gap;
  ImGui::SetCursorPos(ImVec2((size.x - total) / 2, rowY));
  if (checkIn) {
    if (bigButton(ui, "enter-grid", "Checka in / ut", Icon::PersonIn, button, theme::kPrimary, IM_COL32_WHITE,
                  fonts.title))
      ui.go(ScreenId::CheckInGrid);
    ImGui::SameLine(0, gap);
  }
  if (bigButton(ui, "feedback-entry", "Tyck till", Icon::Speech, side, theme::kYes, IM_COL32_WHITE, fonts.body,
                IconPlacement::Above))
    ui.go(ScreenId::FeedbackMood); // a new entry
  if (survey) {
    ImGui::SameLine(0, gap);
    if (bigButton(ui, "survey-entry", "Svara på frågor", Icon::Question, side, theme::kSurvey,
                  IM_COL32_WHITE, fonts.body, IconPlacement::Above))
      ui.go(ScreenId::SurveyWho); // new answers
  }
  ImGui::SameLine(0, gap);
  const bool rollCallOpen = model.rollCall && !model.rollCall->ended;
  if (bigButton(ui, "rollcall-entry", rollCallOpen ? "Utrymning pågår" : "Utrymning", Icon::Exit, side, theme::kNo,
                IM_COL32_WHITE, fonts.body, IconPlacement::Above))
    ui.startRollCall();

  if (schedule) {
    drawSchedule(ui, model, ImVec2(f, rowY + button.y + f * 1.0f), size.x - 2 * f, size.y - (rowY + button.y + f * 1.6f));
    drawSyncNote(ui, model, ImVec2(size.x - f, rowY + button.y + f * 1.0f), true);
  }

  drawErrorBanner(ui);
}

} // namespace dagverk::ui
