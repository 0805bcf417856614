#pragma once
// Staff at a site, their roles, and the PIN lock-out policy.
#include "core/Clock.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dagverk {

enum class StaffRole { Staff, AssistantManager, Admin };

const char* roleCode(StaffRole r);           // "staff", "assistant_manager", "admin"
std::optional<StaffRole> parseRole(const std::string& code);
const char* roleLabelSv(StaffRole r);        // "Personal", "Biträdande enhetschef", "Administratör"

struct StaffMember {
  std::string id;
  std::vector<std::string> siteIds; // the sites they work at; "*" for every site (admin)
  std::string firstName;
  std::string initial;
  StaffRole role = StaffRole::Staff;
  std::string pinHash; // Argon2id string from libsodium crypto_pwhash_str; never the PIN
  bool active = true;
  std::string displayName() const { return firstName + " " + initial + "."; }
  bool worksAt(const std::string& siteId) const;
  std::string initials() const;
};

// A PIN is 4 to 8 digits: 4 is what staff are used to, and a longer one is allowed for those
// who want more than the 10,000 a thief with the tablet could try offline.
inline constexpr size_t kMinPinDigits = 4;
inline constexpr size_t kMaxPinDigits = 8;
bool isWellFormedPin(const std::string& pin);

// After kFreeAttempts wrong PINs in a row the kiosk locks for a growing time: 30 s, 1 min,
// 5 min, 15 min, then 1 h for every further wrong PIN. A right PIN resets it.
inline constexpr int kFreePinAttempts = 5;

struct PinLockout {
  int failures = 0;      // wrong PINs in a row
  int level = 0;         // how many lock-outs so far in this run of failures
  UtcMs lockedUntil = 0; // 0: not locked

  // Seconds left of the lock-out at `now` (0 when not locked). A clock that jumped back
  // cannot stretch a lock-out beyond its own length.
  std::int64_t secondsLeft(UtcMs now) const;
  int attemptsLeftBeforeLock() const;
  void recordFailure(UtcMs now);
  void recordSuccess();
};

std::int64_t lockoutSecondsForLevel(int level); // level 1 = 30 s

// How long staff mode may stay idle before it closes by itself (the setting
// staff_idle_seconds): long enough to read a form, short enough that a kiosk left in staff
// mode does not stay open to the next person.
inline constexpr const char* kStaffIdleSecondsKey = "staff_idle_seconds";
inline constexpr int kDefaultStaffIdleSeconds = 90;
inline constexpr int kMinStaffIdleSeconds = 10;
inline constexpr int kMaxStaffIdleSeconds = 3600;
bool isValidStaffIdleSeconds(std::int64_t seconds);
// The stored text as seconds: nullopt unless it is a whole number within the range.
std::optional<int> parseStaffIdleSeconds(const std::string& text);
// "mellan 10 och 3600 sekunder", for messages that name the range.
std::string staffIdleRangeSv();

} // namespace dagverk
