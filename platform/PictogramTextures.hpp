#pragma once
// Colour emoji as textures for the screens' pictograms: the emoji font opened on first use,
// each glyph rendered once per size step and kept until the window closes. Without the font
// (fonts-noto-color-emoji not installed) every request answers nullptr and one line is logged.
#include "platform/EmojiFont.hpp"
#include "platform/Window.hpp"

#include <filesystem>
#include <memory>

namespace dagverk::platform {

class PictogramTextures {
public:
  PictogramTextures(Window& window, std::filesystem::path fontFile);
  // The glyph as a texture for a square about `pixels` wide: rendered at the next multiple of
  // 16 px up (16..512), so a few sizes serve every screen and the scale-down stays smooth.
  // nullptr without the font or the glyph.
  void* texture(char32_t codePoint, float pixels);
  // False once the font was tried and could not be opened.
  bool fontAvailable();

private:
  Window& window_;
  std::filesystem::path fontFile_;
  std::unique_ptr<EmojiFont> font_;
  bool tried_ = false;
};

} // namespace dagverk::platform
