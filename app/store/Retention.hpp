#pragma once
// How long the kiosk keeps what central already has. A stolen tablet should give away as little
// as possible: events that central has acknowledged by receipt and that are older than the
// retention setting are deleted, with SQLite's secure_delete on so their bytes are overwritten,
// and the file is vacuumed and its write-ahead log truncated so no copy of a freed page stays.
//
// What is never deleted, however old:
// - an event central has not acknowledged (it would be lost);
// - an event that a kept event names by id (a correction and what it voids, a check-out and its
//   check-in), followed through chains, and the check-in of a visit that is still open;
// Participants and staff that the roster no longer lists (inactive) are deleted with the last
// event that names them, so a dismissed staff member's PIN hash and a participant who left do
// not stay on the tablet.
//
// The Statistik screen counts the last 56 days from the log itself; the shortest retention is
// longer than that, so the screen always has its whole period.
#include "core/Clock.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace dagverk::store {

class KioskStore;

inline constexpr const char* kSettingRetentionDays = "retention_days";
inline constexpr int kDefaultRetentionDays = 90;
inline constexpr int kMinRetentionDays = 60; // above the Statistik screen's 56 days
inline constexpr int kMaxRetentionDays = 3650;

// The stored setting, or the default when unset or unreadable.
int retentionDays(const KioskStore& store);
// Stores the days given as text; throws BadInput (Swedish naming the range) for anything but a
// whole number within kMinRetentionDays..kMaxRetentionDays, and changes nothing then.
void setRetentionDays(KioskStore& store, const std::string& days);
// The text as days if it is a whole number within the range.
std::optional<int> parseRetentionDays(const std::string& text);

struct PurgeResult {
  std::int64_t eventsDeleted = 0;
  std::int64_t participantsDeleted = 0;
  std::int64_t staffDeleted = 0;
  double vacuumMs = 0; // time spent compacting the file (0 when nothing was deleted)
};

// Deletes what the retention allows at `now` (see above), then compacts the file. Does nothing
// (and no vacuum) when there is nothing to delete. Throws DagverkError for a storage failure;
// the deletion is one transaction, so a failure leaves the log as it was.
PurgeResult purgeExpired(KioskStore& store, UtcMs now);

// The same, for the moments the kiosk calls it (after a sync, at start, at the night's
// rollover): a failure is logged and never stops what called it.
void purgeExpiredQuietly(KioskStore& store, UtcMs now);

} // namespace dagverk::store
