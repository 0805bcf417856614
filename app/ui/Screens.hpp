#pragma once
// One function per screen, each in its own file.
#include "ui/KioskUi.hpp"

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
void drawFeedbackMoodScreen(KioskUi& ui, const KioskModel& model);  // FeedbackMoodScreen.cpp
void drawFeedbackTopicScreen(KioskUi& ui, const KioskModel& model); // FeedbackTopicScreen.cpp
void drawFeedbackMoreScreen(KioskUi& ui, const KioskModel& model);  // FeedbackMoreScreen.cpp
void drawFeedbackWhoScreen(KioskUi& ui, const KioskModel& model);   // FeedbackWhoScreen.cpp
void drawSurveyWhoScreen(KioskUi& ui, const KioskModel& model);     // SurveyWhoScreen.cpp
void drawSurveyQuestionScreen(KioskUi& ui, const KioskModel& model); // SurveyQuestionScreen.cpp
void drawThanksScreen(KioskUi& ui, const KioskModel& model);        // ThanksScreen.cpp
void drawComplaintListScreen(KioskUi& ui, const KioskModel& model); // ComplaintListScreen.cpp
void drawComplaintFormScreen(KioskUi& ui, const KioskModel& model); // ComplaintFormScreen.cpp
void drawComplaintDetailScreen(KioskUi& ui, const KioskModel& model); // ComplaintDetailScreen.cpp
void drawDeviationFormScreen(KioskUi& ui, const KioskModel& model); // DeviationFormScreen.cpp
void drawSurveyAdminScreen(KioskUi& ui, const KioskModel& model);   // SurveyAdminScreen.cpp
void drawStatisticsScreen(KioskUi& ui, const KioskModel& model);    // StatisticsScreen.cpp
void drawSyncScreen(KioskUi& ui, const KioskModel& model);          // SyncScreen.cpp
// May this staff member sync (assistant manager or admin)?
bool maySync(const KioskModel& model, const std::string& staffId);  // SyncScreen.cpp

// The red banner with the last error, at the bottom of any screen (ErrorBanner in Widgets).
void drawErrorBanner(KioskUi& ui);

} // namespace dagverk::ui
