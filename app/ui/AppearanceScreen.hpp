#pragma once
// "Utseende" for admins: the kiosk's colour theme (standard or high contrast) and the size of
// what participants read (1, 1.25 or 1.5 times). Saved as kiosk settings; the kiosk changes
// its look as soon as they are saved.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class AppearanceScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::Appearance;
  AppearanceScreen() : FormScreen(kId, "appearance") {}
  bool needsStaff() const override { return true; }
  void onEnter(KioskUi& ui) override;

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::optional<Appearance> chosen_; // empty: what the kiosk has now
};

} // namespace dagverk::ui
