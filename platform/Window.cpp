#include "platform/Window.hpp"

#include "core/Error.hpp"
#include "platform/Log.hpp"
#include "platform/PhotoFile.hpp"
#include "platform/Screenshot.hpp"

#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace dagverk::platform {

namespace {
struct LeakCheckPause {
#if defined(__SANITIZE_ADDRESS__)
  LeakCheckPause() { __lsan_disable(); }
  ~LeakCheckPause() { __lsan_enable(); }
#endif
  LeakCheckPause(const LeakCheckPause&) = delete;
  LeakCheckPause& operator=(const LeakCheckPause&) = delete;
#if !defined(__SANITIZE_ADDRESS__)
  LeakCheckPause() = default;
#endif
};
} // namespace

Window::Window(const WindowOptions& options) {
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0"); // we read fingers ourselves
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  // SDL's start-up loads system libraries (D-Bus and friends) that keep a few allocations for
  // the life of the process and are unloaded at SDL_Quit; LeakSanitizer cannot tell those from
  // ours. Allocations made while it is disabled here are not reported; ours elsewhere still are.
  [[maybe_unused]] const LeakCheckPause pause;
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
    throw std::runtime_error(std::string("SDL_Init failed: ") + SDL_GetError());
  const char* driver = SDL_GetCurrentVideoDriver();
  software_ = options.software || (driver && std::strcmp(driver, "offscreen") == 0);
  // Only these SDL 2.26 drivers can block in SDL_WaitEventTimeout without spinning.
  canBlock_ = false;
  for (const char* blocking : {"x11", "wayland", "windows", "cocoa"})
    if (driver && std::strcmp(driver, blocking) == 0) canBlock_ = true;
  // A software renderer draws into the window's surface. Without this hint SDL backs that
  // surface with an OpenGL texture, which on the offscreen driver loads Mesa and LLVM (slow to
  // start, and their thread-local storage is torn down at SDL_Quit under LeakSanitizer's feet).
  if (software_) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  // Under a Wayland compositor (cage), SDL 2.26's desktop-OpenGL renderer re-creates the window
  // and loses its Wayland shell surface: the kiosk draws into a surface nobody shows (a black
  // screen). OpenGL ES 2 keeps the window. SDL_RENDER_DRIVER in the environment still wins.
  if (!software_ && driver && std::strcmp(driver, "wayland") == 0)
    SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, "opengles2", SDL_HINT_DEFAULT);
  window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                             options.height, flags);
  if (!window_) throw std::runtime_error(std::string("SDL_CreateWindow failed: ") + SDL_GetError());
  renderer_ = SDL_CreateRenderer(window_, -1, software_ ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED);
  if (!renderer_ && !software_) {
    logInfo("accelerated renderer unavailable, using software");
    software_ = true;
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
  }
  if (!renderer_) throw std::runtime_error(std::string("SDL_CreateRenderer failed: ") + SDL_GetError());
  SDL_GetRendererOutputSize(renderer_, &width_, &height_);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr; // a kiosk keeps no window layout file
  io.LogFilename = nullptr;
  ImGui_ImplSDL2_InitForSDLRenderer(window_);
  ImGui_ImplSDLRenderer_Init(renderer_);
}

Window::~Window() {
  [[maybe_unused]] const LeakCheckPause pause; // SDL_Quit tears down the same system libraries
  for (auto& [path, tex] : pictures_)
    if (tex) SDL_DestroyTexture(tex);
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

bool Window::handle(const SDL_Event& e) {
  if (e.type == SDL_QUIT) {
    quit_ = true;
    return true;
  }
  if (pointer_.handle(e, width_, height_)) return true;
  if (e.type == SDL_WINDOWEVENT) {
    if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) SDL_GetRendererOutputSize(renderer_, &width_, &height_);
    ImGui_ImplSDL2_ProcessEvent(&e);
    return true;
  }
  if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) {
    const SDL_Scancode sc = e.key.keysym.scancode;
    if (sc == SDL_SCANCODE_RETURN || sc == SDL_SCANCODE_KP_ENTER || sc == SDL_SCANCODE_BACKSPACE ||
        sc == SDL_SCANCODE_ESCAPE || sc == SDL_SCANCODE_TAB) {
      if (e.type == SDL_KEYDOWN) keyPresses_.push_back(sc); // replayed a frame each in beginFrame
      return true;
    }
  }
  if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT) {
    ImGui_ImplSDL2_ProcessEvent(&e);
    return true;
  }
  return false;
}

