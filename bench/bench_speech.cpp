// From a tap on a picture to the first audible sample of the welcome prompt, with the prompt in
// the speech cache (warm) and not (cold), beside the same run's time from the tap to the
// welcome frame. The real kiosk (KioskApp) under SDL_VIDEODRIVER=offscreen, a real SDL touch
// event, espeak-ng as the kiosk runs it, and SDL's "disk" audio driver: the benchmark watches
// the file the driver writes in real time and notes when speech-level sound appears in it.
// Goals: warm ≤ 300 ms, cold ≤ 1 s. Medians.
#include "BenchUtil.hpp"
#include "core/LocalTime.hpp"
#include "core/SpeechSettings.hpp"
#include "kiosk/KioskApp.hpp"
#include "platform/AudioOutput.hpp"
#include "platform/Tones.hpp"
#include "platform/TimeZone.hpp"
#include "store/DemoUnit.hpp"
#include "store/KioskStore.hpp"
#include "store/Perform.hpp"

#include <SDL.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace dagverk;
namespace fs = std::filesystem;
using bench::median;
using bench::monoNs;

namespace {

constexpr double kSpeechRms = 600.0; // about -35 dBFS; the driver's silence is exactly 0
constexpr int kRate = platform::AudioOutput::kRate;
constexpr std::size_t kWindow = kRate / 100; // 10 ms

std::size_t fileBytes(const fs::path& f) {
  std::error_code ec;
  const auto n = fs::file_size(f, ec);
  return ec ? 0 : static_cast<std::size_t>(n);
}

// The sample index (from `from`) of the first 10 ms window at speech level at or after sample
// `after`, in what the driver has written so far.
std::optional<std::size_t> firstLoud(const fs::path& f, std::size_t fromByte, std::size_t after) {
  std::ifstream in(f, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(fromByte));
  std::vector<char> raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t n = raw.size() / 2;
  for (std::size_t at = after; at + kWindow <= n; at += kWindow) {
    double sum = 0;
    for (std::size_t i = at; i < at + kWindow; ++i) {
      const auto s = static_cast<std::int16_t>(static_cast<unsigned char>(raw[2 * i]) |
                                               static_cast<unsigned char>(raw[2 * i + 1]) << 8);
      sum += static_cast<double>(s) * s;
    }
    if (std::sqrt(sum / kWindow) >= kSpeechRms) return at;
  }
  return std::nullopt;
}

void tapAt(const ImVec4& r, int width, int height) {
  SDL_Event e{};
  e.tfinger.touchId = 1;
  e.tfinger.fingerId = 1;
  e.tfinger.x = (r.x + r.z) / 2 / static_cast<float>(width);
  e.tfinger.y = (r.y + r.w) / 2 / static_cast<float>(height);
  e.tfinger.pressure = 1.0f;
  e.type = SDL_FINGERDOWN;
  SDL_PushEvent(&e);
  e.type = SDL_FINGERUP;
  SDL_PushEvent(&e);
}

void waitQuiet(kiosk::KioskApp& app) {
  for (int i = 0; i < 2000; ++i) {
    app.settle();
    if (app.speech().idle() && !app.speech().playing()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100)); // the driver's last buffer
}

struct Run {
  double frameMs = 0;   // tap → the welcome frame rendered
  double audibleMs = 0; // tap → the first audible sample (the check-in tone)
  double speechMs = 0;  // tap → the first audible sample of the spoken welcome
};

// One check-in by tap, timed. Nothing if the sound never came (then the run is reported).
std::optional<Run> timedCheckIn(kiosk::KioskApp& app, const fs::path& audio, const std::string& pid, int w, int h) {
  const auto rect = app.screens().tileRect(pid);
  if (!rect) return std::nullopt;
  const std::size_t from = fileBytes(audio) & ~std::size_t{1};
  Run r;
  const std::int64_t t0 = monoNs();
  tapAt(*rect, w, h);
  // One frame at a time: the tap's frame, the check-in between frames, then the welcome frame.
  bool welcomeDrawn = false;
  for (int i = 0; i < 20 && !welcomeDrawn; ++i) {
    const bool welcomeUp = app.screens().screen() == ui::ScreenId::Welcome;
    app.run(app.framesRendered() + 1);
    if (welcomeUp) welcomeDrawn = true;
  }
  if (!welcomeDrawn) return std::nullopt;
  r.frameMs = static_cast<double>(monoNs() - t0) / 1e6;
  const std::size_t toneLen = static_cast<std::size_t>(kRate * (2 * platform::kToneNoteMs + platform::kToneGapMs) / 1000);
  std::optional<std::size_t> tone;
  const std::int64_t limit = t0 + 5'000'000'000LL;
  while (monoNs() < limit) {
    if (!tone) {
      tone = firstLoud(audio, from, 0);
      if (tone) r.audibleMs = static_cast<double>(monoNs() - t0) / 1e6;
    }
    if (tone && firstLoud(audio, from, *tone + toneLen)) {
      r.speechMs = static_cast<double>(monoNs() - t0) / 1e6;
      return r;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  return std::nullopt;
}

void print(const char* label, const std::vector<Run>& runs, double goalMs) {
  std::vector<double> frame, audible, speech, toneAfter, speechAfter;
  for (const auto& r : runs) {
    frame.push_back(r.frameMs);
    audible.push_back(r.audibleMs);
    speech.push_back(r.speechMs);
    toneAfter.push_back(r.audibleMs - r.frameMs);
    speechAfter.push_back(r.speechMs - r.frameMs);
  }
  const double f = median(frame), a = median(audible), s = median(speech);
  std::printf("%-5s n=%zu  baseline tap→welcome frame %.1f ms | tap→first audible (tone) %.1f ms | "
              "tap→spoken welcome %.1f ms (max %.1f) | ratio spoken/frame %.2f× | goal ≤ %.0f ms: %s\n",
              label, runs.size(), f, a, s, bench::percentile(speech, 100), f > 0 ? s / f : 0.0, goalMs,
              s <= goalMs ? "met" : "NOT met");
  // What speech itself adds once the welcome is on the screen (the tone lasts 180 ms by design).
  std::printf("      after the welcome frame: tone +%.1f ms, spoken welcome +%.1f ms\n", median(toneAfter),
              median(speechAfter));
}

} // namespace

int main(int argc, char** argv) {
  if (!platform::installConfiguredTimeZone("bench_speech")) return 1;
  int pairs = 10;
  std::string dir;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") pairs = 2;
    else if (a == "--runs" && i + 1 < argc) pairs = std::atoi(argv[++i]);
    else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (a == "--keep") keep = true;
    else {
      std::fprintf(stderr, "usage: bench_speech [--quick] [--runs N] [--dir D] [--keep]\n");
      return 2;
    }
  }
  bench::ScratchDir scratch(dir, "bench-speech", keep);
  const fs::path audio = scratch.path() / "audio.raw";
  ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
  ::setenv("SDL_AUDIODRIVER", "disk", 1);
  ::setenv("SDL_DISKAUDIOFILE", audio.c_str(), 1);
  const int w = 1280, h = 800;
  ManualClock clock(fromStockholm(LocalDate{2026, 11, 23}, 8, 5));
  const fs::path data = scratch.path() / "data";
  auto store = store::KioskStore::createWithRoster(data, clock, store::demoRoster(), "liljan");
  platform::WindowOptions window;
  window.width = w;
  window.height = h;
  window.software = true;
  kiosk::KioskApp app(*store, clock, window, data);
  if (app.speech().state() != platform::Speech::State::Working || !app.speech().audible()) {
    std::fprintf(stderr, "bench_speech: speech does not work here (espeak-ng on PATH? SDL disk audio?)\n");
    return 1;
  }
  std::printf("bench_speech: tap → welcome frame (baseline) and tap → first audible sample, disk audio driver "
              "(%d Hz, 512-sample buffers), espeak-ng -v sv -s %d; %d participants, cold then warm each\n",
              kRate, SpeechSettings::kDefaultRate, pairs);
  app.settle();
  const auto enter = app.screens().buttonRect("enter-grid");
  if (!enter) return 1;
  std::vector<Run> cold, warm;
  int failed = 0;
  const auto participants = app.model().participants;
  for (int i = 0; i < pairs && i < static_cast<int>(participants.size()); ++i) {
    const std::string pid = participants[static_cast<std::size_t>(i)].id;
    for (int pass = 0; pass < 2; ++pass) {
      tapAt(*app.screens().buttonRect("enter-grid"), w, h);
      app.settle();
      waitQuiet(app); // the grid's own prompt is said first
      const auto r = timedCheckIn(app, audio, pid, w, h);
      if (r) (pass == 0 ? cold : warm).push_back(*r);
      else ++failed;
      waitQuiet(app);
      app.perform(cmd::CheckOut{pid, std::nullopt});
      clock.advanceMs(11'000); // the welcome closes; home again
      app.settle();
      if (!app.screens().buttonRect("enter-grid")) {
        std::fprintf(stderr, "bench_speech: not home after a run\n");
        return 1;
      }
    }
  }
  print("warm", warm, 300);
  print("cold", cold, 1000);
  if (failed) std::printf("%d runs heard no welcome within 5 s\n", failed);
  return 0;
}
