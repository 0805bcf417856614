#pragma once
// Register a complaint in the city's categories, or classify a "Tyck till"; nothing is saved until "Spara".
#include "ui/Screen.hpp"
#include "core/Feedback.hpp"

namespace dagverk::ui {

class ComplaintFormScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::ComplaintForm;
  ComplaintFormScreen() : FormScreen(kId, "complaint-form") {}
  bool needsStaff() const override { return true; }
  // Opens the form on step 1 with `draft` (empty, or pre-filled from a "Tyck till").
  void open(KioskUi& ui, ComplaintRegistered draft);
  const ComplaintRegistered& draft() const { return draft_; }
  int step() const { return step_; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  ComplaintRegistered draft_;
  int step_ = 1; // 1–4
};

} // namespace dagverk::ui
