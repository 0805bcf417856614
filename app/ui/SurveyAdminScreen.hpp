#pragma once
// "Enkät" for staff: open a survey window, and the shares per question.
#include "ui/Screen.hpp"
#include "core/LocalTime.hpp"

#include <optional>

namespace dagverk::ui {

class SurveyAdminScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::SurveyAdmin;
  SurveyAdminScreen() : FormScreen(kId, "survey-admin") {}
  bool needsStaff() const override { return true; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  // The new window's dates as chosen, until "Öppna enkäten"; unset: from today, two weeks.
  std::optional<LocalDate> from_, to_;
};

} // namespace dagverk::ui
