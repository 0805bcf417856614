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
  // For someone without a photo: a pictogram key (core/Pictograms.hpp, group symbol) and the
  // palette colour its tile is drawn on, by name. Both from central's CSV or chosen on the kiosk.
  std::optional<std::string> symbol = std::nullopt;
  std::optional<std::string> symbolColour = std::nullopt;
  // "uttal": how speech should say the first name when the spelling misleads it. Never shown.
  std::optional<std::string> spokenName = std::nullopt;

  std::string displayName() const { return firstName + " " + initial + "."; }
  // "AN" style initials for the coloured tile when there is no photo.
  std::string initials() const;
};

struct Activity {
  std::string id;
  std::string siteId;
  std::string name;
  std::string category;
  // The pictogram key staff chose (core/Pictograms.hpp); none: the category's pictogram.
  // (A default, so the catalogue's four-field initialisers elsewhere stay complete.)
  std::optional<std::string> pictogram = std::nullopt;
};

// Parses "12345" (ISO weekday digits) into a weekday mask; nullopt if malformed.
std::optional<std::array<bool, 7>> parseWeekdays(const std::string& digits);
std::string formatWeekdays(const std::array<bool, 7>& mask);

} // namespace dagverk
