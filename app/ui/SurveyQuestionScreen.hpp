#pragma once
// The survey: the city's three questions, one per screen.
#include "ui/Screen.hpp"
#include "ui/SurveyFlow.hpp"

#include <memory>

namespace dagverk::ui {

class SurveyQuestionScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::SurveyQuestion;
  explicit SurveyQuestionScreen(std::shared_ptr<SurveyFlow> flow)
      : Screen(kId, "survey-question"), flow_(std::move(flow)) {}
  Closing closing() const override { return Closing::ParticipantFormIdle; }
  Prompt prompt(KioskUi& ui, const KioskModel& model) const override;

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::shared_ptr<SurveyFlow> flow_;
};

} // namespace dagverk::ui
