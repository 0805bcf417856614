#pragma once
// Wires the platform window, the screens and the store: the kiosk's frame loop.
#include "kiosk/PowerWatch.hpp"
#include "store/KioskStore.hpp"
#include "ui/KioskUi.hpp"
#include "platform/Speech.hpp"
#include "platform/PictogramTextures.hpp"
#include "platform/Window.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <memory>
#include <string>

namespace dagverk::kiosk {

class KioskApp final : public ui::Pictures {
public:
  KioskApp(store::KioskStore& store, const Clock& clock, const platform::WindowOptions& window,
           std::filesystem::path dataDir);
  ~KioskApp() override;

  // Runs until the window is closed. Renders only when something changed; otherwise blocks
  // in SDL_WaitEventTimeout. With maxFrames > 0, returns after that many rendered frames.
  void run(int maxFrames = 0);
  // Takes queued SDL events and renders frames until the screen is still (for tests).
  // Saves the last frame as PNG when screenshotPath is given. Returns frames rendered.
  int settle(const std::string& screenshotPath = {});

  ui::KioskUi& screens() { return *ui_; }
  platform::Window& window() { return *window_; }
  const ui::KioskModel& model() const { return model_; }
  int framesRendered() const { return frames_; }
  const PowerWatch& power() const { return power_; }

  // Performs one command at once, between frames (tests, tools), and refreshes the model.
  // Returns "" when it was done, else the Swedish message. The screens' commands take the same
  // path after each frame.
  std::string perform(const Command& command);
  // Starts a sync on the worker thread. Returns "" or the Swedish reason it cannot start (no
  // share set, one already running, wrong role).
  std::string startSync(const std::string& staffId);
  std::string enrolWithCode(const std::string& staffId, const std::string& code);
  void readEnrolment();
  // ui::Pictures
  ImTextureID pictureOf(const Participant& p) override;
  ImTextureID pictogram(const std::string& key, float pixels) override;
  // True while a sync or a share check runs on the worker thread (tests wait on it).
  bool syncWorkerBusy() const { return syncJob_ != nullptr; }
  // The speech service (tests and the benchmark wait on it and count its renders).
  platform::Speech& speech() { return *speech_; }

private:
  void refreshModel();
  // Reads the theme and text size from the settings into the model; applies them to the
  // palette and reloads the fonts when they changed (between frames only). KioskAppearance.cpp.
  void applyStoredAppearance(bool first);
  std::string saveAppearance(const std::string& staffId, const Appearance& a);
  // Performs a command without refreshing the model: logs a refusal in English (the command's
  // name, never a name or free text) and returns the Swedish message.
  std::string record(const Command& command);
  // Answers what the screens asked for during the last frame: performs the requests, refreshes
  // the model once, then lets each request's continuation decide what the screen does next
  // (which may ask again). Returns true if there was anything to answer.
  bool answerRequests();
  ui::Outcome answer(const ui::Ask& ask, bool& shareCheckDue);
  std::string saveSpeech(const std::string& staffId, const SpeechSettings& settings);
  ui::PinAnswer checkPin(const std::string& staffId, const std::string& pin);
  // Staff's symbol or pictogram choice, saved on this kiosk; "" or the Swedish refusal.
  std::string choosePictogram(const ui::ask::ChoosePictogram& choice);
  void refreshStatistics();
  // The queued counts for the sync screen; then, after a model refresh, the share check.
  void readSyncStatus();
  void checkShare();
  void renderFrame(const std::string& screenshotPath = {});
  void everyMinute();
  void noticeOtherWriters();
  // The sync worker: one job at a time (a share check or a sync) on its own thread with its
  // own store connection; the loop polls it and takes the result into the model.
  struct SyncJob;
  void pollSync();
  void startSyncJob(bool isSync, const std::filesystem::path& share);
  std::unique_ptr<SyncJob> syncJob_;

  store::KioskStore& store_;
  const Clock& clock_;
  std::filesystem::path dataDir_;
  std::unique_ptr<platform::Window> window_;
  std::unique_ptr<platform::Speech> speech_; // after the window: closes its audio before SDL_Quit
  std::unique_ptr<ui::KioskUi> ui_;
  ui::KioskModel model_;
  std::set<std::string> missingPictures_; // participants whose picture failed, logged once
  std::unique_ptr<platform::PictogramTextures> pictograms_;
  int frames_ = 0;
  static constexpr int kSettleFrames = 3; // frames drawn after a change, so ImGui settles
  int framesOwed_ = kSettleFrames;        // frames still to draw
  bool requestsAnswered_ = false;         // the last frame's requests changed the model or screen
  UtcMs lastMinute_ = 0;
  PowerWatch power_;
  void pollPower();
};

} // namespace dagverk::kiosk
