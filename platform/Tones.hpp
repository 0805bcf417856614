#pragma once
// The check-in and check-out sounds, made here from sine tones (no recorded sound files to
// licence or ship): a short rising pair of notes for "in", the same pair falling for "out".
#include <cstdint>
#include <vector>

namespace dagverk::platform {

enum class Tone { None, CheckIn, CheckOut };

// The tone's samples at `rate` (mono, 16-bit), followed by a short silence so the prompt after
// it is heard as a separate sound. Empty for Tone::None.
std::vector<std::int16_t> toneSamples(Tone tone, int rate);
// The two notes' frequencies in Hz (first, second), for tests that tell the tones apart.
struct ToneNotes {
  double first = 0, second = 0;
};
ToneNotes toneNotes(Tone tone);
// How long each note lasts and the silence after the pair, in milliseconds.
inline constexpr int kToneNoteMs = 70;
inline constexpr int kToneGapMs = 40;

} // namespace dagverk::platform
