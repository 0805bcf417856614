#pragma once
// The kiosk's voice: Swedish prompts rendered by espeak-ng on a worker thread, cached on disk,
// and played through the audio output; the check-in and check-out tones. say() never waits:
// the frame loop hands over a text and goes on drawing.
//
// The cache (a folder of WAV files, 0700, files 0600) is keyed by a hash of voice, rate and
// text, so a prompt heard before starts at once and the file names carry no names. It is kept
// under kCacheLimitBytes by dropping the files used longest ago.
//
// If espeak-ng is not on PATH or no audio device opens, the kiosk is silent: that is logged
// once (English, never the text) and state() says which.
#include "platform/AudioOutput.hpp"
#include "platform/Tones.hpp"
#include "platform/Wav.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace dagverk::platform {

class Speech {
public:
  static constexpr std::int64_t kCacheLimitBytes = 50ll * 1024 * 1024;
  static constexpr std::int64_t kCacheTrimToBytes = 40ll * 1024 * 1024;
  static constexpr int kRenderTimeoutMs = 5000;
  static constexpr const char* kVoice = "sv";

  enum class State {
    Working,  // espeak-ng found and an audio device open
    NoEngine, // espeak-ng is not on PATH, or its last render failed
    NoDevice, // no audio device opened
  };

  // Looks for espeak-ng on PATH and opens the audio device once, here.
  explicit Speech(std::filesystem::path cacheDir);
  ~Speech();
  Speech(const Speech&) = delete;
  Speech& operator=(const Speech&) = delete;

  // Off: nothing is played (not even the tones). Volume 0-100; rate in words per minute.
  void configure(bool on, int volumePercent, int rate);
  // Stops what is playing, plays `tone` at once, then the text once it is rendered (from the
  // cache at once). A newer say() replaces an older text not yet played.
  void say(const std::string& text, Tone tone = Tone::None);
  State state() const { return state_; }

  // Whether prompts are rendered and played at all: false when the audio driver discards the
  // sound anyway ("dummy"), so kiosks and tests without sound spend nothing on speech.
  bool audible() const;
  // For tests and the benchmark: espeak-ng processes started so far; true when nothing waits
  // to be rendered or is being rendered.
  int rendersStarted() const { return renders_; }
  bool idle() const;
  // True while samples wait in the audio queue.
  bool playing() const { return output_.queuedSamples() > 0; }
  // The cache file a text would have (whether or not it exists yet).
  std::filesystem::path cacheFileOf(const std::string& text, int rate) const;

private:
  struct Job {
    std::string text;
    int rate = 0;
    std::uint64_t generation = 0;
  };
  void work();
  std::optional<PcmSound> soundOf(const Job& job);
  void trimCache();
  void noteProblem(State state, const std::string& english);

  std::filesystem::path cacheDir_;
  std::filesystem::path espeak_;
  AudioOutput output_;
  std::atomic<State> state_{State::Working};
  std::atomic<int> renders_{0};
  bool problemLogged_ = false; // guarded by mutex_

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<Job> pending_;
  bool busy_ = false;
  bool stopping_ = false;
  std::uint64_t generation_ = 0;
  bool on_ = true;
  int volume_ = 80;
  int rate_ = 140;
  std::thread worker_;
};

} // namespace dagverk::platform
