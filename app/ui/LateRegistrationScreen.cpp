// "Efterregistrera": a past day's paper sheet entered afterwards. Step one is the day, as big
// buttons for the last 30 days; step two the site's participants expected that weekday (and, on
// "Visa alla", everyone on the roster) to tick, each with an optional arrival and departure
// typed on the keypad (LateTimeKeypad). Nothing is saved until "Spara": then the whole sheet is
// one command, checked and written in one transaction.
#include "ui/LateRegistrationScreen.hpp"

#include "core/LocalTime.hpp"
#include "ui/LateTimeKeypad.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <array>

namespace dagverk::ui {

namespace {

constexpr std::array<const char*, 7> kWeekdayShort = {"mån", "tis", "ons", "tor", "fre", "lör", "sön"};
constexpr std::array<const char*, 7> kWeekdayLong = {"måndag", "tisdag", "onsdag", "torsdag",
                                                     "fredag", "lördag", "söndag"};
constexpr std::array<const char*, 12> kMonthShort = {"jan", "feb", "mar", "apr", "maj", "jun",
                                                     "jul", "aug", "sep", "okt", "nov", "dec"};
constexpr std::array<const char*, 12> kMonthLong = {"januari", "februari", "mars",     "april",   "maj",      "juni",
                                                    "juli",    "augusti",  "september", "oktober", "november", "december"};

std::string shortDay(LocalDate d) {
  return std::string(kWeekdayShort[static_cast<size_t>(isoWeekday(d) - 1)]) + " " + std::to_string(d.day) + " " +
         kMonthShort[static_cast<size_t>(d.month - 1)];
}

std::string longDay(LocalDate d) {
  return std::string(kWeekdayLong[static_cast<size_t>(isoWeekday(d) - 1)]) + " " + std::to_string(d.day) + " " +
         kMonthLong[static_cast<size_t>(d.month - 1)];
}

bool expectedOn(const Participant& p, LocalDate d) { return p.expectedWeekdays[static_cast<size_t>(isoWeekday(d) - 1)]; }

} // namespace

void LateRegistrationScreen::onEnter(KioskUi& ui) {
  Screen::onEnter(ui);
  day_.reset();
  lines_.clear();
  showAll_ = false;
  message_.clear();
  summary_.clear();
  timeFor_.clear();
  digits_.clear();
}

void LateRegistrationScreen::pickDay(KioskUi& ui, LocalDate day) {
  day_ = day;
  lines_.clear();
  showAll_ = false;
  message_.clear();
  summary_.clear();
  timeFor_.clear();
  ui.readLateDay(day);
}

void LateRegistrationScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  if (!day_) {
    if (staffBar(ui, model, "Efterregistrera – välj dag", "Tillbaka")) {
      ui.go(ScreenId::StaffDashboard);
      return;
    }
    drawDayChoice(ui, model);
  } else {
    const std::string title = "Efterregistrera " + shortDay(*day_); // short: the bar also names the staff member
    if (staffBar(ui, model, title.c_str(), "Byt dag")) {
      day_.reset(); // nothing was saved: the ticks go with the day
      lines_.clear();
      timeFor_.clear();
      return;
    }
    drawSheet(ui, model);
  }
  drawErrorBanner(ui);
}

void LateRegistrationScreen::drawDayChoice(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  ImGui::TextWrapped("Vilken dag gäller papperslistan? Du kan registrera upp till %d dagar bakåt. Dagens närvaro "
                     "registreras på kiosken som vanligt.",
                     kLateRegistrationMaxDaysBack);
  ImGui::Spacing();
  ImGui::BeginChild("late-days", ImVec2(win.x - f * 1.6f, win.y - ImGui::GetCursorPosY() - f * 0.5f));
  dragToScroll();
  const float maxX = ImGui::GetContentRegionAvail().x;
  const float w = f * 6.6f;
  float x = 0;
  const long today = daysFromCivil(model.today);
  for (int back = 1; back <= kLateRegistrationMaxDaysBack; ++back) {
    const LocalDate d = civilFromDays(today - back);
    flowItem(w, x, maxX);
    const bool weekend = isoWeekday(d) >= 6;
    if (actionButton(ui, "late-day-" + formatIsoDate(d), shortDay(d), weekend ? theme::kPanel : theme::kPrimary, w, 2.6f))
      pickDay(ui, d);
  }
  ImGui::EndChild();
}

