#pragma once
// One complaint and its follow-ups; a follow-up is written and saved here.
#include "ui/Screen.hpp"

namespace dagverk::ui {

class ComplaintDetailScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::ComplaintDetail;
  ComplaintDetailScreen() : FormScreen(kId, "complaint-detail") {}
  bool needsStaff() const override { return true; }
  // Opens one complaint, with no follow-up being written.
  void open(KioskUi& ui, const std::string& complaintId);

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::string complaintId_;
  std::string step_; // the follow-up being written (one of the kFollowUp* codes), "" when none
  std::string text_; // what it says
};

} // namespace dagverk::ui
