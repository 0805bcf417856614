#pragma once
// The kiosk's side of the weekly sync: check the share, write one batch of
// every event central has not acknowledged, record it, apply the newest valid roster bundle,
// and read the receipts. Used by `dagverk sync` and the "Synkronisera" screen (on a worker
// thread with its own store connection).
#include "core/Clock.hpp"
#include "store/KioskStore.hpp"
#include "sync/SyncFormat.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dagverk::sync {

struct SyncResult {
  std::int64_t eventsSent = 0;      // events in the batch written this time (0: none written)
  std::int64_t batchSeq = 0;        // that batch's number
  std::string batchFile;            // its file name on the share
  std::int64_t eventsConfirmed = 0; // events central confirmed by receipt during this sync
  std::int64_t stillUnconfirmed = 0; // events sent but not yet confirmed after this sync
  std::optional<std::int64_t> bundleApplied; // version of a roster applied now
  std::int64_t receiptsIgnored = 0; // receipts that did not verify (logged)
  // Swedish, one per problem that did not stop the sync (a refused bundle, ...). The sync is
  // "ok" when empty.
  std::vector<std::string> problems;
  bool ok() const { return problems.empty(); }
  // Plain Swedish for the screen and `dagverk sync`.
  std::string summary() const;
};

using SyncProgress = std::function<void(double /*0..1*/, const char* /*step, Swedish*/)>;

// Runs one sync (the steps above, in that order). Throws DagverkError for a failure that stops
// it (ShareMissing, a marker whose central keys changed, a batch that could not be written or
// verified, the kiosk's own disk full ...): then nothing is recorded as sent and the next sync
// sends again. Records the time and result of a sync in the store's settings.
SyncResult runSync(store::KioskStore& store, const std::filesystem::path& dataDir, const std::filesystem::path& share,
                   const Clock& clock, const SyncProgress& progress = {});

// Whether the share's marker is readable (without writing anything). Empty on success, else
// the Swedish reason.
std::string checkShare(const std::filesystem::path& share);

// Records a failed sync's Swedish message as the last result (best effort: a full disk may
// refuse it, which is logged).
void recordSyncFailure(store::KioskStore& store, const std::string& swedish);

} // namespace dagverk::sync
