#include "core/SpeechSettings.hpp"

#include <charconv>

namespace dagverk {

namespace {
std::optional<int> wholeNumberIn(const std::string& text, int lo, int hi) {
  int v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || v < lo || v > hi) return std::nullopt;
  return v;
}
} // namespace

std::optional<bool> parseSpeechOn(const std::string& text) {
  if (text == "on") return true;
  if (text == "off") return false;
  return std::nullopt;
}

std::optional<int> parseSpeechVolume(const std::string& text) { return wholeNumberIn(text, 0, 100); }

std::optional<int> parseSpeechRate(const std::string& text) {
  return wholeNumberIn(text, SpeechSettings::kMinRate, SpeechSettings::kMaxRate);
}

SpeechSettings speechSettingsFrom(const std::optional<std::string>& on, const std::optional<std::string>& volume,
                                  const std::optional<std::string>& rate) {
  SpeechSettings s;
  if (on) s.on = parseSpeechOn(*on).value_or(s.on);
  if (volume) s.volume = parseSpeechVolume(*volume).value_or(s.volume);
  if (rate) s.rate = parseSpeechRate(*rate).value_or(s.rate);
  return s;
}

} // namespace dagverk
