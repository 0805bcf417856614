#pragma once
// Correct a mistaken check-in or check-out.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class CorrectionScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::Correction;
  CorrectionScreen() : FormScreen(kId, "correction") {}
  bool needsStaff() const override { return true; }
  // Opens the form for one check-in (or check-out) event of a participant.
  void open(KioskUi& ui, const std::string& participantId, const std::string& eventId, bool checkIn);

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::string eventId_; // the event the correction voids
  bool checkIn_ = true; // true: a check-in, false: a check-out
  std::string reason_;  // the chosen reason code
};

} // namespace dagverk::ui
