#pragma once
// One function per screen, each in its own file.
#include "KioskUi.hpp"

namespace dagverk::ui {

void drawHomeScreen(KioskUi& ui, const KioskModel& model);          // HomeScreen.cpp
void drawCheckInGridScreen(KioskUi& ui, const KioskModel& model);   // CheckInGridScreen.cpp
void drawWelcomeScreen(KioskUi& ui, const Participant& p);          // WelcomeScreen.cpp
void drawGoingHomeScreen(KioskUi& ui, const Participant& p);        // GoingHomeScreen.cpp
void drawGoodbyeScreen(KioskUi& ui, const Participant& p);          // GoodbyeScreen.cpp
void drawStaffPickerScreen(KioskUi& ui, const KioskModel& model);   // StaffPickerScreen.cpp
void drawPinScreen(KioskUi& ui, const KioskModel& model);           // PinScreen.cpp
void drawStaffDashboardScreen(KioskUi& ui, const KioskModel& model); // StaffDashboardScreen.cpp
void drawAbsenceScreen(KioskUi& ui, const KioskModel& model);       // AbsenceScreen.cpp
void drawCorrectionScreen(KioskUi& ui, const KioskModel& model);    // CorrectionScreen.cpp
void drawActivityLogScreen(KioskUi& ui, const KioskModel& model);   // ActivityLogScreen.cpp
void drawSessionFormScreen(KioskUi& ui, const KioskModel& model);   // SessionFormScreen.cpp
void drawRollCallScreen(KioskUi& ui, const KioskModel& model);      // RollCallScreen.cpp

// The red banner with the last error, at the bottom of any screen (ErrorBanner in Widgets).
void drawErrorBanner(KioskUi& ui);

} // namespace dagverk::ui
