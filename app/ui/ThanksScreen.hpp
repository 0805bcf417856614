#pragma once
// "Tack!" after "Tyck till" or the survey.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class ThanksScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::Thanks;
  ThanksScreen() : Screen(kId, "thanks") {}
  Closing closing() const override { return Closing::AfterShown; }
  Prompt prompt(KioskUi& ui, const KioskModel& model) const override;

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
