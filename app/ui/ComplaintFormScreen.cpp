// Register a complaint, comment, suggestion or praise in the city's categories: what kind, from
// whom, what it concerned, how and when it came in, and what was said. Also used to classify a
// participant's "Tyck till" (then pre-filled). Nothing is saved until "Spara".
#include "core/LocalTime.hpp"
#include "ui/ComplaintFormScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <utility>

namespace dagverk::ui {

namespace {
void heading(KioskUi& ui, const char* text) {
  ImGui::Spacing();
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

// The categories as chips wrapping over as many lines as they need; one can be chosen (and
// clears the form's message).
void chooseOne(KioskUi& ui, std::string& message, const char* prefix, const std::vector<Category>& list,
               std::string& value, float maxX) {
  const float f = ImGui::GetFontSize();
  float x = 0;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, f * 0.3f));
  for (const auto& c : list) {
    const float w = std::min(ImGui::CalcTextSize(c.label).x + f * 2.2f, maxX);
    flowItem(w, x, maxX);
    if (chip(ui, std::string(prefix) + c.code, c.label, value == c.code, w)) {
      value = c.code;
      message.clear();
    }
  }
  ImGui::PopStyleVar();
}

// Which step holds the first missing choice, with the message for it.
std::pair<int, const char*> missing(const ComplaintRegistered& d) {
  if (d.type.empty()) return {1, "Välj vad det är (klagomål, synpunkt …)."};
  if (d.source.empty()) return {1, "Välj från vem det kom."};
  if (d.concerns.empty()) return {2, "Välj vad det gällde."};
  if (d.channel.empty()) return {3, "Välj hur det kom in."};
  return {0, ""};
}
} // namespace

void ComplaintFormScreen::open(KioskUi& ui, ComplaintRegistered draft) {
  ui.go(kId);
  draft_ = std::move(draft);
  step_ = 1;
}

void ComplaintFormScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  ComplaintRegistered& d = draft_;
  int& step = step_;
  step = std::clamp(step, 1, 4);
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const char* title = d.feedbackId.empty() ? "Registrera synpunkt" : "Klassificera Tyck till";
  if (staffBar(ui, model, title, "Avbryt")) {
    ui.go(ScreenId::ComplaintList); // nothing is saved
    return;
  }
  stepTabs(ui, step, editing_, message_, {"1 Typ och från vem", "2 Vad gällde", "3 Hur och när", "4 Beskrivning"});

  const float kb = keyboardHeight(editing_);
  const float bottomBar = kb > 0 ? 0 : f * 3.4f;
  ImGui::BeginChild("form", ImVec2(win.x - f * 1.6f, win.y - ImGui::GetCursorPosY() - bottomBar - kb - f * 0.3f));
  dragToScroll();
  const float maxX = ImGui::GetContentRegionAvail().x;
  switch (step) {
  case 1:
  {
    // "Vad är det?" beside its four short chips, so the five long "från vem" fit below.
    const float y = ImGui::GetCursorPosY() + f * 0.3f;
    ImGui::SetCursorPosY(y + f * 0.15f);
    ImGui::PushFont(ui.fonts().large);
    ImGui::TextUnformatted("Vad är det?");
    const float labelW = ImGui::CalcTextSize("Vad är det?").x + f * 0.8f;
    ImGui::PopFont();
    ImGui::Indent(labelW);
    ImGui::SetCursorPosY(y);
    chooseOne(ui, message_, "type-", complaintTypes(), d.type, maxX - labelW);
    ImGui::Unindent(labelW);
  }
    heading(ui, "Från vem har det kommit in?");
    chooseOne(ui, message_, "source-", complaintSources(), d.source, maxX);
    break;
  case 2:
    heading(ui, "Vad gällde det?");
    chooseOne(ui, message_, "concerns-", complaintConcerns(), d.concerns, maxX);
    break;
  case 3: {
    heading(ui, "Hur kom det in?");
    chooseOne(ui, message_, "channel-", complaintChannels(), d.channel, maxX);
    heading(ui, "När kom det in?");
    LocalDate date = parseIsoDate(d.receivedDate).value_or(model.today);
    dateStepper(ui, "received", "Datum", date);
    d.receivedDate = formatIsoDate(date);
    if (model.today < date) {
      errorText("Datumet är i framtiden.", false);
    }
    break;
  }
  default:
    heading(ui, "Vad sades eller skrevs?");
    if (!d.feedbackId.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, theme::kMutedText);
      ImGui::TextUnformatted("Från deltagarens Tyck till.");
      ImGui::PopStyleColor();
    }
    textField(ui, editing_, "complaint-description", d.description, kMaxFeedbackChars, "Beskriv kort vad det gällde",
              maxX, 5.0f);
    break;
  }
  ImGui::Dummy(ImVec2(1, f));
  ImGui::EndChild();

  if (kb == 0) {
    if (stepFormBar(ui, step, message_, "Spara", f * 7, 4)) {
      const auto [missingStep, missingText] = missing(d);
      if (missingStep > 0) {
        step = missingStep;
        message_ = missingText;
      } else {
        ui.request(cmd::RegisterComplaint{d, ui.signedInStaff()}, [this, &ui](const std::string& error) {
          if (error.empty()) {
            draft_ = ComplaintRegistered{};
            ui.go(ScreenId::ComplaintList);
          } else {
            message_ = error;
          }
        });
      }
    }
  }
  onScreenKeyboard(ui, editing_);
}

} // namespace dagverk::ui
