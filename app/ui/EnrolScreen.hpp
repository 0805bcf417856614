#pragma once
// "Koppla till central" for admins: the kiosk's connection to central, and the one-time code
// from `dagverk-central enroll` typed on the on-screen keyboard.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class EnrolScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::Enrol;
  EnrolScreen() : FormScreen(kId, "enrol") {}
  bool needsStaff() const override { return true; }
  void onEnter(KioskUi& ui) override;

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::string code_;
  bool justEnrolled_ = false;
};

// May this staff member connect the kiosk to central (admins only)?
bool mayEnrol(const KioskModel& model, const std::string& staffId);

} // namespace dagverk::ui
