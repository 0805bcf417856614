#pragma once
// The participant's screens. Reads a model, emits actions; knows nothing of SQLite or SDL.
#include "Clock.hpp"
#include "Presence.hpp"
#include "Roster.hpp"

#include <imgui.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dagverk::ui {

// What the screens can ask of the kiosk. Implemented by the kiosk over the store.
class KioskActions {
public:
  virtual ~KioskActions() = default;
  // Returns an empty string on success, else a Swedish message for the screen.
  virtual std::string checkIn(const std::string& participantId) = 0;
  virtual std::string checkOut(const std::string& participantId) = 0;
  // The participant's photo as a texture, or nullptr (then a coloured tile with initials).
  virtual ImTextureID pictureOf(const Participant& p) = 0;
};

// What the screens show. Refreshed by the kiosk after every action.
struct KioskModel {
  std::string siteName;
  std::vector<Participant> participants; // sorted A–Ö
  std::map<std::string, UtcMs> presentSince; // participant id -> checked in at
  const Participant* find(const std::string& id) const;
};

enum class ScreenId { Home, CheckInGrid, Welcome, GoingHomeQuestion, Goodbye };

struct Fonts {
  ImFont* body = nullptr;   // 1.0 × base
  ImFont* large = nullptr;  // 1.5 × base
  ImFont* title = nullptr;  // 2.2 × base
  ImFont* clock = nullptr;  // 4.5 × base, digits only
};

// How long each screen stays before the kiosk goes home by itself (milliseconds).
struct ScreenTimeouts {
  std::int64_t confirmation = 4000;   // "Välkommen" and "Hej då"
  std::int64_t question = 15000;      // "Vill du gå hem?" left unanswered
  std::int64_t grid = 60000;          // the grid left open with no touch
  std::int64_t errorBanner = 8000;
};

class KioskUi {
public:
  KioskUi(const Clock& clock, KioskActions& actions);
  // Builds the current screen for this frame (between ImGui::NewFrame and ImGui::Render).
  void frame(const KioskModel& model);
  // The UTC time at which the screen will change by itself (clock minute, timeouts).
  UtcMs nextChangeAt() const;
  // Call on any input, so idle timeouts restart.
  void noteInput();

  ScreenId screen() const { return screen_; }
  const std::string& selectedParticipant() const { return selected_; }
  const std::string& errorMessage() const { return error_; }
  // Where a participant's tile was drawn in the last frame (for tests and the A–Ö strip).
  std::optional<ImVec4> tileRect(const std::string& participantId) const;
  std::optional<ImVec4> buttonRect(const std::string& name) const;
  Fonts& fonts() { return fonts_; }
  ScreenTimeouts& timeouts() { return timeouts_; }

  // --- used by the screens -------------------------------------------------------------------
  void go(ScreenId next, std::string participantId = {});
  void tapTile(const KioskModel& model, std::string participantId);
  void answerGoingHome(bool yes);
  void showError(const std::string& swedish);
  void rememberTile(const std::string& id, ImVec2 min, ImVec2 max) { tiles_[id] = ImVec4(min.x, min.y, max.x, max.y); }
  void rememberButton(const std::string& name, ImVec2 min, ImVec2 max) { buttons_[name] = ImVec4(min.x, min.y, max.x, max.y); }
  UtcMs enteredAt() const { return enteredAt_; }
  const Clock& clock() const { return clock_; }
  KioskActions& actions() { return actions_; }
  std::string& jumpToLetter() { return jumpLetter_; }

private:
  const Clock& clock_;
  KioskActions& actions_;
  Fonts fonts_;
  ScreenTimeouts timeouts_;
  ScreenId screen_ = ScreenId::Home;
  std::string selected_;
  UtcMs enteredAt_ = 0;
  UtcMs lastInputAt_ = 0;
  std::string error_;
  UtcMs errorAt_ = 0;
  TapGuard tapGuard_;
  std::string jumpLetter_;
  std::map<std::string, ImVec4> tiles_, buttons_;
};

} // namespace dagverk::ui
