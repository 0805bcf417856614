#pragma once
// Staff PIN checks and the lock-out counters (rows, not events), one per staff member: five
// wrong PINs for a person lock that person out for a growing time, and a restart does not
// reset it. Colleagues sign in as usual, so someone guessing at the keypad cannot lock out the
// whole kiosk.
#include "core/Clock.hpp"
#include "core/Staff.hpp"

#include <cstdint>
#include <map>
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
  // While that staff member is locked out the PIN is not even verified.
  PinCheck checkPin(const std::string& staffId, const std::string& pin);
  // One staff member's lock-out as it stands now (all zero when they have none).
  PinLockout state(const std::string& staffId) const;
  // Everyone with wrong PINs on record, by staff id.
  std::map<std::string, PinLockout> states() const;

private:
  PinLockout read(const std::string& staffId) const;
  void write(const std::string& staffId, const PinLockout& lock);

  Database& db_;
  RosterStore& roster_;
  const Clock& clock_;
};

} // namespace dagverk::store
