#pragma once
// "Tyck till", step 1: "Hur är det?" — three faces. Opening it starts a new entry.
#include "ui/Screen.hpp"
#include "ui/FeedbackFlow.hpp"

#include <memory>

namespace dagverk::ui {

class FeedbackMoodScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::FeedbackMood;
  explicit FeedbackMoodScreen(std::shared_ptr<FeedbackFlow> flow)
      : Screen(kId, "feedback-mood"), flow_(std::move(flow)) {}
  Closing closing() const override { return Closing::ParticipantFormIdle; }
  Prompt prompt(KioskUi&, const KioskModel&) const override { return {"Hur är det?"}; }
  void onEnter(KioskUi& ui) override;

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::shared_ptr<FeedbackFlow> flow_;
};

} // namespace dagverk::ui
