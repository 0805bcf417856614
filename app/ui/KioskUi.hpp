#pragma once
// The kiosk's screens. They read a model and ask for what should change; they know nothing of
// SQLite or SDL. KioskUi holds what is not any one screen's: which screen is up, who is signed
// in, the screens' timeouts, the fonts, where the last frame's buttons were, the error banner,
// and the requests the screens made during a frame. The kiosk answers those after the frame,
// so the model a frame reads never changes while it is being built.
#include "core/Appearance.hpp"
#include "core/Clock.hpp"
#include "core/Command.hpp"
#include "core/DayRecords.hpp"
#include "core/Feedback.hpp"
#include "core/HeadcountWeeks.hpp"
#include "core/PowerStatus.hpp"
#include "core/Presence.hpp"
#include "core/Roster.hpp"
#include "core/SiteStatistics.hpp"
#include "core/SpeechSettings.hpp"
#include "core/Staff.hpp"
#include "ui/Prompt.hpp"

#include <imgui.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace dagverk::ui {

class Screen;

// The answer to a PIN.
struct PinAnswer {
  enum class Result { Accepted, Wrong, LockedOut } result = Result::Wrong;
  std::int64_t secondsLeft = 0; // LockedOut
  int attemptsLeft = 0;         // Wrong
};

// Participants' photos as textures. Only looks up; changes nothing.
class Pictures {
public:
  virtual ~Pictures() = default;
  // The participant's photo as a texture, or nullptr (then a coloured tile with initials).
  virtual ImTextureID pictureOf(const Participant& p) = 0;
  // A pictogram (core/Pictograms.hpp key) as a texture for a square about `pixels` wide, or
  // nullptr when the key is unknown or the emoji font is missing (then the screens draw shapes).
  virtual ImTextureID pictogram(const std::string& key, float pixels) = 0;
};

// What the screens ask of the kiosk besides records (those are Commands).
namespace ask {
// A staff member's PIN for staff mode. A wrong PIN counts toward that person's lock-out.
struct CheckPin {
  std::string staffId;
  std::string pin;
};
// Reads the queued counts and checks the share in the background (model.sync).
struct RefreshSyncStatus {};
// Connects the kiosk to central with a one-time code (admins only); the result arrives in
// model.enrolment (Outcome.error holds a refusal in Swedish).
struct Enrol {
  std::string staffId;
  std::string code;
};
// Starts a sync on a worker thread; progress and the result arrive in model.sync.
struct StartSync {
  std::string staffId;
};
// Computes the site's last 8 weeks from the kiosk's own records into model.statistics (or
// model.statisticsError).
struct RefreshStatistics {};
// Reads who already has a visit on a past day (checked in on the kiosk, or entered afterwards)
// into model.lateDay, for "Efterregistrera".
struct ReadLateDay {
  LocalDate day;
};
// Stores the speech settings (assistant managers and admins) and applies them at once.
struct SaveSpeech {
  std::string staffId;
  SpeechSettings settings;
};
// Staff's choice on this kiosk (assistant managers and admins): a participant's personal symbol
// and colour, or an activity's pictogram. Kept across roster bundles; central's CSV value wins.
struct ChoosePictogram {
  std::string staffId;
  bool activity = false; // else a participant
  std::string subjectId;
  std::string pictogram; // a core/Pictograms.hpp key
  std::string colour;    // participants: a palette name
};
// The kiosk's theme and text size (admins only); a refusal arrives in Outcome.error.
struct SetAppearance {
  std::string staffId;
  Appearance appearance;
};
} // namespace ask

using Ask = std::variant<Command, ask::CheckPin, ask::RefreshSyncStatus, ask::StartSync, ask::RefreshStatistics,
                         ask::Enrol, ask::ReadLateDay, ask::SaveSpeech, ask::ChoosePictogram,
                         ask::SetAppearance>;

// How a request went: `error` is empty when it was done, else the Swedish message.
struct Outcome {
  std::string error;
  PinAnswer pin; // for ask::CheckPin
};

// A request made during a frame and what to do once it is answered.
struct Request {
  Ask ask;
  std::function<void(const Outcome&)> then;
};

