#include "platform/Tones.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dagverk::platform {

ToneNotes toneNotes(Tone tone) {
  // A fifth apart (E5 and B5): clearly two notes, and pleasant enough to hear many times a day.
  constexpr double low = 659.25, high = 987.77;
  switch (tone) {
  case Tone::CheckIn: return {low, high};
  case Tone::CheckOut: return {high, low};
  case Tone::None: break;
  }
  return {};
}

std::vector<std::int16_t> toneSamples(Tone tone, int rate) {
  if (tone == Tone::None) return {};
  const ToneNotes notes = toneNotes(tone);
  const int noteLen = rate * kToneNoteMs / 1000;
  const int fade = rate * 8 / 1000; // 8 ms in and out: no click at the edges
  std::vector<std::int16_t> out;
  out.reserve(static_cast<std::size_t>(noteLen * 2 + rate * kToneGapMs / 1000));
  for (const double freq : {notes.first, notes.second}) {
    for (int i = 0; i < noteLen; ++i) {
      const double envelope = std::min({1.0, static_cast<double>(i) / fade, static_cast<double>(noteLen - 1 - i) / fade});
      const double s = std::sin(2.0 * std::numbers::pi * freq * i / rate) * envelope * 0.35;
      out.push_back(static_cast<std::int16_t>(std::lround(s * 32767.0)));
    }
  }
  out.resize(out.size() + static_cast<std::size_t>(rate * kToneGapMs / 1000), 0);
  return out;
}

} // namespace dagverk::platform
