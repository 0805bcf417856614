#pragma once
// Colours, spacing and fonts. Every size comes from the font size, which comes from the
// display height, so the same screens fit a 1280×800 tablet and a 1024×600 kiosk.
//
// Colours are a palette chosen at run time (standard or high contrast, a kiosk setting). The
// `kName` constants are references into the current palette, so screens read the current
// colour with the same names whichever theme is on.
#include "core/Appearance.hpp"
#include "ui/KioskUi.hpp"

#include <imgui.h>
#include <string>

namespace dagverk::ui::theme {

struct Palette {
  ImU32 background, panel, text, mutedText, primary, yes, no, presentTint, error, survey;
  ImU32 inactive;       // what is over or cannot be tapped now: a past session, a busy sync button
  ImU32 disabledButton; // a button that cannot be tapped yet (white label on it)
  ImU32 pressedCard;    // a card or row under the finger
  ImU32 buttonShadow, cardShadow;
  ImU32 outline;        // the edge of light buttons, chips and panels: at least 3:1 to what is around them
  ImU32 fieldBorder;    // a text field not being edited
  ImU32 keyboard;       // the on-screen keyboard's background
  ImU32 staffBarButton; // "Tillbaka" on the staff bar
  ImU32 staffBarEdge;   // its edge against the bar
  ImU32 staffBarText;   // who is signed in, on the staff bar
  ImU32 answeredVeil;   // over a participant who already answered the survey
  ImU32 staffBand;      // "personal" across a roll-call tile
  ImU32 faceHappy, faceInBetween, faceSad, faceInk;
  ImU32 shareTrack, chartAxis;
};

// Dagverk's calm standard colours, with edges and disabled states at WCAG's 3:1 for controls.
inline constexpr Palette kStandardPalette{
    IM_COL32(0xF4, 0xF1, 0xEA, 0xFF), IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), IM_COL32(0x1F, 0x2A, 0x33, 0xFF),
    IM_COL32(0x55, 0x60, 0x6B, 0xFF), IM_COL32(0x1D, 0x5C, 0x8C, 0xFF), IM_COL32(0x2E, 0x7D, 0x32, 0xFF),
    IM_COL32(0xB2, 0x3A, 0x3A, 0xFF), IM_COL32(0xDD, 0xEF, 0xDD, 0xFF), IM_COL32(0xB2, 0x3A, 0x3A, 0xFF),
    IM_COL32(0x7A, 0x5A, 0x9E, 0xFF),
    IM_COL32(0xA8, 0xAE, 0xB4, 0xFF), IM_COL32(0x6B, 0x71, 0x77, 0xFF), IM_COL32(0xE4, 0xEC, 0xF4, 0xFF),
    IM_COL32(0, 0, 0, 40), IM_COL32(0, 0, 0, 30),
    IM_COL32(0x76, 0x7E, 0x86, 0xFF), IM_COL32(0x76, 0x7E, 0x86, 0xFF), IM_COL32(0xD9, 0xDD, 0xE1, 0xFF),
    IM_COL32(0x14, 0x44, 0x6A, 0xFF), IM_COL32(0xC5, 0xD5, 0xE5, 0xFF), IM_COL32(0xDD, 0xE8, 0xF2, 0xFF),
    IM_COL32(0xF4, 0xF1, 0xEA, 0xB0), IM_COL32(0, 0, 0, 110),
    IM_COL32(0x4C, 0xA0, 0x50, 0xFF), IM_COL32(0xE3, 0xB0, 0x3A, 0xFF), IM_COL32(0xC8, 0x5A, 0x4A, 0xFF),
    IM_COL32(0x1F, 0x2A, 0x33, 0xFF), IM_COL32(0xE0, 0xE3, 0xE6, 0xFF), IM_COL32(0xC8, 0xCC, 0xD0, 0xFF)};

