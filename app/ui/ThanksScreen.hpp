#pragma once
// "Tack!" after "Tyck till" or the survey.
#include "core/Feedback.hpp"
#include "ui/Screen.hpp"

#include <string>

namespace dagverk::ui {

class ThanksScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::Thanks;
  ThanksScreen() : Screen(kId, "thanks") {}
  Closing closing() const override { return Closing::AfterShown; }
  Prompt prompt(KioskUi& ui, const KioskModel& model) const override;
  // What the participant just said in "Tyck till", repeated on the thank-you: their face and
  // topic. Set before opening; without it (the survey) the screen shows the thanks pictogram.
  void show(const FeedbackGiven& given);
  void onLeave(KioskUi& ui) override;
  // The face drawn in the last frame, "" for none (for tests: what the participant sees).
  const std::string& face() const { return face_; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  std::string mood_, topic_, face_;
  bool wantsTalk_ = false;
};

} // namespace dagverk::ui
