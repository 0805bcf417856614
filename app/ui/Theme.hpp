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

// Base font size for a display height (pixels): one twenty-fifth of the height.
float baseFontSize(int displayHeight);
// Loads the fonts into ImGui's atlas. Returns false if the font file is missing.
bool loadFonts(Fonts& fonts, const std::string& regularTtf, const std::string& boldTtf, float base);
void applyStyle(float base);
// A tile colour chosen from a calm palette by the participant id.
ImU32 tileColour(const std::string& id);

} // namespace dagverk::ui::theme
