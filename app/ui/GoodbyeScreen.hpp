#pragma once
// "Hej då, Anna!" after a check-out.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class GoodbyeScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::Goodbye;
  GoodbyeScreen() : Screen(kId, "goodbye") {}
  Closing closing() const override { return Closing::AfterShown; }
  Prompt prompt(KioskUi& ui, const KioskModel& model) const override;
  bool aboutParticipant() const override { return true; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
