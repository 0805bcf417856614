#pragma once
// Colours, spacing and fonts. Every size comes from the font size, which comes from the
// display height, so the same screens fit a 1280×800 tablet and a 1024×600 kiosk.
#include "ui/KioskUi.hpp"

#include <imgui.h>
#include <string>

namespace dagverk::ui::theme {

inline const ImU32 kBackground = IM_COL32(0xF4, 0xF1, 0xEA, 0xFF);
inline const ImU32 kPanel = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline const ImU32 kText = IM_COL32(0x1F, 0x2A, 0x33, 0xFF);
inline const ImU32 kMutedText = IM_COL32(0x55, 0x60, 0x6B, 0xFF);
inline const ImU32 kPrimary = IM_COL32(0x1D, 0x5C, 0x8C, 0xFF);
inline const ImU32 kYes = IM_COL32(0x2E, 0x7D, 0x32, 0xFF);
inline const ImU32 kNo = IM_COL32(0xB2, 0x3A, 0x3A, 0xFF);
inline const ImU32 kPresentTint = IM_COL32(0xDD, 0xEF, 0xDD, 0xFF);
inline const ImU32 kError = IM_COL32(0xB2, 0x3A, 0x3A, 0xFF);
inline const ImU32 kSurvey = IM_COL32(0x7A, 0x5A, 0x9E, 0xFF);         // "Svara på frågor"
// What is over or cannot be tapped now: a past session on the schedule, a sync button while one runs.
inline const ImU32 kInactive = IM_COL32(0xA8, 0xAE, 0xB4, 0xFF);
inline const ImU32 kDisabledButton = IM_COL32(0xB8, 0xBC, 0xC0, 0xFF);
inline const ImU32 kPressedCard = IM_COL32(0xE4, 0xEC, 0xF4, 0xFF);    // a card or row under the finger
inline const ImU32 kButtonShadow = IM_COL32(0, 0, 0, 40);
inline const ImU32 kCardShadow = IM_COL32(0, 0, 0, 30);
inline const ImU32 kOutline = IM_COL32(0xC8, 0xCC, 0xD0, 0xFF);         // light buttons and chips
inline const ImU32 kFieldBorder = IM_COL32(0xB0, 0xB6, 0xBC, 0xFF);     // a text field not being edited
inline const ImU32 kKeyboard = IM_COL32(0xD9, 0xDD, 0xE1, 0xFF);        // the on-screen keyboard's background
inline const ImU32 kStaffBarButton = IM_COL32(0x14, 0x44, 0x6A, 0xFF);  // "Tillbaka" on the staff bar
inline const ImU32 kStaffBarText = IM_COL32(0xDD, 0xE8, 0xF2, 0xFF);    // who is signed in, on the staff bar
// Over a participant who already answered the survey: the background, mostly opaque.
inline const ImU32 kAnsweredVeil = IM_COL32(0xF4, 0xF1, 0xEA, 0xB0);
inline const ImU32 kStaffBand = IM_COL32(0, 0, 0, 110);                 // "personal" across a roll-call tile
// The faces (glad / mittemellan / ledsen, and the survey's ja / ibland / nej), and the survey's
// shares in the same colours as the faces the participants tapped.
inline const ImU32 kFaceHappy = IM_COL32(0x4C, 0xA0, 0x50, 0xFF);
inline const ImU32 kFaceInBetween = IM_COL32(0xE3, 0xB0, 0x3A, 0xFF);
inline const ImU32 kFaceSad = IM_COL32(0xC8, 0x5A, 0x4A, 0xFF);
inline const ImU32 kFaceInk = IM_COL32(0x1F, 0x2A, 0x33, 0xFF);
inline const ImU32 kShareTrack = IM_COL32(0xE0, 0xE3, 0xE6, 0xFF);      // a share bar with no answers
inline const ImU32 kChartAxis = IM_COL32(0xC8, 0xCC, 0xD0, 0xFF);

// Base font size for a display height (pixels): one twenty-fifth of the height.
float baseFontSize(int displayHeight);
// Loads the fonts into ImGui's atlas. Returns false if the font file is missing.
bool loadFonts(Fonts& fonts, const std::string& regularTtf, const std::string& boldTtf, float base);
void applyStyle(float base);
// A tile colour chosen from a calm palette by the participant id.
ImU32 tileColour(const std::string& id);

} // namespace dagverk::ui::theme
