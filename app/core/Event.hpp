#pragma once
// Every action on a kiosk appends one immutable event. New kinds are added to EventPayload
// below (a struct with kKind, subject() and serialize()); storage and sync need no change.
#include "Clock.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace dagverk {

inline constexpr int kEventSchemaVersion = 1;

struct CheckedIn {
  static constexpr const char* kKind = "CheckedIn";
  std::string participantId;
  UtcMs at = 0; // when the person arrived (UTC)
  const std::string& subject() const { return participantId; }
  template <class Archive> void serialize(Archive& ar); // defined in Event.cpp
};

struct CheckedOut {
  static constexpr const char* kKind = "CheckedOut";
  std::string participantId;
  UtcMs at = 0;               // when the person left (UTC)
  bool automatic = false;     // closed by the day rollover, not by a person
  std::string checkInEventId; // the check-in this closes
  const std::string& subject() const { return participantId; }
  template <class Archive> void serialize(Archive& ar);
};

using EventPayload = std::variant<CheckedIn, CheckedOut>;

struct Event {
  std::string id;        // UUID v7, text
  std::string deviceId;  // the kiosk that recorded it
  std::int64_t seq = 0;  // per-device, only grows
  UtcMs recordedUtc = 0; // wall clock when recorded
  std::string zone;      // the site's zone, "Europe/Stockholm"
  std::string siteId;
  std::optional<std::string> actorStaffId; // empty for self-service
  EventPayload payload;
};

const char* kindOf(const EventPayload& p);
const std::string& subjectOf(const EventPayload& p);
// JSON text of the payload, as stored and as sent.
std::string encodePayload(const EventPayload& p);
// Throws DagverkError(BadInput) for an unknown kind or malformed JSON.
EventPayload decodePayload(const std::string& kind, const std::string& json);

} // namespace dagverk
