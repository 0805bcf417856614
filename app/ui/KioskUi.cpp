#include "ui/KioskUi.hpp"

#include "ui/AbsenceScreen.hpp"
#include "ui/AppearanceScreen.hpp"
#include "ui/ActivityLogScreen.hpp"
#include "ui/CheckInGridScreen.hpp"
#include "ui/ComplaintDetailScreen.hpp"
#include "ui/ComplaintFormScreen.hpp"
#include "ui/ComplaintListScreen.hpp"
#include "ui/CorrectionScreen.hpp"
#include "ui/DeviationFormScreen.hpp"
#include "ui/EnrolScreen.hpp"
#include "ui/FeedbackFlow.hpp"
#include "ui/FeedbackMoodScreen.hpp"
#include "ui/FeedbackMoreScreen.hpp"
#include "ui/FeedbackTopicScreen.hpp"
#include "ui/FeedbackWhoScreen.hpp"
#include "ui/GoingHomeScreen.hpp"
#include "ui/GoodbyeScreen.hpp"
#include "ui/HeadcountScreen.hpp"
#include "ui/LateRegistrationScreen.hpp"
#include "ui/HomeScreen.hpp"
#include "ui/PictogramChoiceScreen.hpp"
#include "ui/PinScreen.hpp"
#include "ui/RollCallScreen.hpp"
#include "ui/RollCallSummaryScreen.hpp"
#include "ui/SessionFormScreen.hpp"
#include "ui/SpeechSettingsScreen.hpp"
#include "ui/StaffDashboardScreen.hpp"
#include "ui/StaffPickerScreen.hpp"
#include "ui/StatisticsScreen.hpp"
#include "ui/SurveyAdminScreen.hpp"
#include "ui/SurveyFlow.hpp"
#include "ui/SurveyQuestionScreen.hpp"
#include "ui/SurveyWhoScreen.hpp"
#include "ui/SyncScreen.hpp"
#include "ui/ThanksScreen.hpp"
#include "ui/WelcomeScreen.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <utility>

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

template <class S, class... Args> void KioskUi::add(Args&&... args) {
  screens_[S::kId] = std::make_unique<S>(std::forward<Args>(args)...);
}

KioskUi::KioskUi(const Clock& clock, Pictures& pictures) : clock_(clock), pictures_(pictures) {
  enteredAt_ = lastInputAt_ = clock_.nowUtc();
  add<HomeScreen>();
  add<CheckInGridScreen>();
  add<WelcomeScreen>();
  add<GoingHomeScreen>();
  add<GoodbyeScreen>();
  add<StaffPickerScreen>();
  add<PinScreen>();
  add<StaffDashboardScreen>();
  add<AbsenceScreen>();
  add<CorrectionScreen>();
  add<ActivityLogScreen>();
  add<SessionFormScreen>();
  add<RollCallScreen>();
  add<EnrolScreen>();
  add<RollCallSummaryScreen>();
  // "Tyck till" and the survey: each flow's screens share one draft, saved only at the end.
  const auto feedback = std::make_shared<FeedbackFlow>();
  add<FeedbackMoodScreen>(feedback);
  add<FeedbackTopicScreen>(feedback);
  add<FeedbackMoreScreen>(feedback);
  add<FeedbackWhoScreen>(feedback);
  const auto survey = std::make_shared<SurveyFlow>();
  add<SurveyWhoScreen>(survey);
  add<SurveyQuestionScreen>(survey);
  add<ThanksScreen>();
  add<ComplaintListScreen>();
  add<ComplaintFormScreen>();
  add<ComplaintDetailScreen>();
  add<DeviationFormScreen>();
  add<SurveyAdminScreen>();
  add<StatisticsScreen>();
  add<SyncScreen>();
  add<HeadcountScreen>();
  add<LateRegistrationScreen>();
  add<SpeechSettingsScreen>();
  add<PictogramChoiceScreen>();
  add<AppearanceScreen>();
}

KioskUi::~KioskUi() = default;

