#pragma once
// "Aktiviteter": today's and this week's sessions.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class ActivityLogScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::ActivityLog;
  ActivityLogScreen() : Screen(kId, "activity-log") {}
  bool needsStaff() const override { return true; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
