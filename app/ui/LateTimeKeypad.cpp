#include "ui/LateTimeKeypad.hpp"

#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "core/LocalTime.hpp"

#include <algorithm>

namespace dagverk::ui {

std::string clockText(const std::optional<int>& minute) {
  if (!minute) return "–";
  const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return two(*minute / 60) + ":" + two(*minute % 60);
}

LateTimeAnswer lateTimeKeypad(KioskUi& ui, const std::string& heading, std::string& digits, float width, float height) {
  const float f = ImGui::GetFontSize();
  LateTimeAnswer answer;
  const float x0 = ImGui::GetCursorPosX();
  ImGui::TextUnformatted(heading.c_str());
  ImGui::PushFont(ui.fonts().large);
  // The time as it is typed: "08:3_".
  std::string shown = "__:__";
  for (size_t i = 0, at = 0; i < digits.size() && at < shown.size(); ++i, ++at) {
    if (at == 2) ++at;
    shown[at] = digits[i];
  }
  ImGui::SetCursorPosX(x0);
  ImGui::TextUnformatted(shown.c_str());
  ImGui::PopFont();
  ImGui::SetCursorPosX(x0);
  // The heading, the typed time, three gaps between key rows and the last row of buttons take
  // about 9 font sizes; the four key rows get the rest, so the panel fits a 1024x600 screen.
  const float key = std::max(f * 1.8f, std::min({f * 3.2f, (width - f) / 3, (height - f * 9.0f) / 4}));
  if (numericKeypad(ui, digits, 4, key, 4)) {
    const int minute = parseHourMinute(digits.substr(0, 2) + ":" + digits.substr(2, 2));
    if (minute < 0) {
      answer.refusal = "Skriv tiden som fyra siffror, till exempel 0830 för 08:30.";
    } else {
      answer.kind = LateTimeAnswer::Kind::Set;
      answer.minute = minute;
    }
  }
  ImGui::SetCursorPosX(x0);
  const float half = std::max(key * 1.5f + f * 0.25f, ImGui::CalcTextSize("Ingen tid").x + f * 0.8f);
  if (actionButton(ui, "late-time-clear", "Ingen tid", theme::kPanel, half)) answer.kind = LateTimeAnswer::Kind::Clear;
  ImGui::SameLine(0, f * 0.5f);
  if (actionButton(ui, "late-time-cancel", "Avbryt", theme::kPanel, half)) answer.kind = LateTimeAnswer::Kind::Cancel;
  return answer;
}

} // namespace dagverk::ui
