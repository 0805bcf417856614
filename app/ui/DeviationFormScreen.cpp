// Report a deviation (avvikelse) with the city's three classifications — who identified it, what
// it concerned, whom it concerns — the date, a Lex Sarah mark and a description. Nothing is
// saved until "Spara".
#include "core/LocalTime.hpp"
#include "ui/DeviationFormScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

namespace {
// The question on the left, its chips wrapping on the right of it.
void chooseOne(KioskUi& ui, std::string& message, const char* question, const char* prefix, const std::vector<Category>& list,
               std::string& value, float labelWidth, float maxX) {
  const float f = ImGui::GetFontSize();
  const float y = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(y + f * 0.5f);
  ImGui::TextUnformatted(question);
  ImGui::Indent(labelWidth);
  ImGui::SetCursorPosY(y);
  maxX -= labelWidth;
  float x = 0;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, f * 0.3f));
  for (const auto& c : list) {
    const float w = std::min(ImGui::CalcTextSize(c.label).x + f * 1.9f, maxX);
    flowItem(w, x, maxX);
    if (chip(ui, std::string(prefix) + c.code, c.label, value == c.code, w)) {
      value = c.code;
      message.clear();
    }
  }
  ImGui::PopStyleVar();
  ImGui::Unindent(labelWidth);
  ImGui::Spacing();
}

const char* missing(const DeviationReported& d) {
  if (d.identifiedBy.empty()) return "Välj vem som upptäckte avvikelsen.";
  if (d.concerns.empty()) return "Välj vad avvikelsen gällde.";
  if (d.concernsWhom.empty()) return "Välj vem avvikelsen gäller.";
  if (d.description.empty()) return "Beskriv kort vad som hände.";
  return nullptr;
}
} // namespace

void DeviationFormScreen::open(KioskUi& ui, LocalDate today) {
  ui.go(kId);
  draft_ = DeviationReported{};
  draft_.date = formatIsoDate(today);
}

void DeviationFormScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  DeviationReported& d = draft_;
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Ny avvikelse", "Avbryt")) {
    ui.go(ScreenId::ComplaintList); // nothing is saved
    return;
  }
  const float kb = keyboardHeight(editing_);
  const float bottomBar = kb > 0 ? 0 : f * 3.4f;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - f * 0.4f);
  ImGui::BeginChild("form", ImVec2(win.x - f * 1.6f, win.y - ImGui::GetCursorPosY() - bottomBar - kb - f * 0.3f));
  dragToScroll();
  const float maxX = ImGui::GetContentRegionAvail().x;
  float labelW = 0;
  for (const char* q : {"Upptäckt av", "Gällde", "Gäller vem", "Vad hände?"})
    labelW = std::max(labelW, ImGui::CalcTextSize(q).x);
  labelW += f * 0.8f;
  chooseOne(ui, message_, "Upptäckt av", "identified-", deviationIdentifiedBy(), d.identifiedBy, labelW, maxX);
  chooseOne(ui, message_, "Gällde", "concerns-", deviationConcerns(), d.concerns, labelW, maxX);
  chooseOne(ui, message_, "Gäller vem", "whom-", deviationConcernsWhom(), d.concernsWhom, labelW, maxX);
  const float y = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(y + f * 0.4f);
  ImGui::TextUnformatted("Vad hände?");
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + labelW, y));
  textField(ui, editing_, "deviation-description", d.description, kMaxFeedbackChars, "Skriv här", maxX - labelW, 2.6f);
  if (!message_.empty()) { // the form's message, in view under the field, above the bar
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + labelW, ImGui::GetCursorPosY() - f * 0.8f));
    errorText(message_.c_str(), false);
  }
  ImGui::Dummy(ImVec2(1, f * 0.5f));
  if (editing_.fieldId == "deviation-description") ImGui::SetScrollHereY(1.0f); // above the keyboard
  ImGui::EndChild();

  if (kb == 0) {
    // The bar: save, the Lex Sarah mark, the date.
    ImGui::SetCursorPos(ImVec2(f * 0.8f, win.y - f * 2.9f));
    const bool save = actionButton(ui, "save", "Spara", theme::kYes, f * 7);
    ImGui::SameLine(0, f * 1.5f);
    if (chip(ui, "lex-sarah", "Lex Sarah", d.lexSarah)) d.lexSarah = !d.lexSarah;
    ImGui::SameLine(0, f * 1.5f);
    LocalDate date = parseIsoDate(d.date).value_or(model.today);
    dateStepper(ui, "date", "Datum", date);
    d.date = formatIsoDate(date);
    if (save) {
      if (const char* missingText = missing(d)) {
        message_ = missingText;
      } else {
        ui.request(cmd::ReportDeviation{d, ui.signedInStaff()}, [this, &ui](const std::string& error) {
          if (error.empty()) {
            draft_ = DeviationReported{};
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
