#include "kiosk/KioskSpeech.hpp"

#include "core/Error.hpp"
#include "store/Settings.hpp"

namespace dagverk::kiosk {

SpeechSettings readSpeechSettings(const store::Settings& settings) {
  return speechSettingsFrom(settings.value(kSettingSpeech), settings.value(kSettingSpeechVolume),
                            settings.value(kSettingSpeechRate));
}

void writeSpeechSettings(store::Settings& settings, const SpeechSettings& s) {
  if (s.volume < 0 || s.volume > 100)
    throw DagverkError(ErrorCode::BadInput, "Volymen ska vara 0–100.", "speech volume must be 0-100");
  if (s.rate < SpeechSettings::kMinRate || s.rate > SpeechSettings::kMaxRate)
    throw DagverkError(ErrorCode::BadInput,
                       "Hastigheten ska vara " + std::to_string(SpeechSettings::kMinRate) + "–" +
                           std::to_string(SpeechSettings::kMaxRate) + " ord per minut.",
                       "speech rate must be " + std::to_string(SpeechSettings::kMinRate) + "-" +
                           std::to_string(SpeechSettings::kMaxRate) + " words per minute");
  settings.setValues({{kSettingSpeech, s.on ? "on" : "off"},
                      {kSettingSpeechVolume, std::to_string(s.volume)},
                      {kSettingSpeechRate, std::to_string(s.rate)}});
}

std::unique_ptr<platform::Speech> startSpeech(const std::filesystem::path& dataDir, const SpeechSettings& s) {
  auto speech = std::make_unique<platform::Speech>(dataDir / "speech-cache");
  applySpeechSettings(*speech, s);
  return speech;
}

void applySpeechSettings(platform::Speech& speech, const SpeechSettings& s) { speech.configure(s.on, s.volume, s.rate); }

void sayPrompts(platform::Speech& speech, const std::vector<ui::Prompt>& prompts) {
  for (const auto& p : prompts) {
    const platform::Tone tone = p.chime == ui::Chime::CheckIn    ? platform::Tone::CheckIn
                                : p.chime == ui::Chime::CheckOut ? platform::Tone::CheckOut
                                                                 : platform::Tone::None;
    speech.say(p.text, tone);
  }
}

bool speechProblem(const platform::Speech& speech, const SpeechSettings& s) {
  return s.on && speech.state() != platform::Speech::State::Working;
}

} // namespace dagverk::kiosk
