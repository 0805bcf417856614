#pragma once
// "Välkommen, Anna!" after a check-in.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class WelcomeScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::Welcome;
  WelcomeScreen() : Screen(kId, "welcome") {}
  Closing closing() const override { return Closing::AfterShown; }
  bool aboutParticipant() const override { return true; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
