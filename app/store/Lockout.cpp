#include "store/Lockout.hpp"

#include "store/Database.hpp"
#include "store/Pins.hpp"
#include "store/RosterStore.hpp"

#include <optional>

namespace dagverk::store {

namespace {
// A clock that jumped back must not stretch a lock-out beyond its own length.
bool clampLockout(PinLockout& lock, UtcMs now) {
  const std::int64_t lengthMs = lockoutSecondsForLevel(lock.level) * 1000;
  if (lock.lockedUntil > now && lock.lockedUntil - now > lengthMs) {
    lock.lockedUntil = now + lengthMs;
    return true;
  }
  return false;
}

PinLockout lockoutOf(Statement& s, int first) {
  PinLockout lock;
  lock.failures = static_cast<int>(s.integer(first));
  lock.level = static_cast<int>(s.integer(first + 1));
  lock.lockedUntil = s.integer(first + 2);
  return lock;
}
} // namespace

PinLockout Lockout::read(const std::string& staffId) const {
  Statement s(db_, "SELECT failures, level, locked_until_utc FROM staff_pin_lockout WHERE staff_id = ?1");
  s.bind(1, staffId);
  return s.step() ? lockoutOf(s, 0) : PinLockout{};
}

void Lockout::write(const std::string& staffId, const PinLockout& lock) {
  if (lock.failures == 0 && lock.level == 0 && lock.lockedUntil == 0) { // a right PIN: nothing to keep
    Statement(db_, "DELETE FROM staff_pin_lockout WHERE staff_id = ?1").bind(1, staffId).run();
    return;
  }
  Statement s(db_, "INSERT INTO staff_pin_lockout(staff_id, failures, level, locked_until_utc) "
                   "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(staff_id) DO UPDATE SET failures = excluded.failures, "
                   "level = excluded.level, locked_until_utc = excluded.locked_until_utc");
  s.bind(1, staffId).bind(2, lock.failures).bind(3, lock.level).bind(4, lock.lockedUntil).run();
}

PinLockout Lockout::state(const std::string& staffId) const {
  PinLockout lock = read(staffId);
  clampLockout(lock, clock_.nowUtc());
  return lock;
}

std::map<std::string, PinLockout> Lockout::states() const {
  std::map<std::string, PinLockout> out;
  const UtcMs now = clock_.nowUtc();
  Statement s(db_, "SELECT staff_id, failures, level, locked_until_utc FROM staff_pin_lockout");
  while (s.step()) {
    PinLockout lock = lockoutOf(s, 1);
    clampLockout(lock, now);
    out.emplace(s.text(0), lock);
  }
  return out;
}

PinCheck Lockout::checkPin(const std::string& staffId, const std::string& pin) {
  const UtcMs now = clock_.nowUtc();
  // A locked staff member's PIN is not even verified: checked first, before any Argon2 work.
  PinLockout lock = read(staffId);
  if (clampLockout(lock, now)) {
    Transaction tx(db_);
    write(staffId, lock);
    tx.commit();
  }
  if (const auto left = lock.secondsLeft(now); left > 0) return PinCheck{PinResult::LockedOut, left, 0};

  const StaffMember m = roster_.staffMember(staffId); // UnknownStaff: a programming error, not a wrong PIN
  // A PIN that is not 4–8 digits is a wrong PIN too and counts towards the lock-out.
  const bool wellFormed = isWellFormedPin(pin);
  const bool accepted = wellFormed && m.active && verifyPin(m.pinHash, pin);
  // Re-hash with today's parameters outside the write transaction (it takes Argon2 time).
  std::optional<std::string> rehashed;
  if (accepted && pinNeedsRehash(m.pinHash)) rehashed = hashPin(pin);

  Transaction tx(db_);
  PinLockout current = read(staffId); // another process may have counted in the meantime
  if (const auto left = current.secondsLeft(now); left > 0) return PinCheck{PinResult::LockedOut, left, 0};
  if (accepted) {
    current.recordSuccess();
    if (rehashed) roster_.replacePinHash(staffId, *rehashed);
  } else {
    current.recordFailure(now);
  }
  write(staffId, current);
  tx.commit();
  if (accepted) return PinCheck{PinResult::Accepted, 0, 0};
  // The wrong PIN that starts a lock-out answers with the lock-out, so the countdown shows at once.
  if (const auto left = current.secondsLeft(now); left > 0) return PinCheck{PinResult::LockedOut, left, 0};
  return PinCheck{wellFormed ? PinResult::Wrong : PinResult::Malformed, 0, current.attemptsLeftBeforeLock()};
}

} // namespace dagverk::store
