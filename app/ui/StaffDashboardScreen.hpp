#pragma once
// "Idag": the staff dashboard for today at this site.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class StaffDashboardScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::StaffDashboard;
  StaffDashboardScreen() : Screen(kId, "staff-dashboard") {}
  bool needsStaff() const override { return true; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
