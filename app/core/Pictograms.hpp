#pragma once
// The pictogram table (assets/pictograms.tsv, compiled in): which emoji stands for which
// activity category, "Tyck till" topic, survey question and prompt, and which may be chosen as
// a participant's personal symbol or an activity's pictogram. Also the calm palette a personal
// symbol is drawn on. Pure data: the font and textures are platform/ and ui/ work.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dagverk {

struct Pictogram {
  std::string key;       // stored in rosters and events: a-z, 0-9 and '-'
  char32_t codePoint = 0;
  std::string group;     // kategori, tema, fraga, prompt or symbol
  std::string label;     // Swedish; for kategori rows, the category's exact name
  std::string meaning;   // English comment
};

// Parses the TSV text ('#' lines are comments). Throws DagverkError(BadInput) naming the line
// for a malformed row, a bad key or code point, an unknown group or a duplicate key.
std::vector<Pictogram> parsePictogramTable(std::string_view tsv);

// The compiled-in table.
const std::vector<Pictogram>& pictograms();
const Pictogram* findPictogram(const std::string& key);
// What staff may choose as a participant's symbol (group symbol), and as an activity's
// pictogram (groups kategori and symbol).
bool isPersonalSymbol(const std::string& key);
bool isActivityPictogram(const std::string& key);
// The pictograms the screens use for a "Tyck till" topic, a survey question (q1..q3) and an
// activity category (by its name, e.g. "Natur och trädgård"); "" when the table has none.
std::string topicPictogram(const std::string& topicCode);
std::string questionPictogram(const std::string& questionCode);
std::string categoryPictogram(const std::string& category);
// Prompt keys.
inline constexpr const char* kPictogramGoHome = "ga-hem";
inline constexpr const char* kPictogramTalk = "prata";
inline constexpr const char* kPictogramThanks = "tack";

// The calm palette of a personal symbol's tile, by Swedish name.
struct SymbolColour {
  const char* name; // "blå", stored in rosters
  unsigned rgb;     // 0xRRGGBB
};
const std::vector<SymbolColour>& symbolColours();
const SymbolColour* findSymbolColour(const std::string& name);

// A name as spoken ("uttal"): 1-60 letters, spaces and hyphens.
bool isValidSpokenName(const std::string& text);

} // namespace dagverk