// High contrast: white ground, black text, dark fills under white labels (every text pair at
// least 7:1), black edges on every control.
inline constexpr Palette kHighContrastPalette{
    IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), IM_COL32(0x00, 0x00, 0x00, 0xFF),
    IM_COL32(0x33, 0x33, 0x33, 0xFF), IM_COL32(0x00, 0x3A, 0x70, 0xFF), IM_COL32(0x1B, 0x5E, 0x20, 0xFF),
    IM_COL32(0x8B, 0x1A, 0x1A, 0xFF), IM_COL32(0xD7, 0xF0, 0xD7, 0xFF), IM_COL32(0x8B, 0x1A, 0x1A, 0xFF),
    IM_COL32(0x4A, 0x2C, 0x7A, 0xFF),
    IM_COL32(0x54, 0x54, 0x54, 0xFF), IM_COL32(0x54, 0x54, 0x54, 0xFF), IM_COL32(0xD6, 0xE4, 0xF2, 0xFF),
    IM_COL32(0, 0, 0, 0), IM_COL32(0, 0, 0, 0),
    IM_COL32(0x00, 0x00, 0x00, 0xFF), IM_COL32(0x00, 0x00, 0x00, 0xFF), IM_COL32(0xE6, 0xE6, 0xE6, 0xFF),
    IM_COL32(0x00, 0x00, 0x00, 0xFF), IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
    IM_COL32(0xFF, 0xFF, 0xFF, 0xC8), IM_COL32(0, 0, 0, 170),
    IM_COL32(0x2E, 0x9E, 0x3A, 0xFF), IM_COL32(0xF2, 0xB8, 0x00, 0xFF), IM_COL32(0xD8, 0x3A, 0x2A, 0xFF),
    IM_COL32(0x00, 0x00, 0x00, 0xFF), IM_COL32(0xD0, 0xD0, 0xD0, 0xFF), IM_COL32(0x40, 0x40, 0x40, 0xFF)};

// The palette being drawn with. Changed only between frames (setAppearance).
inline Palette gPalette = kStandardPalette;

inline const ImU32& kBackground = gPalette.background;
inline const ImU32& kPanel = gPalette.panel;
inline const ImU32& kText = gPalette.text;
inline const ImU32& kMutedText = gPalette.mutedText;
inline const ImU32& kPrimary = gPalette.primary;
inline const ImU32& kYes = gPalette.yes;
inline const ImU32& kNo = gPalette.no;
inline const ImU32& kPresentTint = gPalette.presentTint;
inline const ImU32& kError = gPalette.error;
inline const ImU32& kSurvey = gPalette.survey; // "Svara på frågor"
inline const ImU32& kInactive = gPalette.inactive;
inline const ImU32& kDisabledButton = gPalette.disabledButton;
inline const ImU32& kPressedCard = gPalette.pressedCard;
inline const ImU32& kButtonShadow = gPalette.buttonShadow;
inline const ImU32& kCardShadow = gPalette.cardShadow;
inline const ImU32& kOutline = gPalette.outline;
inline const ImU32& kFieldBorder = gPalette.fieldBorder;
inline const ImU32& kKeyboard = gPalette.keyboard;
inline const ImU32& kStaffBarButton = gPalette.staffBarButton;
inline const ImU32& kStaffBarEdge = gPalette.staffBarEdge;
inline const ImU32& kStaffBarText = gPalette.staffBarText;
inline const ImU32& kAnsweredVeil = gPalette.answeredVeil;
inline const ImU32& kStaffBand = gPalette.staffBand;
// The faces (glad / mittemellan / ledsen, and the survey's ja / ibland / nej), and the survey's
// shares in the same colours as the faces the participants tapped.
inline const ImU32& kFaceHappy = gPalette.faceHappy;
inline const ImU32& kFaceInBetween = gPalette.faceInBetween;
inline const ImU32& kFaceSad = gPalette.faceSad;
inline const ImU32& kFaceInk = gPalette.faceInk;
inline const ImU32& kShareTrack = gPalette.shareTrack; // a share bar with no answers
inline const ImU32& kChartAxis = gPalette.chartAxis;

// The appearance in use (theme and text scale).
const Appearance& appearance();
// Switches the palette and ImGui's colours; the text scale takes effect with loadFonts.
// Call between frames only.
void setAppearance(const Appearance& a);
bool highContrast();

// Base font size for a display height (pixels): one twenty-fifth of the height. It is also the
// layout unit of every screen, so it does not grow with the text scale.
float baseFontSize(int displayHeight);
// Loads the fonts into ImGui's atlas (after clearing it). The large and title fonts, which
// carry what participants read, grow with the appearance's text scale; the body font is the
// layout unit and stays. Returns false if the font file is missing.
bool loadFonts(Fonts& fonts, const std::string& regularTtf, const std::string& boldTtf, float base);
void applyStyle(float base);
// A tile colour chosen from a calm palette by the participant id (darker in high contrast, so
// white initials on it stay at 7:1).
ImU32 tileColour(const std::string& id);

} // namespace dagverk::ui::theme
