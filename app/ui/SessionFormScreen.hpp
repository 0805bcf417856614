#pragma once
// Log, plan or edit an activity session in four steps; nothing is saved until "Spara".
#include "ui/Screen.hpp"
#include "core/DayRecords.hpp"

namespace dagverk::ui {

class SessionFormScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::SessionForm;
  SessionFormScreen() : FormScreen(kId, "session-form") {}
  bool needsStaff() const override { return true; }
  // Opens the form on step 1: a new session (planned or done), or an edit of `edit`.
  void open(KioskUi& ui, const KioskModel& model, bool planned, const ActivitySession* edit = nullptr);
  SessionDraft& draft() { return draft_; }
  int step() const { return step_; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  SessionDraft draft_;
  int step_ = 1;              // 1–4
  bool showAllStaff_ = false; // step 3: every staff member, not only those at work today
};

} // namespace dagverk::ui
