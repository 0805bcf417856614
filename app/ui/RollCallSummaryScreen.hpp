#pragma once
// After "Avsluta utrymning": who was marked safe, who was not, and how long it took. It never
// opens staff mode; "Klar" goes home.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class RollCallSummaryScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::RollCallSummary;
  RollCallSummaryScreen() : Screen(kId, "roll-call-summary") {}
  // Someone may still be missing: the list stays until a person taps "Klar".
  Closing closing() const override { return Closing::Never; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
