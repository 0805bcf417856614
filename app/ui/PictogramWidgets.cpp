#include "ui/PictogramWidgets.hpp"

#include "core/Pictograms.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"

namespace dagverk::ui {

bool drawPictogram(KioskUi& ui, ImDrawList* dl, const std::string& key, ImVec2 c, float s, const std::string& where,
                   ImU32 tint) {
  if (key.empty() || !findPictogram(key)) return false;
  const ImTextureID tex = ui.pictures().pictogram(key, s);
  if (!tex) return false;
  const float h = s / 2;
  dl->AddImage(tex, ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), ImVec2(0, 0), ImVec2(1, 1), tint);
  ui.notePictogram(where, key);
  return true;
}

std::string activityPictogram(const Activity* a) {
  if (!a) return {};
  if (a->pictogram && findPictogram(*a->pictogram)) return *a->pictogram;
  return categoryPictogram(a->category);
}

ImU32 symbolColour(const Participant& p) {
  const SymbolColour* named = p.symbolColour ? findSymbolColour(*p.symbolColour) : nullptr;
  if (!named) {
    // No colour chosen: one of the palette by id, so neighbours differ and it never changes.
    unsigned h = 2166136261u;
    for (unsigned char ch : p.id) h = (h ^ ch) * 16777619u;
    named = &symbolColours()[h % symbolColours().size()];
  }
  return IM_COL32((named->rgb >> 16) & 0xFF, (named->rgb >> 8) & 0xFF, named->rgb & 0xFF, 255);
}

void drawParticipantPicture(KioskUi& ui, ImDrawList* dl, const Participant& p, ImVec2 min, float size, bool marked) {
  const ImTextureID photo = ui.pictures().pictureOf(p);
  if (!photo && p.symbol && findPictogram(*p.symbol) && ui.pictures().pictogram(*p.symbol, size * 0.66f)) {
    // A white disc on the colour keeps every emoji clear of every palette colour.
    const ImVec2 max(min.x + size, min.y + size), c(min.x + size / 2, min.y + size / 2);
    dl->AddRectFilled(min, max, symbolColour(p), size * 0.08f);
    dl->AddCircleFilled(c, size * 0.41f, IM_COL32_WHITE);
    drawPictogram(ui, dl, *p.symbol, c, size * 0.66f, "person-" + p.id);
    if (marked) drawPresentMark(dl, min, size);
    return;
  }
  drawPersonPicture(dl, photo, p.id, p.initials(), min, size, marked, ui.fonts());
}

} // namespace dagverk::ui