void KioskUi::go(ScreenId next, std::string participantId) {
  current().onLeave(*this);
  current_ = next;
  selected_ = std::move(participantId);
  enteredAt_ = lastInputAt_ = clock_.nowUtc();
  tiles_.clear();
  buttons_.clear();
  pictograms_.clear();
  current().onEnter(*this);
  voice_.screenOpened();
}

void KioskUi::askForPin() { go(ScreenId::StaffPicker); }

void KioskUi::signIn(const std::string& staffId) {
  staffId_ = staffId;
  go(ScreenId::StaffDashboard);
}

void KioskUi::startRollCall() {
  const std::string startedBy = std::exchange(staffId_, {});
  request(cmd::StartRollCall{startedBy}, [this](const std::string& error) {
    if (!error.empty()) showError(error);
    go(ScreenId::RollCall);
  });
}

void KioskUi::signOut() {
  staffId_.clear();
  go(ScreenId::Home);
}

bool KioskUi::staffTimedOut(UtcMs now) const {
  return now >= lastInputAt_ + static_cast<std::int64_t>(staffIdleSeconds_) * 1000;
}

void KioskUi::noteInput() { lastInputAt_ = clock_.nowUtc(); }

void KioskUi::showError(const std::string& swedish) {
  error_ = swedish;
  errorAt_ = clock_.nowUtc();
  // Read out on a participant screen (one that speaks), not on staff screens or the roll call.
  if (!inStaffMode() && !voice_.current().empty()) voice_.sayError(swedish);
}

HitTarget KioskUi::hitTarget(ImVec2 min, ImVec2 max) const {
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  return {ImVec4(min.x, min.y, max.x, max.y), ImVec4(pos.x, pos.y, pos.x + size.x, pos.y + size.y)};
}

void KioskUi::rememberTile(const std::string& id, ImVec2 min, ImVec2 max) { tiles_[id] = hitTarget(min, max); }

void KioskUi::rememberButton(const std::string& name, ImVec2 min, ImVec2 max) {
  buttons_[name] = hitTarget(min, max);
}

std::optional<ImVec4> KioskUi::tileRect(const std::string& participantId) const {
  auto it = tiles_.find(participantId);
  if (it == tiles_.end()) return std::nullopt;
  return it->second.rect;
}

std::optional<ImVec4> KioskUi::buttonRect(const std::string& name) const {
  auto it = buttons_.find(name);
  if (it == buttons_.end()) return std::nullopt;
  return it->second.rect;
}

// --- requests ----------------------------------------------------------------------------------

void KioskUi::request(Command command, std::function<void(const std::string& error)> then) {
  requests_.push_back({std::move(command), [this, then = std::move(then)](const Outcome& o) {
                         if (then) then(o.error);
                         else if (!o.error.empty()) showError(o.error);
                       }});
}

void KioskUi::checkPin(const std::string& staffId, const std::string& pin, std::function<void(const PinAnswer&)> then) {
  requests_.push_back({ask::CheckPin{staffId, pin}, [then = std::move(then)](const Outcome& o) {
                         if (then) then(o.pin);
                       }});
}

void KioskUi::refreshSyncStatus() { requests_.push_back({ask::RefreshSyncStatus{}, {}}); }

void KioskUi::startSync(const std::string& staffId) {
  requests_.push_back({ask::StartSync{staffId}, [this](const Outcome& o) {
                         if (!o.error.empty()) showError(o.error);
                       }});
}

void KioskUi::refreshStatistics() { requests_.push_back({ask::RefreshStatistics{}, {}}); }
void KioskUi::readLateDay(LocalDate day) { requests_.push_back({ask::ReadLateDay{day}, {}}); }

void KioskUi::enrol(const std::string& staffId, const std::string& code, std::function<void(const std::string&)> then) {
  requests_.push_back({ask::Enrol{staffId, code}, [then = std::move(then)](const Outcome& o) {
                         if (then) then(o.error);
                       }});
}

void KioskUi::saveSpeech(const std::string& staffId, const SpeechSettings& settings,
                         std::function<void(const std::string&)> then) {
  requests_.push_back({ask::SaveSpeech{staffId, settings}, [then = std::move(then)](const Outcome& o) {
                         if (then) then(o.error);
                       }});
}

