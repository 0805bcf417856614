#pragma once
// One function per screen, each in its own file.
#include "KioskUi.hpp"

namespace dagverk::ui {

void drawHomeScreen(KioskUi& ui, const KioskModel& model);          // HomeScreen.cpp
void drawCheckInGridScreen(KioskUi& ui, const KioskModel& model);   // CheckInGridScreen.cpp
void drawWelcomeScreen(KioskUi& ui, const Participant& p);          // WelcomeScreen.cpp
void drawGoingHomeScreen(KioskUi& ui, const Participant& p);        // GoingHomeScreen.cpp
void drawGoodbyeScreen(KioskUi& ui, const Participant& p);          // GoodbyeScreen.cpp

// The red banner with the last error, at the bottom of any screen (ErrorBanner in Widgets).
void drawErrorBanner(KioskUi& ui);

} // namespace dagverk::ui
