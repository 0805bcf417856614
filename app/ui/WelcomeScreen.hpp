#pragma once
// "Välkommen, Anna!" after a check-in, with "Det är inte jag" for whoever tapped the wrong picture.
#include "core/SelfUndo.hpp"
#include "ui/Screen.hpp"

namespace dagverk::ui {

class WelcomeScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::Welcome;
  WelcomeScreen() : Screen(kId, "welcome") {}
  Closing closing() const override { return Closing::AfterShown; }
  // Open as long as "Det är inte jag" is offered.
  std::int64_t shownForMs(const ScreenTimeouts&) const override { return kNotMeShownMs; }
  Prompt prompt(KioskUi& ui, const KioskModel& model) const override;
  bool aboutParticipant() const override { return true; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
