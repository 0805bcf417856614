#include "KioskUi.hpp"

#include "Screens.hpp"

#include <algorithm>

namespace dagverk::ui {

const Participant* KioskModel::find(const std::string& id) const {
  for (const auto& p : participants)
    if (p.id == id) return &p;
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
  // A participant removed from the roster while their screen was open.
  if (screen_ != ScreenId::Home && screen_ != ScreenId::CheckInGrid && !model.find(selected_)) go(ScreenId::Home);

  tiles_.clear(); // only what this frame draws is tappable
  buttons_.clear();
  ImGui::PushFont(fonts_.body);
  switch (screen_) {
  case ScreenId::Home: drawHomeScreen(*this, model); break;
  case ScreenId::CheckInGrid: drawCheckInGridScreen(*this, model); break;
  case ScreenId::Welcome: drawWelcomeScreen(*this, *model.find(selected_)); break;
  case ScreenId::GoingHomeQuestion: drawGoingHomeScreen(*this, *model.find(selected_)); break;
  case ScreenId::Goodbye: drawGoodbyeScreen(*this, *model.find(selected_)); break;
  }
  ImGui::PopFont();
}

} // namespace dagverk::ui
