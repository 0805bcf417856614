// Staff sign-in, step 2: the PIN on a numeric keypad. Wrong PINs say how many tries are left;
// after five the kiosk locks with a countdown (the counter survives a restart).
#include "core/LocalTime.hpp"
#include "ui/PinScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

namespace {
std::string lockedMessage(std::int64_t seconds) {
  const std::int64_t m = seconds / 60, s = seconds % 60;
  char buf[96];
  std::snprintf(buf, sizeof buf, "För många fel. Försök igen om %lld:%02lld.", static_cast<long long>(m),
                static_cast<long long>(s));
  return buf;
}
} // namespace

UtcMs PinScreen::idleSince(UtcMs lastInput, const KioskModel& model) const {
  return std::max(lastInput, model.pinLockout.lockedUntil);
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

  // A lock-out shows its countdown, live, and nothing can be typed until it ends.
  // For the roll call the keypad stays open: a fire drill must not wait for the lock-out.
  const bool rollCall = ui.pinPurpose() == PinPurpose::RollCall;
  const std::int64_t lockedFor = rollCall ? 0 : model.pinLockout.secondsLeft(ui.clock().nowUtc());
  const std::string message = lockedFor > 0 ? lockedMessage(lockedFor) : message_;
  ImGui::SetCursorPos(ImVec2(left, dotsY + f * 1.4f));
  ImGui::PushTextWrapPos(win.x - padWidth - f * 2);
  errorText(message.c_str(), false);
  ImGui::PopTextWrapPos();

  ImGui::SetCursorPos(ImVec2(win.x - padWidth - f, f * 4.0f));
  if (lockedFor > 0) digits_.clear();
  // OK sends what was typed (4 to 8 digits): the keypad cannot know a staff member's PIN
  // length without telling a guesser, so it never submits by itself.
  if (numericKeypad(ui, digits_, kMaxPinDigits, keySize, kMinPinDigits) && lockedFor == 0) {
    const std::string id = who->id;
    ui.checkPin(id, digits_, rollCall, [this, &ui, id, rollCall](const PinAnswer& a) {
      switch (a.result) {
      case PinAnswer::Result::Accepted: ui.signIn(id); break;
      case PinAnswer::Result::Wrong:
        message_ = a.attemptsLeft > 0 ? "Fel kod. " + std::to_string(a.attemptsLeft) + " försök kvar." : "Fel kod.";
        break;
      case PinAnswer::Result::LockedOut:
        // Staff mode shows the countdown; the roll call says to try again in a moment.
        message_ = rollCall ? "Fel kod, eller för tätt. Försök igen om några sekunder." : "";
        break;
      }
    });
    digits_.clear();
  }
}

} // namespace dagverk::ui
