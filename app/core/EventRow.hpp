#pragma once
// One event as stored and as sent: the envelope's columns and the payload as JSON text. The
// kiosk's outgoing queue, the batch format and central's event table all read and write this
// one shape; `Event` is the same record with its payload decoded.
#include "core/Clock.hpp"
#include "core/Event.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace dagverk {

struct EventRow {
  std::string id;
  std::string deviceId;
  std::int64_t seq = 0;
  UtcMs recordedUtc = 0;
  std::string zone;
  std::string siteId;
  std::optional<std::string> actorStaffId;
  std::string kind;
  std::string subjectId;
  std::string payloadJson;
  int schemaVersion = 0;
};

inline EventRow toRow(const Event& e) {
  return EventRow{e.id, e.deviceId, e.seq, e.recordedUtc, e.zone, e.siteId, e.actorStaffId,
                  kindOf(e.payload), subjectOf(e.payload), encodePayload(e.payload), kEventSchemaVersion};
}

// Throws DagverkError(BadInput) for an unknown kind or a payload that does not decode.
inline Event fromRow(const EventRow& r) {
  return Event{r.id, r.deviceId, r.seq, r.recordedUtc, r.zone, r.siteId, r.actorStaffId,
               decodePayload(r.kind, r.payloadJson)};
}

} // namespace dagverk
