#pragma once
// Staff PIN checks and the device-wide lock-out counter (a row, not an event): five wrong PINs
// lock the kiosk for a growing time, and a restart does not reset it.
#include "core/Clock.hpp"
#include "core/Staff.hpp"

#include <cstdint>
#include <string>

namespace dagverk::store {

class Database;
class RosterStore;

enum class PinResult { Accepted, Wrong, LockedOut, Malformed };

struct PinCheck {
  PinResult result = PinResult::Wrong;
  std::int64_t secondsLeft = 0; // LockedOut: seconds until the next try
  int attemptsLeft = 0;         // Wrong: tries left before the lock-out starts
};

class Lockout {
public:
  Lockout(Database& db, RosterStore& roster, const Clock& clock) : db_(db), roster_(roster), clock_(clock) {}

  // Checks a staff member's PIN against its Argon2id hash (libsodium crypto_pwhash_str_verify).
  // A hash made with weaker parameters than today's is re-hashed on success (needs_rehash).
  PinCheck checkPin(const std::string& staffId, const std::string& pin);
  // The same check for starting a roll call: a fire drill must not wait for a lock-out, so
  // during one a PIN is still verified, at most once per kEmergencyPinIntervalMs (wrong PINs
  // still count, and a right one opens only the roll call).
  static constexpr std::int64_t kEmergencyPinIntervalMs = 3000;
  PinCheck checkPinForRollCall(const std::string& staffId, const std::string& pin);
  // The lock-out as it stands now.
  PinLockout state() const;

private:
  PinLockout read() const;
  void write(const PinLockout& lock);

  Database& db_;
  RosterStore& roster_;
  const Clock& clock_;
  UtcMs lastEmergencyPinAt_ = 0;
};

} // namespace dagverk::store
