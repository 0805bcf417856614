// "Tyck till", step 3: "Vill du berätta mer?" (optional text on the on-screen keyboard), and
// "Vill du att någon pratar med dig om det?" — yes: tap your own picture next; no: the entry
// is saved anonymously.
#include "ui/FeedbackMoreScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/ThanksScreen.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

void FeedbackMoreScreen::drawContent(KioskUi& ui, const KioskModel&) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  drawTopBar(ui, "Vill du berätta mer?", f, win.x);
  FeedbackGiven& d = flow_->draft;
  ImGui::SetCursorPos(ImVec2(f, f * 3.6f));
  ImGui::TextUnformatted("Du kan skriva här, om du vill.");
  ImGui::SetCursorPosX(f);
  textField(ui, editing_, "feedback-text", d.text, kMaxFeedbackChars, "Skriv här …", win.x - 2 * f, 3.0f);
  if (!message_.empty()) {
    ImGui::SetCursorPosX(f);
    errorText(message_.c_str());
  }
  if (keyboardHeight(editing_) == 0) {
    ImGui::SetCursorPos(ImVec2(f, win.y * 0.50f));
    ImGui::PushFont(ui.fonts().title);
    ImGui::TextWrapped("Vill du att någon pratar med dig om det?");
    ImGui::PopFont();
    const ImVec2 button(std::min(f * 10.0f, (win.x - 3 * f) / 2), std::min(f * 5.0f, win.y * 0.25f));
    const float y = win.y - button.y - f * 1.0f;
    ImGui::SetCursorPos(ImVec2(win.x / 2 - button.x - f * 0.75f, y));
    int answer = -1;
    if (bigButton(ui, "talk-yes", "Ja", Icon::Check, button, theme::kYes, IM_COL32_WHITE, ui.fonts().title)) answer = 1;
    ImGui::SetCursorPos(ImVec2(win.x / 2 + f * 0.75f, y));
    if (bigButton(ui, "talk-no", "Nej", Icon::Cross, button, theme::kNo, IM_COL32_WHITE, ui.fonts().title)) answer = 0;
    if (answer == 1) {
      d.wantsTalk = true;
      ui.go(ScreenId::FeedbackWho); // who wants to talk: their own picture
    } else if (answer == 0) {
      d.wantsTalk = false;
      d.participantId.clear(); // anonymous
      ui.request(cmd::GiveFeedback{d}, [this, &ui](const std::string& error) {
        if (error.empty()) {
          ui.screen<ThanksScreen>().show(flow_->draft);
          ui.go(ScreenId::Thanks);
        } else {
          message_ = error;
        }
      });
    }
  }
  onScreenKeyboard(ui, editing_);
}

} // namespace dagverk::ui
