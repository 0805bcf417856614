#pragma once
// The kiosk's screens. They read a model and ask for actions; they know nothing of SQLite or
// SDL. KioskUi holds what the screens remember between frames: which screen is up, who is
// signed in, the form being filled in (in memory only until it is saved in one go).
#include "core/Clock.hpp"
#include "core/DayRecords.hpp"
#include "core/Feedback.hpp"
#include "core/Presence.hpp"
#include "core/Roster.hpp"
#include "core/SiteStatistics.hpp"
#include "core/Staff.hpp"

#include <imgui.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dagverk::ui {

// The answer to a PIN.
struct PinAnswer {
  enum class Result { Accepted, Wrong, LockedOut } result = Result::Wrong;
  std::int64_t secondsLeft = 0; // LockedOut
  int attemptsLeft = 0;         // Wrong
};

// What the screens can ask of the kiosk. Implemented by the kiosk over the store. Every
// method that records something returns an empty string on success, else a Swedish message.
class KioskActions {
public:
  virtual ~KioskActions() = default;
  // A participant's own tap (no staff member acting).
  virtual std::string checkIn(const std::string& participantId) = 0;
  virtual std::string checkOut(const std::string& participantId) = 0;
  // The participant's photo as a texture, or nullptr (then a coloured tile with initials).
  virtual ImTextureID pictureOf(const Participant& p) = 0;

  // --- staff mode -----------------------------------------------------------------------
  // `rollCall`: the PIN opens only the roll call, and is checked even during a lock-out
  // (slowly), so a fire drill never waits for one.
  virtual PinAnswer checkPin(const std::string& staffId, const std::string& pin, bool rollCall) = 0;
  virtual std::string checkInFor(const std::string& participantId, const std::string& staffId) = 0;
  virtual std::string checkOutFor(const std::string& participantId, const std::string& staffId) = 0;
  virtual std::string staffCheckIn(const std::string& staffId) = 0;
  virtual std::string staffCheckOut(const std::string& staffId) = 0;
  virtual std::string correct(const std::string& eventId, const std::string& reasonCode, const std::string& staffId) = 0;
  virtual std::string noteAbsence(const std::string& participantId, const std::string& reasonCode,
                                  const std::string& comment, const std::string& staffId) = 0;
  virtual std::string logSession(const SessionDraft& draft, const std::string& staffId) = 0;
  virtual std::string startRollCall(const std::string& staffId) = 0;
  virtual std::string markSafe(const std::string& rollCallId, const std::string& personId, const std::string& staffId) = 0;
  virtual std::string endRollCall(const std::string& rollCallId, const std::string& staffId) = 0;

  // --- feedback, complaints, survey -------------------------------------------------------
  // A participant's "Tyck till" (anonymous unless participantId is set). An entry within 5 s
  // of the last is ignored by the store; that is not an error.
  virtual std::string giveFeedback(const FeedbackGiven& feedback) = 0;
  virtual std::string registerComplaint(const ComplaintRegistered& complaint, const std::string& staffId) = 0;
  virtual std::string followUpComplaint(const std::string& complaintId, const std::string& step,
                                        const std::string& date, const std::string& text,
                                        const std::string& staffId) = 0;
  virtual std::string reportDeviation(const DeviationReported& deviation, const std::string& staffId) = 0;
  virtual std::string openSurveyWindow(LocalDate from, LocalDate to, const std::string& staffId) = 0;
  virtual std::string answerSurvey(const std::string& windowId, const std::string& participantId,
                                   const std::vector<std::string>& answers) = 0;

  // --- the weekly sync (assistant managers and admins) -------------------------------------
  // Reads the queued counts and checks the share in the background (model.sync).
  virtual void refreshSyncStatus() = 0;
  // Starts a sync on a worker thread; progress and the result arrive in model.sync. Returns a
  // Swedish message if it cannot start (no share set, one already running, wrong role).
  virtual std::string startSync(const std::string& staffId) = 0;

  // --- the "Statistik" screen (issue: central reports) -----------------------------------
  // Computes the site's last 8 weeks from the kiosk's own records into model.statistics (or
  // model.statisticsError). Called when the screen opens, never per frame.
  virtual void refreshStatistics() = 0;
};