// What the screens show. Refreshed by the kiosk after the requests of a frame, and every minute.
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
  std::map<std::string, PinLockout> pinLockouts; // staff id -> wrong PINs on record, from the store
  std::vector<ComplaintState> complaints;    // the register, oldest first
  std::vector<FeedbackGiven> feedbackToClassify; // Tyck till entries waiting for staff
  std::vector<DeviationReported> deviations;
  std::optional<SurveyWindow> surveyWindow;  // the latest window (open if it contains today)
  std::set<std::string> answeredSurvey;      // who answered in it (never what)
  SurveyResult surveyResult;                 // of the latest window
  // "Besökare": today's visitor tallies at this site. `today` sums those not voided; the
  // newest of them is the one "Ångra" may void (empty id: none today).
  struct HeadcountView {
    int today = 0;
    std::string lastEventId;
    UtcMs lastRecordedUtc = 0;
    int lastCount = 0;
  } headcount;
  HomeMode homeMode = HomeMode::CheckIn; // what the home screen offers (kiosk setting)
  Appearance appearance;                 // theme and text size (kiosk settings)
  // For the staff dashboard's warnings: whether the data directory is on an encrypted disk
  // (checked once at start), and when central made the roster applied last (none: no bundle
  // has been applied yet).
  bool dataDiskEncrypted = true;
  std::optional<UtcMs> rosterCreatedUtc;
  // The battery and the data disk's headroom (kiosk/PowerWatch.hpp), read once a minute.
  BatteryReading battery;
  std::optional<StorageHeadroom> storage;
  // The "Statistik" screen's figures: computed by the kiosk when that screen opens, not on
  // every refresh. Empty until then; statisticsError holds the Swedish message if it failed.
  std::optional<SiteStatistics> statistics;
  std::vector<HeadcountWeek> headcountWeeks; // visitors per week of the same 8 weeks
  std::string statisticsError;
  // The weekly sync: the home screen's "Senast synkad" note and the
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
  // Whether the kiosk has central's keys (enrolment by code); until then it sends nothing.
  struct EnrolmentView {
    bool enrolled = false;
    std::string siteId;      // the site the code was for, when enrolled
    std::string fingerprint; // the pair's fingerprint (filled when "Koppla till central" opens)
  } enrolment;
  // "Efterregistrera": the past day being entered and who already has a visit on it (read
  // when a day is picked and after each save; not on every refresh).
  struct LateDayView {
    std::optional<LocalDate> day;
    std::set<std::string> registered;
  } lateDay;
  // Speech: the settings, and whether speech is on but cannot be heard (no espeak-ng, no audio
  // device): the staff dashboard then says "Talet fungerar inte".
  struct SpeechView {
    SpeechSettings settings;
    bool problem = false;
  } speech;
  bool surveyOpenToday() const { return surveyWindow && surveyWindow->contains(today); }

  const Participant* find(const std::string& id) const;
  const StaffMember* findStaff(const std::string& id) const;
  const Activity* findActivity(const std::string& id) const;
};

// Which screen is up. Only a name: what a screen needs and how it closes is the screen's own.
enum class ScreenId {
  Home, CheckInGrid, Welcome, GoingHomeQuestion, Goodbye, // the participant's path
  StaffPicker, PinEntry,                                  // signing in
  StaffDashboard, Absence, Correction,                    // attendance care
  ActivityLog, SessionForm,                               // activities
  RollCall, RollCallSummary,                              // utrymning, and how it ended
  FeedbackMood, FeedbackTopic, FeedbackMore, FeedbackWho,  // "Tyck till"
  SurveyWho, SurveyQuestion,                              // the quick survey
  Thanks,                                                 // "Tack!" after either
  ComplaintList, ComplaintForm, ComplaintDetail, DeviationForm, SurveyAdmin, // staff
  Statistics,                                             // staff: the site's last 8 weeks
  Sync,                                                   // staff: "Synkronisera" (assistant managers, admins)
  Headcount,                                              // staff: "Besökare", visitors counted
  Enrol,                                                  // staff: "Koppla till central" (admins)
  LateRegistration,                                       // staff: "Efterregistrera", a past day from paper
  SpeechSettings,                                         // staff: "Tal" (assistant managers, admins)
  PictogramChoice,                                        // staff: "Bilder", symbols and pictograms
  Appearance,                                             // staff: "Utseende", theme and text size (admins)
};

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

// Where a tappable target was drawn, and the region it was drawn in (the screen, or a scrolling
// part of it), both in screen coordinates as (min x, min y, max x, max y).
struct HitTarget {
  ImVec4 rect;
  ImVec4 region;
};

class KioskUi {
public:
  KioskUi(const Clock& clock, Pictures& pictures);
  ~KioskUi();
  KioskUi(const KioskUi&) = delete;
  KioskUi& operator=(const KioskUi&) = delete;
  // Builds the current screen for this frame (between ImGui::NewFrame and ImGui::Render).
  void frame(const KioskModel& model);
  // The UTC time at which the screen will change by itself (clock minute, timeouts).
  UtcMs nextChangeAt() const;
  // Call on any input, so idle timeouts restart.
  void noteInput();

