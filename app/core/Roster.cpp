#include "core/Roster.hpp"

#include "core/SwedishText.hpp"

namespace dagverk {

std::string Participant::initials() const {
  return firstLetterUpper(firstName) + firstLetterUpper(initial);
}

std::optional<std::array<bool, 7>> parseWeekdays(const std::string& digits) {
  std::array<bool, 7> mask{};
  for (char c : digits) {
    if (c < '1' || c > '7') return std::nullopt;
    const auto idx = static_cast<size_t>(c - '1');
    if (mask[idx]) return std::nullopt; // a weekday twice
    mask[idx] = true;
  }
  return mask;
}

std::string formatWeekdays(const std::array<bool, 7>& mask) {
  std::string out;
  for (size_t i = 0; i < mask.size(); ++i)
    if (mask[i]) out += static_cast<char>('1' + i);
  return out;
}

} // namespace dagverk
