#pragma once
// What the kiosk played, read back: SDL's "disk" audio driver writes every sample the device
// plays to a file (mono 16-bit at platform::AudioOutput::kRate, silence included, in real
// time). Tests point it at a file of their own and look for speech-level energy in it.
#include "kiosk/KioskApp.hpp"
#include "platform/AudioOutput.hpp"
#include "platform/FileSystem.hpp"
#include "platform/Wav.hpp"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace dagverk::test {

// Sets an environment variable for the life of the object, then puts back what was there.
class ScopedEnv {
public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
  const char* name_;
  std::optional<std::string> old_;
};

// The disk driver writing to `file` while this object lives.
struct DiskAudio {
  explicit DiskAudio(const std::filesystem::path& f)
      : file(f), driver("SDL_AUDIODRIVER", "disk"), target("SDL_DISKAUDIOFILE", f.string()) {
    std::filesystem::create_directories(f.parent_path());
    std::filesystem::remove(f);
  }
  std::filesystem::path file;
  ScopedEnv driver, target;
  std::size_t bytes() const {
    std::error_code ec;
    const auto n = std::filesystem::file_size(file, ec);
    return ec ? 0 : static_cast<std::size_t>(n);
  }
  // The samples written from byte `from` on.
  std::vector<std::int16_t> samplesFrom(std::size_t from) const {
    std::ifstream in(file, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(from & ~std::size_t{1}));
    std::vector<char> raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::int16_t> out(raw.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i] = static_cast<std::int16_t>(static_cast<unsigned char>(raw[2 * i]) |
                                         static_cast<unsigned char>(raw[2 * i + 1]) << 8);
    return out;
  }
};

inline constexpr int kWindowMs = 10;
// Speech-level: an RMS of 600 in 16-bit samples is about -35 dBFS; espeak-ng's voice peaks
// well above 10,000 and the disk driver's silence is exactly 0.
inline constexpr double kSpeechRms = 600.0;

// Start and end (seconds from the first sample) of the loud part: the first and the last
// 10 ms window whose RMS is speech-level. Nothing if no window is.
struct LoudSpan {
  double start = 0, end = 0;
  double length() const { return end - start; }
};
inline std::optional<LoudSpan> loudSpan(const std::vector<std::int16_t>& s, std::size_t from = 0,
                                        int rate = platform::AudioOutput::kRate) {
  const std::size_t w = static_cast<std::size_t>(rate * kWindowMs / 1000);
  std::optional<LoudSpan> span;
  for (std::size_t at = from; at + w <= s.size(); at += w) {
    double sum = 0;
    for (std::size_t i = at; i < at + w; ++i) sum += static_cast<double>(s[i]) * s[i];
    if (std::sqrt(sum / static_cast<double>(w)) < kSpeechRms) continue;
    const double t = static_cast<double>(at) / rate;
    if (!span) span = LoudSpan{t, t};
    span->end = t + kWindowMs / 1000.0;
  }
  return span;
}

// The frequency of a steady tone in s[from, from+count): zero crossings per second / 2.
inline double toneFrequency(const std::vector<std::int16_t>& s, std::size_t from, std::size_t count,
                            int rate = platform::AudioOutput::kRate) {
  int crossings = 0;
  for (std::size_t i = from + 1; i < from + count && i < s.size(); ++i)
    if ((s[i - 1] < 0) != (s[i] < 0)) ++crossings;
  return crossings / 2.0 / (static_cast<double>(count) / rate);
}

// Waits (driving the loop) until the kiosk has nothing left to render or play, and the disk
// driver has written the last of it. False after `limitMs`.
inline bool waitUntilQuiet(kiosk::KioskApp& app, int limitMs = 15000) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(limitMs);
  while (std::chrono::steady_clock::now() < until) {
    app.settle();
    if (app.speech().idle() && !app.speech().playing()) {
      // The driver holds one buffer (about 23 ms) beyond the queue.
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// The samples of a WAV file the speech cache holds.
inline std::vector<std::int16_t> wavSamples(const std::filesystem::path& f) {
  const auto sound = platform::parseWav(platform::readWholeFile(f));
  return sound ? sound->samples : std::vector<std::int16_t>{};
}

} // namespace dagverk::test
