#pragma once
// The small part of the WAV format the speech cache needs: 16-bit PCM in, mono samples out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::platform {

struct PcmSound {
  int rate = 0;
  std::vector<std::int16_t> samples; // mono
};

// Reads a RIFF/WAVE file's 16-bit PCM data (mono, or the first channel of several). A data
// chunk whose size field runs past the end (espeak-ng writing to a pipe cannot go back to fill
// it in) is read to the end. Nothing for anything else.
std::optional<PcmSound> parseWav(const std::string& bytes);
// A canonical WAV file (mono, 16-bit PCM) of the sound.
std::string encodeWav(const PcmSound& sound);
// The same sound at another rate (linear interpolation: speech only needs to stay clear).
std::vector<std::int16_t> resample(const std::vector<std::int16_t>& samples, int from, int to);

} // namespace dagverk::platform
