#pragma once
// "Tyck till", step 3: a few words, and "Vill du att någon pratar med dig om det?".
#include "ui/Screen.hpp"
#include "ui/FeedbackFlow.hpp"

#include <memory>

namespace dagverk::ui {

class FeedbackMoreScreen final : public FormScreen {
public:
  static constexpr ScreenId kId = ScreenId::FeedbackMore;
  explicit FeedbackMoreScreen(std::shared_ptr<FeedbackFlow> flow)
      : FormScreen(kId, "feedback-more"), flow_(std::move(flow)) {}
  Closing closing() const override { return Closing::ParticipantFormIdle; }
  Prompt prompt(KioskUi&, const KioskModel&) const override { return {"Vill du berätta mer? Vill du att någon pratar med dig om det?"}; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::shared_ptr<FeedbackFlow> flow_;
};

} // namespace dagverk::ui
