#pragma once
// Report a deviation (avvikelse); nothing is saved until "Spara".
#include "ui/Screen.hpp"
#include "core/Feedback.hpp"

namespace dagverk::ui {

class DeviationFormScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::DeviationForm;
  DeviationFormScreen() : FormScreen(kId, "deviation-form") {}
  bool needsStaff() const override { return true; }
  // Opens an empty form dated `today`.
  void open(KioskUi& ui, LocalDate today);

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  DeviationReported draft_;
};

} // namespace dagverk::ui
