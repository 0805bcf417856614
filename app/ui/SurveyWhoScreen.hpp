#pragma once
// The survey, step 1: "Vem är du?". Opening it starts a new set of answers.
#include "ui/Screen.hpp"
#include "ui/SurveyFlow.hpp"

#include <memory>

namespace dagverk::ui {

class SurveyWhoScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::SurveyWho;
  explicit SurveyWhoScreen(std::shared_ptr<SurveyFlow> flow)
      : Screen(kId, "survey-who"), flow_(std::move(flow)) {}
  Closing closing() const override { return Closing::ParticipantFormIdle; }
  Prompt prompt(KioskUi&, const KioskModel&) const override { return {"Vem är du?"}; }
  void onEnter(KioskUi& ui) override;

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::shared_ptr<SurveyFlow> flow_;
  std::string jumpTo_; // the page arrow tapped ("up", "down"), paged in the next frame
};

} // namespace dagverk::ui
