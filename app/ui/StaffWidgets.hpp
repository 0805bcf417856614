#pragma once
// Pieces the staff screens share: the staff bar, buttons sized from the font, text fields
// with the on-screen keyboard, the numeric keypad, chips, and activity pictograms.
#include "ui/KioskUi.hpp"
#include "ui/Screen.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace dagverk::ui {

// A coloured square with initials, or a photo; `marked` adds the green check badge.
void drawPersonPicture(ImDrawList* dl, ImTextureID photo, const std::string& colourKey, const std::string& initials,
                       ImVec2 min, float size, bool marked, const Fonts& fonts);
// The green border and check badge of a picture `size` square at `min` (someone here).
void drawPresentMark(ImDrawList* dl, ImVec2 min, float size);

// A rounded button `heightInLines` font sizes high, as wide as its label (or `width` if > 0).
// Remembered under `name` for tests. Returns true when tapped.
bool actionButton(KioskUi& ui, const std::string& name, const std::string& label, ImU32 fill, float width = 0,
                  float heightInLines = 2.0f, bool enabled = true);
// A toggle chip: filled when on. Returns true when tapped (the caller flips the state).
bool chip(KioskUi& ui, const std::string& name, const std::string& label, bool on, float width = 0);

// The bar at the top of every staff screen: title, who is signed in, and the way back.
// Returns true if "back" was tapped (the caller decides where back goes).
bool staffBar(KioskUi& ui, const KioskModel& model, const char* title, const char* backLabel);

// A text field edited with the on-screen keyboard (or a USB keyboard or badge scanner).
// `value` is changed in place; the character counter turns red past maxChars.
// `editing` is the screen's: which of its fields is being typed into.
void textField(KioskUi& ui, TextEditing& editing, const std::string& id, std::string& value, size_t maxChars,
               const char* hint, float width, float heightInLines);
// Draws the on-screen keyboard (Swedish layout) when a field is being edited; returns its
// height (0 when hidden) so screens keep the edited field above it. Call last in the screen.
float onScreenKeyboard(KioskUi& ui, TextEditing& editing);
// Height the keyboard will take this frame (0 when no field is edited).
float keyboardHeight(const TextEditing& editing);

// A 3×4 numeric keypad writing into `digits` (at most maxDigits). "OK" can be tapped once
// minDigits are typed (a PIN has at least four). Returns true on "OK".
bool numericKeypad(KioskUi& ui, std::string& digits, size_t maxDigits, float keySize, size_t minDigits = 4);

// A multi-step form's steps as tabs (chips "step-1" …): each can be opened directly; opening
// one closes the keyboard and clears the form's message. `step` counts from 1.
void stepTabs(KioskUi& ui, int& step, TextEditing& editing, std::string& message,
              const std::vector<std::string>& labels);
// The bar at the bottom of a multi-step form: "save", "Nästa" (until the last step) and the
// form's message. Returns true when save was tapped.
bool stepFormBar(KioskUi& ui, int& step, std::string& message, const char* saveLabel, float saveWidth, int steps);

// A pictogram for an activity category (Skapande, Kultur, Djur, …), drawn with lines.
void drawActivityPictogram(ImDrawList* dl, const std::string& category, ImVec2 centre, float size, ImU32 colour);

// "09:00–10:30"
std::string timeRange(UtcMs start, UtcMs end);

// --- complaint register (staff forms) ---------------------------------------------------------
// Before the next item `itemWidth` wide: stays on this line (SameLine) if it fits before maxX,
// else starts a new one. `x` carries the line's used width between calls (start at 0).
void flowItem(float itemWidth, float& x, float maxX);
// "Label [−] 2026-11-23 [+]" on one line: one day per tap. Buttons `name`-minus / `name`-plus.
void dateStepper(KioskUi& ui, const std::string& name, const char* label, LocalDate& date);

} // namespace dagverk::ui
