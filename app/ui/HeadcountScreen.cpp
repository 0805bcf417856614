// "Besökare": a big "+1" as people come in, "Ångra" for a tap too many (within a minute), and
// a total typed afterwards on the keypad, optionally for one activity ("Teater: 23"). A total
// above the confirmation limit is asked about first ("Är det rätt?"). Today's sum is shown
// from the model, so it is what the log holds.
#include "ui/HeadcountScreen.hpp"

#include "ui/HeadcountWidgets.hpp"

#include "core/Headcount.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <charconv>

namespace dagverk::ui {

namespace {
// Longest total the keypad takes (kHeadcountMax has four digits).
constexpr size_t kTotalDigits = 4;

int parseCount(const std::string& digits) {
  int n = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), n);
  return n;
}
} // namespace

void HeadcountScreen::onEnter(KioskUi& ui) {
  Screen::onEnter(ui);
  digits_.clear();
  activity_.clear();
  pendingLarge_ = 0;
  message_.clear();
  messageIsError_ = false;
}

void HeadcountScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Besökare", "Tillbaka")) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  const float top = ImGui::GetCursorPosY();
  const float height = win.y - top - f * 0.8f;
  const float leftW = std::min(f * 14.0f, win.x * 0.36f);
  ImGui::SetCursorPos(ImVec2(f * 0.8f, top));
  drawTally(ui, model, leftW, height);
  const float x = f * 0.8f + leftW + f * 1.2f;
  const float width = win.x - x - f * 0.8f;
  ImGui::SetCursorPosY(top);
  if (pendingLarge_ > 0) drawConfirm(ui, model, x, width);
  else drawTotalForm(ui, model, x, width, height);
  drawErrorBanner(ui);
}

// Left: today's sum, the big "+1", "Ångra" and the last result.
void HeadcountScreen::drawTally(KioskUi& ui, const KioskModel& model, float width, float height) {
  const float f = ImGui::GetFontSize();
  const float left = ImGui::GetCursorPosX(), top = ImGui::GetCursorPosY();
  ImGui::TextUnformatted("Besökare idag");
  ImGui::SetCursorPosX(left);
  ImGui::PushFont(ui.fonts().title);
  ImGui::TextUnformatted(std::to_string(model.headcount.today).c_str());
  ImGui::PopFont();
  const float buttonsTop = top + height - f * 5.2f;
  ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + f * 0.3f));
  const float plusH = buttonsTop - ImGui::GetCursorPosY() - f * 0.4f;
  if (pictureChoice(ui, "headcount-plus", "+1", ImVec2(width, plusH), ui.fonts().title,
                    [](ImDrawList* dl, ImVec2 c, float s) { drawVisitors(dl, c, s, theme::kPrimary); })) {
    save(ui, model, 1, false, false);
  }
  // "Ångra": the newest tally of today, within a minute of it.
  const auto& h = model.headcount;
  const bool canUndo = canUndoHeadcount(ui, model);
  const std::string undoLabel = "−" + std::to_string(canUndo ? h.lastCount : 1) + " Ångra";
  ImGui::SetCursorPos(ImVec2(left, buttonsTop));
  if (actionButton(ui, "headcount-undo", undoLabel, theme::kPanel, width * 0.6f, 2.0f, canUndo)) {
    const int undone = h.lastCount;
    ui.request(cmd::Correct{h.lastEventId, "av_misstag", ui.signedInStaff()},
               [this, undone](const std::string& error) {
                 messageIsError_ = !error.empty();
                 message_ = error.empty() ? "Ångrat: " + std::to_string(undone) + " besökare" : error;
               });
  }
  ImGui::SetCursorPos(ImVec2(left, buttonsTop + f * 2.5f));
  ImGui::PushTextWrapPos(left + width);
  if (messageIsError_) errorText(message_);
  else ImGui::TextWrapped("%s", message_.c_str());
  ImGui::PopTextWrapPos();
}

