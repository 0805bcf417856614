#pragma once
// "Vill du gå hem?" with a big yes and a big no.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class GoingHomeScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::GoingHomeQuestion;
  GoingHomeScreen() : Screen(kId, "going-home") {}
  Closing closing() const override { return Closing::QuestionIdle; }
  Prompt prompt(KioskUi& ui, const KioskModel& model) const override;
  bool aboutParticipant() const override { return true; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