void KioskUi::choosePictogram(ask::ChoosePictogram choice, std::function<void(const std::string&)> then) {
  requests_.push_back({std::move(choice), [then = std::move(then)](const Outcome& o) {
                         if (then) then(o.error);
                       }});
}

void KioskUi::saveAppearance(const std::string& staffId, const Appearance& a,
                             std::function<void(const std::string&)> then) {
  requests_.push_back({ask::SetAppearance{staffId, a}, [then = std::move(then)](const Outcome& o) {
                         if (then) then(o.error);
                       }});
}

std::vector<Request> KioskUi::takeRequests() { return std::exchange(requests_, {}); }

// --- the frame ---------------------------------------------------------------------------------

UtcMs KioskUi::nextChangeAt() const {
  const UtcMs now = clock_.nowUtc();
  UtcMs next = (now / 60000 + 1) * 60000; // the clock's next minute
  switch (screens_.at(current_)->closing()) {
  case Closing::Never: break;
  case Closing::AfterShown: next = std::min(next, enteredAt_ + screens_.at(current_)->shownForMs(timeouts_)); break;
  case Closing::QuestionIdle: next = std::min(next, lastInputAt_ + timeouts_.question); break;
  case Closing::GridIdle: next = std::min(next, lastInputAt_ + timeouts_.grid); break;
  case Closing::SignInIdle: next = std::min(next, now + 1000); break; // lock-out countdown
  case Closing::ParticipantFormIdle: next = std::min(next, lastInputAt_ + timeouts_.participantForm); break;
  case Closing::StaffIdle:
    next = std::min(next, lastInputAt_ + static_cast<std::int64_t>(staffIdleSeconds_) * 1000);
    break;
  }
  if (!error_.empty()) next = std::min(next, errorAt_ + timeouts_.errorBanner);
  // Answers greyed during the double-tap guard turn active when it ends.
  if (now < enteredAt_ + kDoubleTapGuardMs) next = std::min(next, enteredAt_ + kDoubleTapGuardMs);
  return next;
}

void KioskUi::closeIdleScreens(const KioskModel& model, UtcMs now) {
  auto closing = [this] { return current().closing(); };
  if (closing() == Closing::AfterShown && now >= enteredAt_ + current().shownForMs(timeouts_)) go(ScreenId::Home);
  if (closing() == Closing::QuestionIdle && now >= lastInputAt_ + timeouts_.question) go(ScreenId::Home);
  if (closing() == Closing::GridIdle && now >= lastInputAt_ + timeouts_.grid) go(ScreenId::Home);
  staffIdleSeconds_ = model.staffIdleSeconds;
  // Sign-in screens close when left alone; the PIN screen stays while its lock-out counts down.
  if (closing() == Closing::SignInIdle && now >= current().idleSince(lastInputAt_, model) + timeouts_.signIn)
    signOut();
  // Staff mode closes by itself after the idle time, unless the screen holds it open.
  if (inStaffMode() && closing() == Closing::StaffIdle && staffTimedOut(now) && !current().holdsStaffMode(model))
    signOut();
  // Leaving the staff screens (for home) signs out.
  if (inStaffMode() && !current().needsStaff() && closing() != Closing::SignInIdle) signOut();
  if (closing() == Closing::ParticipantFormIdle && now >= lastInputAt_ + timeouts_.participantForm)
    go(ScreenId::Home); // nothing saved
  if (!inStaffMode() && current().needsStaff()) go(ScreenId::Home);
  // A participant removed from the roster while their screen was open.
  if (current().aboutParticipant() && !model.find(selected_))
    go(inStaffMode() ? ScreenId::StaffDashboard : ScreenId::Home);
}

void KioskUi::frame(const KioskModel& model) {
  const UtcMs now = clock_.nowUtc();
  if (!error_.empty() && now >= errorAt_ + timeouts_.errorBanner) error_.clear();
  closeIdleScreens(model, now);
  tiles_.clear(); // only what this frame draws is tappable
  buttons_.clear();
  pictograms_.clear();
  clearTextPlacements();
  ImGui::PushFont(fonts_.body);
  current().draw(*this, model);
  voice_.afterFrame(*this, model);
  ImGui::PopFont();
}

} // namespace dagverk::ui
