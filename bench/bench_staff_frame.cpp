// CPU time to build one frame of the busiest staff screens — the dashboard with 35
// participants and the roll call with 60 people — and of the participants' check-in grid in
// the standard theme and in high contrast with 1.5× text, each beside a bare ImGui frame with
// the same number of plain buttons, in the same run. Building a frame is ImGui::NewFrame, the screen,
// ImGui::Render (draw lists ready for the renderer); rasterising is the renderer's cost and
// the same for both. Headless ImGui context: no window needed. Goal: ≤ 2× the bare frame.
#include "BenchUtil.hpp"
#include "ui/KioskUi.hpp"
#include "core/LocalTime.hpp"
#include "platform/TimeZone.hpp"
#include "ui/Theme.hpp"

#include <imgui.h>

#include <cstdio>
#include <functional>
#include <ctime>
#include <string>
#include <vector>

using namespace dagverk;

namespace {

std::int64_t threadCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// No photos: the benchmark measures drawing, not picture loading.
class NoPictures final : public ui::Pictures {
public:
  ImTextureID pictureOf(const Participant&) override { return nullptr; }
  ImTextureID pictogram(const std::string&, float) override { return nullptr; }
};

const char* kNames[] = {"Anna", "Bo", "Cecilia", "David", "Ebba", "Filip", "Göran", "Hanna", "Ida", "Johan",
                        "Karin", "Lars", "Maja", "Nils", "Olle", "Petra", "Rut", "Sven", "Tove", "Ulla",
                        "Vera", "Wilma", "Yousef", "Zara", "Åsa", "Ängla", "Östen"};

ui::KioskModel makeModel(int participants, int staffPresent, UtcMs now) {
  ui::KioskModel m;
  m.siteName = "Liljans dagliga verksamhet";
  m.today = toStockholm(now).date;
  for (int i = 0; i < participants; ++i) {
    Participant p;
    p.id = "P" + std::to_string(1000 + i);
    p.siteId = "liljan";
    p.firstName = kNames[i % 27];
    p.initial = std::string(1, static_cast<char>('A' + i % 20));
    p.expectedWeekdays = {true, true, true, true, true, false, false};
    m.participants.push_back(p);
    ParticipantDay d;
    d.participantId = p.id;
    d.since = now - 3600'000;
    if (i % 7 < 4) { m.presentSince[p.id] = d.since; m.day.present.push_back(d); }
    else if (i % 7 < 6) m.day.expected.push_back(d);
    else m.day.checkedOut.push_back(d);
  }
  for (int i = 0; i < 10; ++i) {
    StaffMember s;
    s.id = "S" + std::to_string(100 + i);
    s.siteIds = {"liljan"};
    s.firstName = kNames[(i * 5) % 27];
    s.initial = "S";
    m.staff.push_back(s);
    if (i < staffPresent) m.staffPresentSince[s.id] = now;
  }
  return m;
}

double medianFrameUs(const std::function<void()>& body, int frames) {
  std::vector<double> us;
  us.reserve(static_cast<size_t>(frames));
  ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < frames + 20; ++i) {
    io.DeltaTime = 1.0f / 60.0f;
    const std::int64_t t0 = threadCpuNs();
    ImGui::NewFrame();
    body();
    ImGui::Render();
    const std::int64_t t1 = threadCpuNs();
    if (i >= 20) us.push_back(static_cast<double>(t1 - t0) / 1000.0);
  }
  return bench::median(us);
}

void bareButtons(int n, const ui::Fonts& fonts) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("bare", nullptr, ImGuiWindowFlags_NoDecoration);
  ImGui::PushFont(fonts.body);
  for (int i = 0; i < n; ++i) {
    ImGui::PushID(i);
    if (i % 6) ImGui::SameLine();
    ImGui::Button(kNames[i % 27], ImVec2(ImGui::GetFontSize() * 6, ImGui::GetFontSize() * 2.5f));
    ImGui::PopID();
  }
  ImGui::PopFont();
  ImGui::End();
}

} // namespace

