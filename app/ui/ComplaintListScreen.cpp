// The complaint register (synpunkter och klagomål): participants' "Tyck till" entries waiting to
// be classified, then the register filtered by open / waiting for feedback / closed, with a red
// mark on complaints that got no feedback within ten working days. "+ Registrera" records what
// came in by other routes, "Avvikelse" a deviation.
#include "core/LocalTime.hpp"
#include "ui/ComplaintListScreen.hpp"

#include "ui/ComplaintDetailScreen.hpp"
#include "ui/ComplaintFormScreen.hpp"
#include "ui/DeviationFormScreen.hpp"
#include "ui/StaffWidgets.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

namespace dagverk::ui {

namespace {
bool passes(const ComplaintState& c, const std::string& filter) {
  if (filter == "open") return !c.closed;
  if (filter == "waiting") return !c.closed && !c.feedbackGiven;
  if (filter == "closed") return c.closed;
  return true;
}

std::string statusText(const ComplaintState& c) {
  if (c.closed) return "Avslutad";
  if (c.actionTaken) return "Åtgärd vidtagen";
  if (c.feedbackGiven) return "Återkoppling lämnad";
  return "Väntar på återkoppling";
}

void sectionTitle(KioskUi& ui, const std::string& text) {
  ImGui::Spacing();
  ImGui::PushFont(ui.fonts().large);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopFont();
}

// One "Tyck till" entry: the face, what about, whether they want to talk, who; the text under it.
bool drawFeedbackRow(KioskUi& ui, const KioskModel& model, const FeedbackGiven& fb, float width) {
  const float f = ImGui::GetFontSize();
  const float rowH = f * 2.8f;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  if (!ImGui::IsRectVisible(min, ImVec2(min.x + width, min.y + rowH))) {
    ImGui::Dummy(ImVec2(width, rowH));
    return false;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, ImVec2(min.x + width, min.y + rowH), theme::kPanel, f * 0.3f);
  drawFace(dl, fb.mood, ImVec2(min.x + f * 1.4f, min.y + rowH / 2), f * 2.0f);
  std::string line = std::string(categoryLabel(feedbackMoods(), fb.mood)) + " · " +
                     categoryLabel(feedbackTopics(), fb.topic);
  if (fb.wantsTalk) line += " · vill prata";
  const Participant* p = fb.participantId.empty() ? nullptr : model.find(fb.participantId);
  line += p ? " · " + p->displayName() : " · anonym";
  const char* button = "Klassificera";
  const float bw = ImGui::CalcTextSize(button).x + f * 1.4f;
  const float textW = width - f * 3.0f - bw - f * 0.8f;
  dl->PushClipRect(min, ImVec2(min.x + f * 3.0f + textW, min.y + rowH), true);
  dl->AddText(ImVec2(min.x + f * 3.0f, min.y + f * 0.3f), theme::kText, line.c_str());
  const std::string text = fb.text.empty() ? "(ingen text)" : fb.text.substr(0, fb.text.find('\n'));
  dl->AddText(ImGui::GetFont(), f * 0.85f, ImVec2(min.x + f * 3.0f, min.y + f * 1.5f), theme::kMutedText, text.c_str());
  dl->PopClipRect();
  ImGui::SetCursorScreenPos(ImVec2(min.x + width - bw - f * 0.4f, min.y + f * 0.4f));
  const bool tapped = actionButton(ui, "classify-" + fb.feedbackId, button, theme::kPrimary, bw, 2.0f);
  ImGui::SetCursorScreenPos(min);
  ImGui::Dummy(ImVec2(width, rowH));
  return tapped;
}

// One complaint: type and what it concerned; received date and status (or the red mark).
bool drawComplaintRow(KioskUi& ui, const KioskModel& model, const ComplaintState& c, float width) {
  const float f = ImGui::GetFontSize();
  const float rowH = f * 2.8f;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const std::string name = "complaint-" + c.data.complaintId;
  const bool tapped = ImGui::InvisibleButton(name.c_str(), ImVec2(width, rowH)) && pointerDidNotDrag();
  if (!ImGui::IsItemVisible()) return tapped;
  const ImVec2 max(min.x + width, min.y + rowH);
  ui.rememberButton(name, min, max);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool overdue = c.overdue(model.today);
  dl->AddRectFilled(min, max, ImGui::IsItemActive() ? theme::kPressedCard : theme::kPanel, f * 0.3f);
  dl->AddRectFilled(min, ImVec2(min.x + f * 0.3f, max.y), overdue ? theme::kError : c.closed ? theme::kYes : theme::kPrimary,
                    f * 0.3f, ImDrawFlags_RoundCornersLeft);
  dl->PushClipRect(min, max, true);
  const std::string line = std::string(categoryLabel(complaintTypes(), c.data.type)) + " · " +
                           categoryLabel(complaintConcerns(), c.data.concerns);
  dl->AddText(ImVec2(min.x + f * 0.8f, min.y + f * 0.3f), theme::kText, line.c_str());
  const float small = f * 0.85f;
  const std::string received = "Inkom " + c.data.receivedDate + " · ";
  const ImVec2 at(min.x + f * 0.8f, min.y + f * 1.5f);
  dl->AddText(ImGui::GetFont(), small, at, theme::kMutedText, received.c_str());
  const float rw = ImGui::GetFont()->CalcTextSizeA(small, FLT_MAX, 0, received.c_str()).x;
  if (overdue)
    dl->AddText(ImGui::GetFont(), small, ImVec2(at.x + rw, at.y), theme::kError,
                "Ingen återkoppling efter 10 arbetsdagar");
  else
    dl->AddText(ImGui::GetFont(), small, ImVec2(at.x + rw, at.y), c.closed ? theme::kYes : theme::kPrimary,
                statusText(c).c_str());
  dl->PopClipRect();
  ImGui::Dummy(ImVec2(1, f * 0.05f));
  return tapped;
}
} // namespace

void ComplaintListScreen::drawContent(KioskUi& ui, const KioskModel& model) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  if (staffBar(ui, model, "Synpunkter och klagomål", "Tillbaka")) {
    ui.go(ScreenId::StaffDashboard);
    return;
  }
  bool openNew = false, openDeviation = false;
  if (actionButton(ui, "new-complaint", "+ Registrera", theme::kYes)) openNew = true;
  ImGui::SameLine();
  if (actionButton(ui, "new-deviation", "Avvikelse", theme::kPrimary)) openDeviation = true;

