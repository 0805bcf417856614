#include "ui/StaffWidgets.hpp"

#include "core/LocalTime.hpp"
#include "core/SwedishText.hpp"
#include "ui/Theme.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <array>

namespace dagverk::ui {

void drawPersonPicture(ImDrawList* dl, ImTextureID photo, const std::string& colourKey, const std::string& initials,
                       ImVec2 min, float size, bool marked, const Fonts& fonts) {
  const ImVec2 max(min.x + size, min.y + size);
  const float rounding = size * 0.08f;
  if (photo) {
    dl->AddImageRounded(photo, min, max, ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, rounding);
  } else {
    dl->AddRectFilled(min, max, theme::tileColour(colourKey), rounding);
    ImFont* font = fonts.title;
    const float fontSize = size * 0.42f;
    const ImVec2 ts = font->CalcTextSizeA(fontSize, size, 0, initials.c_str());
    dl->AddText(font, fontSize, ImVec2(min.x + (size - ts.x) / 2, min.y + (size - ts.y) / 2), IM_COL32_WHITE,
                initials.c_str());
  }
  if (marked) drawPresentMark(dl, min, size);
}

void drawPresentMark(ImDrawList* dl, ImVec2 min, float size) {
  const ImVec2 max(min.x + size, min.y + size);
  const float rounding = size * 0.08f;
  const float border = size * 0.05f;
  dl->AddRect(ImVec2(min.x - border / 2, min.y - border / 2), ImVec2(max.x + border / 2, max.y + border / 2),
              theme::kYes, rounding, 0, border);
  const float r = size * 0.17f;
  const ImVec2 c(max.x - r * 0.8f, min.y + r * 0.8f);
  dl->AddCircleFilled(c, r, theme::kYes);
  dl->AddCircle(c, r, IM_COL32_WHITE, 0, size * 0.02f);
  drawIcon(dl, Icon::Check, c, r * 1.3f, IM_COL32_WHITE);
}

bool actionButton(KioskUi& ui, const std::string& name, const std::string& label, ImU32 fill, float width,
                  float heightInLines, bool enabled) {
  const float f = ImGui::GetFontSize();
  const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
  const ImVec2 size(width > 0 ? width : ts.x + f * 1.6f, f * heightInLines);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(name.c_str(), size) && pointerDidNotDrag() && enabled;
  const ImVec2 max(min.x + size.x, min.y + size.y);
  if (!ImGui::IsItemVisible()) return tapped; // scrolled out: nothing to draw or to find
  ui.rememberButton(name, min, max);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 colour = enabled ? (ImGui::IsItemActive() ? (fill & 0x00FFFFFF) | 0xC0000000 : fill)
                               : theme::kDisabledButton;
  dl->AddRectFilled(min, max, colour, f * 0.45f);
  const bool light = fill == theme::kPanel;
  dl->AddText(ImVec2(min.x + (size.x - ts.x) / 2, min.y + (size.y - ts.y) / 2), light ? theme::kText : IM_COL32_WHITE,
              label.c_str());
  noteText(label, ImVec2(min.x + (size.x - ts.x) / 2, min.y + (size.y - ts.y) / 2), ts, min, max);
  if (light) dl->AddRect(min, max, theme::kOutline, f * 0.45f, 0, std::max(3.0f, f * 0.1f)); // at least 3 px: a thinner line blends into the ground
  return tapped;
}

bool chip(KioskUi& ui, const std::string& name, const std::string& label, bool on, float width) {
  const float f = ImGui::GetFontSize();
  const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
  const ImVec2 size(width > 0 ? width : ts.x + f * 2.2f, f * 2.0f);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(name.c_str(), size) && pointerDidNotDrag();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  if (!ImGui::IsItemVisible()) return tapped;
  ui.rememberButton(name, min, max);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, on ? theme::kPrimary : theme::kPanel, f * 1.0f);
  dl->AddRect(min, max, on ? theme::kPrimary : theme::kOutline, f * 1.0f, 0, std::max(3.0f, f * 0.1f));
  float x = min.x + (size.x - ts.x) / 2;
  if (on) {
    drawIcon(dl, Icon::Check, ImVec2(min.x + f * 0.8f, min.y + size.y / 2), f * 0.9f, IM_COL32_WHITE);
    x = std::max(x, min.x + f * 1.5f);
  }
  dl->AddText(ImVec2(x, min.y + (size.y - ts.y) / 2), on ? IM_COL32_WHITE : theme::kText, label.c_str());
  noteText(label, ImVec2(x, min.y + (size.y - ts.y) / 2), ts, min, max);
  return tapped;
}

