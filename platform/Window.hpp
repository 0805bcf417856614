#pragma once
// The SDL window and renderer with Dear ImGui on top, and the idle-aware frame loop.
#include "platform/EmojiFont.hpp"
#include "platform/PointerInput.hpp"

#include <SDL.h>

#include <deque>
#include <map>
#include <functional>
#include <string>

namespace dagverk::platform {

struct WindowOptions {
  int width = 1280;         // logical window size; a 10-inch tablet is 1280×800
  int height = 800;
  bool fullscreen = false;  // a kiosk runs fullscreen
  bool software = false;    // force the software renderer (also chosen under SDL_VIDEODRIVER=offscreen)
  std::string title = "Dagverk";
};

class Window {
public:
  explicit Window(const WindowOptions& options); // throws std::runtime_error with SDL's message
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  SDL_Renderer* renderer() const { return renderer_; }
  bool isSoftware() const { return software_; }
  int width() const { return width_; }
  int height() const { return height_; }

  // Waits up to timeoutMs for events (0: do not wait) and feeds them to ImGui.
  // Returns true if anything arrived that should be drawn. Sets quitRequested() on SDL_QUIT.
  bool pumpEvents(int timeoutMs);
  bool quitRequested() const { return quit_; }
  bool hasPendingInput() const { return pointer_.hasPending() || !keyPresses_.empty() || heldKey_ >= 0; }

  void beginFrame();
  // Renders ImGui's draw data; if screenshotPath is set, saves the frame as PNG first.
  void endFrame(const std::string& screenshotPath = {});

  // A picture file (PNG/JPEG) as a texture for ImGui, loaded once and kept until the window
  // closes; nullptr if it cannot be read (then the caller draws initials).
  void* pictureTexture(const std::string& path);
  // An RGBA image (e.g. a pictogram) as a texture kept under `name` until the window closes:
  // made from `image` the first time a name is asked for; nullptr for an empty image.
  void* imageTexture(const std::string& name, const RgbaImage& image);
  void* cachedImageTexture(const std::string& name) const; // nullptr until made
  // After ImGui's font atlas was rebuilt (a new text size): the next frame uploads it again.
  void fontsChanged();

private:
  bool handle(const SDL_Event& e);
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  PointerInput pointer_;
  // Enter, Backspace and the like from a USB keyboard or badge scanner: a scanner sends key
  // down and up within one frame, which ImGui 1.86 (key state only) would miss. Each press is
  // replayed as one frame down, one frame up.
  std::deque<int> keyPresses_;
  int heldKey_ = -1;
  int width_ = 0, height_ = 0;
  bool software_ = false;
  bool canBlock_ = false; // the video driver has a real blocking wait
  std::map<std::string, SDL_Texture*> pictures_;
  bool quit_ = false;
};

} // namespace dagverk::platform
