#include "core/Staff.hpp"

#include "core/SwedishText.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace dagverk {

const char* roleCode(StaffRole r) {
  switch (r) {
  case StaffRole::Staff: return "staff";
  case StaffRole::AssistantManager: return "assistant_manager";
  case StaffRole::Admin: return "admin";
  }
  return "staff";
}

std::optional<StaffRole> parseRole(const std::string& code) {
  for (StaffRole r : {StaffRole::Staff, StaffRole::AssistantManager, StaffRole::Admin})
    if (code == roleCode(r)) return r;
  return std::nullopt;
}

const char* roleLabelSv(StaffRole r) {
  switch (r) {
  case StaffRole::Staff: return "Personal";
  case StaffRole::AssistantManager: return "Biträdande enhetschef";
  case StaffRole::Admin: return "Administratör";
  }
  return "Personal";
}

bool StaffMember::worksAt(const std::string& siteId) const {
  return std::any_of(siteIds.begin(), siteIds.end(), [&](const std::string& s) { return s == siteId || s == "*"; });
}

std::string StaffMember::initials() const { return firstLetterUpper(firstName) + firstLetterUpper(initial); }

bool isWellFormedPin(const std::string& pin) {
  return pin.size() >= kMinPinDigits && pin.size() <= kMaxPinDigits &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::int64_t lockoutSecondsForLevel(int level) {
  static constexpr std::array<std::int64_t, 5> kSeconds{30, 60, 300, 900, 3600};
  if (level <= 0) return 0;
  return kSeconds[static_cast<size_t>(std::min<int>(level, static_cast<int>(kSeconds.size())) - 1)];
}

std::int64_t PinLockout::secondsLeft(UtcMs now) const {
  if (lockedUntil <= now) return 0;
  const std::int64_t leftMs = std::min<std::int64_t>(lockedUntil - now, lockoutSecondsForLevel(level) * 1000);
  return (leftMs + 999) / 1000;
}

int PinLockout::attemptsLeftBeforeLock() const {
  return level == 0 ? std::max(0, kFreePinAttempts - failures) : 0;
}

void PinLockout::recordFailure(UtcMs now) {
  ++failures;
  if (failures >= kFreePinAttempts) {
    ++level;
    lockedUntil = now + lockoutSecondsForLevel(level) * 1000;
  }
}

void PinLockout::recordSuccess() { *this = PinLockout{}; }

bool isValidStaffIdleSeconds(std::int64_t seconds) {
  return seconds >= kMinStaffIdleSeconds && seconds <= kMaxStaffIdleSeconds;
}

std::optional<int> parseStaffIdleSeconds(const std::string& text) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || !isValidStaffIdleSeconds(n)) return std::nullopt;
  return static_cast<int>(n);
}

std::string staffIdleRangeSv() {
  return "mellan " + std::to_string(kMinStaffIdleSeconds) + " och " + std::to_string(kMaxStaffIdleSeconds) +
         " sekunder";
}

} // namespace dagverk
