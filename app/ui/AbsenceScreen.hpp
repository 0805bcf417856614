#pragma once
// Note why an expected participant is not here.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class AbsenceScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::Absence;
  AbsenceScreen() : FormScreen(kId, "absence") {}
  bool needsStaff() const override { return true; }
  bool aboutParticipant() const override { return true; }
  // Opens an empty form for one participant.
  void open(KioskUi& ui, const std::string& participantId);

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::string reason_; // the chosen reason code
  std::string comment_;
};

} // namespace dagverk::ui
