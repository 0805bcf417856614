#pragma once
// Shared drawing pieces: participant pictures, pictogram icons and large touch buttons.
#include "ui/KioskUi.hpp"

#include <imgui.h>

#include <set>
#include <string>
#include <vector>

namespace dagverk::ui {

// Where a text was drawn in the last frame and the widget it must stay inside (screen
// coordinates, min x, min y, max x, max y). The drawing helpers note each label, so tests can
// check in the real loop that no text spills out of its button, card or column. A few pushes
// into a vector per frame: always on.
struct TextPlacement {
  std::string text;
  ImVec4 rect;
  ImVec4 widget;
};
void noteText(const std::string& text, ImVec2 min, ImVec2 size, ImVec2 widgetMin, ImVec2 widgetMax);
// The last ImGui item as text inside the current window's visible area.
void noteLastItemText(const std::string& text);
const std::vector<TextPlacement>& textPlacements();
void clearTextPlacements(); // at the start of each frame (KioskUi::frame)

// Photo if there is one, else a coloured square with the initials. `present` adds a green
// border and a check badge.

enum class Icon { House, Check, Cross, PersonIn, Clock, Exit, Speech, Question, Star };
void drawIcon(ImDrawList* dl, Icon icon, ImVec2 centre, float size, ImU32 colour);

// A large rounded button with an icon above or beside its label. Returns true when tapped
// (released over it without dragging). The rectangle is remembered under `name` for tests.
enum class IconPlacement { Auto, Beside, Above };
bool bigButton(KioskUi& ui, const char* name, const char* label, Icon icon, ImVec2 size, ImU32 fill,
               ImU32 textColour, ImFont* font, IconPlacement placement = IconPlacement::Auto);

// Full-screen, undecorated window for one screen.
bool beginScreen(const char* id);
void endScreen();

// The red banner with the last error, at the bottom of the screen (ErrorBanner.cpp).
void drawErrorBanner(KioskUi& ui);

// A message in the error colour at the cursor (wrapped to the window unless `wrap` is false).
void errorText(const std::string& text, bool wrap = true);

// Text centred horizontally in the current window at the cursor.
void centredText(const char* text, ImFont* font, ImU32 colour);

// True unless the pointer slid past the slop (5 mm) since it went down in a region that
// scrolls (then it was a drag, not a tap). In a region that does not scroll, always true.
bool pointerDidNotDrag();
// Inside a scrolling child window: a finger or mouse dragged past the tap slop scrolls it.
void dragToScroll();

} // namespace dagverk::ui

namespace dagverk::ui {
// The participant's picture, large and centred, with a headline and a line under it.
// Returns the y coordinate (window-local) just below the text.
float drawGreeting(KioskUi& ui, const Participant& p, const std::string& headline, const std::string& subline,
                   ImU32 headlineColour, float pictureFraction);
// A tap anywhere on the screen (outside other items), ignored during the screen's first second.
bool tappedAnywhere(KioskUi& ui);
} // namespace dagverk::ui

namespace dagverk::ui {
// The top bar of a participant's picture screen: a big "Tillbaka" (home) and a prompt.
void drawTopBar(KioskUi& ui, const char* prompt, float f, float width);
// The participants' picture grid below `top`, with page arrows beside it when it scrolls.
// `marked` get the green check, `faded` are drawn pale. `page` is the screen's arrow tapped
// ("up" or "down"), paged in the next frame. Returns the id of a tapped tile, or "".
std::string participantGrid(KioskUi& ui, const KioskModel& model, const std::set<std::string>& marked,
                            const std::set<std::string>& faded, float top, std::string& page);
} // namespace dagverk::ui

namespace dagverk::ui {
// A face for a mood or a survey answer: "glad"/"ja" smiles, "mittemellan"/"ibland" is
// straight, "ledsen"/"nej" is sad. Filled circle in the mood's colour.
void drawFace(ImDrawList* dl, const std::string& mood, ImVec2 centre, float size);
// A large picture choice: a rounded card with a drawing (by `draw`) and a label under it.
// Remembered under `name`; returns true when tapped.
template <class Draw>
bool pictureChoice(KioskUi& ui, const std::string& name, const char* label, ImVec2 size, ImFont* font, Draw&& draw);
} // namespace dagverk::ui

#include "ui/WidgetsInline.hpp"
