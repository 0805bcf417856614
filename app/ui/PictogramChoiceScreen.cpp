// "Bilder": the left column lists the site's participants (photo, symbol or initials) and
// activities; the right shows a large grid of pictograms to choose from, for a participant also
// the calm colours, and "Spara". The choice is kept on this kiosk across roster bundles; where
// central's roster sets a symbol or pictogram, central's wins (said on the screen).
#include "ui/PictogramChoiceScreen.hpp"

#include "core/Pictograms.hpp"
#include "ui/PictogramWidgets.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

bool mayChoosePictures(const KioskModel& model, const std::string& staffId) {
  const StaffMember* s = model.findStaff(staffId);
  return s && (s->role == StaffRole::AssistantManager || s->role == StaffRole::Admin);
}

void PictogramChoiceScreen::onEnter(KioskUi& ui) {
  Screen::onEnter(ui);
  activity_ = false;
  subject_.clear();
  chosen_.clear();
  colour_.clear();
  message_.clear();
}

void PictogramChoiceScreen::drawSubjects(KioskUi& ui, const KioskModel& model, float width, float height) {
  const float f = ImGui::GetFontSize();
  ImGui::BeginChild("subjects", ImVec2(width, height), false);
  dragToScroll();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float row = f * 2.6f;
  auto entry = [&](const std::string& name, bool isActivity, const std::string& id, const std::string& label,
                   auto&& drawPicture) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(name.c_str(), ImVec2(width - f * 0.6f, row)) && pointerDidNotDrag();
    const ImVec2 max(min.x + width - f * 0.6f, min.y + row);
    if (ImGui::IsItemVisible()) {
      ui.rememberButton(name, min, max);
      const bool selected = subject_ == id && activity_ == isActivity;
      dl->AddRectFilled(min, max, selected ? theme::kPressedCard : theme::kPanel, f * 0.3f);
      if (selected) dl->AddRect(min, max, theme::kPrimary, f * 0.3f, 0, f * 0.12f);
      drawPicture(ImVec2(min.x + f * 0.3f, min.y + f * 0.3f), row - f * 0.6f);
      dl->AddText(ImVec2(min.x + row + f * 0.1f, min.y + (row - f) / 2), theme::kText, label.c_str());
    }
    return tapped;
  };
  ImGui::TextUnformatted("Deltagare");
  for (const auto& p : model.participants) {
    if (entry("subject-" + p.id, false, p.id, p.displayName(),
              [&](ImVec2 at, float s) { drawParticipantPicture(ui, dl, p, at, s, false); })) {
      activity_ = false;
      subject_ = p.id;
      chosen_ = p.symbol.value_or("");
      colour_ = p.symbolColour.value_or(symbolColours().front().name);
      message_.clear();
    }
  }
  ImGui::Dummy(ImVec2(1, f * 0.4f));
  ImGui::TextUnformatted("Aktiviteter");
  for (const auto& a : model.activities) {
    if (entry("subject-" + a.id, true, a.id, a.name, [&](ImVec2 at, float s) {
          const ImVec2 c(at.x + s / 2, at.y + s / 2);
          if (!drawPictogram(ui, dl, activityPictogram(&a), c, s, "subject-" + a.id))
            drawActivityPictogram(dl, a.category, c, s, theme::kPrimary);
        })) {
      activity_ = true;
      subject_ = a.id;
      chosen_ = activityPictogram(&a);
      colour_.clear();
      message_.clear();
    }
  }
  ImGui::EndChild();
}

