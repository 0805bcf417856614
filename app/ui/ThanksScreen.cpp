// "Tack!" after "Tyck till" or the survey; home after 4 s or a tap. After "Tyck till" it
// repeats what the participant chose (the face and the topic's pictogram), so someone who
// cannot read sees that what they said was taken as they meant it.
#include "ui/ThanksScreen.hpp"
#include "core/SpokenName.hpp"
#include "core/Pictograms.hpp"
#include "ui/PictogramWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void ThanksScreen::show(const FeedbackGiven& given) {
  mood_ = given.mood;
  topic_ = given.topic;
  wantsTalk_ = given.wantsTalk;
}

void ThanksScreen::onLeave(KioskUi& ui) {
  Screen::onLeave(ui);
  mood_.clear();
  topic_.clear();
  wantsTalk_ = false;
}

void ThanksScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const ImVec2 win = ImGui::GetWindowSize(), pos = ImGui::GetWindowPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float size = win.y * 0.34f, cy = pos.y + win.y * 0.30f;
  face_.clear();
  if (!mood_.empty()) {
    // The face on the left, what it was about on the right, as a card like the topic screen's.
    face_ = mood_;
    drawFace(dl, face_, ImVec2(pos.x + win.x / 2 - size * 0.62f, cy), size);
    const ImVec2 c(pos.x + win.x / 2 + size * 0.62f, cy);
    dl->AddRectFilled(ImVec2(c.x - size / 2, c.y - size / 2), ImVec2(c.x + size / 2, c.y + size / 2), theme::kPanel,
                      size * 0.12f);
    drawPictogram(ui, dl, topicPictogram(topic_), c, size * 0.8f, "thanks-topic");
  } else if (!drawPictogram(ui, dl, kPictogramThanks, ImVec2(pos.x + win.x / 2, cy), size, "thanks")) {
    face_ = "glad";
    drawFace(dl, face_, ImVec2(pos.x + win.x / 2, cy), size);
  }
  ImGui::SetCursorPosY(win.y * 0.54f);
  const Participant* p = model.find(ui.selectedParticipant());
  const std::string thanks = p ? "Tack, " + p->firstName + "!" : std::string("Tack!");
  centredText(thanks.c_str(), ui.fonts().title, theme::kYes);
  if (p && wantsTalk_) {
    // "Någon kommer att prata med dig" with its pictogram in front.
    const char* line = "Någon kommer att prata med dig.";
    ImFont* font = ui.fonts().large;
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line);
    const float icon = font->FontSize * 1.8f;
    const float x = pos.x + (win.x - ts.x - icon * 1.2f) / 2;
    const float y = pos.y + ImGui::GetCursorPosY() + icon / 2;
    const bool drawn = drawPictogram(ui, dl, kPictogramTalk, ImVec2(x + icon / 2, y), icon, "thanks-talk");
    dl->AddText(font, font->FontSize, ImVec2(drawn ? x + icon * 1.2f : pos.x + (win.x - ts.x) / 2, y - ts.y / 2),
                theme::kMutedText, line);
  } else {
    centredText(p ? "Någon kommer att prata med dig." : "Det du tycker är viktigt.", ui.fonts().large,
                theme::kMutedText);
  }
  if (tappedAnywhere(ui)) ui.go(ScreenId::Home);
}

Prompt ThanksScreen::prompt(KioskUi& ui, const KioskModel& model) const {
  const Participant* p = model.find(ui.selectedParticipant());
  return {p ? "Tack, " + spokenName(*p) + "! Någon kommer att prata med dig." : "Tack! Det du tycker är viktigt."};
}

} // namespace dagverk::ui
