#pragma once
// One screen of the kiosk. Each screen draws its own content, keeps its own draft or form state
// between frames, and says whether it needs a signed-in staff member and how it closes by
// itself. It never changes the model: it asks KioskUi for commands, which the kiosk performs
// after the frame.
#include "ui/KioskUi.hpp"

#include <string>

namespace dagverk::ui {

// How a screen closes when left alone (the times are in ScreenTimeouts).
enum class Closing {
  Never,               // home, and the roll call (a fire drill never times out)
  AfterShown,          // a confirmation: home a few seconds after it opened
  QuestionIdle,        // "Vill du gå hem?" left unanswered
  GridIdle,            // the check-in grid left open with no touch
  SignInIdle,          // the staff picker and the PIN: staff mode is not open yet
  ParticipantFormIdle, // "Tyck till" or the survey left half-way (nothing is saved)
  StaffIdle,           // a staff screen: staff mode closes after the staff idle time
};

// A text field being edited with the on-screen keyboard (or a USB keyboard / badge scanner).
struct TextEditing {
  std::string fieldId;       // empty: no field is being edited
  std::string pendingInput;  // typed since the field last drew (UTF-8)
  int pendingBackspaces = 0;
  bool pendingEnter = false;
  bool shift = false;
};

class Screen {
public:
  Screen(ScreenId id, const char* windowName) : id_(id), windowName_(windowName) {}
  virtual ~Screen() = default;
  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;

  ScreenId id() const { return id_; }
  // The whole screen for this frame: a full-window ImGui window around drawContent().
  void draw(KioskUi& ui, const KioskModel& model);

  // Only while a staff member is signed in; without one the kiosk goes home.
  virtual bool needsStaff() const { return false; }
  virtual Closing closing() const { return needsStaff() ? Closing::StaffIdle : Closing::Never; }
  // How long a confirmation (Closing::AfterShown) stays before the kiosk goes home.
  virtual std::int64_t shownForMs(const ScreenTimeouts& t) const { return t.confirmation; }
  // About the selected participant: if they leave the roster the screen closes.
  virtual bool aboutParticipant() const { return false; }
  // From when a sign-in screen counts as left alone.
  virtual UtcMs idleSince(UtcMs lastInput, const KioskModel& model) const;
  // True while staff mode must stay open although no one touches the screen.
  virtual bool holdsStaffMode(const KioskModel& model) const;
  // Called each time the kiosk goes to this screen, and as it leaves it for another.
  virtual void onEnter(KioskUi& ui);
  virtual void onLeave(KioskUi& ui);
  // What a participant screen says aloud as it opens, and again from its speaker button
  // (none: no speech and no button).
  virtual Prompt prompt(KioskUi& ui, const KioskModel& model) const;

protected:
  virtual void drawContent(KioskUi& ui, const KioskModel& model) = 0;

private:
  ScreenId id_;
  const char* windowName_;
};

// A screen with a form: its inline message and the field being typed into. Both start empty
// each time the screen opens; the form's own values are set by whoever opens it.
class FormScreen : public Screen {
public:
  using Screen::Screen;
  const std::string& message() const { return message_; }
  const TextEditing& editing() const { return editing_; }
  void onEnter(KioskUi& ui) override;

protected:
  std::string message_;
  TextEditing editing_;
};

} // namespace dagverk::ui
