#include "ui/KioskUi.hpp"

#include "ui/Screens.hpp"

#include <algorithm>

namespace dagverk::ui {

const Participant* KioskModel::find(const std::string& id) const {
  for (const auto& p : participants)
    if (p.id == id) return &p;
  return nullptr;
}

const StaffMember* KioskModel::findStaff(const std::string& id) const {
  for (const auto& s : staff)
    if (s.id == id) return &s;
  return nullptr;
}

const Activity* KioskModel::findActivity(const std::string& id) const {
  for (const auto& a : activities)
    if (a.id == id) return &a;
  return nullptr;
}

KioskUi::KioskUi(const Clock& clock, KioskActions& actions) : clock_(clock), actions_(actions) {
  enteredAt_ = lastInputAt_ = clock_.nowUtc();
}

void KioskUi::go(ScreenId next, std::string participantId) {
  screen_ = next;
  selected_ = std::move(participantId);
  enteredAt_ = lastInputAt_ = clock_.nowUtc();
  tiles_.clear();
  buttons_.clear();
  editing_ = TextEditing{};
  formMessage_.clear();
}

void KioskUi::askForPin(PinPurpose purpose) {
  pinPurpose_ = purpose;
  pinStaffId_.clear();
  pinDigits_.clear();
  pinMessage_.clear();
  go(ScreenId::StaffPicker);
}

void KioskUi::startFeedback() {
  feedback_ = FeedbackGiven{};
  go(ScreenId::FeedbackMood);
}

void KioskUi::startSurvey() {
  surveyParticipant_.clear();
  surveyAnswers_.clear();
  go(ScreenId::SurveyWho);
}

void KioskUi::signIn(const std::string& staffId) {
  staffId_ = staffId;
  pinDigits_.clear();
  pinMessage_.clear();
  if (pinPurpose_ == PinPurpose::RollCall) {
    const std::string err = actions_.startRollCall(staffId);
    if (!err.empty()) showError(err);
    go(ScreenId::RollCall);
  } else {
    go(ScreenId::StaffDashboard);
  }
}

void KioskUi::signOut() {
  staffId_.clear();
  pinStaffId_.clear();
  pinDigits_.clear();
  draft_ = SessionDraft{};
  go(ScreenId::Home);
}

bool KioskUi::staffTimedOut(UtcMs now) const {
  return now >= lastInputAt_ + static_cast<std::int64_t>(staffIdleSeconds_) * 1000;
}

void KioskUi::openSessionForm(const KioskModel& model, bool planned, const ActivitySession* edit) {
  SessionDraft d;
  const UtcMs now = clock_.nowUtc();
  constexpr std::int64_t kQuarter = 15 * 60 * 1000;
  if (edit) {
    const auto& s = edit->data;
    d.sessionId = s.sessionId;
    d.replacesEventId = edit->eventId;
    d.activityId = s.activityId;
    d.participantIds = s.participantIds;
    d.staffIds = s.staffIds;
    d.start = s.start;
    d.end = s.end;
    d.outing = s.outing;
    d.place = s.place;
    d.note = s.note;
    d.planned = s.planned && planned;
  } else {
    d.planned = planned;
    if (planned) { // from the next full hour, one hour long
      d.start = (now / (4 * kQuarter) + 1) * (4 * kQuarter);
      d.end = d.start + 4 * kQuarter;
    } else {       // the hour that just ended, to the quarter
      d.end = now / kQuarter * kQuarter;
      d.start = d.end - 4 * kQuarter;
      for (const auto& [pid, since] : model.presentSince) d.participantIds.push_back(pid);
    }
    if (inStaffMode()) d.staffIds.push_back(staffId_);
  }
  draft_ = std::move(d);
  formStep_ = 1;
  go(ScreenId::SessionForm);
}

void KioskUi::noteInput() { lastInputAt_ = clock_.nowUtc(); }

void KioskUi::showError(const std::string& swedish) {
  error_ = swedish;
  errorAt_ = clock_.nowUtc();
}

void KioskUi::tapTile(const KioskModel& model, std::string participantId) {
  if (!tapGuard_.accept(participantId, clock_.nowUtc())) return; // a second tap within 1 s
  if (model.presentSince.count(participantId)) {
    go(ScreenId::GoingHomeQuestion, participantId);
    return;
  }
  const std::string err = actions_.checkIn(participantId);
  if (!err.empty()) {
    showError(err);
    go(ScreenId::Home);
    return;
  }
  go(ScreenId::Welcome, participantId);
}

void KioskUi::answerGoingHome(bool yes) {
  const std::string who = selected_;
  if (!yes) {
    go(ScreenId::Home);
    return;
  }
  const std::string err = actions_.checkOut(who);
  if (!err.empty()) {
    showError(err);
    go(ScreenId::Home);
    return;
  }
  go(ScreenId::Goodbye, who);
}

std::optional<ImVec4> KioskUi::tileRect(const std::string& participantId) const {
  auto it = tiles_.find(participantId);
  if (it == tiles_.end()) return std::nullopt;
  return it->second;
}

std::optional<ImVec4> KioskUi::buttonRect(const std::string& name) const {
  auto it = buttons_.find(name);
  if (it == buttons_.end()) return std::nullopt;
  return it->second;
}

UtcMs KioskUi::nextChangeAt() const {
  const UtcMs now = clock_.nowUtc();
  UtcMs next = (now / 60000 + 1) * 60000; // the clock's next minute
  switch (screen_) {
  case ScreenId::Welcome:
  case ScreenId::Goodbye: next = std::min(next, enteredAt_ + timeouts_.confirmation); break;
  case ScreenId::GoingHomeQuestion: next = std::min(next, lastInputAt_ + timeouts_.question); break;
  case ScreenId::CheckInGrid: next = std::min(next, lastInputAt_ + timeouts_.grid); break;
  case ScreenId::Home: break;
  case ScreenId::StaffPicker:
  case ScreenId::PinEntry: next = std::min(next, now + 1000); break; // lock-out countdown
  case ScreenId::RollCall: break; // never closes by itself
  case ScreenId::Thanks: next = std::min(next, enteredAt_ + timeouts_.confirmation); break;
  case ScreenId::FeedbackMood:
  case ScreenId::FeedbackTopic:
  case ScreenId::FeedbackMore:
  case ScreenId::FeedbackWho:
  case ScreenId::SurveyWho:
  case ScreenId::SurveyQuestion: next = std::min(next, lastInputAt_ + timeouts_.participantForm); break;
  default: next = std::min(next, lastInputAt_ + static_cast<std::int64_t>(staffIdleSeconds_) * 1000); break;
  }
  if (!error_.empty()) next = std::min(next, errorAt_ + timeouts_.errorBanner);
  return next;
}

void KioskUi::frame(const KioskModel& model) {
  const UtcMs now = clock_.nowUtc();
  if (!error_.empty() && now >= errorAt_ + timeouts_.errorBanner) error_.clear();
  // Screens that close by themselves.
  if ((screen_ == ScreenId::Welcome || screen_ == ScreenId::Goodbye) && now >= enteredAt_ + timeouts_.confirmation)
    go(ScreenId::Home);
  if (screen_ == ScreenId::GoingHomeQuestion && now >= lastInputAt_ + timeouts_.question) go(ScreenId::Home);
  if (screen_ == ScreenId::CheckInGrid && now >= lastInputAt_ + timeouts_.grid) go(ScreenId::Home);
  staffIdleSeconds_ = model.staffIdleSeconds;
  // Sign-in screens close when left alone; the PIN screen stays while its lock-out counts down.
  const UtcMs signInIdleFrom =
      screen_ == ScreenId::PinEntry ? std::max(lastInputAt_, model.pinLockout.lockedUntil) : lastInputAt_;
  if ((screen_ == ScreenId::StaffPicker || screen_ == ScreenId::PinEntry) && now >= signInIdleFrom + timeouts_.signIn)
    signOut();
  // Staff mode closes by itself after the idle time; never during a roll call.
  if (inStaffMode() && screen_ != ScreenId::RollCall && screen_ != ScreenId::StaffPicker &&
      screen_ != ScreenId::PinEntry && staffTimedOut(now) && !(screen_ == ScreenId::Sync && model.sync.running))
    signOut(); // (not while a sync started from its screen is writing)
  if (inStaffMode() && screen_ == ScreenId::Home) signOut(); // leaving staff screens signs out
  const bool participantForm = screen_ >= ScreenId::FeedbackMood && screen_ <= ScreenId::SurveyQuestion;
  if (participantForm && now >= lastInputAt_ + timeouts_.participantForm) go(ScreenId::Home); // nothing saved
  if (screen_ == ScreenId::Thanks && now >= enteredAt_ + timeouts_.confirmation) go(ScreenId::Home);
  const bool staffScreen = (screen_ >= ScreenId::StaffDashboard && screen_ <= ScreenId::RollCall) ||
                           screen_ >= ScreenId::ComplaintList;
  if (!inStaffMode() && staffScreen) go(ScreenId::Home);
  // A participant removed from the roster while their screen was open.
  const bool aboutParticipant = screen_ == ScreenId::Welcome || screen_ == ScreenId::GoingHomeQuestion ||
                                screen_ == ScreenId::Goodbye || screen_ == ScreenId::Absence;
  if (aboutParticipant && !model.find(selected_)) go(inStaffMode() ? ScreenId::StaffDashboard : ScreenId::Home);

  tiles_.clear(); // only what this frame draws is tappable
  buttons_.clear();
  ImGui::PushFont(fonts_.body);
  switch (screen_) {
  case ScreenId::Home: drawHomeScreen(*this, model); break;
  case ScreenId::CheckInGrid: drawCheckInGridScreen(*this, model); break;
  case ScreenId::Welcome: drawWelcomeScreen(*this, *model.find(selected_)); break;
  case ScreenId::GoingHomeQuestion: drawGoingHomeScreen(*this, *model.find(selected_)); break;
  case ScreenId::Goodbye: drawGoodbyeScreen(*this, *model.find(selected_)); break;
  case ScreenId::StaffPicker: drawStaffPickerScreen(*this, model); break;
  case ScreenId::PinEntry: drawPinScreen(*this, model); break;
  case ScreenId::StaffDashboard: drawStaffDashboardScreen(*this, model); break;
  case ScreenId::Absence: drawAbsenceScreen(*this, model); break;
  case ScreenId::Correction: drawCorrectionScreen(*this, model); break;
  case ScreenId::ActivityLog: drawActivityLogScreen(*this, model); break;
  case ScreenId::SessionForm: drawSessionFormScreen(*this, model); break;
  case ScreenId::RollCall: drawRollCallScreen(*this, model); break;
  case ScreenId::FeedbackMood: drawFeedbackMoodScreen(*this, model); break;
  case ScreenId::FeedbackTopic: drawFeedbackTopicScreen(*this, model); break;
  case ScreenId::FeedbackMore: drawFeedbackMoreScreen(*this, model); break;
  case ScreenId::FeedbackWho: drawFeedbackWhoScreen(*this, model); break;
  case ScreenId::SurveyWho: drawSurveyWhoScreen(*this, model); break;
  case ScreenId::SurveyQuestion: drawSurveyQuestionScreen(*this, model); break;
  case ScreenId::Thanks: drawThanksScreen(*this, model); break;
  case ScreenId::ComplaintList: drawComplaintListScreen(*this, model); break;
  case ScreenId::ComplaintForm: drawComplaintFormScreen(*this, model); break;
  case ScreenId::ComplaintDetail: drawComplaintDetailScreen(*this, model); break;
  case ScreenId::DeviationForm: drawDeviationFormScreen(*this, model); break;
  case ScreenId::SurveyAdmin: drawSurveyAdminScreen(*this, model); break;
  case ScreenId::Statistics: drawStatisticsScreen(*this, model); break;
  case ScreenId::Sync: drawSyncScreen(*this, model); break;
  }
  ImGui::PopFont();
}

} // namespace dagverk::ui
