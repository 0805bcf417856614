// bench_bare_window: the least an SDL2 + Dear ImGui program does to show a frame, as the
// baseline for bench_cold_start and bench_idle. Same window size, renderer choice, ImGui
// backends and fonts (DejaVu Sans, the kiosk's four sizes and glyph ranges) as the kiosk.
//
//   bench_bare_window          render one frame (a window with a button), present, exit
//   bench_bare_window --idle   render one frame, then wait in SDL_WaitEventTimeout(1000)
//                              without rendering until SDL_QUIT (SIGTERM)
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

constexpr const char* kRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// As app/ui/Theme.cpp loadFonts: body regular at base, large/title/clock bold at 1.5/2.2/4.5.
bool loadFonts(float base) {
  ImGuiIO& io = ImGui::GetIO();
  static const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0};
  static const ImWchar kDigits[] = {0x0020, 0x003A, 0};
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  ImFont* body = io.Fonts->AddFontFromFileTTF(kRegular, base, &cfg, kTextRanges);
  ImFont* large = io.Fonts->AddFontFromFileTTF(kBold, base * 1.5f, &cfg, kTextRanges);
  ImFont* title = io.Fonts->AddFontFromFileTTF(kBold, base * 2.2f, &cfg, kTextRanges);
  ImFont* clock = io.Fonts->AddFontFromFileTTF(kBold, base * 4.5f, &cfg, kDigits);
  io.FontDefault = body;
  return body && large && title && clock;
}

void renderFrame(SDL_Renderer* renderer) {
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("bare", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
  ImGui::TextUnformatted("Bare SDL2 + Dear ImGui");
  ImGui::Button("Hej", ImVec2(ImGui::GetFontSize() * 8, ImGui::GetFontSize() * 3));
  ImGui::End();
  ImGui::Render();
  SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
  SDL_RenderClear(renderer);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  SDL_RenderPresent(renderer);
}

} // namespace

int main(int argc, char** argv) {
  bool idle = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--idle") == 0) {
      idle = true;
    } else if (std::strcmp(argv[i], "--quick") != 0) { // --quick: nothing to shorten
      std::fprintf(stderr, "usage: bench_bare_window [--idle]\n");
      return 2;
    }
  }
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
    return 1;
  }
  const char* driver = SDL_GetCurrentVideoDriver();
  const bool software = driver && std::strcmp(driver, "offscreen") == 0;
  // As the kiosk does: a software renderer draws into a plain window surface, not an OpenGL one.
  if (software) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  SDL_Window* window = SDL_CreateWindow("bare", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                        SDL_WINDOW_ALLOW_HIGHDPI);
  if (!window) {
    std::fprintf(stderr, "SDL_CreateWindow: %s\n", SDL_GetError());
    return 1;
  }
  SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, software ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED);
  if (!renderer && !software) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer) {
    std::fprintf(stderr, "SDL_CreateRenderer: %s\n", SDL_GetError());
    return 1;
  }
  int width = 0, height = 0;
  SDL_GetRendererOutputSize(renderer, &width, &height);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::GetIO().LogFilename = nullptr;
  ImGui_ImplSDL2_InitForSDLRenderer(window);
  ImGui_ImplSDLRenderer_Init(renderer);
  if (!loadFonts(static_cast<float>(height) / 25.0f)) {
    std::fprintf(stderr, "cannot load %s / %s\n", kRegular, kBold);
    return 1;
  }

  renderFrame(renderer);

  if (idle) {
    for (bool quit = false; !quit;) {
      SDL_Event e;
      if (SDL_WaitEventTimeout(&e, 1000)) {
        do {
          if (e.type == SDL_QUIT) quit = true;
        } while (SDL_PollEvent(&e));
      }
    }
  }

  ImGui_ImplSDLRenderer_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_DestroyRenderer(renderer);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
