// "Statistik": the site's last 8 weeks from this kiosk's own records, offline. Average present
// per weekday (bars), activities done per category (bars with participant-sessions), and the
// open complaints with the oldest first. The kiosk computes the figures once, when the screen
// opens (KioskModel::statistics); this only draws them, with ImGui's draw lists. Every size
// comes from the font size; an empty section says so in words instead of an empty chart.
#include "core/LocalTime.hpp"
#include "core/SwedishText.hpp"
#include "ui/StatisticsScreen.hpp"
#include "ui/HeadcountWidgets.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <string>

namespace dagverk::ui {

namespace {

const ImU32 kBar = theme::kPrimary;
const ImU32 kAxis = theme::kChartAxis;
const char* const kWeekdayTitle = "Närvaro per veckodag";

float textWidth(ImFont* font, float size, const std::string& text) {
  return font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x;
}

// `text` shortened with "…" until it fits `width`.
std::string fitted(ImFont* font, float size, const std::string& text, float width) {
  if (textWidth(font, size, text) <= width) return text;
  std::string t = text;
  while (!t.empty()) {
    // Drop one whole UTF-8 character: its continuation bytes, then its lead byte.
    while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
    if (!t.empty()) t.pop_back();
    if (textWidth(font, size, t + "…") <= width) return t + "…";
  }
  return "…";
}

// A white panel with a bold title; returns the y just below the title.
float panel(ImDrawList* dl, const Fonts& fonts, ImVec2 min, ImVec2 max, const std::string& title) {
  const float f = ImGui::GetFontSize();
  dl->AddRectFilled(min, max, theme::kPanel, f * 0.3f);
  const float y = min.y + f * 0.4f;
  const std::string shown = fitted(fonts.large, fonts.large->FontSize, title, max.x - min.x - f * 1.2f);
  dl->AddText(fonts.large, fonts.large->FontSize, ImVec2(min.x + f * 0.6f, y), theme::kText, shown.c_str());
  return y + fonts.large->FontSize + f * 0.3f;
}

// Words instead of a chart, wrapped to the panel.
void emptyWords(ImDrawList* dl, ImVec2 at, float width, const char* words) {
  const float f = ImGui::GetFontSize();
  dl->AddText(ImGui::GetFont(), f, at, theme::kMutedText, words, nullptr, width);
}

// Average present per weekday: a bar per day Mon–Fri with its value above and the day below.
void drawWeekdays(ImDrawList* dl, const Fonts& fonts, const SiteStatistics& s, ImVec2 min, ImVec2 max) {
  const float f = ImGui::GetFontSize();
  const float top = panel(dl, fonts, min, max, kWeekdayTitle);
  const float left = min.x + f * 0.6f, right = max.x - f * 0.6f;
  if (!s.hasAttendance()) {
    emptyWords(dl, ImVec2(left, top + f * 0.3f), right - left, "Inga besök registrerade de senaste 8 veckorna.");
    return;
  }
  int days = 0;
  for (const auto& w : s.weekdays) days += w.days;
  const std::string caption = "Snitt närvarande deltagare per dag, räknat på " + std::to_string(days) +
                              (days == 1 ? " vardag" : " vardagar");
  const float small = f * 0.85f;
  dl->AddText(ImGui::GetFont(), small, ImVec2(left, top), theme::kMutedText, caption.c_str(), nullptr, right - left);
  const float captionH = ImGui::GetFont()->CalcTextSizeA(small, FLT_MAX, right - left, caption.c_str()).y;
  static const char* kDays[] = {"Mån", "Tis", "Ons", "Tor", "Fre"};
  double highest = 0;
  for (const auto& w : s.weekdays) highest = std::max(highest, w.average());
  ImFont* big = fonts.large;
  const float valueH = big->FontSize * 1.1f;
  const float base = max.y - f * 1.6f; // the day names go under it
  const float chartTop = top + captionH + f * 0.3f + valueH;
  const float chartH = std::max(f, base - chartTop);
  const float slot = (right - left) / 5.0f;
  const float barW = std::min(slot * 0.62f, f * 3.2f);
  dl->AddLine(ImVec2(left, base), ImVec2(right, base), kAxis, std::max(1.0f, f * 0.08f));
  for (size_t i = 0; i < s.weekdays.size(); ++i) {
    const double avg = s.weekdays[i].average();
    const float cx = left + slot * (static_cast<float>(i) + 0.5f);
    const float h = highest > 0 ? chartH * static_cast<float>(avg / highest) : 0.0f;
    if (h > 0)
      dl->AddRectFilled(ImVec2(cx - barW / 2, base - h), ImVec2(cx + barW / 2, base), kBar, f * 0.2f,
                        ImDrawFlags_RoundCornersTop);
    const std::string value = s.weekdays[i].days > 0 ? formatSwedishDecimal(avg) : "–";
    dl->AddText(big, big->FontSize, ImVec2(cx - textWidth(big, big->FontSize, value) / 2, base - h - valueH),
                theme::kText, value.c_str());
    dl->AddText(ImVec2(cx - textWidth(ImGui::GetFont(), f, kDays[i]) / 2, base + f * 0.3f), theme::kText, kDays[i]);
  }
}

float activityRowHeight() { return ImGui::GetFontSize() * 1.2f; }

// Sessions done per category: name, a bar as long as the sessions with their number, and the
// participant-sessions in a column to the right.
void drawActivities(ImDrawList* dl, const Fonts& fonts, const SiteStatistics& s, ImVec2 min, ImVec2 max) {
  const float f = ImGui::GetFontSize();
  ImFont* font = ImGui::GetFont();
  const float top = panel(dl, fonts, min, max, "Aktiviteter per kategori");
  const float left = min.x + f * 0.6f, right = max.x - f * 0.6f;
  if (!s.hasActivities()) {
    emptyWords(dl, ImVec2(left, top + f * 0.3f), right - left,
               "Inga utförda aktiviteter registrerade de senaste 8 veckorna.");
    return;
  }
  const float small = f * 0.85f;
  const char* kSessions = "Tillfällen";
  const char* kParticipants = "Deltagare";
  float nameW = textWidth(font, small, "Kategori");
  int most = 1;
  for (const auto& c : s.categories) {
    nameW = std::max(nameW, textWidth(font, f, c.category));
    most = std::max(most, c.sessions);
  }
  nameW = std::min(nameW, (right - left) * 0.4f);
  const float numW = std::max(textWidth(font, small, kParticipants), textWidth(font, f, "0000"));
  const float barX = left + nameW + f * 0.6f;
  const float barEnd = right - numW - f * 0.8f - textWidth(font, f, std::to_string(most)) - f * 0.4f;
  const float barMax = std::max(f, barEnd - barX);
  dl->AddText(font, small, ImVec2(left, top), theme::kMutedText, "Kategori");
  dl->AddText(font, small, ImVec2(barX, top), theme::kMutedText, kSessions);
  dl->AddText(font, small, ImVec2(right - textWidth(font, small, kParticipants), top), theme::kMutedText,
              kParticipants);
  float y = top + f * 1.05f;
  const float rowH = activityRowHeight();
  for (const auto& c : s.categories) {
    const std::string name = fitted(font, f, c.category, nameW);
    dl->AddText(ImVec2(left, y + (rowH - f) / 2), theme::kText, name.c_str());
    const float w = barMax * static_cast<float>(c.sessions) / static_cast<float>(most);
    dl->AddRectFilled(ImVec2(barX, y + rowH * 0.15f), ImVec2(barX + w, y + rowH * 0.85f), kBar, f * 0.15f);
    const std::string n = std::to_string(c.sessions);
    dl->AddText(ImVec2(barX + w + f * 0.3f, y + (rowH - f) / 2), theme::kText, n.c_str());
    const std::string p = std::to_string(c.participantSessions);
    dl->AddText(ImVec2(right - textWidth(font, f, p), y + (rowH - f) / 2), theme::kText, p.c_str());
    y += rowH;
  }
  const std::string total = "Totalt " + std::to_string(s.sessions) + " tillfällen med " +
                            std::to_string(s.participantSessions) + " deltagare sammanlagt";
  dl->AddText(font, small, ImVec2(left, y + f * 0.2f), theme::kMutedText,
              fitted(font, small, total, right - left).c_str());
}

float complaintRowHeight() { return ImGui::GetFontSize() * 1.2f; }

// Under the complaints' title: how many are overdue, and that only the oldest are listed.
bool complaintsNoteLine(const SiteStatistics& s) {
  return s.overdueComplaints > 0 || s.openComplaints > static_cast<int>(s.oldestOpen.size());
}

// The open complaints: how many, how many overdue, and the oldest with their age in working days.
void drawComplaints(ImDrawList* dl, const Fonts& fonts, const SiteStatistics& s, ImVec2 min, ImVec2 max) {
  const float f = ImGui::GetFontSize();
  ImFont* font = ImGui::GetFont();
  const float top =
      panel(dl, fonts, min, max, "Öppna klagomål och synpunkter (" + std::to_string(s.openComplaints) + ")");
  const float left = min.x + f * 0.6f, right = max.x - f * 0.6f;
  if (s.oldestOpen.empty()) {
    emptyWords(dl, ImVec2(left, top), right - left, "Inga öppna klagomål eller synpunkter.");
    return;
  }
  float y = top;
  if (complaintsNoteLine(s)) {
    float x = left;
    if (s.overdueComplaints > 0) {
      const std::string overdue = std::to_string(s.overdueComplaints) + " utan återkoppling efter " +
                                  std::to_string(kFeedbackDueWorkingDays) + " arbetsdagar";
      dl->AddText(ImVec2(x, y), theme::kError, overdue.c_str());
      x += textWidth(font, f, overdue);
    }
    if (s.openComplaints > static_cast<int>(s.oldestOpen.size())) {
      const std::string shown = std::string(x > left ? " · " : "") + "de " + std::to_string(s.oldestOpen.size()) +
                                " äldsta visas";
      dl->AddText(ImVec2(x, y), theme::kMutedText, fitted(font, f, shown, right - x).c_str());
    }
    y += f * 1.3f;
  }
  const float rowH = complaintRowHeight();
  for (const auto& c : s.oldestOpen) {
    const std::string age = "inkom " + c.receivedDate + " · " + std::to_string(c.workingDaysOpen) +
                            (c.workingDaysOpen == 1 ? " arbetsdag" : " arbetsdagar") +
                            (c.overdue ? ", ingen återkoppling" : "");
    const float ageW = textWidth(font, f, age);
    dl->AddRectFilled(ImVec2(left, y + rowH * 0.15f), ImVec2(left + f * 0.25f, y + rowH * 0.85f),
                      c.overdue ? theme::kError : theme::kPrimary);
    const std::string what = std::string(categoryLabel(complaintTypes(), c.type)) + " · " +
                             categoryLabel(complaintConcerns(), c.concerns);
    const float whatW = right - ageW - f * 1.0f - (left + f * 0.6f);
    dl->AddText(ImVec2(left + f * 0.6f, y + (rowH - f) / 2), theme::kText,
                fitted(font, f, what, std::max(f * 3, whatW)).c_str());
    dl->AddText(ImVec2(right - ageW, y + (rowH - f) / 2), c.overdue ? theme::kError : theme::kMutedText, age.c_str());
    y += rowH;
  }
}

} // namespace

void StatisticsScreen::onEnter(KioskUi& ui) { ui.refreshStatistics(); }

void StatisticsScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Statistik · senaste 8 veckorna", "Tillbaka")) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  ImGui::SetCursorPos(ImVec2(f * 0.8f, f * 3.3f));
  if (!model.statistics) {
    errorText(model.statisticsError.empty() ? "Statistiken kunde inte räknas fram." : model.statisticsError);
    drawErrorBanner(ui);
    return;
  }
  const SiteStatistics& s = *model.statistics;
  std::string summary = model.siteName + " · " + formatIsoDate(s.period.from) + " – " + formatIsoDate(s.period.to);
  if (s.hasAttendance()) {
    summary += " · " + std::to_string(s.attendanceDays) + " besök av " + std::to_string(s.distinctParticipants) +
               " deltagare";
    if (s.weekendAttendanceDays > 0) summary += " (" + std::to_string(s.weekendAttendanceDays) + " på helger)";
  }
  {
    // The summary shrinks a little rather than lose its end; cut only below three quarters.
    ImFont* font = ImGui::GetFont();
    const float room = win.x - f * 1.6f, full = textWidth(font, f, summary);
    const float size = full > room ? std::max(f * 0.75f, f * room / full) : f;
    const std::string shown = fitted(font, size, summary, room);
    const ImVec2 at = ImGui::GetCursorScreenPos(), wp = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(at.x, at.y + (f - size) / 2), theme::kMutedText,
                                        shown.c_str());
    noteText(summary, ImVec2(at.x, at.y + (f - size) / 2), ImVec2(textWidth(font, size, summary), size),
             ImVec2(wp.x + f * 0.8f, at.y), ImVec2(wp.x + win.x - f * 0.8f, at.y + f));
  }

  // The sections in a child that scrolls if a site has many categories on a small screen.
  const float top = f * 3.3f + f * 1.25f; // under the summary line
  ImGui::SetCursorPos(ImVec2(f * 0.8f, top));
  const ImVec2 area(win.x - f * 1.6f, win.y - top - f * 0.3f);
  ImGui::BeginChild("statistics-body", area, false, ImGuiWindowFlags_NoScrollWithMouse);
  dragToScroll();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float gap = f * 0.5f;
  const float width = area.x - ImGui::GetStyle().ScrollbarSize * (ImGui::GetScrollMaxY() > 0 ? 1.0f : 0.0f);
  // The weekday chart takes 40 % of the width, more if its title needs it (at most half).
  const float titleW = textWidth(ui.fonts().large, ui.fonts().large->FontSize, kWeekdayTitle) + f * 1.4f;
  const float leftW = std::clamp(titleW, width * 0.4f, width * 0.5f);
  const float rows = static_cast<float>(std::max<size_t>(s.categories.size(), 4));
  const float chartsH = !s.hasAttendance() && !s.hasActivities()
                            ? ui.fonts().large->FontSize + f * 4.0f // words only
                            : std::max(f * 10.5f, ui.fonts().large->FontSize + f * 3.2f + rows * activityRowHeight());
  drawWeekdays(dl, ui.fonts(), s, o, ImVec2(o.x + leftW, o.y + chartsH));
  drawActivities(dl, ui.fonts(), s, ImVec2(o.x + leftW + gap, o.y), ImVec2(o.x + width, o.y + chartsH));
  const float complaintsTop = o.y + chartsH + gap;
  const float complaintRows = static_cast<float>(std::max<size_t>(s.oldestOpen.size(), 1));
  const float complaintsH = ui.fonts().large->FontSize + f * 1.0f + (complaintsNoteLine(s) ? f * 1.3f : 0.0f) +
                            complaintRows * complaintRowHeight();
  drawComplaints(dl, ui.fonts(), s, ImVec2(o.x, complaintsTop), ImVec2(o.x + width, complaintsTop + complaintsH));
  // Open meeting places: visitors per week (HeadcountWidgets.cpp).
  const float visitorsH = headcountWeeksPanel(ui, model, dl, ImVec2(o.x, complaintsTop + complaintsH + gap), width);
  ImGui::Dummy(ImVec2(width, chartsH + gap + complaintsH + (visitorsH > 0 ? gap + visitorsH : 0))); // what the child scrolls over
  ImGui::EndChild();
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
