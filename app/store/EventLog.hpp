#pragma once
// The append-only event log of the kiosk's database. Every append takes one write transaction
// (BEGIN IMMEDIATE) and is durable when it returns (WAL, synchronous=FULL). Projections — tables
// derived from the log, such as who is present now — are updated inside the same transaction
// and can be rebuilt from the log; their in-memory copies follow only after the commit, so
// memory never runs ahead of the disk.
#include "core/Clock.hpp"
#include "core/Event.hpp"
#include "core/LocalTime.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::store {

class Database;
class Statement;
class EventLog;

// The SQL list of the kinds of these payloads, from their kKind: kindList<CheckedIn,
// CheckedOut>() is "('CheckedIn', 'CheckedOut')". A kind's name is written once, in its struct.
template <class... Payload> std::string kindList() {
  std::string out = "(";
  ((out += (out.size() > 1 ? ", '" : "'") + std::string(Payload::kKind) + "'"), ...);
  return out + ")";
}

// A table derived from the log, kept in the transaction of every append.
class Projection {
public:
  virtual ~Projection() = default;
  // Inside the append's transaction: the table follows one new event.
  virtual void apply(const Event& e) = 0;
  // Whether voiding an event of this kind changes the table (then it is rebuilt from the log).
  virtual bool followsKind(const std::string& kind) const = 0;
  // Inside a transaction: rewrites the table from the log, for one site or (null) for all.
  virtual void rebuild(const EventLog& log, const std::string* siteId) = 0;
  // After the commit: the in-memory copy follows the event.
  virtual void applyToMemory(const Event& e) = 0;
  // Reads the in-memory copy again from the table.
  virtual void reload() = 0;
};

class EventLog {
public:
  EventLog(Database& db, const Clock& clock, std::string deviceId);
  ~EventLog();
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  const std::string& deviceId() const { return deviceId_; }
  const Clock& clock() const { return clock_; }
  // Projections and other copies of the database in memory, told when they are stale.
  void addProjection(Projection& p) { projections_.push_back(&p); }
  void onChangedElsewhere(std::function<void()> forget) { forgetters_.push_back(std::move(forget)); }

  // Decides what to append while holding the write lock: it reads what it checks (another
  // process cannot change it in between), throws DagverkError to refuse (nothing is appended),
  // and returns the payloads to append. It may also write rows of its own feature.
  using Decide = std::function<std::vector<EventPayload>()>;
  // One write transaction: notices another process's commits (projections reloaded first),
  // runs `decide`, appends what it returns (id, sequence and time assigned here, one time for
  // all), updates the projections and commits. Returns the events appended.
  std::vector<Event> transact(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                              const Decide& decide);
  // Appends with no check: one event, or several all or nothing.
  Event append(const std::string& siteId, const std::optional<std::string>& actorStaffId, EventPayload payload);
  std::vector<Event> appendAll(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                               std::vector<EventPayload> payloads);
  // Rewrites every projection (tables and memory) from the log.
  void rebuildProjections();
  // True (and the projections reloaded) if another process committed since the last call,
  // also when an append noticed it first.
  bool reloadIfChangedElsewhere();

  // --- queries --------------------------------------------------------------------------------
  std::optional<Event> find(const std::string& eventId) const;
  // The site's events of these kinds (a kindList), in (device, sequence) order.
  std::vector<Event> ofSite(const std::string& siteId, const std::string& kinds) const;
  // Events of these kinds about one subject (a participant, session, roll call, …).
  std::vector<Event> aboutSubject(const std::string& subjectId, const std::string& kinds) const;
  // The site's events recorded on a local day, in (device, sequence) order.
  std::vector<Event> ofDay(const std::string& siteId, LocalDate day) const;
  // This device's events after a sequence number, oldest first.
  std::vector<Event> after(std::int64_t seq, size_t limit) const;
  // Any other shape: `whereAndOrder` follows "WHERE"; `bind` binds its parameters.
  std::vector<Event> query(const std::string& whereAndOrder, const std::function<void(Statement&)>& bind) const;
  // Whether a Corrected voids the event (it carries the voided event's subject, so the subject
  // index finds it).
  bool isVoided(const std::string& eventId, const std::string& subjectId) const;
  std::int64_t count() const;
  std::int64_t lastSeq() const; // this device's, 0 before its first event

private:
  Event makeEvent(const std::string& siteId, const std::optional<std::string>& actorStaffId, EventPayload payload,
                  UtcMs now) const;
  // Inside a transaction: sequence, insert, projections. True if the event voids one that a
  // projection follows, so the projections are rebuilt before the commit.
  bool insert(Event& e);
  bool noticeOtherWriters();

  Database& db_;
  const Clock& clock_;
  std::string deviceId_;
  std::vector<Projection*> projections_;
  std::vector<std::function<void()>> forgetters_;
  // Prepared once, used on every append.
  std::unique_ptr<Statement> nextSeq_, insertEvent_, dataVersion_;
  std::int64_t lastDataVersion_ = -1;
  bool unreported_ = false; // another process's commit noticed by an append, not yet reported
};

// A new UUID v7 for an id made at `now` (events, sessions, complaints, …).
std::string newUuid(UtcMs now);

} // namespace dagverk::store
