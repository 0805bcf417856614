#include "core/SwedishText.hpp"

#include <algorithm>
#include <cmath>

namespace dagverk {

std::u32string decodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = 0xFFFD;
    size_t len = 1;
    if (c < 0x80) {
      cp = c;
    } else if ((c >> 5) == 0x6) {
      len = 2;
    } else if ((c >> 4) == 0xE) {
      len = 3;
    } else if ((c >> 3) == 0x1E) {
      len = 4;
    }
    if (len > 1) {
      if (i + len > s.size()) {
        len = 1;
      } else {
        char32_t v = c & (0xFFu >> (len + 1));
        bool ok = true;
        for (size_t k = 1; k < len; ++k) {
          const auto cc = static_cast<unsigned char>(s[i + k]);
          if ((cc >> 6) != 0x2) { ok = false; break; }
          v = (v << 6) | (cc & 0x3Fu);
        }
        static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (ok && v >= kMin[len] && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF)) {
          cp = v;
        } else {
          len = 1;
        }
      }
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string encodeUtf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

bool isValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    char32_t v = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c >> 5) == 0x6) { len = 2; v = c & 0x1Fu; }
    else if ((c >> 4) == 0xE) { len = 3; v = c & 0x0Fu; }
    else if ((c >> 3) == 0x1E) { len = 4; v = c & 0x07u; }
    else return false;
    if (i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      v = (v << 6) | (cc & 0x3Fu);
    }
    static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false; // overlong, range, surrogate
    i += len;
  }
  return true;
}

namespace {
char32_t upper(char32_t c) {
  if (c >= U'a' && c <= U'z') return c - 32;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32; // Latin-1 letters
  return c;
}

// Sort weight: A..Z = 1..26, then Å Ä Ö; É sorts as E, Ü as Y (Swedish practice).
int weight(char32_t c) {
  c = upper(c);
  if (c >= U'A' && c <= U'Z') return static_cast<int>(c - U'A') * 4 + 4;
  switch (c) {
  case 0xC5: return 27 * 4 + 4; // Å
  case 0xC4: case 0xC6: return 28 * 4 + 4; // Ä, Æ
  case 0xD6: case 0xD8: return 29 * 4 + 4; // Ö, Ø
  case 0xC9: case 0xC8: case 0xCA: return (U'E' - U'A') * 4 + 5; // É È Ê just after E
  case 0xDC: return (U'Y' - U'A') * 4 + 5;
  case 0xC1: case 0xC0: return 5; // Á À after A
  default: return static_cast<int>(c) + 1000;
  }
}
} // namespace

std::string firstLetterUpper(std::string_view name) {
  const std::u32string cps = decodeUtf8(name);
  if (cps.empty()) return "";
  return encodeUtf8(upper(cps.front()));
}

bool swedishLess(std::string_view a, std::string_view b) {
  const std::u32string x = decodeUtf8(a), y = decodeUtf8(b);
  const size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    const int wx = weight(x[i]), wy = weight(y[i]);
    if (wx != wy) return wx < wy;
  }
  if (x.size() != y.size()) return x.size() < y.size();
  return a < b; // stable tie-break on the bytes (case)
}

const std::vector<std::string>& swedishAlphabet() {
  static const std::vector<std::string> kLetters = [] {
    std::vector<std::string> v;
    for (char c = 'A'; c <= 'Z'; ++c) v.emplace_back(1, c);
    v.emplace_back("Å");
    v.emplace_back("Ä");
    v.emplace_back("Ö");
    return v;
  }();
  return kLetters;
}

std::string formatSwedishDecimal(double value, int decimals) {
  decimals = std::clamp(decimals, 0, 6);
  long long scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const long long units = std::llround(value * static_cast<double>(scale));
  const unsigned long long magnitude = static_cast<unsigned long long>(units < 0 ? -units : units);
  std::string out = (units < 0 ? "-" : "") + std::to_string(magnitude / static_cast<unsigned long long>(scale));
  if (decimals == 0) return out;
  std::string fraction = std::to_string(magnitude % static_cast<unsigned long long>(scale));
  return out + "," + std::string(static_cast<size_t>(decimals) - fraction.size(), '0') + fraction;
}

} // namespace dagverk
