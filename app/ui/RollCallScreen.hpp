#pragma once
// "Utrymning": the roll call at a fire drill. Open to anyone at the kiosk (no PIN, no staff
// mode); ending it asks "Är alla ute?" first and then shows the summary.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class RollCallScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::RollCall;
  RollCallScreen() : Screen(kId, "roll-call") {}
  Closing closing() const override { return Closing::Never; } // a fire drill never times out

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  bool hideFound_ = false; // "Dölj hittade": hide those marked safe
  bool confirmingEnd_ = false; // "Avsluta utrymning" tapped once: asking yes or no
};

} // namespace dagverk::ui