  // The filters, each with its count.
  static const struct { const char* code; const char* label; } kFilters[] = {
      {"open", "Öppna"}, {"waiting", "Väntar på återkoppling"}, {"closed", "Avslutade"}, {"all", "Alla"}};
  std::string& filter = filter_;
  for (size_t i = 0; i < std::size(kFilters); ++i) {
    size_t n = 0;
    for (const auto& c : model.complaints) n += passes(c, kFilters[i].code) ? 1 : 0;
    if (i > 0) ImGui::SameLine();
    const std::string label = std::string(kFilters[i].label) + " (" + std::to_string(n) + ")";
    if (chip(ui, std::string("filter-") + kFilters[i].code, label, filter == kFilters[i].code)) filter = kFilters[i].code;
  }

  const FeedbackGiven* classify = nullptr;
  const ComplaintState* open = nullptr;
  ImGui::BeginChild("register", ImVec2(win.x - f * 1.6f, win.y - ImGui::GetCursorPosY() - f * 0.5f));
  dragToScroll();
  const float width = ImGui::GetContentRegionAvail().x;
  if (!model.feedbackToClassify.empty()) {
    sectionTitle(ui, "Tyck till från deltagare (" + std::to_string(model.feedbackToClassify.size()) + ")");
    for (const auto& fb : model.feedbackToClassify)
      if (drawFeedbackRow(ui, model, fb, width)) classify = &fb;
  }
  size_t shown = 0;
  for (const auto& c : model.complaints) shown += passes(c, filter) ? 1 : 0;
  sectionTitle(ui, "Registret (" + std::to_string(shown) + ")");
  if (shown == 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kMutedText);
    ImGui::TextUnformatted("Inga synpunkter här.");
    ImGui::PopStyleColor();
  }
  // Newest first: what came in last is what staff look for.
  for (auto it = model.complaints.rbegin(); it != model.complaints.rend(); ++it)
    if (passes(*it, filter) && drawComplaintRow(ui, model, *it, width)) open = &*it;
  if (!model.deviations.empty()) {
    sectionTitle(ui, "Avvikelser (" + std::to_string(model.deviations.size()) + ")");
    for (auto it = model.deviations.rbegin(); it != model.deviations.rend(); ++it) {
      std::string line = it->date + " · " + categoryLabel(deviationConcerns(), it->concerns) + " · " +
                         categoryLabel(deviationConcernsWhom(), it->concernsWhom);
      if (it->lexSarah) line += " · Lex Sarah";
      ImGui::PushStyleColor(ImGuiCol_Text, it->lexSarah ? theme::kError : theme::kText);
      ImGui::TextUnformatted(line.c_str());
      ImGui::PopStyleColor();
    }
  }
  ImGui::Dummy(ImVec2(1, f));
  ImGui::EndChild();

  if (openNew) {
    ComplaintRegistered d;
    d.receivedDate = formatIsoDate(model.today);
    ui.screen<ComplaintFormScreen>().open(ui, d);
  } else if (openDeviation) {
    ui.screen<DeviationFormScreen>().open(ui, model.today);
  } else if (classify) {
    ComplaintRegistered d;
    d.feedbackId = classify->feedbackId;
    d.channel = "tyck_till";
    d.source = "brukare";
    d.type = classify->mood == "ledsen" ? "klagomal" : "synpunkt";
    d.description = classify->text;
    d.receivedDate = formatIsoDate(model.today);
    ui.screen<ComplaintFormScreen>().open(ui, d);
  } else if (open) {
    ui.screen<ComplaintDetailScreen>().open(ui, open->data.complaintId);
  }
  drawErrorBanner(ui);
}

} // namespace dagverk::ui
