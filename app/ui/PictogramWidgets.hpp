#pragma once
// Pictograms (core/Pictograms.hpp keys, drawn as colour emoji textures) and the participant's
// picture: photo, else personal symbol on its colour, else initials.
#include "ui/KioskUi.hpp"

#include <imgui.h>

#include <string>

namespace dagverk::ui {

// Draws the pictogram `key` in a size×size square centred at `centre` and notes it on the
// frame under `where` (KioskUi::pictogramsShown). False, with nothing drawn, when the key is
// empty or unknown or the emoji font is missing: the caller then draws its own shape.
bool drawPictogram(KioskUi& ui, ImDrawList* dl, const std::string& key, ImVec2 centre, float size,
                   const std::string& where, ImU32 tint = IM_COL32_WHITE);

// The pictogram of an activity: the one staff chose, else its category's; "" for none.
std::string activityPictogram(const Activity* activity);

// The participant's square picture at `min`: their photo; without one, their personal symbol on
// its palette colour; without that, the initials on a coloured square. `marked` adds the green
// border and check badge.
void drawParticipantPicture(KioskUi& ui, ImDrawList* dl, const Participant& p, ImVec2 min, float size, bool marked);

// The palette colour a symbol is drawn on (the participant's own, else one picked by id).
ImU32 symbolColour(const Participant& p);

} // namespace dagverk::ui
