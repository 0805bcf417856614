#pragma once
// Colour emoji from a font file (Noto Color Emoji's CBDT bitmaps) through FreeType, as RGBA
// images for textures. ImGui 1.86 here has 16-bit ImWchar, so emoji above U+FFFF cannot be
// font glyphs: each is drawn as its own image instead.
#include <filesystem>
#include <memory>
#include <vector>

namespace dagverk::platform {

// Straight (not premultiplied) RGBA, rows top to bottom.
struct RgbaImage {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;
};

// Debian's fonts-noto-color-emoji, or $DAGVERK_EMOJI_FONT when set (tests point it elsewhere).
std::filesystem::path emojiFontPath();

class EmojiFont {
public:
  // nullptr when the file is missing or not a colour font FreeType can read (never throws).
  static std::unique_ptr<EmojiFont> open(const std::filesystem::path& file);
  ~EmojiFont();
  EmojiFont(const EmojiFont&) = delete;
  EmojiFont& operator=(const EmojiFont&) = delete;

  bool hasGlyph(char32_t codePoint) const;
  // The glyph as a size×size image, the bitmap strike scaled down by area averaging (smooth at
  // any size, no ringing) and centred; an empty image if the glyph is missing or the size is not
  // 1..1024.
  RgbaImage render(char32_t codePoint, int size) const;

private:
  struct Impl;
  explicit EmojiFont(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

} // namespace dagverk::platform
