#include "platform/Screenshot.hpp"

#include "platform/Log.hpp"

#include <stb/stb_image_write.h>

#include <vector>

namespace dagverk::platform {

bool saveScreenshotPng(SDL_Renderer* renderer, const std::string& path) {
  int w = 0, h = 0;
  if (SDL_GetRendererOutputSize(renderer, &w, &h) != 0) return false;
  std::vector<unsigned char> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), w * 4) != 0) {
    logError(std::string("screenshot: read pixels failed: ") + SDL_GetError());
    return false;
  }
  for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255; // opaque
  if (stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4) == 0) {
    logError("screenshot: cannot write " + path);
    return false;
  }
  return true;
}

} // namespace dagverk::platform
