#pragma once
// The kiosk's side of speech: the settings in the `setting` table, the speech service they
// configure, and the screens' prompts handed to it after each frame.
#include "core/SpeechSettings.hpp"
#include "platform/Speech.hpp"
#include "store/KioskStore.hpp"
#include "ui/KioskUi.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace dagverk::kiosk {

// The stored settings (defaults for what is unset or unreadable).
SpeechSettings readSpeechSettings(const store::Settings& settings);
// Stores the settings in one transaction. Throws DagverkError(BadInput) for a value outside
// its range (the CLI's and the screen's common check).
void writeSpeechSettings(store::Settings& settings, const SpeechSettings& s);

// Starts the speech service on the data directory's cache folder (speech-cache/).
std::unique_ptr<platform::Speech> startSpeech(const std::filesystem::path& dataDir, const SpeechSettings& s);
void applySpeechSettings(platform::Speech& speech, const SpeechSettings& s);
// Says the prompts in order (a later one cuts an earlier one short, as a new screen does).
void sayPrompts(platform::Speech& speech, const std::vector<ui::Prompt>& prompts);
// Speech is on but cannot be heard: no espeak-ng, or no audio device.
bool speechProblem(const platform::Speech& speech, const SpeechSettings& s);

} // namespace dagverk::kiosk
