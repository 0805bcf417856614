#pragma once
// The time step of "Efterregistrera": an arrival or departure typed as four digits on the
// kiosk's keypad (0830 is 08:30), beside the sheet's list.
#include "ui/KioskUi.hpp"

#include <optional>
#include <string>

namespace dagverk::ui {

struct LateTimeAnswer {
  enum class Kind { None, Set, Clear, Cancel } kind = Kind::None;
  int minute = 0;      // Set: minutes after midnight
  std::string refusal; // Set refused: why, in Swedish (the digits are not a time)
};

// Draws the keypad panel at the cursor within `width` x `height`: a heading, the time typed so
// far, the keys (as large as fit) and "Ingen tid" / "Avbryt". `digits` holds what is typed.
LateTimeAnswer lateTimeKeypad(KioskUi& ui, const std::string& heading, std::string& digits, float width, float height);

// "08:30" for minutes after midnight; "–" for none.
std::string clockText(const std::optional<int>& minute);

} // namespace dagverk::ui
