#pragma once
// How the kiosk looks: the colour theme and the text scale (kiosk settings `theme` and
// `text_size`). High contrast puts every text at 7:1 or more against its background; the
// larger text sizes help those who see poorly.
#include <optional>
#include <string>

namespace dagverk {

enum class ThemeKind { Standard, HighContrast };

struct Appearance {
  ThemeKind theme = ThemeKind::Standard;
  float textScale = 1.0f; // 1, 1.25 or 1.5
  bool operator==(const Appearance& o) const { return theme == o.theme && textScale == o.textScale; }
  bool operator!=(const Appearance& o) const { return !(*this == o); }
};

inline constexpr const char* kSettingTheme = "theme";
inline constexpr const char* kSettingTextSize = "text_size";

inline std::optional<ThemeKind> parseTheme(const std::string& text) {
  if (text == "standard") return ThemeKind::Standard;
  if (text == "high-contrast") return ThemeKind::HighContrast;
  return std::nullopt;
}

inline const char* formatTheme(ThemeKind t) { return t == ThemeKind::HighContrast ? "high-contrast" : "standard"; }

// Only the three sizes the screens are checked at are accepted.
inline std::optional<float> parseTextScale(const std::string& text) {
  if (text == "1") return 1.0f;
  if (text == "1.25") return 1.25f;
  if (text == "1.5") return 1.5f;
  return std::nullopt;
}

inline const char* formatTextScale(float s) { return s >= 1.5f ? "1.5" : s >= 1.25f ? "1.25" : "1"; }

} // namespace dagverk