// What the screens show. Refreshed by the kiosk after every action and every minute.
struct KioskModel {
  std::string siteName;
  LocalDate today;
  std::vector<Participant> participants;     // sorted A–Ö
  std::map<std::string, UtcMs> presentSince; // participant id -> checked in at
  std::vector<StaffMember> staff;            // who may sign in here, sorted A–Ö
  std::map<std::string, UtcMs> staffPresentSince;
  std::vector<Activity> activities;          // the site's catalogue
  std::vector<ActivitySession> todaysSessions; // done and planned, by start time
  std::vector<ActivitySession> weekSessions;   // Monday of this week until now
  DayOverview day;                           // the staff dashboard's lists
  std::optional<RollCallState> rollCall;     // the latest roll call
  int staffIdleSeconds = 90;
  PinLockout pinLockout;                     // device-wide, from the store
  std::vector<ComplaintState> complaints;    // the register, oldest first
  std::vector<FeedbackGiven> feedbackToClassify; // Tyck till entries waiting for staff
  std::vector<DeviationReported> deviations;
  std::optional<SurveyWindow> surveyWindow;  // the latest window (open if it contains today)
  std::set<std::string> answeredSurvey;      // who answered in it (never what)
  SurveyResult surveyResult;                 // of the latest window
  // The "Statistik" screen's figures: computed by the kiosk when that screen opens, not on
  // every refresh. Empty until then; statisticsError holds the Swedish message if it failed.
  std::optional<SiteStatistics> statistics;
  std::string statisticsError;
  // The weekly sync (issue: weekly sync): the home screen's "Senast synkad" note and the
  // "Synkronisera" screen. Queued counts and the share check are read when that screen opens.
  struct SyncView {
    std::string sharePath;              // empty: no share is set (dagverk settings --share)
    enum class Share { Unknown, Checking, Reachable, Missing } share = Share::Unknown;
    std::string shareProblem;           // Swedish, when Missing
    std::vector<std::pair<std::string, std::int64_t>> queued; // Swedish label, count
    std::optional<UtcMs> lastSyncUtc;   // the last sync that sent (or had nothing to send)
    std::string lastResult;             // the last attempt's result, Swedish
    std::optional<UtcMs> firstEventUtc; // counts as "since" before the first sync
    bool running = false;
    double progress = 0;                // 0..1 while running
    std::string step;                   // Swedish, while running
    std::optional<std::string> outcome; // the summary (or error) of the sync run from the screen
    bool outcomeOk = false;
  } sync;
  bool surveyOpenToday() const { return surveyWindow && surveyWindow->contains(today); }

  const Participant* find(const std::string& id) const;
  const StaffMember* findStaff(const std::string& id) const;
  const Activity* findActivity(const std::string& id) const;
};

enum class ScreenId {
  Home, CheckInGrid, Welcome, GoingHomeQuestion, Goodbye, // the participant's path
  StaffPicker, PinEntry,                                  // signing in
  StaffDashboard, Absence, Correction,                    // attendance care
  ActivityLog, SessionForm,                               // activities
  RollCall,                                               // utrymning
  FeedbackMood, FeedbackTopic, FeedbackMore, FeedbackWho,  // "Tyck till"
  SurveyWho, SurveyQuestion,                              // the quick survey
  Thanks,                                                 // "Tack!" after either
  ComplaintList, ComplaintForm, ComplaintDetail, DeviationForm, SurveyAdmin, // staff
  Statistics,                                             // staff: the site's last 8 weeks
  Sync,                                                   // staff: "Synkronisera" (assistant managers, admins)
};

// Why the PIN is asked for.
enum class PinPurpose { StaffMode, RollCall };

struct Fonts {
  ImFont* body = nullptr;   // 1.0 × base
  ImFont* large = nullptr;  // 1.5 × base
  ImFont* title = nullptr;  // 2.2 × base
  ImFont* clock = nullptr;  // 4.5 × base, digits only
};

// How long each screen stays before the kiosk goes home by itself (milliseconds).
struct ScreenTimeouts {
  std::int64_t confirmation = 4000;   // "Välkommen" and "Hej då"
  std::int64_t question = 15000;      // "Vill du gå hem?" left unanswered
  std::int64_t grid = 60000;          // the grid left open with no touch
  std::int64_t errorBanner = 8000;
  std::int64_t signIn = 30000;        // staff picker / PIN left open
  std::int64_t participantForm = 60000; // "Tyck till" or the survey left half-way
};

// A text field being edited with the on-screen keyboard (or a USB keyboard / badge scanner).
struct TextEditing {
  std::string fieldId;       // empty: no field is being edited
  std::string pendingInput;  // typed since the field last drew (UTF-8)
  int pendingBackspaces = 0;
  bool pendingEnter = false;
  bool shift = false;
};

class KioskUi {
public:
  KioskUi(const Clock& clock, KioskActions& actions);
  // Builds the current screen for this frame (between ImGui::NewFrame and ImGui::Render).
  void frame(const KioskModel& model);
  // The UTC time at which the screen will change by itself (clock minute, timeouts).
  UtcMs nextChangeAt() const;
  // Call on any input, so idle timeouts restart.
  void noteInput();