bool staffBar(KioskUi& ui, const KioskModel& model, const char* title, const char* backLabel) {
  const float f = ImGui::GetFontSize();
  const ImVec2 win = ImGui::GetWindowSize();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetWindowPos();
  dl->PushClipRect(pos, ImVec2(pos.x + win.x, pos.y + win.y), false); // edge to edge, past the padding
  dl->AddRectFilled(pos, ImVec2(pos.x + win.x, pos.y + f * 3.0f), theme::kPrimary);
  dl->PopClipRect();
  ImGui::SetCursorPos(ImVec2(f * 0.5f, f * 0.5f));
  const bool back = actionButton(ui, "back", backLabel, theme::kStaffBarButton, 0, 2.0f);
  // The button's own edge: its dark blue alone is too close to the bar's.
  // Drawn inside the button, so the whole line shows and none of it blends into the bar.
  const float edge = std::max(3.0f, f * 0.1f);
  const ImVec2 bmin = ImGui::GetItemRectMin(), bmax = ImGui::GetItemRectMax();
  dl->AddRect(ImVec2(bmin.x + edge / 2, bmin.y + edge / 2), ImVec2(bmax.x - edge / 2, bmax.y - edge / 2),
              theme::kStaffBarEdge, f * 0.45f, 0, edge);
  ImGui::SameLine(0, f);
  ImGui::SetCursorPosY(f * 0.55f);
  ImGui::PushFont(ui.fonts().large);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  ImGui::TextUnformatted(title);
  noteLastItemText(title);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (const StaffMember* s = model.findStaff(ui.signedInStaff())) {
    const std::string who = s->displayName() + " · " + roleLabelSv(s->role);
    const float w = ImGui::CalcTextSize(who.c_str()).x;
    ImGui::SetCursorPos(ImVec2(win.x - w - f, f * 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kStaffBarText);
    ImGui::TextUnformatted(who.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::SetCursorPos(ImVec2(f * 0.8f, f * 3.6f));
  return back;
}

namespace {
// Applies what the keyboards typed since the last frame to the edited value.
void consumeTyping(TextEditing& t, std::string& value) {
  for (int i = 0; i < t.pendingBackspaces && !value.empty(); ++i) {
    size_t cut = value.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut; // whole code point
    value.erase(cut);
  }
  value += t.pendingInput;
  t.pendingInput.clear();
  t.pendingBackspaces = 0;
}

// Physical keyboards and badge scanners: characters, Backspace and Enter from ImGui's IO.
void readHardwareKeyboard(TextEditing& t) {
  ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    const ImWchar c = io.InputQueueCharacters[i];
    if (c >= 0x20 && c != 0x7F) t.pendingInput += encodeUtf8(c);
  }
  io.InputQueueCharacters.resize(0);
  if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Backspace])) ++t.pendingBackspaces;
  if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Enter]) || ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_KeyPadEnter]))
    t.pendingEnter = true;
}
} // namespace

void textField(KioskUi& ui, TextEditing& t, const std::string& id, std::string& value, size_t maxChars,
               const char* hint, float width, float heightInLines) {
  const bool editing = t.fieldId == id;
  if (editing) {
    readHardwareKeyboard(t);
    consumeTyping(t, value);
    if (t.pendingEnter) {
      t = TextEditing{};
    }
  }
  const float f = ImGui::GetFontSize();
  const ImVec2 size(width, f * heightInLines);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  if (ImGui::InvisibleButton(("field-" + id).c_str(), size) && pointerDidNotDrag()) {
    t = TextEditing{};
    t.fieldId = id;
  }
  const ImVec2 max(min.x + size.x, min.y + size.y);
  if (ImGui::IsItemVisible()) ui.rememberButton("field-" + id, min, max);
  if (editing && ImGui::IsItemVisible() && ImGui::GetScrollMaxY() > 0 && max.y > ImGui::GetWindowPos().y + ImGui::GetWindowHeight())
    ImGui::SetScrollHereY(0.2f); // keep the edited field in view above the keyboard
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, theme::kPanel, f * 0.3f);
  dl->AddRect(min, max, t.fieldId == id ? theme::kPrimary : theme::kFieldBorder, f * 0.3f, 0,
              t.fieldId == id ? f * 0.12f : std::max(3.0f, f * 0.1f));
  const float pad = f * 0.4f;
  const bool empty = value.empty();
  const std::string shown = empty ? std::string(hint) : value + (t.fieldId == id ? "|" : "");
  dl->PushClipRect(min, max, true);
  dl->AddText(ImGui::GetFont(), f, ImVec2(min.x + pad, min.y + pad), empty ? theme::kMutedText : theme::kText,
              shown.c_str(), nullptr, size.x - 2 * pad);
  dl->PopClipRect();
  if (maxChars > 0) {
    const size_t n = characterCount(value);
    const std::string counter = std::to_string(n) + " / " + std::to_string(maxChars);
    const float cw = ImGui::CalcTextSize(counter.c_str()).x * 0.8f;
    dl->AddText(ImGui::GetFont(), f * 0.8f, ImVec2(max.x - cw - pad, max.y + f * 0.1f),
                n > maxChars ? theme::kError : theme::kMutedText, counter.c_str());
    ImGui::Dummy(ImVec2(1, f * 0.8f));
  }
}