  ScreenId screen() const { return current_; }
  Screen& current() { return *screens_.at(current_); }
  // The screen object of a kind, e.g. to open it with what it should show.
  template <class S> S& screen() { return static_cast<S&>(*screens_.at(S::kId)); }
  const std::string& selectedParticipant() const { return selected_; }
  const std::string& errorMessage() const { return error_; }
  // Where a participant's tile was drawn in the last frame (for tests and the A–Ö strip).
  std::optional<ImVec4> tileRect(const std::string& participantId) const;
  std::optional<ImVec4> buttonRect(const std::string& name) const;
  // Every tile and button of the last frame, by name (tiles by participant id).
  const std::map<std::string, HitTarget>& tiles() const { return tiles_; }
  const std::map<std::string, HitTarget>& buttons() const { return buttons_; }
  // Which pictogram key each part of the last frame showed, by part ("topic-maten",
  // "person-<id>", "thanks-topic", …): what a participant sees, for tests.
  const std::map<std::string, std::string>& pictogramsShown() const { return pictograms_; }
  void notePictogram(const std::string& where, const std::string& key) { pictograms_[where] = key; }
  Fonts& fonts() { return fonts_; }
  ScreenTimeouts& timeouts() { return timeouts_; }

  // --- used by the screens -------------------------------------------------------------------
  void go(ScreenId next, std::string participantId = {});
  void showError(const std::string& swedish);
  void rememberTile(const std::string& id, ImVec2 min, ImVec2 max);
  void rememberButton(const std::string& name, ImVec2 min, ImVec2 max);
  UtcMs enteredAt() const { return enteredAt_; }
  const Clock& clock() const { return clock_; }
  Pictures& pictures() { return pictures_; }
  // What the screens say aloud; the kiosk takes it after each frame.
  PromptVoice& voice() { return voice_; }

  // Staff mode.
  void askForPin();                             // opens the staff picker
  void signIn(const std::string& staffId);      // after an accepted PIN
  // "Utrymning": starts (or joins) the roll call, with no PIN: anyone in a fire needs the list.
  // The signed-in staff member, if any, is recorded as who started it; staff mode closes, so
  // the roll call and its end never lead into staff mode.
  void startRollCall();
  void signOut();                               // back to the participant's home
  const std::string& signedInStaff() const { return staffId_; }
  bool inStaffMode() const { return !staffId_.empty(); }

  // --- requests: made during a frame, answered by the kiosk after it -------------------------
  // Records a command. `then` gets "" when it was done, else the Swedish message, and decides
  // where to go; without `then`, a refusal shows in the error banner.
  void request(Command command, std::function<void(const std::string& error)> then = {});
  void checkPin(const std::string& staffId, const std::string& pin, std::function<void(const PinAnswer&)> then);
  void refreshSyncStatus();
  void startSync(const std::string& staffId); // a refusal shows in the error banner
  void refreshStatistics();
  void readLateDay(LocalDate day);
  // A refusal is passed to `then` (empty: enrolled).
  void enrol(const std::string& staffId, const std::string& code, std::function<void(const std::string&)> then);
  // A refusal is passed to `then` (empty: saved).
  void saveSpeech(const std::string& staffId, const SpeechSettings& settings,
                  std::function<void(const std::string&)> then);
  // A refusal (Swedish) is passed to `then` (empty: saved).
  void choosePictogram(ask::ChoosePictogram choice, std::function<void(const std::string&)> then);
  // Stores the kiosk's theme and text size; `then` gets "" or the Swedish refusal.
  void saveAppearance(const std::string& staffId, const Appearance& a, std::function<void(const std::string&)> then);
  bool hasRequests() const { return !requests_.empty(); }
  // The requests made since the last call, oldest first (for the kiosk to answer).
  std::vector<Request> takeRequests();

private:
  template <class S, class... Args> void add(Args&&... args);
  void closeIdleScreens(const KioskModel& model, UtcMs now);
  bool staffTimedOut(UtcMs now) const;
  HitTarget hitTarget(ImVec2 min, ImVec2 max) const;
  const Clock& clock_;
  Pictures& pictures_;
  Fonts fonts_;
  ScreenTimeouts timeouts_;
  std::map<ScreenId, std::unique_ptr<Screen>> screens_;
  ScreenId current_ = ScreenId::Home;
  std::string selected_;
  UtcMs enteredAt_ = 0;
  UtcMs lastInputAt_ = 0;
  std::string error_;
  UtcMs errorAt_ = 0;
  std::map<std::string, HitTarget> tiles_, buttons_;
  std::map<std::string, std::string> pictograms_;
  std::string staffId_;
  int staffIdleSeconds_ = 90;
  std::vector<Request> requests_;
  PromptVoice voice_;
};

} // namespace dagverk::ui
