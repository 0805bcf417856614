// One complaint in the register: everything it was registered with, and its follow-ups in
// order. "Återkoppling lämnad", "Åtgärd vidtagen" and "Avsluta" each open a short form (how /
// what, dated today) saved as one event on "Spara". A closed complaint takes no more follow-ups.
#include "core/LocalTime.hpp"
#include "ui/Screens.hpp"
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
    {"aterkoppling", "Återkoppling lämnad", "Återkoppling lämnad", "Hur gavs återkopplingen? (t.ex. samtal med anhörig)"},
    {"atgard", "Åtgärd vidtagen", "Åtgärd vidtagen", "Vad gjordes?"},
    {"avslutad", "Avsluta", "Avslutad", "Kommentar (frivillig)"},
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

void drawComplaintDetailScreen(KioskUi& ui, const KioskModel& model) {
  if (!beginScreen("complaint-detail")) {
    endScreen();
    return;
  }
  const ComplaintState* c = nullptr;
  for (const auto& x : model.complaints)
    if (x.data.complaintId == ui.selectedComplaint()) c = &x;
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const std::string title = c ? std::string(categoryLabel(complaintTypes(), c->data.type)) : std::string("Synpunkt");
  if (staffBar(ui, model, title.c_str(), "Tillbaka") || !c) {
    ui.go(ScreenId::ComplaintList);
    endScreen();
    return;
  }
  std::string& step = ui.formReason(); // the follow-up being written, "" when none
  if (c->closed) step.clear();
  const StepText* writing = stepText(step);

  const float kb = keyboardHeight(ui);
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
    textField(ui, "followup-text", ui.formComment(), kMaxFeedbackChars, writing->hint, maxX, 3.0f);
  }
  ImGui::Dummy(ImVec2(1, f));
  if (writing && ui.textEditing().fieldId == "followup-text") ImGui::SetScrollHereY(1.0f); // the field above the keyboard
  ImGui::EndChild();

  if (kb == 0) {
    ImGui::SetCursorPos(ImVec2(f * 0.8f, win.y - f * 2.9f));
    if (writing) {
      const bool save = actionButton(ui, "followup-save", "Spara", theme::kYes, f * 7);
      ImGui::SameLine();
      if (actionButton(ui, "followup-cancel", "Avbryt", theme::kPanel, f * 6)) {
        step.clear();
        ui.formComment().clear();
        ui.formMessage().clear();
      }
      if (save) {
        const std::string id = d.complaintId;
        const std::string err = ui.actions().followUpComplaint(id, writing->code, formatIsoDate(model.today),
                                                               ui.formComment(), ui.signedInStaff());
        if (err.empty()) {
          step.clear();
          ui.formComment().clear();
          ui.formMessage().clear();
        } else {
          ui.formMessage() = err;
        }
      }
    } else if (!c->closed) {
      for (size_t i = 0; i < std::size(kSteps); ++i) {
        if (i > 0) ImGui::SameLine();
        const bool last = i + 1 == std::size(kSteps);
        if (actionButton(ui, std::string("followup-") + kSteps[i].code, kSteps[i].button,
                         last ? theme::kPanel : theme::kPrimary)) {
          step = kSteps[i].code;
          ui.formComment().clear();
          ui.formMessage().clear();
          ui.textEditing() = TextEditing{};
          ui.textEditing().fieldId = "followup-text"; // straight to the keyboard
        }
      }
    }
    if (!ui.formMessage().empty()) {
      ImGui::SameLine();
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + f * 0.5f);
      errorText(ui.formMessage().c_str(), false);
    }
  }
  onScreenKeyboard(ui);
  endScreen();
}

} // namespace dagverk::ui
