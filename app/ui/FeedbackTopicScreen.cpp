// "Tyck till", step 2: "Vad gäller det?" — six picture choices: the activities, the food, the
// staff, the premises, the journey, something else.
#include "ui/FeedbackTopicScreen.hpp"
#include "core/Pictograms.hpp"
#include "ui/PictogramWidgets.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

namespace {
// The topic's pictogram from the table; without the emoji font, a drawn shape that says the
// same (never the house of "Tillbaka", which would read as "go home").
void drawTopic(KioskUi& ui, ImDrawList* dl, const std::string& topic, ImVec2 c, float s) {
  if (drawPictogram(ui, dl, topicPictogram(topic), c, s, "topic-" + topic)) return;
  if (topic == "aktiviteterna") drawActivityPictogram(dl, "Skapande", c, s, theme::kPrimary);
  else if (topic == "maten") drawActivityPictogram(dl, "Mat", c, s, theme::kPrimary);
  else if (topic == "personalen") drawActivityPictogram(dl, "Gemenskap", c, s, theme::kPrimary);
  else if (topic == "lokalen") drawIcon(dl, Icon::PersonIn, c, s, theme::kPrimary);
  else if (topic == "resan") drawActivityPictogram(dl, "Utflykt", c, s, theme::kPrimary);
  else drawIcon(dl, Icon::Question, c, s, theme::kPrimary);
}
} // namespace

void FeedbackTopicScreen::drawContent(KioskUi& ui, const KioskModel&) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  drawTopBar(ui, "Vad gäller det?", f, win.x);
  const auto& topics = feedbackTopics();
  const float gap = f * 0.9f;
  const ImVec2 size((win.x - 2 * f - gap * 2) / 3, (win.y - f * 4.6f - gap) / 2);
  std::string chosen;
  for (size_t i = 0; i < topics.size(); ++i) {
    ImGui::SetCursorPos(ImVec2(f + static_cast<float>(i % 3) * (size.x + gap),
                               f * 3.8f + static_cast<float>(i / 3) * (size.y + gap)));
    const std::string code = topics[i].code;
    if (pictureChoice(ui, "topic-" + code, topics[i].label, size, ui.fonts().large,
                      [&](ImDrawList* dl, ImVec2 c, float s) { drawTopic(ui, dl, code, c, s); }))
      chosen = code;
  }
  if (!chosen.empty()) {
    flow_->draft.topic = chosen;
    ui.go(ScreenId::FeedbackMore);
  }
}

} // namespace dagverk::ui
