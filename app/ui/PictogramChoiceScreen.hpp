#pragma once
// Staff: "Bilder" — a personal symbol and colour for each participant (for everyone without a
// photo) and a pictogram for each activity of the catalogue. Assistant managers and admins.
#include "ui/Screen.hpp"

#include <string>

namespace dagverk::ui {

// Who may choose pictures on the kiosk: assistant managers and admins.
bool mayChoosePictures(const KioskModel& model, const std::string& staffId);

class PictogramChoiceScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::PictogramChoice;
  PictogramChoiceScreen() : Screen(kId, "pictogram-choice") {}
  bool needsStaff() const override { return true; }
  void onEnter(KioskUi& ui) override;
  // The participant or activity being chosen for, and the choice not yet saved.
  const std::string& subject() const { return subject_; }
  const std::string& chosen() const { return chosen_; }
  const std::string& message() const { return message_; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  void drawSubjects(KioskUi& ui, const KioskModel& model, float width, float height);
  void drawChoices(KioskUi& ui, const KioskModel& model, float width, float height);
  bool activity_ = false; // the subject is an activity (else a participant)
  std::string subject_, chosen_, colour_, message_;
};

} // namespace dagverk::ui