void PictogramChoiceScreen::drawChoices(KioskUi& ui, const KioskModel& model, float width, float height) {
  const float f = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorPos();
  const Participant* p = activity_ ? nullptr : model.find(subject_);
  const Activity* a = activity_ ? model.findActivity(subject_) : nullptr;
  if (!p && !a) {
    ImGui::TextWrapped("Välj en deltagare eller en aktivitet till vänster.");
    ImGui::TextWrapped("En deltagare utan foto visas med sin symbol på sin färg i stället för initialer.");
    return;
  }
  const std::string title = p ? "Symbol för " + p->displayName() : "Bild för " + a->name;
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted(title.c_str());
  ImGui::PopFont();
  // Colours (participants), then the grid, then "Spara" along the bottom.
  const float swatch = f * 2.2f;
  if (p) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const auto& c : symbolColours()) {
      const ImVec2 min = ImGui::GetCursorScreenPos();
      const std::string name = std::string("colour-") + c.name;
      if (ImGui::InvisibleButton(name.c_str(), ImVec2(swatch, swatch)) && pointerDidNotDrag()) colour_ = c.name;
      ui.rememberButton(name, min, ImVec2(min.x + swatch, min.y + swatch));
      dl->AddRectFilled(min, ImVec2(min.x + swatch, min.y + swatch),
                        IM_COL32((c.rgb >> 16) & 0xFF, (c.rgb >> 8) & 0xFF, c.rgb & 0xFF, 255), f * 0.3f);
      if (colour_ == c.name)
        dl->AddRect(ImVec2(min.x - f * 0.15f, min.y - f * 0.15f), ImVec2(min.x + swatch + f * 0.15f, min.y + swatch + f * 0.15f),
                    theme::kText, f * 0.35f, 0, f * 0.15f);
      ImGui::SameLine(0, f * 0.5f);
    }
    ImGui::NewLine();
  }
  const float barH = f * 3.0f;
  const float gridH = height - (ImGui::GetCursorPosY() - origin.y) - barH;
  ImGui::BeginChild("choices", ImVec2(width, gridH), false);
  dragToScroll();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float cell = f * 3.2f, gap = f * 0.4f;
  const int columns = std::max(1, static_cast<int>((width - f * 0.6f + gap) / (cell + gap)));
  int i = 0;
  for (const auto& pic : pictograms()) {
    if (p ? !isPersonalSymbol(pic.key) : !isActivityPictogram(pic.key)) continue;
    if (i % columns != 0) ImGui::SameLine(0, gap);
    ++i;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const std::string name = "pick-" + pic.key;
    if (ImGui::InvisibleButton(name.c_str(), ImVec2(cell, cell)) && pointerDidNotDrag()) chosen_ = pic.key;
    if (!ImGui::IsItemVisible()) continue;
    ui.rememberButton(name, min, ImVec2(min.x + cell, min.y + cell));
    const bool on = chosen_ == pic.key;
    dl->AddRectFilled(min, ImVec2(min.x + cell, min.y + cell), on ? theme::kPressedCard : theme::kPanel, f * 0.4f);
    if (on) dl->AddRect(min, ImVec2(min.x + cell, min.y + cell), theme::kPrimary, f * 0.4f, 0, f * 0.15f);
    if (!drawPictogram(ui, dl, pic.key, ImVec2(min.x + cell / 2, min.y + cell / 2), cell * 0.72f, name))
      dl->AddText(ImVec2(min.x + f * 0.2f, min.y + cell / 2 - f / 2), theme::kText, pic.label.c_str());
  }
  ImGui::EndChild();
  const bool ready = !chosen_.empty() && (!p || !colour_.empty());
  if (actionButton(ui, "save-pictogram", "Spara", theme::kYes, f * 7.0f, 2.2f, ready)) {
    ui.choosePictogram({ui.signedInStaff(), activity_, subject_, chosen_, p ? colour_ : std::string()},
                       [this](const std::string& error) { message_ = error.empty() ? "Sparat." : error; });
  }
  ImGui::SameLine(0, f);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + f * 0.2f);
  if (!message_.empty()) ImGui::TextWrapped("%s", message_.c_str());
  else ImGui::TextWrapped("Sätter centralens register en bild gäller den.");
}

void PictogramChoiceScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Bilder", "Tillbaka")) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  if (!mayChoosePictures(model, ui.signedInStaff())) {
    ImGui::TextWrapped("Bara biträdande enhetschef och administratör kan välja bilder.");
    return;
  }
  const float top = ImGui::GetCursorPosY();
  const float height = win.y - top - f * 0.6f;
  const float left = std::min(f * 12.0f, win.x * 0.34f);
  drawSubjects(ui, model, left, height);
  ImGui::SetCursorPos(ImVec2(left + f * 1.4f, top));
  ImGui::BeginGroup();
  drawChoices(ui, model, win.x - left - f * 2.2f, height);
  ImGui::EndGroup();
}

} // namespace dagverk::ui
