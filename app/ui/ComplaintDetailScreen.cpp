// One complaint in the register: everything it was registered with, and its follow-ups in
// order. "Återkoppling lämnad", "Åtgärd vidtagen" and "Avsluta" each open a short form (how /
// what, dated today) saved as one event on "Spara". A closed complaint takes no more follow-ups.
#include "core/Feedback.hpp"
#include "core/LocalTime.hpp"
#include "ui/ComplaintDetailScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

namespace {
struct StepText {
  const char* code;
  const char* button; // what staff tap
  const char* done;   // how it reads in the history
  const char* hint;   // the text field's hint
};
constexpr StepText kSteps[] = {
    {kFollowUpFeedbackGiven, "Återkoppling lämnad", "Återkoppling lämnad", "Hur gavs återkopplingen? (t.ex. samtal med anhörig)"},
    {kFollowUpActionTaken, "Åtgärd vidtagen", "Åtgärd vidtagen", "Vad gjordes?"},
    {kFollowUpClosed, "Avsluta", "Avslutad", "Kommentar (frivillig)"},
};

const StepText* stepText(const std::string& code) {
  for (const auto& s : kSteps)
    if (code == s.code) return &s;
  return nullptr;
}

// "Label" in muted text, the value beside it, wrapping under itself.
void field(const char* label, const std::string& value, float labelWidth) {
  const float x = ImGui::GetCursorPosX();
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kMutedText);
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::SameLine(x + labelWidth);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(value.empty() ? "–" : value.c_str());
  ImGui::PopTextWrapPos();
}

void heading(KioskUi& ui, const char* text) {
  ImGui::Spacing();
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}
} // namespace

void ComplaintDetailScreen::open(KioskUi& ui, const std::string& complaintId) {
  ui.go(kId);
  complaintId_ = complaintId;
  step_.clear();
  text_.clear();
}

void ComplaintDetailScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const ComplaintState* c = nullptr;
  for (const auto& x : model.complaints)
    if (x.data.complaintId == complaintId_) c = &x;
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const std::string title = c ? std::string(categoryLabel(complaintTypes(), c->data.type)) : std::string("Synpunkt");
  if (staffBar(ui, model, title.c_str(), "Tillbaka") || !c) {
    ui.go(ScreenId::ComplaintList);
    return;
  }
  std::string& step = step_;
  if (c->closed) step.clear();
  const StepText* writing = stepText(step);

  const float kb = keyboardHeight(editing_);
  const float bottomBar = kb > 0 ? 0 : f * 3.4f;
  ImGui::BeginChild("complaint", ImVec2(win.x - f * 1.6f, win.y - ImGui::GetCursorPosY() - bottomBar - kb - f * 0.3f));
  dragToScroll();
  const float maxX = ImGui::GetContentRegionAvail().x;
  const float labelW = f * 7.5f;
  const ComplaintRegistered& d = c->data;
  field("Från vem", categoryLabel(complaintSources(), d.source), labelW);
  field("Vad gällde", categoryLabel(complaintConcerns(), d.concerns), labelW);
  field("Inkom", d.receivedDate + " · " + categoryLabel(complaintChannels(), d.channel), labelW);
  field("Beskrivning", d.description, labelW);

  heading(ui, "Uppföljning");
  if (c->overdue(model.today)) {
    errorText("Ingen återkoppling efter 10 arbetsdagar", false);
  }
  if (c->followUps.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kMutedText);
    ImGui::TextUnformatted("Ingen uppföljning än.");
    ImGui::PopStyleColor();
  }
  for (const auto& u : c->followUps) {
    const StepText* s = stepText(u.step);
    field((u.date + "  ").c_str(), std::string(s ? s->done : u.step.c_str()) + (u.text.empty() ? "" : ": " + u.text),
          labelW);
  }
  if (c->closed) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts().large);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kYes);
    ImGui::TextUnformatted("Avslutad");
    ImGui::PopStyleColor();
    ImGui::PopFont();
  }
  if (writing) {
    heading(ui, (std::string(writing->done) + " · idag " + formatIsoDate(model.today)).c_str());
    textField(ui, editing_, "followup-text", text_, kMaxFeedbackChars, writing->hint, maxX, 3.0f);
  }
  ImGui::Dummy(ImVec2(1, f));
  if (writing && editing_.fieldId == "followup-text") ImGui::SetScrollHereY(1.0f); // the field above the keyboard
  ImGui::EndChild();

  if (kb == 0) {
    ImGui::SetCursorPos(ImVec2(f * 0.8f, win.y - f * 2.9f));
    if (writing) {
      const bool save = actionButton(ui, "followup-save", "Spara", theme::kYes, f * 7);
      ImGui::SameLine();
      if (actionButton(ui, "followup-cancel", "Avbryt", theme::kPanel, f * 6)) {
        step.clear();
        text_.clear();
        message_.clear();
      }
      if (save) {
        ui.request(cmd::FollowUpComplaint{d.complaintId, writing->code, formatIsoDate(model.today), text_,
                                          ui.signedInStaff()},
                   [this](const std::string& error) {
                     if (error.empty()) {
                       step_.clear();
                       text_.clear();
                       message_.clear();
                     } else {
                       message_ = error;
                     }
                   });
      }
    } else if (!c->closed) {
      for (size_t i = 0; i < std::size(kSteps); ++i) {
        if (i > 0) ImGui::SameLine();
        const bool last = i + 1 == std::size(kSteps);
        if (actionButton(ui, std::string("followup-") + kSteps[i].code, kSteps[i].button,
                         last ? theme::kPanel : theme::kPrimary)) {
          step = kSteps[i].code;
          text_.clear();
          message_.clear();
          editing_ = TextEditing{};
          editing_.fieldId = "followup-text"; // straight to the keyboard
        }
      }
    }
    if (!message_.empty()) {
      ImGui::SameLine();
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + f * 0.5f);
      errorText(message_.c_str(), false);
    }
  }
  onScreenKeyboard(ui, editing_);
}

} // namespace dagverk::ui
