#pragma once
// Wires the platform window, the screens and the store: the kiosk's frame loop.
#include "store/KioskStore.hpp"
#include "ui/KioskUi.hpp"
#include "platform/Window.hpp"

#include <filesystem>
#include <map>
#include <set>
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
  ui::PinAnswer checkPin(const std::string& staffId, const std::string& pin, bool rollCall) override;
  std::string checkInFor(const std::string& participantId, const std::string& staffId) override;
  std::string checkOutFor(const std::string& participantId, const std::string& staffId) override;
  std::string staffCheckIn(const std::string& staffId) override;
  std::string staffCheckOut(const std::string& staffId) override;
  std::string correct(const std::string& eventId, const std::string& reasonCode, const std::string& staffId) override;
  std::string noteAbsence(const std::string& participantId, const std::string& reasonCode, const std::string& comment,
                          const std::string& staffId) override;
  std::string logSession(const SessionDraft& draft, const std::string& staffId) override;
  std::string startRollCall(const std::string& staffId) override;
  std::string markSafe(const std::string& rollCallId, const std::string& personId, const std::string& staffId) override;
  std::string endRollCall(const std::string& rollCallId, const std::string& staffId) override;
  std::string giveFeedback(const FeedbackGiven& feedback) override;
  std::string registerComplaint(const ComplaintRegistered& complaint, const std::string& staffId) override;
  std::string followUpComplaint(const std::string& complaintId, const std::string& step, const std::string& date,
                                const std::string& text, const std::string& staffId) override;
  std::string reportDeviation(const DeviationReported& deviation, const std::string& staffId) override;
  std::string openSurveyWindow(LocalDate from, LocalDate to, const std::string& staffId) override;
  std::string answerSurvey(const std::string& windowId, const std::string& participantId,
                           const std::vector<std::string>& answers) override;
  void refreshSyncStatus() override;
  std::string startSync(const std::string& staffId) override;
  void refreshStatistics() override;
  // True while a sync or a share check runs on the worker thread (tests wait on it).
  bool syncWorkerBusy() const { return syncJob_ != nullptr; }

private:
  void refreshModel();
  // Runs a recording action: on success refreshes the model; on failure logs the English
  // message and returns the Swedish one for the screen.
  template <class F> std::string record(const char* what, F&& action);
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
  std::unique_ptr<ui::KioskUi> ui_;
  ui::KioskModel model_;
  std::set<std::string> missingPictures_; // participants whose picture failed, logged once
  int frames_ = 0;
  static constexpr int kSettleFrames = 3; // frames drawn after a change, so ImGui settles
  int framesOwed_ = kSettleFrames;        // frames still to draw
  UtcMs lastMinute_ = 0;
};

} // namespace dagverk::kiosk
