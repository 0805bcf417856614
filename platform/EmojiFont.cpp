#include "platform/EmojiFont.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace dagverk::platform {

std::filesystem::path emojiFontPath() {
  if (const char* env = std::getenv("DAGVERK_EMOJI_FONT"); env && *env) return env;
  return "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
}

struct EmojiFont::Impl {
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  ~Impl() {
    if (face) FT_Done_Face(face);
    if (library) FT_Done_FreeType(library);
  }
};

EmojiFont::EmojiFont(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EmojiFont::~EmojiFont() = default;

std::unique_ptr<EmojiFont> EmojiFont::open(const std::filesystem::path& file) {
  auto impl = std::make_unique<Impl>();
  if (FT_Init_FreeType(&impl->library) != 0) return nullptr;
  if (FT_New_Face(impl->library, file.c_str(), 0, &impl->face) != 0) return nullptr;
  // A colour bitmap font has fixed strikes only; take the largest, scaled down when drawn.
  if (!FT_HAS_COLOR(impl->face) || impl->face->num_fixed_sizes < 1) return nullptr;
  int best = 0;
  for (int i = 1; i < impl->face->num_fixed_sizes; ++i)
    if (impl->face->available_sizes[i].height > impl->face->available_sizes[best].height) best = i;
  if (FT_Select_Size(impl->face, best) != 0) return nullptr;
  return std::unique_ptr<EmojiFont>(new EmojiFont(std::move(impl)));
}

bool EmojiFont::hasGlyph(char32_t codePoint) const { return FT_Get_Char_Index(impl_->face, codePoint) != 0; }

RgbaImage EmojiFont::render(char32_t codePoint, int size) const {
  RgbaImage out;
  const FT_UInt index = FT_Get_Char_Index(impl_->face, codePoint);
  if (index == 0 || size < 1 || size > 1024) return out;
  if (FT_Load_Glyph(impl_->face, index, FT_LOAD_COLOR) != 0) return out;
  const FT_Bitmap& bm = impl_->face->glyph->bitmap;
  if (bm.pixel_mode != FT_PIXEL_MODE_BGRA || bm.width == 0 || bm.rows == 0) return out;
  const int sw = static_cast<int>(bm.width), sh = static_cast<int>(bm.rows);
  // Fit the strike (136×128 in Noto) into the square, keeping its shape.
  const double scale = std::min(static_cast<double>(size) / sw, static_cast<double>(size) / sh);
  const int dw = std::max(1, static_cast<int>(std::lround(sw * scale)));
  const int dh = std::max(1, static_cast<int>(std::lround(sh * scale)));
  const int ox = (size - dw) / 2, oy = (size - dh) / 2;
  out.width = out.height = size;
  out.rgba.assign(static_cast<size_t>(size) * static_cast<size_t>(size) * 4, 0);
  // Area averaging over premultiplied BGRA (FreeType's colour bitmaps are premultiplied), so
  // edges blend without dark fringes; then back to straight alpha for the texture.
  const double step = 1.0 / scale;
  for (int y = 0; y < dh; ++y) {
    const double y0 = y * step, y1 = std::min<double>(sh, (y + 1) * step);
    for (int x = 0; x < dw; ++x) {
      const double x0 = x * step, x1 = std::min<double>(sw, (x + 1) * step);
      double acc[4] = {0, 0, 0, 0}, area = 0;
      for (int sy = static_cast<int>(y0); sy < sh && sy < y1; ++sy) {
        const double wy = std::min<double>(sy + 1, y1) - std::max<double>(sy, y0);
        const unsigned char* row = bm.buffer + static_cast<std::ptrdiff_t>(sy) * bm.pitch;
        for (int sx = static_cast<int>(x0); sx < sw && sx < x1; ++sx) {
          const double w = wy * (std::min<double>(sx + 1, x1) - std::max<double>(sx, x0));
          const unsigned char* px = row + sx * 4;
          for (int c = 0; c < 4; ++c) acc[c] += w * px[c];
          area += w;
        }
      }
      if (area <= 0) continue;
      const double a = acc[3] / area;
      unsigned char* o = &out.rgba[(static_cast<size_t>(oy + y) * static_cast<size_t>(size) + static_cast<size_t>(ox + x)) * 4];
      if (a < 0.5) continue;
      auto straight = [&](double premul) {
        return static_cast<unsigned char>(std::clamp(std::lround(premul / area * 255.0 / a), 0L, 255L));
      };
      o[0] = straight(acc[2]); // B G R A -> R G B A
      o[1] = straight(acc[1]);
      o[2] = straight(acc[0]);
      o[3] = static_cast<unsigned char>(std::clamp(std::lround(a), 0L, 255L));
    }
  }
  return out;
}

} // namespace dagverk::platform
