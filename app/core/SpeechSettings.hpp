#pragma once
// The kiosk's speech settings (on/off, volume, rate), kept in the `setting` table as text and
// read back with defaults when a value is missing or unreadable.
#include <optional>
#include <string>

namespace dagverk {

inline constexpr const char* kSettingSpeech = "speech";              // "on" (unset) or "off"
inline constexpr const char* kSettingSpeechVolume = "speech_volume"; // 0-100
inline constexpr const char* kSettingSpeechRate = "speech_rate";     // words per minute

struct SpeechSettings {
  static constexpr int kMinRate = 80;   // espeak-ng's slowest clear speech
  static constexpr int kMaxRate = 260;  // faster is hard to follow for many participants
  static constexpr int kDefaultRate = 140; // a little slower than espeak-ng's 175
  static constexpr int kDefaultVolume = 80;
  bool on = true;
  int volume = kDefaultVolume;
  int rate = kDefaultRate;
  bool operator==(const SpeechSettings&) const = default;
};

// "on"/"off"; a whole number 0-100; a whole number kMinRate-kMaxRate. Nothing otherwise.
std::optional<bool> parseSpeechOn(const std::string& text);
std::optional<int> parseSpeechVolume(const std::string& text);
std::optional<int> parseSpeechRate(const std::string& text);

// From the stored texts; a missing or unreadable value is its default.
SpeechSettings speechSettingsFrom(const std::optional<std::string>& on, const std::optional<std::string>& volume,
                                  const std::optional<std::string>& rate);

} // namespace dagverk
