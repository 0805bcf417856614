#pragma once
// "Tyck till", last step for someone who wants to talk: their own picture.
#include "ui/Screen.hpp"
#include "ui/FeedbackFlow.hpp"

#include <memory>

namespace dagverk::ui {

class FeedbackWhoScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::FeedbackWho;
  explicit FeedbackWhoScreen(std::shared_ptr<FeedbackFlow> flow)
      : Screen(kId, "feedback-who"), flow_(std::move(flow)) {}
  Closing closing() const override { return Closing::ParticipantFormIdle; }
  Prompt prompt(KioskUi&, const KioskModel&) const override { return {"Tryck på din bild"}; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::shared_ptr<FeedbackFlow> flow_;
  std::string jumpTo_; // the page arrow tapped ("up", "down"), paged in the next frame
};

} // namespace dagverk::ui
