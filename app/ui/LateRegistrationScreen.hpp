#pragma once
// "Efterregistrera": a past day's paper attendance sheet entered afterwards. Staff pick the day
// (at most 30 back), tick who came, add times where the sheet has them, and save once. Those
// who already have a visit that day are shown as registered and cannot be ticked.
#include "core/LateVisit.hpp"
#include "ui/Screen.hpp"

#include <map>
#include <optional>
#include <string>

namespace dagverk::ui {

class LateRegistrationScreen final : public Screen {
public:
  static constexpr ScreenId kId = ScreenId::LateRegistration;
  LateRegistrationScreen() : Screen(kId, "late-registration") {}
  bool needsStaff() const override { return true; }
  void onEnter(KioskUi& ui) override;

  // One participant's line of the sheet as ticked so far.
  struct Line {
    bool ticked = false;
    std::optional<int> arrive, leave; // minutes after midnight
  };
  const std::optional<LocalDate>& day() const { return day_; }
  const std::map<std::string, Line>& lines() const { return lines_; }
  const std::string& message() const { return message_; }
  const std::string& summary() const { return summary_; }

protected:
  void drawContent(KioskUi& ui, const KioskModel& model) override;

private:
  void pickDay(KioskUi& ui, LocalDate day);
  void drawDayChoice(KioskUi& ui, const KioskModel& model);
  void drawSheet(KioskUi& ui, const KioskModel& model);
  void save(KioskUi& ui, const KioskModel& model);

  std::optional<LocalDate> day_;
  std::map<std::string, Line> lines_;
  bool showAll_ = false; // everyone on the roster, not only those expected that weekday
  std::string message_;  // a refusal, in red
  std::string summary_;  // what the last save registered
  // The time being typed on the keypad: whose, arrival or departure, and the digits so far.
  std::string timeFor_;
  bool timeIsLeave_ = false;
  std::string digits_;
};

} // namespace dagverk::ui
