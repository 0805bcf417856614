#include "ui/Screen.hpp"

#include "ui/Widgets.hpp"

namespace dagverk::ui {

void Screen::draw(KioskUi& ui, const KioskModel& model) {
  if (beginScreen(windowName_)) drawContent(ui, model);
  endScreen();
}

UtcMs Screen::idleSince(UtcMs lastInput, const KioskModel&) const { return lastInput; }

bool Screen::holdsStaffMode(const KioskModel&) const { return false; }

void Screen::onEnter(KioskUi&) {}

void Screen::onLeave(KioskUi&) {}

Prompt Screen::prompt(KioskUi&, const KioskModel&) const { return {}; }

void FormScreen::onEnter(KioskUi&) {
  message_.clear();
  editing_ = TextEditing{};
}

} // namespace dagverk::ui
