#include "platform/AudioOutput.hpp"

#include <SDL.h>

#include <algorithm>

namespace dagverk::platform {

AudioOutput::AudioOutput() {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    problem_ = std::string("SDL audio did not start: ") + SDL_GetError();
    return;
  }
  subsystemStarted_ = true;
  if (const char* d = SDL_GetCurrentAudioDriver()) driver_ = d;
  SDL_AudioSpec want{};
  want.freq = kRate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  // About 23 ms per buffer: a prompt starts within a buffer of being queued.
  want.samples = 512;
  SDL_AudioSpec have{};
  // No allowed changes: SDL converts to whatever the hardware wants, so the queue is always
  // mono 16-bit at kRate.
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (device_ == 0) {
    problem_ = std::string("no audio device opened: ") + SDL_GetError();
    return;
  }
  SDL_PauseAudioDevice(device_, 0);
}

AudioOutput::~AudioOutput() {
  if (device_ != 0) SDL_CloseAudioDevice(device_);
  if (subsystemStarted_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void AudioOutput::clear() {
  if (device_ != 0) SDL_ClearQueuedAudio(device_);
}

void AudioOutput::queue(const std::vector<std::int16_t>& samples, int volumePercent) {
  if (device_ == 0 || samples.empty()) return;
  const int v = std::clamp(volumePercent, 0, 100);
  std::vector<std::int16_t> scaled(samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) scaled[i] = static_cast<std::int16_t>(samples[i] * v / 100);
  SDL_QueueAudio(device_, scaled.data(), static_cast<Uint32>(scaled.size() * sizeof(std::int16_t)));
}

std::size_t AudioOutput::queuedSamples() const {
  if (device_ == 0) return 0;
  return SDL_GetQueuedAudioSize(device_) / sizeof(std::int16_t);
}

} // namespace dagverk::platform
