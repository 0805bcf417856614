#pragma once
// "Statistik": the site's last 8 weeks. The figures are computed once, as the screen opens.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class StatisticsScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::Statistics;
  StatisticsScreen() : Screen(kId, "statistics") {}
  bool needsStaff() const override { return true; }
  void onEnter(KioskUi& ui) override;

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
