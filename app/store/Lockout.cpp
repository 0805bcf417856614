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
} // namespace

PinLockout Lockout::read() const {
  PinLockout lock;
  Statement s(db_, "SELECT failures, level, locked_until_utc FROM pin_lockout WHERE id = 1");
  if (s.step()) {
    lock.failures = static_cast<int>(s.integer(0));
    lock.level = static_cast<int>(s.integer(1));
    lock.lockedUntil = s.integer(2);
  }
  return lock;
}

void Lockout::write(const PinLockout& lock) {
  Statement s(db_, "INSERT INTO pin_lockout(id, failures, level, locked_until_utc) VALUES (1, ?1, ?2, ?3) "
                   "ON CONFLICT(id) DO UPDATE SET failures = excluded.failures, level = excluded.level, "
                   "locked_until_utc = excluded.locked_until_utc");
  s.bind(1, lock.failures).bind(2, lock.level).bind(3, lock.lockedUntil).run();
}

PinLockout Lockout::state() const {
  PinLockout lock = read();
  clampLockout(lock, clock_.nowUtc());
  return lock;
}

PinCheck Lockout::checkPin(const std::string& staffId, const std::string& pin) {
  const UtcMs now = clock_.nowUtc();
  // A locked kiosk does not even verify: checked first, before any Argon2 work.
  PinLockout lock = read();
  if (clampLockout(lock, now)) {
    Transaction tx(db_);
    write(lock);
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
  PinLockout current = read(); // another process may have counted in the meantime
  if (const auto left = current.secondsLeft(now); left > 0) return PinCheck{PinResult::LockedOut, left, 0};
  if (accepted) {
    current.recordSuccess();
    if (rehashed) roster_.replacePinHash(staffId, *rehashed);
  } else {
    current.recordFailure(now);
  }
  write(current);
  tx.commit();
  if (accepted) return PinCheck{PinResult::Accepted, 0, 0};
  // The wrong PIN that starts a lock-out answers with the lock-out, so the countdown shows at once.
  if (const auto left = current.secondsLeft(now); left > 0) return PinCheck{PinResult::LockedOut, left, 0};
  return PinCheck{wellFormed ? PinResult::Wrong : PinResult::Malformed, 0, current.attemptsLeftBeforeLock()};
}

PinCheck Lockout::checkPinForRollCall(const std::string& staffId, const std::string& pin) {
  const UtcMs now = clock_.nowUtc();
  const PinLockout lock = read();
  const std::int64_t left = lock.secondsLeft(now);
  if (left == 0) return checkPin(staffId, pin);
  // Locked: verify anyway, but slowly, so the roll call cannot be used to guess PINs fast.
  if (now >= lastEmergencyPinAt_ && now - lastEmergencyPinAt_ < kEmergencyPinIntervalMs)
    return PinCheck{PinResult::LockedOut, left, 0};
  lastEmergencyPinAt_ = now;
  const StaffMember m = roster_.staffMember(staffId);
  const bool accepted = isWellFormedPin(pin) && m.active && verifyPin(m.pinHash, pin);
  if (accepted) return PinCheck{PinResult::Accepted, 0, 0}; // the staff-mode lock-out stays
  Transaction tx(db_);
  PinLockout current = read();
  current.recordFailure(now);
  write(current);
  tx.commit();
  return PinCheck{PinResult::LockedOut, current.secondsLeft(now), 0};
}

} // namespace dagverk::store
