#pragma once
// Staff sign-in, step 2: the PIN on a numeric keypad, with the lock-out's countdown.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class PinScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::PinEntry;
  PinScreen() : Screen(kId, "pin") {}
  Closing closing() const override { return Closing::SignInIdle; }
  // The countdown of a lock-out keeps the screen open.
  UtcMs idleSince(UtcMs lastInput, const KioskModel& model) const override;
  // Opens the keypad for one staff member, with nothing typed.
  void open(KioskUi& ui, const std::string& staffId);
  // A PIN typed half-way is not kept once the screen is left.
  void onLeave(KioskUi& ui) override;

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::string staffId_; // who is typing their PIN
  std::string digits_;
  std::string message_; // what the last PIN got
};

} // namespace dagverk::ui
