#pragma once
// The check-in grid: a tap on your own picture checks you in, or asks "Vill du gå hem?".
#include "ui/Screen.hpp"
#include "core/Presence.hpp"

namespace dagverk::ui {

class CheckInGridScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::CheckInGrid;
  CheckInGridScreen() : Screen(kId, "grid") {}
  Closing closing() const override { return Closing::GridIdle; }
  Prompt prompt(KioskUi&, const KioskModel&) const override { return {"Tryck på din bild"}; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  TapGuard tapGuard_;  // a second tap on a tile within a second is the same tap
  std::string jumpTo_; // the page arrow tapped ("up", "down"), paged in the next frame
};

} // namespace dagverk::ui
