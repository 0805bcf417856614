// The staff dashboard for today at this site: who is here, who is expected but not here, who
// has gone home; check in or out on someone's behalf, note an absence, correct a mistake.
#include "core/LocalTime.hpp"
#include "ui/StaffDashboardScreen.hpp"
#include "ui/PictogramChoiceScreen.hpp"

#include "ui/AbsenceScreen.hpp"
#include "ui/CorrectionScreen.hpp"
#include "ui/EnrolScreen.hpp"
#include "ui/PowerPictures.hpp"
#include "ui/SyncScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>

namespace dagverk::ui {

namespace {
enum class RowAction { None, CheckIn, CheckOut, Absence, CorrectIn, CorrectOut };

struct RowButtons {
  const char* first = nullptr;
  RowAction firstAction = RowAction::None;
  const char* second = nullptr;
  RowAction secondAction = RowAction::None;
};

RowAction drawRow(KioskUi& ui, const KioskModel& model, const ParticipantDay& d, const std::string& detail,
                  const RowButtons& b, float width) {
  const float f = ImGui::GetFontSize();
  const float rowH = f * 2.8f, pic = f * 2.3f;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const Participant* p = nullptr;
  if (!ImGui::IsRectVisible(min, ImVec2(min.x + width, min.y + rowH)) || !(p = model.find(d.participantId))) {
    ImGui::Dummy(ImVec2(width, rowH + f * 0.3f - ImGui::GetStyle().ItemSpacing.y)); // scrolled out: hold its place
    return RowAction::None;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, ImVec2(min.x + width, min.y + rowH), theme::kPanel);
  drawPersonPicture(dl, ui.pictures().pictureOf(*p), p->id, p->initials(), ImVec2(min.x + f * 0.25f, min.y + f * 0.25f),
                    pic, false, ui.fonts());
  dl->AddText(ImVec2(min.x + pic + f * 0.7f, min.y + f * 0.3f), theme::kText, p->displayName().c_str());
  dl->AddText(ImGui::GetFont(), f * 0.85f, ImVec2(min.x + pic + f * 0.7f, min.y + f * 1.5f), theme::kMutedText,
              detail.c_str());
  RowAction action = RowAction::None;
  float x = width - f * 0.3f;
  auto button = [&](const char* label, RowAction a, ImU32 fill) {
    if (!label) return;
    const float w = ImGui::CalcTextSize(label).x + f * 1.4f;
    x -= w;
    ImGui::SetCursorScreenPos(ImVec2(min.x + x, min.y + f * 0.4f));
    if (actionButton(ui, std::string(label) + "-" + p->id, label, fill, w, 2.0f)) action = a;
    x -= f * 0.4f;
  };
  button(b.second, b.secondAction, theme::kPanel);
  button(b.first, b.firstAction, b.firstAction == RowAction::CheckOut ? theme::kPrimary : theme::kYes);
  ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + rowH + f * 0.3f));
  return action;
}

constexpr const char* kUnencryptedDiskSv = "Kiosken sparar data på en okrypterad disk";
constexpr const char* kOldRosterSv = "Personal- och deltagarlistan är över 30 dagar gammal";
constexpr std::int64_t kOldRosterMs = 30LL * 24 * 60 * 60 * 1000;

// A roster central made more than 30 days ago: a staff member dismissed since still has a PIN
// that works here until the kiosk syncs.
bool rosterIsOld(const KioskModel& model, UtcMs now) {
  return model.rosterCreatedUtc && now - *model.rosterCreatedUtc > kOldRosterMs;
}

// A list's title and count; a long one shrinks to its column rather than lose its count.
void sectionTitle(const char* title, size_t count, ImFont* font) {
  const std::string text = std::string(title) + " (" + std::to_string(count) + ")";
  const float room = ImGui::GetContentRegionAvail().x;
  float size = font->FontSize;
  ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
  if (ts.x > room) {
    size *= room / ts.x;
    ts = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
  }
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddText(font, size, at, theme::kText, text.c_str());
  ImGui::Dummy(ImVec2(1, font->FontSize));
  const ImVec2 wp = ImGui::GetWindowPos();
  noteText(text, at, ts, ImVec2(wp.x, at.y), ImVec2(wp.x + ImGui::GetWindowWidth(), at.y + font->FontSize));
}
} // namespace

void StaffDashboardScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  const std::string title = "Idag · personal här: " + std::to_string(model.staffPresentSince.size());
  if (staffBar(ui, model, title.c_str(), "Logga ut")) {
    ui.signOut();
    return;
  }
  const std::string me = ui.signedInStaff();
  // The staff member's own presence, and the ways on.
  const bool meHere = model.staffPresentSince.count(me) != 0;
  if (actionButton(ui, meHere ? "staff-me-out" : "staff-me-in", meHere ? "Checka ut mig" : "Checka in mig",
                   meHere ? theme::kPrimary : theme::kYes)) {
    if (meHere) ui.request(cmd::StaffCheckOut{me});
    else ui.request(cmd::StaffCheckIn{me});
  }
  ImGui::SameLine();
  if (actionButton(ui, "open-activities", "Aktiviteter", theme::kPrimary)) ui.go(ScreenId::ActivityLog);
  ImGui::SameLine();
  const size_t waiting = model.feedbackToClassify.size();
  if (actionButton(ui, "open-complaints", waiting ? "Synpunkter (" + std::to_string(waiting) + ")" : "Synpunkter",
                   theme::kPrimary))
    ui.go(ScreenId::ComplaintList);
  ImGui::SameLine();
  if (actionButton(ui, "open-survey", "Enkät", theme::kPrimary)) ui.go(ScreenId::SurveyAdmin);
  ImGui::SameLine();
  if (actionButton(ui, "open-rollcall", "Utrymning", theme::kNo)) ui.startRollCall();
  // The weekly sync: assistant managers and admins only. On this row if it fits, else below.
  if (maySync(model, me)) {
    const float syncW = ImGui::CalcTextSize("Synkronisera").x + f * 1.6f;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x + syncW <
        win.x - f * 0.8f)
      ImGui::SameLine();
    if (actionButton(ui, "open-sync", "Synkronisera", theme::kPrimary)) ui.go(ScreenId::Sync);
  }
  // The site's last 8 weeks, for any staff member. On this row if it fits, else below.
  {
    const float statsW = ImGui::CalcTextSize("Statistik").x + f * 1.6f;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x + statsW <
        win.x - f * 0.8f)
      ImGui::SameLine();
    if (actionButton(ui, "open-statistics", "Statistik", theme::kPrimary)) ui.go(ScreenId::Statistics);
  }
  // Visitors counted at an open meeting place. On this row if it fits, else below.
  {
    const float visitorsW = ImGui::CalcTextSize("Besökare").x + f * 1.6f;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x + visitorsW <
        win.x - f * 0.8f)
      ImGui::SameLine();
    if (actionButton(ui, "open-headcount", "Besökare", theme::kPrimary)) ui.go(ScreenId::Headcount);
  }
  // A past day's paper sheet entered afterwards, for any staff member. On this row if it fits.
  {
    const float lateW = ImGui::CalcTextSize("Efterregistrera").x + f * 1.6f;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x + lateW <
        win.x - f * 0.8f)
      ImGui::SameLine();
    if (actionButton(ui, "open-late", "Efterregistrera", theme::kPrimary)) ui.go(ScreenId::LateRegistration);
  }
  // Speech on/off, volume and rate: assistant managers and admins. On this row if it fits.
  if (maySync(model, me)) {
    const float speechW = ImGui::CalcTextSize("Tal").x + f * 1.6f;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x + speechW <
        win.x - f * 0.8f)
      ImGui::SameLine();
    if (actionButton(ui, "open-speech", "Tal", theme::kPrimary)) ui.go(ScreenId::SpeechSettings);
  }
  // Personal symbols and activity pictograms: assistant managers and admins.
  if (mayChoosePictures(model, me)) {
    const float picturesW = ImGui::CalcTextSize("Bilder").x + f * 1.6f;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x + picturesW <
        win.x - f * 0.8f)
      ImGui::SameLine();
    if (actionButton(ui, "open-pictures", "Bilder", theme::kPrimary)) ui.go(ScreenId::PictogramChoice);
  }
  // Connecting the kiosk to central with a one-time code: admins only.
  if (mayEnrol(model, me)) {
    const float enrolW = ImGui::CalcTextSize("Koppla till central").x + f * 1.6f;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x + enrolW <
        win.x - f * 0.8f)
      ImGui::SameLine();
    if (actionButton(ui, "open-enrol", "Koppla till central", model.enrolment.enrolled ? theme::kPrimary : theme::kNo))
      ui.go(ScreenId::Enrol);
  }
  // The kiosk's theme and text size: admins only. On this row if it fits, else below.
  if (mayEnrol(model, me)) {
    const float lookW = ImGui::CalcTextSize("Utseende").x + f * 1.6f;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x + lookW < win.x - f * 0.8f)
      ImGui::SameLine();
    if (actionButton(ui, "open-appearance", "Utseende", theme::kPrimary)) ui.go(ScreenId::Appearance);
  }
  // The counts at the top; each list below starts with its own.
  const std::string counts = "Här nu " + std::to_string(model.day.present.size()) + " · Väntas " +
                             std::to_string(model.day.expected.size()) + " · Frånvarande " +
                             std::to_string(model.day.absent.size()) + " · Gått hem " +
                             std::to_string(model.day.checkedOut.size()) + " · Ej schemalagda " +
                             std::to_string(model.day.notExpected.size());
  ImGui::TextUnformatted(counts.c_str());
  // A kiosk without central's keys sends nothing: staff should know before the week's sync.
  if (!model.enrolment.enrolled) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
    ImGui::TextUnformatted("Kiosken är inte kopplad till central: inget skickas förrän en administratör kopplar den.");
    ImGui::PopStyleColor();
  }
  // Visits the rollover closed because the clock had run ahead: staff check the clock and, if
  // needed, correct those visits.
  if (const int n = model.day.clockFaultClosures; n > 0) {
    const std::string note = std::to_string(n) + (n == 1 ? " incheckning låg" : " incheckningar låg") +
                             " i framtiden (klockan gick fel) och stängdes automatiskt";
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
    ImGui::TextUnformatted(note.c_str());
    ImGui::PopStyleColor();
  }
  // What a stolen tablet would give away, and a roster that may still hold dismissed staff.
  const std::pair<const char*, const char*> warnings[] = {
      {"warning-unencrypted-disk", model.dataDiskEncrypted ? nullptr : kUnencryptedDiskSv},
      {"warning-old-roster", rosterIsOld(model, ui.clock().nowUtc()) ? kOldRosterSv : nullptr},
      {"warning-speech", model.speech.problem ? "Talet fungerar inte" : nullptr}};
  for (const auto& [name, text] : warnings) {
    if (!text) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ui.rememberButton(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); // where tests find it
  }
  drawPowerAndStorageLines(ui, model);

  const float top = ImGui::GetCursorPosY() + f * 0.4f;
  const float colW = (win.x - f * 2.4f) / 2;
  const float colH = win.y - top - f * 0.5f;
  std::string pid;
  RowAction action = RowAction::None;
  std::string eventId;

  ImGui::SetCursorPos(ImVec2(f * 0.8f, top));
  ImGui::BeginChild("present", ImVec2(colW, colH));
  dragToScroll();
  sectionTitle("Här nu", model.day.present.size(), ui.fonts().large);
  for (const auto& d : model.day.present) {
    const RowAction a = drawRow(ui, model, d, "kom " + formatHourMinute(toStockholm(d.since)),
                                {"Checka ut", RowAction::CheckOut, "Rätta", RowAction::CorrectIn}, colW - f * 0.8f);
    if (a != RowAction::None) { action = a; pid = d.participantId; eventId = d.checkInEventId; }
  }
  ImGui::EndChild();

  ImGui::SetCursorPos(ImVec2(f * 1.6f + colW, top));
  ImGui::BeginChild("others", ImVec2(colW, colH));
  dragToScroll();
  sectionTitle("Väntas idag", model.day.expected.size(), ui.fonts().large);
  for (const auto& d : model.day.expected) {
    const RowAction a = drawRow(ui, model, d, "",
                                {"Checka in", RowAction::CheckIn, "Frånvaro", RowAction::Absence}, colW - f * 0.8f);
    if (a != RowAction::None) { action = a; pid = d.participantId; }
  }
  if (!model.day.absent.empty()) {
    sectionTitle("Frånvarande", model.day.absent.size(), ui.fonts().large);
    for (const auto& d : model.day.absent) {
      const RowAction a = drawRow(ui, model, d, absenceLabel(d.absenceReason), {"Checka in", RowAction::CheckIn},
                                  colW - f * 0.8f);
      if (a != RowAction::None) { action = a; pid = d.participantId; }
    }
  }
  if (!model.day.notExpected.empty()) {
    sectionTitle("Ej schemalagda idag", model.day.notExpected.size(), ui.fonts().large);
    for (const auto& d : model.day.notExpected) {
      const RowAction a = drawRow(ui, model, d, "", {"Checka in", RowAction::CheckIn}, colW - f * 0.8f);
      if (a != RowAction::None) { action = a; pid = d.participantId; }
    }
  }
  sectionTitle("Har gått hem", model.day.checkedOut.size(), ui.fonts().large);
  for (const auto& d : model.day.checkedOut) {
    const RowAction a = drawRow(ui, model, d, "gick " + formatHourMinute(toStockholm(d.since)),
                                {"Checka in", RowAction::CheckIn, "Rätta", RowAction::CorrectOut}, colW - f * 0.8f);
    if (a != RowAction::None) { action = a; pid = d.participantId; eventId = d.checkOutEventId; }
  }
  ImGui::EndChild();

  switch (action) {
  case RowAction::None: break;
  case RowAction::CheckIn: ui.request(cmd::CheckIn{pid, me}); break;
  case RowAction::CheckOut: ui.request(cmd::CheckOut{pid, me}); break;
  case RowAction::Absence: ui.screen<AbsenceScreen>().open(ui, pid); break;
  case RowAction::CorrectIn:
  case RowAction::CorrectOut:
    ui.screen<CorrectionScreen>().open(ui, pid, eventId, action == RowAction::CorrectIn);
    break;
  }
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
