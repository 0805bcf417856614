#include "KioskApp.hpp"

#include "Error.hpp"
#include "Log.hpp"
#include "Paths.hpp"
#include "Theme.hpp"

#include <algorithm>
#include <stdexcept>

namespace dagverk::kiosk {

KioskApp::KioskApp(store::KioskStore& store, const Clock& clock, const platform::WindowOptions& window,
                   std::filesystem::path dataDir)
    : store_(store), clock_(clock), dataDir_(std::move(dataDir)) {
  window_ = std::make_unique<platform::Window>(window);
  ui_ = std::make_unique<ui::KioskUi>(clock_, *this);
  const std::string regular = platform::findFont(false), bold = platform::findFont(true);
  if (regular.empty() || bold.empty() ||
      !ui::theme::loadFonts(ui_->fonts(), regular, bold, ui::theme::baseFontSize(window_->height())))
    throw DagverkError(ErrorCode::Storage, "Typsnittet saknas (fonts-dejavu-core).",
                       "font DejaVuSans not found; install fonts-dejavu-core or set DAGVERK_FONT_DIR");
  ImGui::GetIO().FontDefault = ui_->fonts().body;
  ui::theme::applyStyle(ui::theme::baseFontSize(window_->height()));
  store_.runDayRollover();
  refreshModel();
  lastMinute_ = clock_.nowUtc() / 60000;
}

KioskApp::~KioskApp() {
  for (auto& [file, tex] : pictures_)
    if (tex) SDL_DestroyTexture(tex);
}

void KioskApp::refreshModel() {
  const Site site = store_.site(store_.boundSiteId());
  model_.siteName = site.name;
  model_.participants = store_.participants(site.id);
  model_.presentSince.clear();
  for (const auto& [pid, visit] : store_.presence().openVisits()) model_.presentSince[pid] = visit.since;
}

std::string KioskApp::checkIn(const std::string& participantId) {
  try {
    store_.checkIn(participantId);
    refreshModel();
    return {};
  } catch (const DagverkError& e) {
    platform::logError(std::string("check-in failed: ") + e.english());
    refreshModel();
    return e.code() == ErrorCode::AlreadyPresent ? std::string() : e.swedish();
  }
}

std::string KioskApp::checkOut(const std::string& participantId) {
  try {
    store_.checkOut(participantId);
    refreshModel();
    return {};
  } catch (const DagverkError& e) {
    platform::logError(std::string("check-out failed: ") + e.english());
    refreshModel();
    return e.swedish();
  }
}

ImTextureID KioskApp::pictureOf(const Participant& p) {
  if (!p.photoFile) return nullptr;
  auto it = pictures_.find(*p.photoFile);
  if (it == pictures_.end()) {
    SDL_Texture* tex = window_->loadTexture((dataDir_ / "photos" / *p.photoFile).string());
    if (!tex) platform::logError("picture for participant " + p.id + " could not be loaded; showing initials");
    it = pictures_.emplace(*p.photoFile, tex).first;
  }
  return static_cast<ImTextureID>(it->second);
}

void KioskApp::noticeOtherWriters() {
  try {
    if (store_.reloadIfChangedElsewhere()) {
      refreshModel();
      framesOwed_ = std::max(framesOwed_, 2);
    }
  } catch (const DagverkError& e) {
    platform::logError(std::string("reload failed: ") + e.english());
  }
}

void KioskApp::everyMinute() {
  const UtcMs minute = clock_.nowUtc() / 60000;
  if (minute == lastMinute_) return;
  lastMinute_ = minute;
  try {
    if (!store_.runDayRollover().empty()) refreshModel();
  } catch (const DagverkError& e) {
    platform::logError(std::string("day rollover failed: ") + e.english());
  }
}

void KioskApp::renderFrame(const std::string& screenshotPath) {
  window_->beginFrame();
  ui_->frame(model_);
  window_->endFrame(screenshotPath);
  ++frames_;
}

int KioskApp::settle(const std::string& screenshotPath) {
  int rendered = 0;
  if (window_->pumpEvents(0)) {
    ui_->noteInput();
    framesOwed_ = std::max(framesOwed_, 3);
  }
  noticeOtherWriters();
  everyMinute();
  if (clock_.nowUtc() >= ui_->nextChangeAt()) framesOwed_ = std::max(framesOwed_, 2);
  // Keep drawing while input is queued or the screen has not settled; at least one frame.
  do {
    const bool last = !window_->hasPendingInput() && framesOwed_ <= 1;
    renderFrame(last ? screenshotPath : std::string());
    ++rendered;
    framesOwed_ = std::max(0, framesOwed_ - 1);
    if (window_->hasPendingInput()) framesOwed_ = std::max(framesOwed_, 2);
  } while ((window_->hasPendingInput() || framesOwed_ > 0) && rendered < 200);
  return rendered;
}

void KioskApp::run(int maxFrames) {
  while (!window_->quitRequested()) {
    const UtcMs now = clock_.nowUtc();
    int timeout = 0;
    if (framesOwed_ == 0 && !window_->hasPendingInput()) {
      // Sleep until the screen would change by itself, checking at least once a second.
      timeout = static_cast<int>(std::clamp<UtcMs>(ui_->nextChangeAt() - now, 1, 1000));
    }
    if (window_->pumpEvents(timeout)) {
      ui_->noteInput();
      framesOwed_ = std::max(framesOwed_, 3);
    }
    noticeOtherWriters();
    everyMinute();
    if (clock_.nowUtc() >= ui_->nextChangeAt()) framesOwed_ = std::max(framesOwed_, 2);
    if (framesOwed_ > 0 || window_->hasPendingInput()) {
      renderFrame();
      framesOwed_ = std::max(0, framesOwed_ - 1);
      if (maxFrames > 0 && frames_ >= maxFrames) return;
    }
  }
}

} // namespace dagverk::kiosk