  ScreenId screen() const { return screen_; }
  const std::string& selectedParticipant() const { return selected_; }
  const std::string& errorMessage() const { return error_; }
  // Where a participant's tile was drawn in the last frame (for tests and the A–Ö strip).
  std::optional<ImVec4> tileRect(const std::string& participantId) const;
  std::optional<ImVec4> buttonRect(const std::string& name) const;
  Fonts& fonts() { return fonts_; }
  ScreenTimeouts& timeouts() { return timeouts_; }

  // --- used by the screens -------------------------------------------------------------------
  void go(ScreenId next, std::string participantId = {});
  void tapTile(const KioskModel& model, std::string participantId);
  void answerGoingHome(bool yes);
  void showError(const std::string& swedish);
  void rememberTile(const std::string& id, ImVec2 min, ImVec2 max) { tiles_[id] = ImVec4(min.x, min.y, max.x, max.y); }
  void rememberButton(const std::string& name, ImVec2 min, ImVec2 max) { buttons_[name] = ImVec4(min.x, min.y, max.x, max.y); }
  UtcMs enteredAt() const { return enteredAt_; }
  const Clock& clock() const { return clock_; }
  KioskActions& actions() { return actions_; }
  std::string& jumpToLetter() { return jumpLetter_; }

  // Staff mode.
  void askForPin(PinPurpose purpose);          // opens the staff picker
  PinPurpose pinPurpose() const { return pinPurpose_; }
  std::string& pinStaffId() { return pinStaffId_; } // who is typing their PIN
  std::string& pinDigits() { return pinDigits_; }
  std::string& pinMessage() { return pinMessage_; }
  void signIn(const std::string& staffId);      // after an accepted PIN
  void signOut();                               // back to the participant's home
  const std::string& signedInStaff() const { return staffId_; }
  bool inStaffMode() const { return !staffId_.empty(); }

  // Forms: what is being filled in. Nothing is saved until the form's save button.
  SessionDraft& sessionDraft() { return draft_; }
  int& formStep() { return formStep_; } // the session form's step, 1–4
  bool& showAllStaff() { return showAllStaff_; }
  std::string& formMessage() { return formMessage_; } // inline error of the open form
  std::string& formReason() { return formReason_; }   // chosen reason (absence, correction)
  std::string& formComment() { return formComment_; }
  std::string& formEventId() { return formEventId_; }  // the event a correction voids
  bool& correctingCheckIn() { return correctingCheckIn_; } // true: a check-in, false: a check-out
  bool& hideFound() { return hideFound_; }             // roll call: hide those marked safe
  TextEditing& textEditing() { return editing_; }
  // "Tyck till" and the survey, filled in step by step; saved only at the end.
  FeedbackGiven& feedbackDraft() { return feedback_; }
  std::string& surveyParticipant() { return surveyParticipant_; }
  std::vector<std::string>& surveyAnswers() { return surveyAnswers_; }
  void startFeedback();
  void startSurvey();
  // Staff forms for the register.
  ComplaintRegistered& complaintDraft() { return complaint_; }
  DeviationReported& deviationDraft() { return deviation_; }
  std::string& complaintFilter() { return complaintFilter_; } // "open", "waiting", "closed", "all"
  std::string& selectedComplaint() { return selectedComplaint_; }

  // Opens the session form: a new session (planned or done) or an edit of an existing one.
  void openSessionForm(const KioskModel& model, bool planned, const ActivitySession* edit = nullptr);

private:
  bool staffTimedOut(UtcMs now) const;
  const Clock& clock_;
  KioskActions& actions_;
  Fonts fonts_;
  ScreenTimeouts timeouts_;
  ScreenId screen_ = ScreenId::Home;
  std::string selected_;
  UtcMs enteredAt_ = 0;
  UtcMs lastInputAt_ = 0;
  std::string error_;
  UtcMs errorAt_ = 0;
  TapGuard tapGuard_;
  std::string jumpLetter_;
  std::map<std::string, ImVec4> tiles_, buttons_;

  PinPurpose pinPurpose_ = PinPurpose::StaffMode;
  std::string pinStaffId_, pinDigits_, pinMessage_;
  std::string staffId_;
  int staffIdleSeconds_ = 90;
  SessionDraft draft_;
  std::string formMessage_, formReason_, formComment_, formEventId_;
  bool hideFound_ = false;
  bool correctingCheckIn_ = true;
  int formStep_ = 1;
  FeedbackGiven feedback_;
  std::string surveyParticipant_;
  std::vector<std::string> surveyAnswers_;
  ComplaintRegistered complaint_;
  DeviationReported deviation_;
  std::string complaintFilter_ = "open";
  std::string selectedComplaint_;
  bool showAllStaff_ = false;
  TextEditing editing_;
};

} // namespace dagverk::ui
