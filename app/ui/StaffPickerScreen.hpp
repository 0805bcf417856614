#pragma once
// Staff sign-in, step 1: "Vem är du?".
#include "ui/Screen.hpp"

namespace dagverk::ui {

class StaffPickerScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::StaffPicker;
  StaffPickerScreen() : Screen(kId, "staff-picker") {}
  Closing closing() const override { return Closing::SignInIdle; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
