#pragma once
// Home: the site, the date and a large clock, the big entries, and today's schedule. At an open
// meeting place (headcount mode) a door counter beside them: today's visitors, "+1", "−1".
#include "ui/Screen.hpp"

#include <string>

namespace dagverk::ui {

class HomeScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::Home;
  HomeScreen() : Screen(kId, "home") {}

  // The answer to the door counter's last "+1"/"−1" (Swedish; empty when all went well).
  const std::string& headcountMessage() const { return headcountMessage_; }

protected:
  void onEnter(KioskUi& ui) override;
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  void drawMain(KioskUi& ui, const KioskModel& model);

  std::string headcountMessage_;
  bool headcountError_ = false;
};

} // namespace dagverk::ui
