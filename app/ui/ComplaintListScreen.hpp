#pragma once
// "Synpunkter": the complaint register, the "Tyck till" entries to classify, and the deviations.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class ComplaintListScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::ComplaintList;
  ComplaintListScreen() : Screen(kId, "complaint-list") {}
  bool needsStaff() const override { return true; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::string filter_ = "open"; // "open", "waiting", "closed", "all"
};

} // namespace dagverk::ui
