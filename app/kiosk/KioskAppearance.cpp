// The kiosk's theme and text size: read from the `setting` table, applied to the palette and
// the fonts between frames, and changed by an admin in staff mode ("Utseende").
#include "kiosk/KioskApp.hpp"

#include "core/Error.hpp"
#include "platform/Log.hpp"
#include "platform/Paths.hpp"
#include "ui/Theme.hpp"

namespace dagverk::kiosk {

namespace {
// What the settings say; an unreadable value is logged and the default used, so a bad row
// never keeps the kiosk from starting.
Appearance storedAppearance(store::KioskStore& store) {
  Appearance a;
  if (const auto t = store.settings().value(kSettingTheme)) {
    if (const auto parsed = parseTheme(*t)) a.theme = *parsed;
    else platform::logError("setting theme is not standard or high-contrast; the standard theme is used");
  }
  if (const auto s = store.settings().value(kSettingTextSize)) {
    if (const auto parsed = parseTextScale(*s)) a.textScale = *parsed;
    else platform::logError("setting text_size is not 1, 1.25 or 1.5; text size 1 is used");
  }
  return a;
}
} // namespace

void KioskApp::applyStoredAppearance(bool first) {
  const Appearance a = storedAppearance(store_);
  model_.appearance = a;
  if (!first && a == ui::theme::appearance()) return;
  const bool newFonts = first || a.textScale != ui::theme::appearance().textScale;
  ui::theme::setAppearance(a);
  const float base = ui::theme::baseFontSize(window_->height());
  if (newFonts) {
    const std::string regular = platform::findFont(false), bold = platform::findFont(true);
    if (regular.empty() || bold.empty() || !ui::theme::loadFonts(ui_->fonts(), regular, bold, base))
      throw DagverkError(ErrorCode::Storage, "Typsnittet saknas (fonts-dejavu-core).",
                         "font DejaVuSans not found; install fonts-dejavu-core or set DAGVERK_FONT_DIR");
    ImGui::GetIO().FontDefault = ui_->fonts().body;
    if (!first) window_->fontsChanged();
  }
  ui::theme::applyStyle(base);
}

std::string KioskApp::saveAppearance(const std::string& staffId, const Appearance& a) {
  const StaffMember* s = nullptr;
  for (const auto& m : model_.staff)
    if (m.id == staffId) s = &m;
  if (!s || s->role != StaffRole::Admin) {
    platform::logInfo("appearance change refused: not an admin");
    return "Bara en administratör kan ändra utseendet.";
  }
  try {
    store_.settings().setValues({{kSettingTheme, formatTheme(a.theme)}, {kSettingTextSize, formatTextScale(a.textScale)}});
  } catch (const DagverkError& e) {
    platform::logError(std::string("appearance not saved: ") + e.english());
    return e.swedish();
  }
  return {};
}

} // namespace dagverk::kiosk
