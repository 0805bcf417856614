// Staff sign-in, step 2: the PIN on a numeric keypad. Wrong PINs say how many tries are left;
// after five this staff member is locked out for a while (the counter survives a restart):
// the keypad turns grey and cannot be tapped, and the screen says until when in plain words.
// Colleagues sign in as usual.
#include "core/LocalTime.hpp"
#include "ui/PinScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <array>

namespace dagverk::ui {

namespace {
// "Du kan försöka igen klockan 14:36 (om 4:59)." The clock time for when, the countdown for
// how soon: a 30-second lock-out ends within the minute the clock shows.
std::string lockedMessage(UtcMs until, std::int64_t seconds) {
  const std::int64_t m = seconds / 60, s = seconds % 60;
  char buf[128];
  std::snprintf(buf, sizeof buf, "Du kan försöka igen klockan %s (om %lld:%02lld).",
                formatHourMinute(toStockholm(until + 59'999)).c_str(), static_cast<long long>(m),
                static_cast<long long>(s));
  return buf;
}

// The keypad as it looks while locked: grey keys that are not buttons, so nothing can be typed.
void disabledKeypad(KioskUi& ui, float keySize) {
  static const std::array<const char*, 12> kKeys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"};
  const float gap = ImGui::GetFontSize() * 0.5f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::PushFont(ui.fonts().large); // as the keypad that can be tapped
  for (size_t i = 0; i < kKeys.size(); ++i) {
    const ImVec2 min(origin.x + static_cast<float>(i % 3) * (keySize + gap),
                     origin.y + static_cast<float>(i / 3) * (keySize + gap));
    dl->AddRectFilled(min, ImVec2(min.x + keySize, min.y + keySize), theme::kDisabledButton, keySize * 0.12f);
    const ImVec2 ts = ImGui::CalcTextSize(kKeys[i]);
    dl->AddText(ImVec2(min.x + (keySize - ts.x) / 2, min.y + (keySize - ts.y) / 2), theme::kPanel, kKeys[i]);
  }
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(keySize * 3 + gap * 2, keySize * 4 + gap * 3));
}
} // namespace

UtcMs PinScreen::idleSince(UtcMs lastInput, const KioskModel& model) const {
  const auto it = model.pinLockouts.find(staffId_);
  return it == model.pinLockouts.end() ? lastInput : std::max(lastInput, it->second.lockedUntil);
}

void PinScreen::open(KioskUi& ui, const std::string& staffId) {
  ui.go(kId);
  staffId_ = staffId;
  digits_.clear();
  message_.clear();
}

void PinScreen::onLeave(KioskUi&) { digits_.clear(); }

void PinScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Skriv din kod", "Tillbaka")) {
    ui.go(ScreenId::StaffPicker);
    return;
  }
  const StaffMember* who = model.findStaff(staffId_);
  if (!who) {
    ui.go(ScreenId::StaffPicker);
    return;
  }
  // Left: who is signing in and what happened. Right: the keypad.
  const float keySize = std::min(f * 3.2f, (win.y - f * 5.0f) / 4.6f);
  const float padWidth = keySize * 3 + f * 1.0f;
  const float left = f * 1.5f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetWindowPos();
  const float pic = f * 5.0f;
  drawPersonPicture(dl, nullptr, who->id, who->initials(), ImVec2(pos.x + left, pos.y + f * 4.2f), pic, false,
                    ui.fonts());
  ImGui::SetCursorPos(ImVec2(left + pic + f, f * 4.4f));
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted(who->displayName().c_str());
  ImGui::PopFont();
  ImGui::SetCursorPos(ImVec2(left + pic + f, f * 6.4f));
  ImGui::TextUnformatted(roleLabelSv(who->role));

  // The dots for typed digits.
  const float dotsY = f * 10.5f;
  const size_t shown = std::max<size_t>(4, digits_.size());
  for (size_t i = 0; i < shown; ++i) {
    const ImVec2 c(pos.x + left + f * 0.8f + static_cast<float>(i) * f * 1.8f, pos.y + dotsY);
    if (i < digits_.size()) dl->AddCircleFilled(c, f * 0.5f, theme::kText);
    else dl->AddCircle(c, f * 0.5f, theme::kMutedText, 0, f * 0.08f);
  }

  // This staff member's lock-out shows until when, live, and nothing can be typed until it ends.
  const auto lock = model.pinLockouts.find(who->id);
  const UtcMs now = ui.clock().nowUtc();
  const std::int64_t lockedFor = lock == model.pinLockouts.end() ? 0 : lock->second.secondsLeft(now);
  ImGui::SetCursorPos(ImVec2(left, dotsY + f * 1.4f));
  ImGui::PushTextWrapPos(win.x - padWidth - f * 2);
  if (lockedFor > 0) {
    ImGui::PushFont(ui.fonts().large);
    errorText("Fel kod för många gånger.", true);
    ImGui::PopFont();
    ImGui::TextWrapped("%s", lockedMessage(now + lockedFor * 1000, lockedFor).c_str());
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kMutedText);
    ImGui::TextWrapped("Andra i personalen kan logga in som vanligt. Vid brand: gå till startsidan och tryck på Utrymning.");
    ImGui::PopStyleColor();
  } else {
    errorText(message_.c_str(), false);
  }
  ImGui::PopTextWrapPos();

  ImGui::SetCursorPos(ImVec2(win.x - padWidth - f, f * 4.0f));
  if (lockedFor > 0) {
    digits_.clear();
    message_.clear();
    disabledKeypad(ui, keySize);
    return;
  }
  // OK sends what was typed (4 to 8 digits): the keypad cannot know a staff member's PIN
  // length without telling a guesser, so it never submits by itself.
  if (numericKeypad(ui, digits_, kMaxPinDigits, keySize, kMinPinDigits)) {
    const std::string id = who->id;
    ui.checkPin(id, digits_, [this, &ui, id](const PinAnswer& a) {
      switch (a.result) {
      case PinAnswer::Result::Accepted: ui.signIn(id); break;
      case PinAnswer::Result::Wrong:
        message_ = a.attemptsLeft > 0 ? "Fel kod. " + std::to_string(a.attemptsLeft) + " försök kvar." : "Fel kod.";
        break;
      case PinAnswer::Result::LockedOut: message_.clear(); break; // the screen shows until when
      }
    });
    digits_.clear();
  }
}

} // namespace dagverk::ui
