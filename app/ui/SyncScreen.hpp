#pragma once
// "Synkronisera" for assistant managers and admins. The share is checked as the screen opens.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class SyncScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::Sync;
  SyncScreen() : Screen(kId, "sync") {}
  bool needsStaff() const override { return true; }
  // Staff mode stays open while a sync started here is writing.
  bool holdsStaffMode(const KioskModel& model) const override;
  void onEnter(KioskUi& ui) override;

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

// May this staff member sync (assistant manager or admin)?
bool maySync(const KioskModel& model, const std::string& staffId);

} // namespace dagverk::ui
