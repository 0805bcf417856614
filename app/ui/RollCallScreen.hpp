#pragma once
// "Utrymning": the roll call at a fire drill.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class RollCallScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::RollCall;
  RollCallScreen() : Screen(kId, "roll-call") {}
  bool needsStaff() const override { return true; }
  Closing closing() const override { return Closing::Never; } // a fire drill never times out

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  bool hideFound_ = false; // "Dölj hittade": hide those marked safe
};

} // namespace dagverk::ui