bool Window::pumpEvents(int timeoutMs) {
  [[maybe_unused]] const LeakCheckPause pause; // SDL's event pump runs inside the same system libraries
  bool any = false;
  SDL_Event e;
  if (timeoutMs > 0) {
    if (canBlock_) {
      if (SDL_WaitEventTimeout(&e, timeoutMs)) any |= handle(e);
    } else {
      // Drivers without a blocking wait (offscreen, dummy, kmsdrm in SDL 2.26) make
      // SDL_WaitEventTimeout spin every millisecond. Sleep in short slices instead: at most
      // kPollSliceMs of added touch latency, and an idle kiosk stays asleep.
      constexpr int kPollSliceMs = 20;
      const Uint32 until = SDL_GetTicks() + static_cast<Uint32>(timeoutMs);
      while (!SDL_PollEvent(&e)) {
        const Uint32 now = SDL_GetTicks();
        if (SDL_TICKS_PASSED(now, until)) return false;
        SDL_Delay(std::min<Uint32>(static_cast<Uint32>(kPollSliceMs), until - now));
      }
      any |= handle(e);
    }
  }
  while (SDL_PollEvent(&e)) any |= handle(e);
  return any;
}

void Window::fontsChanged() { ImGui_ImplSDLRenderer_DestroyFontsTexture(); }

void Window::beginFrame() {
  {
    [[maybe_unused]] const LeakCheckPause pause;
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
  }
  pointer_.applyToImGui(); // overrides the backend's polled mouse state with our queued events
  ImGuiIO& io = ImGui::GetIO();
  if (heldKey_ >= 0) { // a replayed key press goes up the frame after it went down
    io.KeysDown[heldKey_] = false;
    heldKey_ = -1;
  } else if (!keyPresses_.empty()) {
    heldKey_ = keyPresses_.front();
    keyPresses_.pop_front();
    io.KeysDown[heldKey_] = true;
  }
  ImGui::NewFrame();
}

void Window::endFrame(const std::string& screenshotPath) {
  ImGui::Render();
  [[maybe_unused]] const LeakCheckPause pause; // the renderer's own calls into SDL
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
  SDL_RenderClear(renderer_);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  if (!screenshotPath.empty()) saveScreenshotPng(renderer_, screenshotPath);
  SDL_RenderPresent(renderer_);
}

void* Window::pictureTexture(const std::string& path) {
  auto cached = pictures_.find(path);
  if (cached != pictures_.end()) return cached->second;
  SDL_Texture*& slot = pictures_[path];
  // Photo files may come from a USB stick: decoded only as PNG or JPEG within the limits of
  // core/InputLimits.hpp (platform/PhotoFile). A refused photo is shown as no photo, once, and
  // logged without its file name, which may be a person's name.
  DecodedPhoto photo;
  try {
    photo = readPhotoFile(path);
  } catch (const DagverkError& e) {
    logError(e.english());
    slot = nullptr;
    return nullptr;
  }
  SDL_Texture* tex =
      SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, photo.width, photo.height);
  if (tex) {
    SDL_UpdateTexture(tex, nullptr, photo.rgba.data(), photo.width * 4);
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
  }
  slot = tex;
  return tex;
}

void* Window::imageTexture(const std::string& name, const RgbaImage& image) {
  // Photos and images share one cache and one clean-up; a prefix keeps their names apart.
  SDL_Texture*& slot = pictures_["image:" + name];
  if (slot || image.rgba.empty()) return slot;
  slot = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, image.width, image.height);
  if (slot) {
    SDL_UpdateTexture(slot, nullptr, image.rgba.data(), image.width * 4);
    SDL_SetTextureBlendMode(slot, SDL_BLENDMODE_BLEND);
  }
  return slot;
}

void* Window::cachedImageTexture(const std::string& name) const {
  auto it = pictures_.find("image:" + name);
  return it == pictures_.end() ? nullptr : it->second;
}

} // namespace dagverk::platform
