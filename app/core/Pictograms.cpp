#include "core/Pictograms.hpp"

#include "core/Error.hpp"
#include "core/SwedishText.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace dagverk {

extern const char* const kPictogramTableTsv; // PictogramTable.cpp, generated from assets/pictograms.tsv

namespace {
[[noreturn]] void badRow(int line, const std::string& what) {
  throw DagverkError(ErrorCode::BadInput, "Fel i pictograms.tsv rad " + std::to_string(line) + ": " + what,
                     "pictograms.tsv:" + std::to_string(line) + ": " + what);
}

std::vector<std::string> splitTabs(std::string_view line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

bool isKey(const std::string& k) {
  return !k.empty() && k.size() <= 40 && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

const std::set<std::string>& groups() {
  static const std::set<std::string> g{"kategori", "tema", "fraga", "prompt", "symbol"};
  return g;
}

bool inGroup(const std::string& key, std::initializer_list<const char*> wanted) {
  const Pictogram* p = findPictogram(key);
  if (!p) return false;
  return std::any_of(wanted.begin(), wanted.end(), [&](const char* g) { return p->group == g; });
}

// Latin letters as Swedish, Finnish and other European names use them (Basic Latin, Latin-1
// and Latin Extended-A), so "uttal" can spell a name the way espeak reads it.
bool isNameLetter(char32_t c) {
  if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
  if (c >= 0xC0 && c <= 0x17F) return c != 0xD7 && c != 0xF7;
  return false;
}
} // namespace

std::vector<Pictogram> parsePictogramTable(std::string_view tsv) {
  std::vector<Pictogram> out;
  std::set<std::string> keys;
  int lineNo = 0;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto cols = splitTabs(line);
    if (cols.size() != 5) badRow(lineNo, "expected 5 tab-separated columns, found " + std::to_string(cols.size()));
    Pictogram p;
    p.key = cols[0];
    if (!isKey(p.key)) badRow(lineNo, "key must be 1-40 of a-z, 0-9 and '-'");
    if (!keys.insert(p.key).second) badRow(lineNo, "duplicate key '" + p.key + "'");
    const std::string& cp = cols[1];
    unsigned value = 0;
    if (cp.size() < 6 || cp.compare(0, 2, "U+") != 0)
      badRow(lineNo, "code point must be written U+XXXX");
    auto [ptr, ec] = std::from_chars(cp.data() + 2, cp.data() + cp.size(), value, 16);
    if (ec != std::errc() || ptr != cp.data() + cp.size() || value > 0x10FFFF || value < 0x20)
      badRow(lineNo, "code point must be written U+XXXX");
    p.codePoint = static_cast<char32_t>(value);
    p.group = cols[2];
    if (!groups().count(p.group)) badRow(lineNo, "unknown group '" + p.group + "'");
    p.label = cols[3];
    if (p.label.empty() || !isValidUtf8(p.label)) badRow(lineNo, "label must be non-empty UTF-8");
    p.meaning = cols[4];
    out.push_back(std::move(p));
  }
  return out;
}

const std::vector<Pictogram>& pictograms() {
  static const std::vector<Pictogram> table = parsePictogramTable(kPictogramTableTsv);
  return table;
}

const Pictogram* findPictogram(const std::string& key) {
  for (const auto& p : pictograms())
    if (p.key == key) return &p;
  return nullptr;
}

bool isPersonalSymbol(const std::string& key) { return inGroup(key, {"symbol"}); }
bool isActivityPictogram(const std::string& key) { return inGroup(key, {"kategori", "symbol"}); }

std::string topicPictogram(const std::string& topicCode) {
  const std::string key = "tema-" + topicCode;
  return inGroup(key, {"tema"}) ? key : std::string();
}

std::string questionPictogram(const std::string& questionCode) {
  const std::string key = "fraga-" + questionCode;
  return inGroup(key, {"fraga"}) ? key : std::string();
}

std::string categoryPictogram(const std::string& category) {
  for (const auto& p : pictograms())
    if (p.group == "kategori" && p.label == category) return p.key;
  return {};
}

const std::vector<SymbolColour>& symbolColours() {
  // Mid-tone, low-saturation colours: each holds a white disc with the emoji clearly apart from
  // the next tile, and none shouts (no pure red, which reads as an error).
  static const std::vector<SymbolColour> k{{"blå", 0x4A7BB7},   {"grön", 0x4E9A6B}, {"lila", 0x8A6BB8},
                                           {"turkos", 0x3E9A9E}, {"orange", 0xD98A3D}, {"rosa", 0xC9708F},
                                           {"gul", 0xD2AE3A},    {"grå", 0x7D8790}};
  return k;
}

const SymbolColour* findSymbolColour(const std::string& name) {
  for (const auto& c : symbolColours())
    if (name == c.name) return &c;
  return nullptr;
}

bool isValidSpokenName(const std::string& text) {
  if (!isValidUtf8(text)) return false;
  const std::u32string cps = decodeUtf8(text);
  if (cps.empty() || cps.size() > 60) return false;
  bool anyLetter = false;
  for (char32_t c : cps) {
    if (isNameLetter(c)) anyLetter = true;
    else if (c != U' ' && c != U'-') return false;
  }
  return anyLetter;
}

} // namespace dagverk
