#pragma once
#include <SDL.h>

#include <string>

namespace dagverk::platform {

// Reads the renderer's current target and writes it as a PNG. Returns false on failure.
bool saveScreenshotPng(SDL_Renderer* renderer, const std::string& path);

} // namespace dagverk::platform
