#pragma once
// Who is here now, and the rules for a tap and for the end of the site's day.
#include "core/Event.hpp"
#include "core/LocalTime.hpp"
#include "core/Roster.hpp"

#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace dagverk {

struct OpenVisit {
  std::string checkInEventId;
  UtcMs since = 0;
};

// The "present now" projection: replay events in sequence order, or apply them as they come.
// One board follows participants (CheckedIn/CheckedOut), another staff (StaffCheckedIn/Out).
class PresenceBoard {
public:
  enum class Who { Participants, Staff };
  explicit PresenceBoard(Who who = Who::Participants) : who_(who) {}
  void apply(const Event& e);
  // Rebuilds from a whole log in sequence order, leaving out events voided by corrections.
  void replay(const std::vector<Event>& eventsInSeqOrder);
  bool isPresent(const std::string& participantId) const;
  std::optional<OpenVisit> visit(const std::string& participantId) const;
  const std::map<std::string, OpenVisit>& openVisits() const { return open_; }
  size_t count() const { return open_.size(); }
  void clear() { open_.clear(); }

private:
  void open(const std::string& id, const std::string& eventId, UtcMs at);
  void close(const std::string& id, const std::string& checkInEventId);
  Who who_;
  std::map<std::string, OpenVisit> open_;
};

// What a participant's tap on their own tile means.
enum class TapMeaning { CheckIn, AskGoingHome };
TapMeaning meaningOfTap(const PresenceBoard& board, const std::string& participantId);

// A second tap on the same tile within this window does nothing.
inline constexpr std::int64_t kDoubleTapGuardMs = 1000;

class TapGuard {
public:
  // True if the tap should be acted on; false if it repeats the last tap too soon.
  bool accept(const std::string& tileId, UtcMs now);

private:
  std::string lastTile_;
  UtcMs lastAt_ = 0;
  bool any_ = false;
};

// A check-in left open from an earlier day of the site, to be closed automatically.
struct AutoCheckOut {
  std::string participantId;
  std::string checkInEventId;
  UtcMs at = 0; // the site's closing time on the day of the check-in (or the check-in itself)
  bool clockFault = false; // the check-in lies on a later day than `now`: the clock was wrong
};

// Open visits that began on an earlier local day than `now`, with their automatic check-out;
// and visits that begin on a later day, which a clock running ahead made and nobody can close
// otherwise: closed at their own check-in time (a visit of no length) and flagged.
std::vector<AutoCheckOut> dayRollover(const PresenceBoard& board, const Site& site, UtcMs now);
// True if `dayRollover` would close anything: the cheap test made before every tap.
bool rolloverDue(const PresenceBoard& board, UtcMs now);

} // namespace dagverk
