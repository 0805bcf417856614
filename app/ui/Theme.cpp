#include "ui/Theme.hpp"

#include <array>
#include <cstdint>

namespace dagverk::ui::theme {

namespace {
Appearance gAppearance;
}

const Appearance& appearance() { return gAppearance; }
bool highContrast() { return gAppearance.theme == ThemeKind::HighContrast; }

void setAppearance(const Appearance& a) {
  gAppearance = a;
  gPalette = a.theme == ThemeKind::HighContrast ? kHighContrastPalette : kStandardPalette;
  if (ImGui::GetCurrentContext()) applyStyle(ImGui::GetStyle().ItemSpacing.x / 0.6f);
}

float baseFontSize(int displayHeight) { return static_cast<float>(displayHeight) / 25.0f; }

bool loadFonts(Fonts& fonts, const std::string& regularTtf, const std::string& boldTtf, float base) {
  ImGuiIO& io = ImGui::GetIO();
  // Latin-1 (å ä ö é ü), Latin Extended-A, General Punctuation (– — ’ ” …).
  // Arrows (⇧), Miscellaneous Technical (⌫) and the check marks (✓ ✗) for keys and marks.
  static const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x2190, 0x21FF,
                                        0x2212, 0x2212, 0x2300, 0x23FF, 0x2713, 0x2717, 0};
  static const ImWchar kDigits[] = {0x0020, 0x003A, 0};
  io.Fonts->Clear();
  const float scale = gAppearance.textScale;
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  fonts.body = io.Fonts->AddFontFromFileTTF(regularTtf.c_str(), base, &cfg, kTextRanges);
  fonts.large = io.Fonts->AddFontFromFileTTF(boldTtf.c_str(), base * 1.5f * scale, &cfg, kTextRanges);
  fonts.title = io.Fonts->AddFontFromFileTTF(boldTtf.c_str(), base * 2.2f * scale, &cfg, kTextRanges);
  fonts.clock = io.Fonts->AddFontFromFileTTF(boldTtf.c_str(), base * 4.5f, &cfg, kDigits);
  return fonts.body && fonts.large && fonts.title && fonts.clock;
}

void applyStyle(float f) {
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowPadding = ImVec2(f * 0.8f, f * 0.6f);
  s.ItemSpacing = ImVec2(f * 0.6f, f * 0.6f);
  s.FramePadding = ImVec2(f * 0.6f, f * 0.4f);
  s.FrameRounding = f * 0.4f;
  s.WindowRounding = 0;
  s.WindowBorderSize = 0;
  s.ScrollbarSize = f * 0.9f;
  s.ScrollbarRounding = f * 0.45f;
  s.TouchExtraPadding = ImVec2(f * 0.2f, f * 0.2f);
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(kBackground);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(kText);
  c[ImGuiCol_ScrollbarBg] = highContrast() ? ImVec4(0.85f, 0.85f, 0.85f, 1.0f) : ImVec4(0.90f, 0.88f, 0.84f, 1.0f);
  c[ImGuiCol_ScrollbarGrab] = highContrast() ? ImVec4(0.2f, 0.2f, 0.2f, 1.0f) : ImVec4(0.40f, 0.45f, 0.50f, 1.0f);
  c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrab];
  c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.35f, 0.40f, 0.45f, 1.0f);
}

ImU32 tileColour(const std::string& id) {
  static constexpr std::array<ImU32, 8> kPalette = {
      IM_COL32(0x4E, 0x6E, 0xA6, 0xFF), IM_COL32(0x74, 0x58, 0x9E, 0xFF), IM_COL32(0x2F, 0x7F, 0x7A, 0xFF),
      IM_COL32(0xA8, 0x58, 0x3E, 0xFF), IM_COL32(0x7A, 0x6A, 0x2A, 0xFF), IM_COL32(0x46, 0x74, 0x40, 0xFF),
      IM_COL32(0x96, 0x44, 0x64, 0xFF), IM_COL32(0x52, 0x60, 0x70, 0xFF)};
  std::uint32_t h = 2166136261u; // FNV-1a: the same colour on every machine
  for (unsigned char ch : id) h = (h ^ ch) * 16777619u;
  h ^= h >> 16; // mix the high bits down: ids differ mostly in their last characters
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  const ImU32 c = kPalette[h % kPalette.size()];
  if (!highContrast()) return c;
  // Two thirds of each channel: white initials reach 7:1 on every colour of the palette.
  auto dark = [&](int shift) { return ((c >> shift) & 0xFFu) * 2u / 3u; };
  return IM_COL32(dark(IM_COL32_R_SHIFT), dark(IM_COL32_G_SHIFT), dark(IM_COL32_B_SHIFT), 0xFF);
}

} // namespace dagverk::ui::theme