// Right: a total typed afterwards on the keypad, and the activity it was for.
void HeadcountScreen::drawTotalForm(KioskUi& ui, const KioskModel& model, float x, float width, float height) {
  const float f = ImGui::GetFontSize();
  const float top = ImGui::GetCursorPosY();
  const float keySize = std::min(f * 3.0f, (height - f * 3.2f - f * 1.5f) / 4);
  const float padW = keySize * 3 + f * 1.0f;
  ImGui::SetCursorPos(ImVec2(x, top));
  ImGui::TextUnformatted("Skriv summan efteråt");
  ImGui::SetCursorPosX(x);
  ImGui::PushFont(ui.fonts().large);
  const Activity* a = model.findActivity(activity_);
  const std::string typed = (digits_.empty() ? "–" : digits_) + " besökare";
  ImGui::TextUnformatted(a ? (a->name + ": " + typed).c_str() : typed.c_str());
  ImGui::PopFont();
  ImGui::SetCursorPos(ImVec2(x, top + f * 3.2f));
  if (numericKeypad(ui, digits_, kTotalDigits, keySize, 1)) {
    message_.clear(); // the answer to this total replaces what was said about the last one
    const int n = parseCount(digits_);
    if (n > kHeadcountConfirmAbove) pendingLarge_ = n;
    else save(ui, model, n, true, false);
  }
  // The activity, if any: one chip per activity of the catalogue, scrolling if they are many.
  const float listX = x + padW + f * 0.8f;
  const float listW = x + width - listX;
  ImGui::SetCursorPos(ImVec2(listX, top));
  ImGui::TextUnformatted("Aktivitet (frivillig)");
  ImGui::SetCursorPos(ImVec2(listX, top + f * 1.6f));
  ImGui::BeginChild("headcount-activities", ImVec2(listW, height - f * 1.6f));
  dragToScroll();
  const float chipW = listW - ImGui::GetStyle().ScrollbarSize - f * 0.3f; // clear of the scrollbar
  if (chip(ui, "activity-none", "Ingen", activity_.empty(), chipW)) activity_.clear();
  for (const auto& act : model.activities)
    if (chip(ui, "activity-" + act.id, act.name, activity_ == act.id, chipW))
      activity_ = activity_ == act.id ? std::string() : act.id;
  ImGui::EndChild();
}

// Instead of the keypad: "Är det rätt? 612 besökare" with a big Ja and Nej.
void HeadcountScreen::drawConfirm(KioskUi& ui, const KioskModel& model, float x, float width) {
  const float f = ImGui::GetFontSize();
  const float top = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(x, top + f * 1.0f));
  ImGui::PushFont(ui.fonts().title);
  ImGui::TextUnformatted("Är det rätt?");
  ImGui::SetCursorPosX(x);
  ImGui::TextUnformatted((std::to_string(pendingLarge_) + " besökare").c_str());
  ImGui::PopFont();
  if (const Activity* a = model.findActivity(activity_)) {
    ImGui::SetCursorPosX(x);
    ImGui::PushFont(ui.fonts().large);
    ImGui::TextUnformatted(a->name.c_str());
    ImGui::PopFont();
  }
  const float buttonW = std::min(f * 9.0f, (width - f) / 2);
  ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + f * 1.0f));
  ImGui::PushFont(ui.fonts().large);
  const bool yes = actionButton(ui, "confirm-yes", "Ja", theme::kYes, buttonW, 2.6f);
  ImGui::SameLine(0, f);
  const bool no = actionButton(ui, "confirm-no", "Nej", theme::kNo, buttonW, 2.6f);
  ImGui::PopFont();
  if (yes) save(ui, model, pendingLarge_, true, true);
  if (yes || no) pendingLarge_ = 0;
}

void HeadcountScreen::save(KioskUi& ui, const KioskModel& model, int count, bool typedTotal, bool confirmedLarge) {
  // "+1" counts at the door, for no activity; a typed total carries the form's activity and
  // empties the form once saved.
  const std::string activityId = typedTotal ? activity_ : std::string();
  const Activity* a = model.findActivity(activityId);
  const std::string what = (a ? a->name + ": " : std::string()) + std::to_string(count) + " besökare";
  ui.request(cmd::TallyHeadcount{count, activityId, confirmedLarge, ui.signedInStaff()},
             [this, what, typedTotal](const std::string& error) {
               messageIsError_ = !error.empty();
               message_ = error.empty() ? "Sparat: " + what : error;
               if (error.empty() && typedTotal) {
                 digits_.clear();
                 activity_.clear();
               }
             });
}

} // namespace dagverk::ui
