#pragma once
// espeak-ng as a separate process (it is GPL: the kiosk never links it). The text goes in on
// stdin, so it never shows in a process list; the WAV comes back on stdout.
#include <filesystem>
#include <string>

namespace dagverk::platform {

// The first executable file called `name` in the directories of PATH; empty if there is none.
std::filesystem::path findInPath(const std::string& name);

struct RenderedSpeech {
  bool ok = false;
  std::string wav;     // espeak-ng's WAV output
  std::string problem; // English, never the text: "exit 1", "timed out after 5000 ms", …
};

// Runs `espeak -v voice -s rate --stdout` with `text` on stdin. Gives up after timeoutMs and
// kills the process, so a stuck engine can never hold up the kiosk's speech for long.
RenderedSpeech renderSpeech(const std::filesystem::path& espeak, const std::string& text, const std::string& voice,
                            int rate, int timeoutMs);

} // namespace dagverk::platform
