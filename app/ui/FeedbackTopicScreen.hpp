#pragma once
// "Tyck till", step 2: "Vad gäller det?" — six picture choices.
#include "ui/Screen.hpp"
#include "ui/FeedbackFlow.hpp"

#include <memory>

namespace dagverk::ui {

class FeedbackTopicScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::FeedbackTopic;
  explicit FeedbackTopicScreen(std::shared_ptr<FeedbackFlow> flow)
      : Screen(kId, "feedback-topic"), flow_(std::move(flow)) {}
  Closing closing() const override { return Closing::ParticipantFormIdle; }
  Prompt prompt(KioskUi&, const KioskModel&) const override { return {"Vad gäller det?"}; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::shared_ptr<FeedbackFlow> flow_;
};

} // namespace dagverk::ui
