#include "core/Presence.hpp"

#include <algorithm>
#include <set>

namespace dagverk {

void PresenceBoard::open(const std::string& id, const std::string& eventId, UtcMs at) {
  open_[id] = OpenVisit{eventId, at};
}

void PresenceBoard::close(const std::string& id, const std::string& checkInEventId) {
  auto it = open_.find(id);
  // A check-out closes the visit it names; one naming an older visit leaves a newer one open.
  if (it != open_.end() && (checkInEventId.empty() || checkInEventId == it->second.checkInEventId)) open_.erase(it);
}

void PresenceBoard::apply(const Event& e) {
  if (who_ == Who::Participants) {
    if (const auto* in = std::get_if<CheckedIn>(&e.payload)) open(in->participantId, e.id, in->at);
    else if (const auto* out = std::get_if<CheckedOut>(&e.payload)) close(out->participantId, out->checkInEventId);
  } else {
    if (const auto* in = std::get_if<StaffCheckedIn>(&e.payload)) open(in->staffId, e.id, in->at);
    else if (const auto* out = std::get_if<StaffCheckedOut>(&e.payload)) close(out->staffId, out->checkInEventId);
  }
}

void PresenceBoard::replay(const std::vector<Event>& events) {
  open_.clear();
  std::set<std::string> voided;
  for (const auto& e : events)
    if (const auto* c = std::get_if<Corrected>(&e.payload)) voided.insert(c->correctsEventId);
  for (const auto& e : events)
    if (!voided.count(e.id)) apply(e);
}

bool PresenceBoard::isPresent(const std::string& participantId) const {
  return open_.count(participantId) != 0;
}

std::optional<OpenVisit> PresenceBoard::visit(const std::string& participantId) const {
  auto it = open_.find(participantId);
  if (it == open_.end()) return std::nullopt;
  return it->second;
}

TapMeaning meaningOfTap(const PresenceBoard& board, const std::string& participantId) {
  return board.isPresent(participantId) ? TapMeaning::AskGoingHome : TapMeaning::CheckIn;
}

bool TapGuard::accept(const std::string& tileId, UtcMs now) {
  const bool repeat = any_ && tileId == lastTile_ && now >= lastAt_ && now - lastAt_ < kDoubleTapGuardMs;
  if (repeat) return false;
  any_ = true;
  lastTile_ = tileId;
  lastAt_ = now;
  return true;
}

std::vector<AutoCheckOut> dayRollover(const PresenceBoard& board, const Site& site, UtcMs now) {
  std::vector<AutoCheckOut> out;
  const LocalDate today = toStockholm(now).date;
  for (const auto& [pid, v] : board.openVisits()) {
    const LocalDate day = toStockholm(v.since).date;
    if (today < day) {
      out.push_back(AutoCheckOut{pid, v.checkInEventId, v.since, true});
      continue;
    }
    if (!(day < today)) continue;
    const UtcMs closing = fromStockholm(day, site.closesMinute / 60, site.closesMinute % 60);
    out.push_back(AutoCheckOut{pid, v.checkInEventId, std::max(closing, v.since)});
  }
  return out;
}

} // namespace dagverk

namespace dagverk {

bool rolloverDue(const PresenceBoard& board, UtcMs now) {
  const LocalDate today = toStockholm(now).date;
  const UtcMs startOfToday = fromStockholm(today, 0, 0);
  const UtcMs startOfTomorrow = fromStockholm(civilFromDays(daysFromCivil(today) + 1), 0, 0);
  return std::any_of(board.openVisits().begin(), board.openVisits().end(), [&](const auto& v) {
    return v.second.since < startOfToday || v.second.since >= startOfTomorrow;
  });
}

} // namespace dagverk
