#include "platform/PointerInput.hpp"

#include <imgui.h>

namespace dagverk::platform {

bool PointerInput::handle(const SDL_Event& e, int windowWidth, int windowHeight) {
  switch (e.type) {
  case SDL_MOUSEMOTION:
    if (e.motion.which == SDL_TOUCH_MOUSEID) return true; // the finger event already counted
    queue_.push_back({static_cast<float>(e.motion.x), static_cast<float>(e.motion.y), -1});
    return true;
  case SDL_MOUSEBUTTONDOWN:
  case SDL_MOUSEBUTTONUP:
    if (e.button.which == SDL_TOUCH_MOUSEID) return true;
    if (e.button.button != SDL_BUTTON_LEFT) return true;
    queue_.push_back({static_cast<float>(e.button.x), static_cast<float>(e.button.y),
                      e.type == SDL_MOUSEBUTTONDOWN ? 1 : 0});
    return true;
  case SDL_FINGERDOWN:
  case SDL_FINGERUP:
  case SDL_FINGERMOTION: {
    const float fx = e.tfinger.x * static_cast<float>(windowWidth);
    const float fy = e.tfinger.y * static_cast<float>(windowHeight);
    const int button = e.type == SDL_FINGERDOWN ? 1 : e.type == SDL_FINGERUP ? 0 : -1;
    queue_.push_back({fx, fy, button});
    return true;
  }
  default:
    return false;
  }
}

void PointerInput::applyToImGui() {
  // Motion first (all of it up to the next button change), then one button change.
  while (!queue_.empty()) {
    const Step s = queue_.front();
    if (s.button >= 0) {
      if (s.x != x_ || s.y != y_) {
        // Move there this frame; press or release on the next, so ImGui sees the hover first.
        x_ = s.x;
        y_ = s.y;
        break;
      }
      down_ = s.button == 1;
      queue_.pop_front();
      break;
    }
    x_ = s.x;
    y_ = s.y;
    queue_.pop_front();
  }
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(x_, y_);
  io.MouseDown[0] = down_;
  io.MouseDown[1] = io.MouseDown[2] = false;
}

} // namespace dagverk::platform