float keyboardHeight(const TextEditing& editing) {
  return editing.fieldId.empty() ? 0.0f : ImGui::GetMainViewport()->Size.y * 0.42f;
}

float onScreenKeyboard(KioskUi& ui, TextEditing& t) {
  if (t.fieldId.empty()) return 0;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float height = keyboardHeight(t);
  const float f = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::kKeyboard);
  ImGui::Begin("keyboard", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  static const std::array<const char*, 4> kRows = {"1 2 3 4 5 6 7 8 9 0 +", "q w e r t y u i o p å",
                                                   "a s d f g h j k l ö ä", "z x c v b n m , . - ?"};
  const float gap = f * 0.25f;
  const float keyH = (height - f * 0.6f - 4 * gap) / 5.0f;
  const float keyW = (vp->Size.x - f * 0.8f - 10 * gap) / 11.0f;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  ImGui::SetCursorPos(ImVec2(f * 0.4f, f * 0.3f));
  for (size_t r = 0; r < kRows.size(); ++r) {
    ImGui::SetCursorPosX(f * 0.4f);
    const std::u32string keys = decodeUtf8(kRows[r]);
    int k = 0;
    for (char32_t c : keys) {
      if (c == U' ') continue;
      const std::string label = encodeUtf8(t.shift && c >= U'a' ? c - 32 : c); // a–z, å ä ö
      if (k++ > 0) ImGui::SameLine();
      if (actionButton(ui, "key-" + encodeUtf8(c), label, theme::kPanel, keyW, keyH / f)) {
        t.pendingInput += label;
        t.shift = false;
      }
    }
  }
  ImGui::SetCursorPosX(f * 0.4f);
  if (actionButton(ui, "key-shift", "⇧ Stor", t.shift ? theme::kPrimary : theme::kPanel, keyW * 2 + gap, keyH / f))
    t.shift = !t.shift;
  ImGui::SameLine();
  if (actionButton(ui, "key-space", "mellanslag", theme::kPanel, keyW * 5 + gap * 4, keyH / f)) t.pendingInput += " ";
  ImGui::SameLine();
  if (actionButton(ui, "key-backspace", "⌫ Sudda", theme::kPanel, keyW * 2 + gap, keyH / f)) ++t.pendingBackspaces;
  ImGui::SameLine();
  if (actionButton(ui, "key-done", "Klar", theme::kYes, keyW * 2 + gap, keyH / f)) t.pendingEnter = true;
  ImGui::PopStyleVar();
  ImGui::End();
  ImGui::PopStyleColor();
  return height;
}

bool numericKeypad(KioskUi& ui, std::string& digits, size_t maxDigits, float keySize, size_t minDigits) {
  const float f = ImGui::GetFontSize();
  const float gap = f * 0.5f;
  const float x0 = ImGui::GetCursorPosX();
  bool ok = false;
  static const std::array<const char*, 12> kKeys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"};
  ImGui::PushFont(ui.fonts().large);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  for (size_t i = 0; i < kKeys.size(); ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    else ImGui::SetCursorPosX(x0);
    const std::string key = kKeys[i];
    const bool isOk = key == "OK", isBack = key == "⌫";
    const ImU32 fill = isOk ? theme::kYes : theme::kPanel;
    const float lines = keySize / ImGui::GetFontSize();
    if (actionButton(ui, isOk ? "pin-ok" : isBack ? "pin-back" : "pin-" + key, key, fill, keySize, lines,
                     !isOk || digits.size() >= minDigits)) {
      if (isOk) ok = true;
      else if (isBack) { if (!digits.empty()) digits.pop_back(); }
      else if (digits.size() < maxDigits) digits += key;
    }
  }
  ImGui::PopStyleVar();
  ImGui::PopFont();
  (void)f;
  return ok;
}

