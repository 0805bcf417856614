#pragma once
// Touch and mouse as one pointer for ImGui. SDL events are queued and replayed one button
// change per frame, so a tap shorter than a frame (or pushed by a test) is never lost.
#include <SDL.h>

#include <deque>

namespace dagverk::platform {

class PointerInput {
public:
  // Takes SDL mouse and finger events; returns false for events it does not handle.
  bool handle(const SDL_Event& e, int windowWidth, int windowHeight);
  // Applies queued motion and at most one button change to ImGui's IO. Call after NewFrame
  // of the backends and before ImGui::NewFrame.
  void applyToImGui();
  bool hasPending() const { return !queue_.empty(); }

private:
  struct Step {
    float x, y;
    int button; // -1 motion only, 0 up, 1 down
  };
  std::deque<Step> queue_;
  float x_ = -1.0e6f, y_ = -1.0e6f;
  bool down_ = false;
};

} // namespace dagverk::platform
