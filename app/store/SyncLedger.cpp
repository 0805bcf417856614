#include "store/SyncLedger.hpp"

#include "store/Database.hpp"
#include "store/EventTable.hpp"

namespace dagverk::store {

namespace {
constexpr const char* kUnackedWhere =
    " FROM event e WHERE e.device_id = ?1 AND NOT EXISTS (SELECT 1 FROM sync_acked a WHERE a.event_seq = e.seq)";
} // namespace

std::vector<EventRow> SyncLedger::unacknowledgedEvents() const {
  std::vector<EventRow> out;
  Statement s(db_, "SELECT " + std::string(kEventColumns) + kUnackedWhere + " ORDER BY e.seq");
  s.bind(1, deviceId_);
  while (s.step()) out.push_back(readEventRow(s));
  return out;
}

std::map<std::string, std::int64_t> SyncLedger::queuedCountByKind() const {
  std::map<std::string, std::int64_t> out;
  Statement s(db_, std::string("SELECT e.kind, count(*)") + kUnackedWhere + " GROUP BY e.kind");
  s.bind(1, deviceId_);
  while (s.step()) out[s.text(0)] = s.integer(1);
  return out;
}

std::optional<UtcMs> SyncLedger::firstOwnEventUtc() const {
  Statement s(db_, "SELECT recorded_utc FROM event WHERE device_id = ?1 ORDER BY seq LIMIT 1");
  s.bind(1, deviceId_);
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

std::int64_t SyncLedger::lastBatchSeq() const {
  return db_.scalarInt("SELECT coalesce(max(batch_seq), 0) FROM sync_batch");
}

void SyncLedger::recordBatch(const SyncBatchRecord& b, const std::vector<std::int64_t>& eventSeqs) {
  Transaction tx(db_);
  Statement ins(db_, "INSERT INTO sync_batch(batch_seq, batch_id, file_name, sha256, event_count, first_seq, "
                     "last_seq, written_utc, acked_utc) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,NULL)");
  ins.bind(1, b.batchSeq).bind(2, b.batchId).bind(3, b.fileName).bind(4, b.sha256).bind(5, b.eventCount)
      .bind(6, b.firstSeq).bind(7, b.lastSeq).bind(8, b.writtenUtc).run();
  Statement ev(db_, "INSERT OR IGNORE INTO sync_batch_event(batch_seq, event_seq) VALUES (?1, ?2)");
  for (const auto seq : eventSeqs) ev.bind(1, b.batchSeq).bind(2, seq).run();
  tx.commit();
}

std::vector<SyncBatchRecord> SyncLedger::batches() const {
  std::vector<SyncBatchRecord> out;
  Statement s(db_, "SELECT batch_seq, batch_id, file_name, sha256, event_count, first_seq, last_seq, written_utc, "
                   "acked_utc FROM sync_batch ORDER BY batch_seq");
  while (s.step()) {
    SyncBatchRecord b;
    b.batchSeq = s.integer(0);
    b.batchId = s.text(1);
    b.fileName = s.text(2);
    b.sha256 = s.text(3);
    b.eventCount = s.integer(4);
    b.firstSeq = s.integer(5);
    b.lastSeq = s.integer(6);
    b.writtenUtc = s.integer(7);
    if (!s.isNull(8)) b.ackedUtc = s.integer(8);
    out.push_back(std::move(b));
  }
  return out;
}

std::optional<std::int64_t> SyncLedger::acknowledgeBatch(const std::string& batchId, const std::string& sha256,
                                                         UtcMs at) {
  Transaction tx(db_);
  Statement find(db_, "SELECT batch_seq FROM sync_batch WHERE batch_id = ?1 AND sha256 = ?2");
  find.bind(1, batchId).bind(2, sha256);
  if (!find.step()) return std::nullopt; // rolled back: nothing was written
  const std::int64_t batchSeq = find.integer(0);
  find.reset();
  Statement ack(db_, "INSERT OR IGNORE INTO sync_acked(event_seq) "
                     "SELECT event_seq FROM sync_batch_event WHERE batch_seq = ?1");
  ack.bind(1, batchSeq).run();
  const std::int64_t newly = sqlite3_changes(db_.handle());
  Statement mark(db_, "UPDATE sync_batch SET acked_utc = ?2 WHERE batch_seq = ?1 AND acked_utc IS NULL");
  mark.bind(1, batchSeq).bind(2, at).run();
  tx.commit();
  return newly;
}

} // namespace dagverk::store
