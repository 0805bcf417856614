#pragma once
// Who and what a site has: the roster a kiosk works from.
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace dagverk {

struct Site {
  std::string id;        // short stable key, e.g. "liljan"
  std::string name;      // "Liljans dagliga verksamhet"
  int places = 0;        // places (platser) the site is funded for
  int opensMinute = 8 * 60;   // site's day, minutes after local midnight
  int closesMinute = 16 * 60; // open check-ins are closed at this time when the day rolls over
};

struct Participant {
  std::string id;        // opaque id, never a personal identity number
  std::string siteId;
  std::string firstName; // first name only
  std::string initial;   // initial of the last name, one letter
  std::array<bool, 7> expectedWeekdays{}; // index 0 = Monday
  std::optional<std::string> photoFile;   // only with consent; relative to the data directory
  bool active = true;

  std::string displayName() const { return firstName + " " + initial + "."; }
  // "AN" style initials for the coloured tile when there is no photo.
  std::string initials() const;
};

struct Activity {
  std::string id;
  std::string siteId;
  std::string name;
  std::string category;
};

// Parses "12345" (ISO weekday digits) into a weekday mask; nullopt if malformed.
std::optional<std::array<bool, 7>> parseWeekdays(const std::string& digits);
std::string formatWeekdays(const std::array<bool, 7>& mask);

} // namespace dagverk
