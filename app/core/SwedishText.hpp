#pragma once
// Swedish alphabetical order (… X Y Z Å Ä Ö) and the first letter of a name, over UTF-8.
#include <string>
#include <string_view>
#include <vector>

namespace dagverk {

// Decodes UTF-8 into code points; invalid sequences become U+FFFD.
std::u32string decodeUtf8(std::string_view s);
std::string encodeUtf8(char32_t cp);
bool isValidUtf8(std::string_view s);

// The first letter, upper-cased, as UTF-8 ("Å" for "åsa").
std::string firstLetterUpper(std::string_view name);
// Swedish collation: true if a sorts before b (case-insensitive, å ä ö after z).
bool swedishLess(std::string_view a, std::string_view b);
// The letters of the alphabet strip, A–Ö.
const std::vector<std::string>& swedishAlphabet();

// A number as Swedish readers write it: "4,5", "12", "-0,3": rounded half away from zero to
// `decimals` places (0..6), decimal comma, no "-" on a value that rounds to zero. The kiosk and
// the reports both use this one, so a figure reads the same on the screen and on paper.
std::string formatSwedishDecimal(double value, int decimals = 1);

} // namespace dagverk