void stepTabs(KioskUi& ui, int& step, TextEditing& editing, std::string& message,
              const std::vector<std::string>& labels) {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    const int n = static_cast<int>(i) + 1;
    if (chip(ui, "step-" + std::to_string(n), labels[i], step == n)) {
      step = n;
      editing = TextEditing{};
      message.clear();
    }
  }
}

bool stepFormBar(KioskUi& ui, int& step, std::string& message, const char* saveLabel, float saveWidth, int steps) {
  const float f = ImGui::GetFontSize();
  ImGui::SetCursorPos(ImVec2(f * 0.8f, ImGui::GetWindowSize().y - f * 2.9f));
  const bool save = actionButton(ui, "save", saveLabel, theme::kYes, saveWidth);
  ImGui::SameLine();
  if (step < steps && actionButton(ui, "next", "Nästa", theme::kPrimary, f * 6)) {
    step = step + 1;
    message.clear();
  }
  if (!message.empty()) {
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + f * 0.5f);
    errorText(message, false);
  }
  return save;
}

void drawActivityPictogram(ImDrawList* dl, const std::string& category, ImVec2 c, float s, ImU32 col) {
  const float t = std::max(2.0f, s * 0.08f);
  auto P = [&](float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); };
  if (category == "Skapande") { // a brush over a canvas
    dl->AddRect(P(-0.4f, -0.3f), P(0.2f, 0.35f), col, s * 0.04f, 0, t);
    dl->AddLine(P(0.42f, -0.42f), P(0.0f, 0.1f), col, t * 1.4f);
    dl->AddCircleFilled(P(-0.02f, 0.12f), s * 0.07f, col);
  } else if (category == "Kultur") { // two music notes
    dl->AddCircleFilled(P(-0.22f, 0.25f), s * 0.11f, col);
    dl->AddCircleFilled(P(0.22f, 0.18f), s * 0.11f, col);
    dl->AddLine(P(-0.12f, 0.25f), P(-0.12f, -0.32f), col, t);
    dl->AddLine(P(0.32f, 0.18f), P(0.32f, -0.39f), col, t);
    dl->AddLine(P(-0.12f, -0.32f), P(0.32f, -0.39f), col, t * 1.6f);
  } else if (category == "Natur och trädgård") { // a leaf on a stem
    dl->AddBezierCubic(P(0.0f, 0.4f), P(-0.5f, 0.0f), P(-0.2f, -0.45f), P(0.3f, -0.4f), col, t);
    dl->AddBezierCubic(P(0.0f, 0.4f), P(0.45f, 0.1f), P(0.45f, -0.2f), P(0.3f, -0.4f), col, t);
    dl->AddLine(P(0.0f, 0.45f), P(0.15f, -0.1f), col, t);
  } else if (category == "Arbete") { // a hammer
    dl->AddLine(P(-0.3f, 0.4f), P(0.15f, -0.1f), col, t * 1.6f);
    dl->AddRectFilled(P(0.0f, -0.4f), P(0.42f, -0.1f), col, s * 0.03f);
  } else if (category == "Media och IT") { // a screen
    dl->AddRect(P(-0.42f, -0.32f), P(0.42f, 0.2f), col, s * 0.04f, 0, t);
    dl->AddLine(P(0.0f, 0.2f), P(0.0f, 0.36f), col, t);
    dl->AddLine(P(-0.2f, 0.38f), P(0.2f, 0.38f), col, t);
  } else if (category == "Rörelse och hälsa") { // a running figure
    dl->AddCircleFilled(P(0.1f, -0.35f), s * 0.09f, col);
    dl->AddLine(P(0.05f, -0.22f), P(-0.05f, 0.08f), col, t);
    dl->AddLine(P(-0.05f, 0.08f), P(-0.3f, 0.4f), col, t);
    dl->AddLine(P(-0.05f, 0.08f), P(0.2f, 0.38f), col, t);
    dl->AddLine(P(-0.3f, -0.1f), P(0.3f, -0.15f), col, t);
  } else if (category == "Sinnen") { // an eye
    dl->AddBezierQuadratic(P(-0.45f, 0.0f), P(0.0f, -0.45f), P(0.45f, 0.0f), col, t);
    dl->AddBezierQuadratic(P(-0.45f, 0.0f), P(0.0f, 0.45f), P(0.45f, 0.0f), col, t);
    dl->AddCircleFilled(c, s * 0.12f, col);
  } else if (category == "Djur") { // a paw
    dl->AddCircleFilled(P(0.0f, 0.15f), s * 0.18f, col);
    for (float x : {-0.28f, -0.1f, 0.1f, 0.28f})
      dl->AddCircleFilled(P(x, x * x * 1.2f - 0.25f), s * 0.08f, col);
  } else if (category == "Mat") { // a pot with steam
    dl->AddRectFilled(P(-0.35f, -0.05f), P(0.35f, 0.35f), col, s * 0.08f);
    dl->AddLine(P(-0.45f, -0.05f), P(0.45f, -0.05f), col, t);
    dl->AddBezierQuadratic(P(-0.1f, -0.4f), P(-0.2f, -0.25f), P(-0.1f, -0.12f), col, t * 0.8f);
    dl->AddBezierQuadratic(P(0.1f, -0.4f), P(0.0f, -0.25f), P(0.1f, -0.12f), col, t * 0.8f);
  } else if (category == "Utflykt") { // a bus
    dl->AddRect(P(-0.42f, -0.3f), P(0.42f, 0.22f), col, s * 0.06f, 0, t);
    dl->AddLine(P(-0.42f, -0.05f), P(0.42f, -0.05f), col, t);
    dl->AddCircleFilled(P(-0.22f, 0.28f), s * 0.08f, col);
    dl->AddCircleFilled(P(0.22f, 0.28f), s * 0.08f, col);
  } else if (category == "Gemenskap") { // two people
    dl->AddCircleFilled(P(-0.18f, -0.2f), s * 0.1f, col);
    dl->AddCircleFilled(P(0.18f, -0.2f), s * 0.1f, col);
    dl->AddRectFilled(P(-0.35f, -0.05f), P(-0.02f, 0.35f), col, s * 0.1f);
    dl->AddRectFilled(P(0.02f, -0.05f), P(0.35f, 0.35f), col, s * 0.1f);
  } else if (category == "Studier") { // an open book
    dl->AddQuadFilled(P(-0.42f, -0.25f), P(0.0f, -0.15f), P(0.0f, 0.35f), P(-0.42f, 0.25f), col);
    dl->AddQuad(P(0.42f, -0.25f), P(0.0f, -0.15f), P(0.0f, 0.35f), P(0.42f, 0.25f), col, t);
  } else { // a star for anything else
    dl->AddNgon(c, s * 0.35f, col, 5, t);
  }
}

