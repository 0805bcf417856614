#pragma once
// Wires the platform window, the screens and the store: the kiosk's frame loop.
#include "KioskStore.hpp"
#include "KioskUi.hpp"
#include "Window.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace dagverk::kiosk {

class KioskApp final : public ui::KioskActions {
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

  // ui::KioskActions
  std::string checkIn(const std::string& participantId) override;
  std::string checkOut(const std::string& participantId) override;
  ImTextureID pictureOf(const Participant& p) override;

private:
  void refreshModel();
  void renderFrame(const std::string& screenshotPath = {});
  void everyMinute();
  void noticeOtherWriters();

  store::KioskStore& store_;
  const Clock& clock_;
  std::filesystem::path dataDir_;
  std::unique_ptr<platform::Window> window_;
  std::unique_ptr<ui::KioskUi> ui_;
  ui::KioskModel model_;
  std::map<std::string, SDL_Texture*> pictures_;
  int frames_ = 0;
  int framesOwed_ = 3; // frames still to draw after a change, so ImGui settles
  UtcMs lastMinute_ = 0;
};

} // namespace dagverk::kiosk
