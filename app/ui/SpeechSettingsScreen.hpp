#pragma once
// "Tal": speech on or off, its volume and its rate, for assistant managers and admins.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class SpeechSettingsScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::SpeechSettings;
  static constexpr int kVolumeStep = 10;
  static constexpr int kRateStep = 20;
  SpeechSettingsScreen() : FormScreen(kId, "speech-settings") {}
  bool needsStaff() const override { return true; }
  void onEnter(KioskUi& ui) override;
  const SpeechSettings& draft() const { return draft_; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  SpeechSettings draft_;
  bool loaded_ = false; // the draft is filled from the model in the first frame
};

} // namespace dagverk::ui
