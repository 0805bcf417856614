#pragma once
// What a participant screen says aloud when it opens, and again from its speaker button.
#include <string>
#include <utility>
#include <vector>

namespace dagverk::ui {

class KioskUi;
struct KioskModel;

// The short sound before a prompt: a rising pair of notes for a check-in, falling for a
// check-out (made by the kiosk, platform/Tones).
enum class Chime { None, CheckIn, CheckOut };

struct Prompt {
  std::string text; // Swedish, as spoken (names in their spoken form)
  Chime chime = Chime::None;
};

// Collects what should be said: the current screen's prompt when the screen opens (with its
// chime) or when its prompt changes (the survey's next question), the prompt again when the
// speaker button is tapped, and errors shown to a participant. The kiosk takes them after
// each frame and hands them to the speech service. Staff screens say nothing.
class PromptVoice {
public:
  // KioskUi::go calls this: the next frame's prompt is said as the screen opens.
  void screenOpened() { opened_ = true; }
  // After the screen drew: says its prompt if it opened or changed, and draws the speaker
  // button (SpeakerButton) for it.
  void afterFrame(KioskUi& ui, const KioskModel& model);
  // An error banner a participant sees is read out too.
  void sayError(const std::string& swedish) { said_.push_back({swedish, Chime::None}); }
  // Something said at once, whichever screen is up (the speech settings' "Prova").
  void say(Prompt p) { said_.push_back(std::move(p)); }
  // What was asked since the last call, oldest first.
  std::vector<Prompt> take() { return std::exchange(said_, {}); }
  // The prompt of the screen up now ("" if it has none), for tests.
  const std::string& current() const { return current_; }

private:
  bool opened_ = true; // the first screen opens with the kiosk
  std::string current_;
  std::vector<Prompt> said_;
};

} // namespace dagverk::ui
