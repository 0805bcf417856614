#pragma once
// "Besökare": visitors counted at an open meeting place, with no names.
#include "ui/Screen.hpp"

#include <string>

namespace dagverk::ui {

class HeadcountScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::Headcount;
  HeadcountScreen() : Screen(kId, "headcount") {}
  bool needsStaff() const override { return true; }
  // Opens with an empty total, no activity and no message.
  void onEnter(KioskUi& ui) override;
  const std::string& message() const { return message_; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  void drawTally(KioskUi& ui, const KioskModel& model, float width, float height);
  void drawTotalForm(KioskUi& ui, const KioskModel& model, float x, float width, float height);
  void drawConfirm(KioskUi& ui, const KioskModel& model, float x, float width);
  void save(KioskUi& ui, const KioskModel& model, int count, bool typedTotal, bool confirmedLarge);

  std::string digits_;   // the total being typed
  std::string activity_; // the chosen activity id, or empty
  int pendingLarge_ = 0; // a total above the confirmation limit, waiting for "Ja" or "Nej"
  std::string message_;  // the last save's result or refusal (Swedish)
  bool messageIsError_ = false;
};

} // namespace dagverk::ui