void LateRegistrationScreen::drawSheet(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const LocalDate day = *day_;
  const bool loaded = model.lateDay.day == day;
  const auto registered = [&](const std::string& id) { return loaded && model.lateDay.registered.count(id) != 0; };

  size_t ticked = 0;
  for (const auto& [id, l] : lines_)
    if (l.ticked && !registered(id)) ++ticked;

  if (chip(ui, "late-show-all", "Visa alla i schemat", showAll_)) showAll_ = !showAll_;
  ImGui::SameLine(0, f);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + f * 0.45f);
  ImGui::TextUnformatted("Bocka för dem som var där enligt listan. Tider är frivilliga.");
  if (!message_.empty()) errorText(message_);
  if (!summary_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kYes);
    ImGui::TextWrapped("%s", summary_.c_str());
    ImGui::PopStyleColor();
  }

  const float keypadW = timeFor_.empty() ? 0.0f : f * 11.5f;
  const float top = ImGui::GetCursorPosY() + f * 0.2f;
  const float bottomBar = f * 3.4f;
  const float listW = win.x - f * 1.6f - (keypadW > 0 ? keypadW + f * 0.8f : 0.0f);
  ImGui::BeginChild("late-sheet", ImVec2(listW, win.y - top - bottomBar));
  dragToScroll();
  const float rowW = ImGui::GetContentRegionAvail().x;
  const float rowH = f * 2.8f, pic = f * 2.3f;
  std::string tapped;
  enum class Tap { None, Tick, In, Out } tap = Tap::None;
  for (const auto& p : model.participants) {
    const auto line = lines_.find(p.id);
    const bool listed = showAll_ || expectedOn(p, day) || registered(p.id) || (line != lines_.end() && line->second.ticked);
    if (!listed) continue;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    if (!ImGui::IsRectVisible(min, ImVec2(min.x + rowW, min.y + rowH))) { // scrolled out: hold its place
      ImGui::Dummy(ImVec2(rowW, rowH + f * 0.3f - ImGui::GetStyle().ItemSpacing.y));
      continue;
    }
    const bool done = registered(p.id);
    const bool on = !done && line != lines_.end() && line->second.ticked;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + rowW, min.y + rowH), on ? theme::kPresentTint : theme::kPanel);
    drawPersonPicture(dl, ui.pictures().pictureOf(p), p.id, p.initials(), ImVec2(min.x + f * 0.25f, min.y + f * 0.25f),
                      pic, on || done, ui.fonts());
    dl->AddText(ImVec2(min.x + pic + f * 0.7f, min.y + f * 0.3f), done ? theme::kMutedText : theme::kText,
                p.displayName().c_str());
    const char* detail = done ? "Registrerad på kiosken" : expectedOn(p, day) ? "Väntades den dagen" : "Ej schemalagd den dagen";
    dl->AddText(ImGui::GetFont(), f * 0.85f, ImVec2(min.x + pic + f * 0.7f, min.y + f * 1.5f), theme::kMutedText, detail);
    if (!done) {
      // From the right: departure, arrival, the tick.
      float x = rowW - f * 0.3f;
      const auto button = [&](const std::string& name, const std::string& label, ImU32 fill, float w, Tap what) {
        x -= w;
        ImGui::SetCursorScreenPos(ImVec2(min.x + x, min.y + f * 0.4f));
        if (actionButton(ui, name, label, fill, w, 2.0f)) {
          tap = what;
          tapped = p.id;
        }
        x -= f * 0.4f;
      };
      const Line l = line == lines_.end() ? Line{} : line->second;
      const bool editingThis = timeFor_ == p.id;
      button("late-out-" + p.id, "Gick " + clockText(l.leave), editingThis && timeIsLeave_ ? theme::kPrimary : theme::kPanel,
             f * 5.2f, Tap::Out);
      button("late-in-" + p.id, "Kom " + clockText(l.arrive), editingThis && !timeIsLeave_ ? theme::kPrimary : theme::kPanel,
             f * 5.2f, Tap::In);
      button("late-tick-" + p.id, on ? "Var där" : "Bocka för", on ? theme::kYes : theme::kPrimary, f * 5.4f, Tap::Tick);
    }
    ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + rowH + f * 0.3f));
    ImGui::Dummy(ImVec2(rowW, 0));
  }
  ImGui::EndChild();

  switch (tap) {
  case Tap::None: break;
  case Tap::Tick: {
    Line& l = lines_[tapped];
    l.ticked = !l.ticked;
    if (!l.ticked && timeFor_ == tapped) timeFor_.clear();
    message_.clear();
    break;
  }
  case Tap::In:
  case Tap::Out:
    timeFor_ = tapped;
    timeIsLeave_ = tap == Tap::Out;
    digits_.clear();
    message_.clear();
    break;
  }

  if (!timeFor_.empty()) {
    ImGui::SetCursorPos(ImVec2(f * 0.8f + listW + f * 0.8f, top));
    ImGui::BeginGroup();
    const Participant* who = model.find(timeFor_);
    const std::string heading = std::string(timeIsLeave_ ? "Gick hem: " : "Kom: ") + (who ? who->firstName : timeFor_);
    const LateTimeAnswer a = lateTimeKeypad(ui, heading, digits_, keypadW, win.y - top - f * 0.5f);
    ImGui::EndGroup();
    Line& l = lines_[timeFor_];
    switch (a.kind) {
    case LateTimeAnswer::Kind::None:
      if (!a.refusal.empty()) {
        message_ = a.refusal;
        digits_.clear();
      }
      break;
    case LateTimeAnswer::Kind::Set:
      (timeIsLeave_ ? l.leave : l.arrive) = a.minute;
      l.ticked = true; // a time on the sheet means they were there
      timeFor_.clear();
      message_.clear();
      break;
    case LateTimeAnswer::Kind::Clear:
      (timeIsLeave_ ? l.leave : l.arrive).reset();
      timeFor_.clear();
      break;
    case LateTimeAnswer::Kind::Cancel: timeFor_.clear(); break;
    }
  }

  ImGui::SetCursorPos(ImVec2(f * 0.8f, win.y - f * 3.0f));
  const std::string label = "Spara (" + std::to_string(ticked) + ")";
  if (actionButton(ui, "late-save", label, theme::kYes, f * 8.0f, 2.0f, ticked > 0 && loaded)) save(ui, model);
}

void LateRegistrationScreen::save(KioskUi& ui, const KioskModel& model) {
  cmd::RegisterLate c;
  c.day = *day_;
  c.actorStaffId = ui.signedInStaff();
  std::string names;
  for (const auto& [id, l] : lines_) {
    if (!l.ticked || model.lateDay.registered.count(id)) continue;
    c.lines.push_back({id, l.arrive, l.leave});
    const Participant* p = model.find(id);
    names += (names.empty() ? "" : ", ") + (p ? p->displayName() : id);
  }
  const LocalDate day = *day_;
  const size_t n = c.lines.size();
  ui.request(std::move(c), [this, &ui, day, n, names](const std::string& error) {
    if (!error.empty()) {
      message_ = error;
      return;
    }
    lines_.clear();
    timeFor_.clear();
    message_.clear();
    summary_ = "Sparat: " + std::to_string(n) + (n == 1 ? " besök " : " besök ") + longDay(day) + " (" + names +
               "). Besöken är markerade som efterregistrerade.";
    ui.readLateDay(day);
  });
}

} // namespace dagverk::ui
