// The quick survey for staff: open a survey window (from–to), see whether it is open today and
// how many have answered, and per question the shares ja / ibland / nej for the site — hidden
// while fewer than kSurveyMinAnswers have answered. Never who answered what.
#include "core/LocalTime.hpp"
#include "ui/SurveyAdminScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <cmath>

namespace dagverk::ui {

namespace {
const ImU32 kAnswerColours[3] = {theme::kFaceHappy, theme::kFaceInBetween, theme::kFaceSad};

LocalDate addDays(LocalDate d, long n) { return civilFromDays(daysFromCivil(d) + n); }

void muted(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kMutedText);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
}

// One bar split into ja / ibland / nej, with the percentages under it. Returns the rectangle.
ImVec4 shareBar(const std::array<int, 3>& counts, float width) {
  const float f = ImGui::GetFontSize();
  const int total = counts[0] + counts[1] + counts[2];
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float barH = f * 1.4f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, ImVec2(min.x + width, min.y + barH), theme::kShareTrack, f * 0.2f);
  float x = min.x;
  std::string legend;
  for (size_t i = 0; i < 3; ++i) {
    const float share = total > 0 ? static_cast<float>(counts[i]) / static_cast<float>(total) : 0.0f;
    const float w = width * share;
    if (w > 0) dl->AddRectFilled(ImVec2(x, min.y), ImVec2(x + w, min.y + barH), kAnswerColours[i]);
    if (w > f * 2.5f) {
      const std::string pct = std::to_string(static_cast<int>(std::lround(share * 100))) + " %";
      const ImVec2 ts = ImGui::CalcTextSize(pct.c_str());
      dl->AddText(ImVec2(x + (w - ts.x) / 2, min.y + (barH - ts.y) / 2), IM_COL32_WHITE, pct.c_str());
    }
    x += w;
  }
  ImGui::Dummy(ImVec2(width, barH));
  // The legend: a swatch and "ja 4 (67 %)" per answer, and the count.
  for (size_t i = 0; i < 3; ++i) {
    const float share = total > 0 ? static_cast<float>(counts[i]) / static_cast<float>(total) : 0.0f;
    const std::string text = std::string(categoryLabel(surveyAnswers(), surveyAnswers()[i].code)) + " " +
                             std::to_string(static_cast<int>(std::lround(share * 100))) + " %";
    if (i > 0) ImGui::SameLine(0, f * 1.2f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(at.x, at.y + f * 0.25f), ImVec2(at.x + f * 0.7f, at.y + f * 0.95f), kAnswerColours[i],
                      f * 0.15f);
    ImGui::SetCursorScreenPos(ImVec2(at.x + f * 0.9f, at.y));
    ImGui::TextUnformatted(text.c_str());
  }
  ImGui::SameLine(0, f * 1.2f);
  muted(std::to_string(total) + " svar");
  const ImVec2 end = ImGui::GetCursorScreenPos();
  return ImVec4(min.x, min.y, min.x + width, end.y);
}
} // namespace

void SurveyAdminScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Enkät", "Tillbaka")) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  const auto& w = model.surveyWindow;
  const bool canOpen = !w || w->to < model.today;
  // The new window's dates, kept in the form's two text values until "Öppna enkäten".
  LocalDate from = from_.value_or(model.today);
  LocalDate to = to_.value_or(addDays(from, 13));

  ImGui::BeginChild("survey", ImVec2(win.x - f * 1.6f, win.y - ImGui::GetCursorPosY() - f * 0.5f));
  dragToScroll();
  const float maxX = ImGui::GetContentRegionAvail().x;
  if (w) {
    ImGui::PushFont(ui.fonts().large);
    ImGui::TextUnformatted(("Enkäten " + formatIsoDate(w->from) + " – " + formatIsoDate(w->to)).c_str());
    ImGui::PopFont();
    const bool openToday = w->contains(model.today);
    const char* state = openToday ? "Öppen idag: deltagarna kan svara på hemskärmen."
                        : model.today < w->from ? "Inte öppen än."
                                                : "Stängd.";
    ImGui::PushStyleColor(ImGuiCol_Text, openToday ? theme::kYes : theme::kMutedText);
    ImGui::TextUnformatted(state);
    ImGui::PopStyleColor();
    ImGui::TextUnformatted((std::to_string(model.surveyResult.answers) + " har svarat").c_str());
  } else {
    muted("Ingen enkät har öppnats här än.");
  }

  if (canOpen) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts().large);
    ImGui::TextUnformatted("Öppna en ny enkät");
    ImGui::PopFont();
    float x = 0;
    const float stepperW = ImGui::CalcTextSize("Från").x + ImGui::CalcTextSize("0000-00-00").x * 1.5f + f * 7.0f;
    flowItem(stepperW, x, maxX);
    dateStepper(ui, "survey-from", "Från", from);
    flowItem(stepperW, x, maxX);
    dateStepper(ui, "survey-to", "Till", to);
    if (to < from) to = from;
    const float bw = ImGui::CalcTextSize("Öppna enkäten").x + f * 1.6f;
    flowItem(bw, x, maxX);
    const bool open = actionButton(ui, "survey-open", "Öppna enkäten", theme::kYes, bw);
    from_ = from;
    to_ = to;
    if (!message_.empty()) {
      errorText(message_.c_str());
    }
    if (open) {
      ui.request(cmd::OpenSurveyWindow{from, to, ui.signedInStaff()}, [this](const std::string& error) {
        if (error.empty()) {
          from_.reset();
          to_.reset();
          message_.clear();
        } else {
          message_ = error;
        }
      });
    }
  }

  if (w) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts().large);
    ImGui::TextUnformatted("Svaren för verksamheten");
    ImGui::PopFont();
    const SurveyResult& r = model.surveyResult;
    const bool shown = r.shown();
    ImVec4 shares(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
    const auto& questions = surveyQuestions();
    for (size_t q = 0; q < questions.size() && q < r.counts.size(); ++q) {
      ImGui::Spacing();
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(questions[q].label);
      ImGui::PopTextWrapPos();
      if (shown) {
        const ImVec4 rect = shareBar(r.counts[q], std::min(maxX, f * 24.0f));
        shares = ImVec4(std::min(shares.x, rect.x), std::min(shares.y, rect.y), std::max(shares.z, rect.z),
                        std::max(shares.w, rect.w));
      } else {
        muted("– (för få svar, minst " + std::to_string(kSurveyMinAnswers) + ")");
      }
    }
    // Only when the shares are on screen: tests look for this rectangle.
    if (shown) ui.rememberButton("survey-shares", ImVec2(shares.x, shares.y), ImVec2(shares.z, shares.w));
    ImGui::Spacing();
    muted("Svaren är anonyma: kiosken minns vem som har svarat, aldrig vad.");
  }
  ImGui::Dummy(ImVec2(1, f));
  ImGui::EndChild();
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
