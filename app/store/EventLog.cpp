#include "store/EventLog.hpp"

#include "core/Ids.hpp"
#include "core/TimeZoneRules.hpp"
#include "store/Database.hpp"
#include "store/EventTable.hpp"
#include "store/Pins.hpp"

#include <sodium.h>

#include <array>
#include <set>

namespace dagverk::store {

std::string newUuid(UtcMs now) {
  ensureSodium();
  std::array<std::uint8_t, 10> random{};
  randombytes_buf(random.data(), random.size());
  return makeUuidV7(now, random);
}

EventLog::EventLog(Database& db, const Clock& clock, std::string deviceId)
    : db_(db), clock_(clock), deviceId_(std::move(deviceId)) {
  nextSeq_ = std::make_unique<Statement>(
      db_, "INSERT INTO device_sequence(device_id, last_seq) VALUES (?1, 1) "
           "ON CONFLICT(device_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq");
  insertEvent_ = std::make_unique<Statement>(
      db_, "INSERT INTO event(id, device_id, seq, recorded_utc, zone, site_id, actor_staff_id, kind, "
           "subject_id, payload, schema_version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
  dataVersion_ = std::make_unique<Statement>(db_, "PRAGMA data_version");
}

EventLog::~EventLog() = default;

Event EventLog::makeEvent(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                          EventPayload payload, UtcMs now) const {
  Event e;
  e.deviceId = deviceId_;
  e.recordedUtc = now;
  e.id = newUuid(now);
  e.zone = installedTimeZoneRules().name();
  e.siteId = siteId;
  e.actorStaffId = actorStaffId;
  e.payload = std::move(payload);
  return e;
}

bool EventLog::insert(Event& e) {
  const std::string json = encodePayload(e.payload);
  nextSeq_->bind(1, deviceId_);
  if (!nextSeq_->step()) db_.fail(SQLITE_ERROR, "next sequence");
  e.seq = nextSeq_->integer(0);
  nextSeq_->reset();
  insertEvent_->bind(1, e.id).bind(2, e.deviceId).bind(3, e.seq).bind(4, e.recordedUtc).bind(5, e.zone)
      .bind(6, e.siteId).bind(7, e.actorStaffId).bind(8, std::string(kindOf(e.payload)))
      .bind(9, subjectOf(e.payload)).bind(10, json).bind(11, kEventSchemaVersion).run();
  for (auto* p : projections_) p->apply(e);
  if (const auto* c = std::get_if<Corrected>(&e.payload)) {
    Statement kind(db_, "SELECT kind FROM event WHERE id = ?1");
    kind.bind(1, c->correctsEventId);
    if (!kind.step()) return false;
    const std::string voidedKind = kind.text(0);
    for (const auto* p : projections_)
      if (p->followsKind(voidedKind)) return true;
  }
  return false;
}

bool EventLog::noticeOtherWriters() {
  const bool ok = dataVersion_->step();
  const std::int64_t version = ok ? dataVersion_->integer(0) : lastDataVersion_;
  dataVersion_->reset();
  if (version == lastDataVersion_) return false;
  const bool first = lastDataVersion_ < 0;
  lastDataVersion_ = version;
  if (first) return false;
  for (const auto& forget : forgetters_) forget();
  for (auto* p : projections_) p->reload();
  return true;
}

bool EventLog::reloadIfChangedElsewhere() {
  const bool changed = noticeOtherWriters() || unreported_;
  unreported_ = false;
  return changed;
}

std::vector<Event> EventLog::transact(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                                      const Decide& decide) {
  std::vector<Event> events;
  bool rebuild = false;
  {
    Transaction tx(db_);
    // Under the write lock, memory first catches up with what other processes committed, so
    // what `decide` reads from it is what the disk says.
    if (noticeOtherWriters()) unreported_ = true;
    std::vector<EventPayload> payloads = decide();
    if (payloads.empty()) return events; // rolled back: nothing was written
    const UtcMs now = clock_.nowUtc();
    events.reserve(payloads.size());
    for (auto& p : payloads) events.push_back(makeEvent(siteId, actorStaffId, std::move(p), now));
    for (auto& e : events) rebuild = insert(e) || rebuild;
    if (rebuild)
      for (auto* p : projections_) p->rebuild(*this, &siteId);
    tx.commit();
  }
  // Only after the commit: memory never runs ahead of the disk.
  for (auto* p : projections_) {
    if (rebuild) p->reload();
    else
      for (const auto& e : events) p->applyToMemory(e);
  }
  return events;
}

Event EventLog::append(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                       EventPayload payload) {
  std::vector<EventPayload> one;
  one.push_back(std::move(payload));
  return appendAll(siteId, actorStaffId, std::move(one)).front();
}

std::vector<Event> EventLog::appendAll(const std::string& siteId, const std::optional<std::string>& actorStaffId,
                                       std::vector<EventPayload> payloads) {
  if (payloads.empty()) return {};
  return transact(siteId, actorStaffId, [&] { return std::move(payloads); });
}

void EventLog::rebuildProjections() {
  {
    Transaction tx(db_);
    for (auto* p : projections_) p->rebuild(*this, nullptr);
    tx.commit();
  }
  for (auto* p : projections_) p->reload();
}

std::vector<Event> EventLog::query(const std::string& whereAndOrder,
                                   const std::function<void(Statement&)>& bind) const {
  std::vector<Event> out;
  Statement s(db_, "SELECT " + std::string(kEventColumns) + " FROM event WHERE " + whereAndOrder);
  bind(s);
  while (s.step()) out.push_back(fromRow(readEventRow(s)));
  return out;
}

std::optional<Event> EventLog::find(const std::string& eventId) const {
  auto found = query("id = ?1", [&](Statement& s) { s.bind(1, eventId); });
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Event> EventLog::ofSite(const std::string& siteId, const std::string& kinds) const {
  return query("site_id = ?1 AND kind IN " + kinds + " ORDER BY device_id, seq",
               [&](Statement& s) { s.bind(1, siteId); });
}

std::vector<Event> EventLog::aboutSubject(const std::string& subjectId, const std::string& kinds) const {
  return query("subject_id = ?1 AND kind IN " + kinds + " ORDER BY device_id, seq",
               [&](Statement& s) { s.bind(1, subjectId); });
}

std::vector<Event> EventLog::ofDay(const std::string& siteId, LocalDate day) const {
  const UtcMs from = fromStockholm(day, 0, 0);
  const UtcMs to = fromStockholm(civilFromDays(daysFromCivil(day) + 1), 0, 0);
  return query("site_id = ?1 AND recorded_utc >= ?2 AND recorded_utc < ?3 ORDER BY device_id, seq",
               [&](Statement& s) { s.bind(1, siteId).bind(2, from).bind(3, to); });
}

std::vector<Event> EventLog::after(std::int64_t seq, size_t limit) const {
  return query("device_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3", [&](Statement& s) {
    s.bind(1, deviceId_).bind(2, seq).bind(3, static_cast<std::int64_t>(limit));
  });
}

bool EventLog::isVoided(const std::string& eventId, const std::string& subjectId) const {
  for (const auto& e : aboutSubject(subjectId, kindList<Corrected>()))
    if (std::get<Corrected>(e.payload).correctsEventId == eventId) return true;
  return false;
}

std::int64_t EventLog::count() const { return db_.scalarInt("SELECT count(*) FROM event"); }

std::int64_t EventLog::lastSeq() const {
  Statement last(db_, "SELECT last_seq FROM device_sequence WHERE device_id = ?1");
  last.bind(1, deviceId_);
  return last.step() ? last.integer(0) : 0;
}

} // namespace dagverk::store
