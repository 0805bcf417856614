#include "ui/Prompt.hpp"

#include "ui/Screen.hpp"
#include "ui/SpeakerButton.hpp"

namespace dagverk::ui {

void PromptVoice::afterFrame(KioskUi& ui, const KioskModel& model) {
  const Prompt p = ui.inStaffMode() ? Prompt{} : ui.current().prompt(ui, model);
  if (std::exchange(opened_, false)) {
    if (!p.text.empty() || p.chime != Chime::None) said_.push_back(p);
  } else if (p.text != current_ && !p.text.empty()) {
    said_.push_back({p.text, Chime::None});
  }
  current_ = p.text;
  if (!current_.empty() && speakerButton(ui)) said_.push_back({current_, Chime::None});
}

} // namespace dagverk::ui