int main(int argc, char** argv) {
  if (!dagverk::platform::installConfiguredTimeZone("bench_staff_frame")) return 1;
  int frames = 3000, rounds = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") { frames = 200; rounds = 1; }
    else if (a == "--frames" && i + 1 < argc) frames = std::atoi(argv[++i]);
    else { std::fprintf(stderr, "usage: bench_staff_frame [--quick] [--frames N]\n"); return 2; }
  }
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  ui::Fonts fonts;
  const float base = ui::theme::baseFontSize(800);
  if (!ui::theme::loadFonts(fonts, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", base)) {
    std::fprintf(stderr, "bench_staff_frame: DejaVu fonts not found\n");
    return 1;
  }
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  io.FontDefault = fonts.body;
  ui::theme::applyStyle(base);

  const UtcMs now = fromStockholm(LocalDate{2026, 11, 23}, 10, 0);
  ManualClock clock(now);
  NoPictures pictures;

  std::printf("bench_staff_frame: CPU time to build one frame (NewFrame → screen → Render), %d frames × %d rounds, "
              "median µs\n", frames, rounds);
  std::printf("%-34s %8s %12s %12s %8s\n", "screen", "buttons", "bare (µs)", "ours (µs)", "ratio");
  struct Case {
    const char* name; int participants; int staff; ui::ScreenId screen; int buttons;
    Appearance look = {};
  };
  // The bare frame has as many plain buttons as the screen offers: the dashboard two per
  // participant row plus back, check-in-me, activities and roll call; the roll call one per
  // person plus the hide switch and the end button.
  const Case cases[] = {{"dashboard, 35 participants", 35, 3, ui::ScreenId::StaffDashboard, 35 * 2 + 4},
                        {"roll call, 60 people", 52, 8, ui::ScreenId::RollCall, 60 + 2},
                        // The grid: a tile per participant, "Tillbaka" and the two page arrows.
                        {"check-in grid, 35 participants", 35, 3, ui::ScreenId::CheckInGrid, 35 + 3},
                        {"grid, high contrast, 1.5x text", 35, 3, ui::ScreenId::CheckInGrid, 35 + 3,
                         {ThemeKind::HighContrast, 1.5f}}};
  bool met = true;
  for (const Case& c : cases) {
    if (c.look != ui::theme::appearance()) { // the theme's palette and its fonts, as the kiosk switches them
      ui::theme::setAppearance(c.look);
      if (!ui::theme::loadFonts(fonts, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", base))
        return 1;
      io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
      io.FontDefault = fonts.body;
      ui::theme::applyStyle(base);
    }
    ui::KioskModel model = makeModel(c.participants, c.staff, now);
    if (c.screen == ui::ScreenId::RollCall) {
      RollCallState rc;
      rc.rollCallId = "rc";
      for (const auto& [pid, since] : model.presentSince) rc.expectedIds.push_back(pid);
      for (const auto& p : model.participants)
        if (!model.presentSince.count(p.id) && rc.expectedIds.size() < 52) rc.expectedIds.push_back(p.id);
      for (const auto& [sid, since] : model.staffPresentSince) rc.expectedIds.push_back(sid);
      model.rollCall = rc;
    }
    ui::KioskUi ui(clock, pictures);
    ui.fonts() = fonts;
    if (c.screen == ui::ScreenId::CheckInGrid) {
      ui.go(c.screen);
    } else {
      ui.askForPin();
      ui.signIn("S100");
    }
    if (c.screen == ui::ScreenId::RollCall) ui.startRollCall();
    // Nothing is recorded: each request (the roll call's start) is answered as done.
    while (ui.hasRequests())
      for (auto& r : ui.takeRequests())
        if (r.then) r.then(ui::Outcome{});
    if (ui.screen() != c.screen) {
      std::fprintf(stderr, "bench_staff_frame: %s did not open\n", c.name);
      return 1;
    }
    std::vector<double> bare, ours, ratio;
    for (int r = 0; r < rounds; ++r) {
      bare.push_back(medianFrameUs([&] { bareButtons(c.buttons, fonts); }, frames));
      ours.push_back(medianFrameUs([&] { ui.frame(model); }, frames));
      ratio.push_back(ours.back() / bare.back());
    }
    const double rm = bench::median(ratio);
    met = met && rm <= 2.0;
    std::printf("%-34s %8d %12.1f %12.1f %7.2fx\n", c.name, c.buttons, bench::median(bare), bench::median(ours), rm);
  }
  std::printf("goal: ours ≤ 2× the bare frame — %s\n", met ? "met" : "MISSED");
  ImGui::DestroyContext();
  return 0;
}
