#pragma once
// The visitor count of an open meeting place, as drawn on the home screen (headcount mode) and
// on the staff screen "Besökare": the picture of "one more came" and the door's "+1"/"−1".
#include "ui/KioskUi.hpp"

#include <string>

namespace dagverk::ui {

// Two people side by side and a plus: "one more came", with no reading needed.
void drawVisitors(ImDrawList* dl, ImVec2 centre, float size, ImU32 colour);

// Whether "−1"/"Ångra" may void the newest tally of today now (made here, within a minute).
bool canUndoHeadcount(KioskUi& ui, const KioskModel& model);

// The home screen's door counter at the cursor, `width` wide and `height` high: today's count,
// a big "+1" with the picture, and a smaller "−1" under it. "+1" and "−1" go to the store with
// no staff member named; `message` receives the answer (Swedish), `isError` whether it failed.
void doorCounter(KioskUi& ui, const KioskModel& model, float width, float height, std::string& message,
                 bool& isError);

// "Statistik": visitors per week of the last 8 weeks as a bar row in a panel at `min`, `width`
// wide. Returns its height, or 0 (and draws nothing) at a site that neither counts visitors
// (home mode) nor has a tally in those weeks.
float headcountWeeksPanel(KioskUi& ui, const KioskModel& model, ImDrawList* dl, ImVec2 min, float width);

} // namespace dagverk::ui
