#pragma once
// The kiosk's sound: one SDL audio device, mono 16-bit at a fixed rate, fed from a queue
// (SDL_QueueAudio) so nothing on the frame loop ever waits for sound to play. Safe to call
// from any thread: SDL locks the device around its queue.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dagverk::platform {

class AudioOutput {
public:
  static constexpr int kRate = 22050; // espeak-ng's own rate: its speech needs no resampling
  // Opens the default device of SDL's audio driver (SDL_AUDIODRIVER chooses it). If none
  // opens, isOpen() is false and problem() says why (SDL's message, English).
  AudioOutput();
  ~AudioOutput();
  AudioOutput(const AudioOutput&) = delete;
  AudioOutput& operator=(const AudioOutput&) = delete;

  bool isOpen() const { return device_ != 0; }
  const std::string& problem() const { return problem_; }
  // The SDL audio driver in use ("disk", "dummy", "pulseaudio", …), empty if none.
  const std::string& driver() const { return driver_; }

  // Drops whatever is still waiting to be played.
  void clear();
  // Appends samples at kRate, scaled by volume (0-100).
  void queue(const std::vector<std::int16_t>& samples, int volumePercent);
  // Samples still waiting to be played.
  std::size_t queuedSamples() const;

private:
  std::uint32_t device_ = 0;
  bool subsystemStarted_ = false;
  std::string problem_;
  std::string driver_;
};

} // namespace dagverk::platform
