#pragma once
// Home: the site, the date and a large clock, the big entries, and today's schedule.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class HomeScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::Home;
  HomeScreen() : Screen(kId, "home") {}

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;
};

} // namespace dagverk::ui
