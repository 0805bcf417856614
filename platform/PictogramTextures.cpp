#include "platform/PictogramTextures.hpp"

#include "platform/Log.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace dagverk::platform {

PictogramTextures::PictogramTextures(Window& window, std::filesystem::path fontFile)
    : window_(window), fontFile_(std::move(fontFile)) {}

bool PictogramTextures::fontAvailable() {
  if (!tried_) {
    tried_ = true;
    font_ = EmojiFont::open(fontFile_);
    if (!font_) logError("emoji font " + fontFile_.string() + " missing or unreadable; drawing shapes instead of pictograms");
  }
  return font_ != nullptr;
}

void* PictogramTextures::texture(char32_t codePoint, float pixels) {
  const int size = std::clamp(static_cast<int>(std::ceil(std::max(pixels, 1.0f) / 16.0f)) * 16, 16, 512);
  const std::string name = "emoji:" + std::to_string(static_cast<unsigned long>(codePoint)) + "@" + std::to_string(size);
  if (void* cached = window_.cachedImageTexture(name)) return cached;
  if (!fontAvailable()) return nullptr;
  return window_.imageTexture(name, font_->render(codePoint, size));
}

} // namespace dagverk::platform
