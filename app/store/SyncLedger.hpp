#pragma once
// What the weekly sync has sent and central has confirmed, kept apart from the event log
// (migration 5): batches written to the share, the events each held, and the events central
// acknowledged by a receipt. Events are never changed by sync.
#include "core/Clock.hpp"
#include "core/EventRow.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::store {

class Database;

struct SyncBatchRecord {
  std::int64_t batchSeq = 0;
  std::string batchId;
  std::string fileName;
  std::string sha256;
  std::int64_t eventCount = 0;
  std::int64_t firstSeq = 0;
  std::int64_t lastSeq = 0;
  UtcMs writtenUtc = 0;
  std::optional<UtcMs> ackedUtc;
};

class SyncLedger {
public:
  SyncLedger(Database& db, const std::string& deviceId) : db_(db), deviceId_(deviceId) {}

  // This device's events that no receipt has acknowledged yet (sent or not), all kinds, in
  // sequence order, with their columns as stored.
  std::vector<EventRow> unacknowledgedEvents() const;
  // The same events counted per kind ("CheckedIn" -> 12, ...).
  std::map<std::string, std::int64_t> queuedCountByKind() const;
  // When this device recorded its first event (nullopt: none yet).
  std::optional<UtcMs> firstOwnEventUtc() const;

  // The highest batch number recorded (0: none yet).
  std::int64_t lastBatchSeq() const;
  // Records a batch written to the share and the sequence numbers of its events, in one
  // transaction. Throws DiskFull / Storage (then nothing is recorded).
  void recordBatch(const SyncBatchRecord& batch, const std::vector<std::int64_t>& eventSeqs);
  std::vector<SyncBatchRecord> batches() const; // oldest first
  // A receipt for the batch with this id and hash: marks every event of that batch as
  // acknowledged (and the batch). Returns how many events became acknowledged now (0 if the
  // batch was already), or nullopt when no recorded batch has this id and hash.
  std::optional<std::int64_t> acknowledgeBatch(const std::string& batchId, const std::string& sha256, UtcMs at);

private:
  Database& db_;
  const std::string& deviceId_;
};

} // namespace dagverk::store