std::string timeRange(UtcMs start, UtcMs end) {
  return formatHourMinute(toStockholm(start)) + "–" + formatHourMinute(toStockholm(end));
}

// --- complaint register (staff forms) ---------------------------------------------------------

void flowItem(float itemWidth, float& x, float maxX) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  if (x > 0 && x + gap + itemWidth <= maxX) ImGui::SameLine();
  else x = 0;
  x += (x > 0 ? gap : 0) + itemWidth;
}

void dateStepper(KioskUi& ui, const std::string& name, const char* label, LocalDate& date) {
  const float f = ImGui::GetFontSize();
  const float y = ImGui::GetCursorPosY();
  const float x = ImGui::GetCursorPosX();
  ImGui::SetCursorPos(ImVec2(x, y + f * 0.5f));
  ImGui::TextUnformatted(label);
  const float labelW = ImGui::CalcTextSize(label).x;
  ImGui::SetCursorPos(ImVec2(x + labelW + f * 0.5f, y));
  if (actionButton(ui, name + "-minus", "−", theme::kPanel, f * 2.4f)) date = civilFromDays(daysFromCivil(date) - 1);
  ImGui::PushFont(ui.fonts().large);
  const std::string iso = formatIsoDate(date);
  const float textW = ImGui::CalcTextSize(iso.c_str()).x;
  ImGui::SetCursorPos(ImVec2(x + labelW + f * 3.4f, y + f * 0.2f));
  ImGui::TextUnformatted(iso.c_str());
  ImGui::PopFont();
  ImGui::SetCursorPos(ImVec2(x + labelW + f * 3.9f + textW, y));
  if (actionButton(ui, name + "-plus", "+", theme::kPanel, f * 2.4f)) date = civilFromDays(daysFromCivil(date) + 1);
}

} // namespace dagverk::ui
