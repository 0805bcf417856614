#pragma once
// The large speaker button in the top right corner of every participant screen that speaks:
// a tap says the screen's prompt again. A small window of its own above the screen's, so a
// tap on it never reaches the screen under it (a greeting that closes on a tap stays open).
#include "ui/KioskUi.hpp"

namespace dagverk::ui {

// At least 12 mm on a 10.1-inch 1280×800 screen (5.9 px per mm), larger with larger text.
inline constexpr float kSpeakerButtonMinPx = 72.0f;

// Draws the button; true when it was tapped. Remembered as the button "speaker".
bool speakerButton(KioskUi& ui);

} // namespace dagverk::ui
