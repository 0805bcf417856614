#include "store/Retention.hpp"

#include "core/Error.hpp"
#include "platform/Log.hpp"
#include "store/Database.hpp"
#include "store/KioskStore.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <set>
#include <vector>

namespace dagverk::store {

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

// The same trigger as the migration that made the log refuse DELETE: the purge drops it inside
// its own transaction and puts it back before committing, so no other writer ever sees the log
// without it.
constexpr const char* kNeverDeletedTrigger =
    "CREATE TRIGGER event_is_never_deleted BEFORE DELETE ON event\n"
    "  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;";

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Every UUID-shaped token in a payload: event ids are UUIDs, and a payload that names another
// event (a correction, a check-out, a session edit) holds its id as text. Reading the ids this
// way needs no knowledge of each event kind, so a new kind that points at an event is covered.
void collectUuids(const std::string& text, std::set<std::string>& out) {
  constexpr size_t kLen = 36;
  if (text.size() < kLen) return;
  for (size_t i = 0; i + kLen <= text.size(); ++i) {
    bool ok = true;
    for (size_t j = 0; j < kLen && ok; ++j) {
      const char c = text[i + j];
      ok = (j == 8 || j == 13 || j == 18 || j == 23) ? c == '-' : isHex(c);
    }
    if (ok) {
      out.insert(text.substr(i, kLen));
      i += kLen - 1;
    }
  }
}

struct Candidate {
  std::string id;
  std::string payload;
};

void deleteUnnamed(Database& db, const char* table, const char* subjectColumnCheck, std::int64_t& counter) {
  // Inactive rows that no remaining event names: not as subject, actor, or inside a payload.
  std::vector<std::string> gone;
  {
    Statement s(db, std::string("SELECT id FROM ") + table + " WHERE active = 0");
    while (s.step()) gone.push_back(s.text(0));
  }
  Statement named(db, std::string("SELECT EXISTS (SELECT 1 FROM event WHERE subject_id = ?1 OR ") + subjectColumnCheck +
                          " OR instr(payload, '\"' || ?1 || '\"') > 0) OR EXISTS (SELECT 1 FROM presence WHERE "
                          "participant_id = ?1)");
  Statement del(db, std::string("DELETE FROM ") + table + " WHERE id = ?1");
  for (const auto& id : gone) {
    named.bind(1, id);
    const bool keep = named.step() && named.integer(0) != 0;
    named.reset();
    if (keep) continue;
    del.bind(1, id).run();
    ++counter;
  }
}

} // namespace

std::optional<int> parseRetentionDays(const std::string& text) {
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (n < kMinRetentionDays || n > kMaxRetentionDays) return std::nullopt;
  return n;
}

int retentionDays(const KioskStore& store) {
  const auto stored = store.settings().value(kSettingRetentionDays);
  if (!stored) return kDefaultRetentionDays;
  return parseRetentionDays(*stored).value_or(kDefaultRetentionDays);
}

void setRetentionDays(KioskStore& store, const std::string& days) {
  const auto n = parseRetentionDays(days);
  if (!n)
    throw DagverkError(ErrorCode::BadInput,
                       "Lagringstiden ska vara ett helt antal dagar mellan " + std::to_string(kMinRetentionDays) +
                           " och " + std::to_string(kMaxRetentionDays) + ". Inget ändrades.",
                       "retention days must be a whole number " + std::to_string(kMinRetentionDays) + "-" +
                           std::to_string(kMaxRetentionDays) + "; nothing changed");
  store.settings().setValue(kSettingRetentionDays, std::to_string(*n));
}

PurgeResult purgeExpired(KioskStore& store, UtcMs now) {
  Database& db = store.database();
  PurgeResult result;
  const UtcMs cutoff = now - static_cast<std::int64_t>(retentionDays(store)) * kDayMs;
  // Overwrite deleted content instead of only unlinking it, on this connection, for good.
  db.exec("PRAGMA secure_delete = ON");
  {
    Transaction tx(db);
    std::vector<Candidate> candidates;
    std::set<std::string> named; // ids named by something that stays
    // Most calls (every start, every night) find nothing old enough: then the log is not read.
    bool anyOld = false;
    {
      Statement s(db, "SELECT EXISTS (SELECT 1 FROM event e WHERE e.device_id = ?1 AND e.recorded_utc < ?2 AND "
                      "EXISTS (SELECT 1 FROM sync_acked a WHERE a.event_seq = e.seq))");
      s.bind(1, store.deviceId()).bind(2, cutoff);
      anyOld = s.step() && s.integer(0) != 0;
    }
    if (anyOld) {
      Statement s(db, "SELECT e.id, e.payload, (e.device_id = ?1 AND e.recorded_utc < ?2 AND EXISTS "
                      "(SELECT 1 FROM sync_acked a WHERE a.event_seq = e.seq)) FROM event e");
      s.bind(1, store.deviceId()).bind(2, cutoff);
      while (s.step()) {
        if (s.integer(2) != 0) candidates.push_back({s.text(0), s.text(1)});
        else collectUuids(s.text(1), named);
      }
    }
    {
      Statement open(db, "SELECT check_in_event_id FROM presence");
      while (open.step()) named.insert(open.text(0));
    }
    // A candidate that something kept names is kept too, and then what it names: repeat until
    // nothing changes (chains are short: a correction of a correction at most).
    std::vector<bool> keep(candidates.size(), false);
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t i = 0; i < candidates.size(); ++i) {
        if (keep[i] || !named.count(candidates[i].id)) continue;
        keep[i] = true;
        changed = true;
        collectUuids(candidates[i].payload, named);
      }
    }
    if (std::find(keep.begin(), keep.end(), false) != keep.end()) {
      db.exec("DROP TRIGGER IF EXISTS event_is_never_deleted");
      {
        Statement del(db, "DELETE FROM event WHERE id = ?1");
        for (size_t i = 0; i < candidates.size(); ++i) {
          if (keep[i]) continue;
          del.bind(1, candidates[i].id).run();
          ++result.eventsDeleted;
        }
      }
      db.exec(kNeverDeletedTrigger);
      db.exec("DELETE FROM visit_close WHERE check_in_event_id NOT IN (SELECT id FROM event) AND "
              "check_out_event_id NOT IN (SELECT id FROM event)");
    }
    deleteUnnamed(db, "participant", "0", result.participantsDeleted);
    deleteUnnamed(db, "staff", "actor_staff_id = ?1", result.staffDeleted);
    tx.commit();
  }
  if (result.eventsDeleted + result.participantsDeleted + result.staffDeleted == 0) return result;
  // The freed pages hold zeros now; VACUUM rewrites the file without them (a full vacuum: the
  // kiosk's file is a few MB and the file was made without incremental auto-vacuum), and the
  // truncating checkpoint leaves no old page image in the write-ahead log.
  const auto start = std::chrono::steady_clock::now();
  db.exec("VACUUM");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  result.vacuumMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  store.roster().forgetCache();
  platform::logInfo("retention: deleted " + std::to_string(result.eventsDeleted) + " events, " +
                    std::to_string(result.participantsDeleted) + " participants and " +
                    std::to_string(result.staffDeleted) + " staff no longer listed; vacuum took " +
                    std::to_string(static_cast<long long>(result.vacuumMs)) + " ms");
  return result;
}

void purgeExpiredQuietly(KioskStore& store, UtcMs now) {
  try {
    purgeExpired(store, now);
  } catch (const DagverkError& e) {
    platform::logError(std::string("retention: purge failed, nothing deleted: ") + e.english());
  }
}

} // namespace dagverk::store
