#include "core/JsonShape.hpp"

namespace dagverk {

namespace {
bool isDigit(char c) { return c >= '0' && c <= '9'; }
} // namespace

std::string jsonShapeProblem(std::string_view json, std::size_t maxBytes, int maxDepth) {
  if (json.size() > maxBytes)
    return "JSON too large (" + std::to_string(json.size()) + " bytes, at most " + std::to_string(maxBytes) + ")";
  int depth = 0;
  bool inString = false;
  bool escaped = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '\0') return "NUL byte at offset " + std::to_string(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') inString = false;
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      if (++depth > maxDepth) return "JSON nested deeper than " + std::to_string(maxDepth) + " levels";
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == '-' || isDigit(c)) {
      // Outside strings a digit or minus can only start a number.
      std::size_t j = c == '-' ? i + 1 : i;
      const std::size_t firstDigit = j;
      while (j < json.size() && isDigit(json[j])) ++j;
      if (j == firstDigit) return "a minus sign without digits at offset " + std::to_string(i);
      if (j - firstDigit > 18) return "a number of more than 18 digits at offset " + std::to_string(i);
      if (j < json.size() && (json[j] == '.' || json[j] == 'e' || json[j] == 'E'))
        return "a number with a fraction or an exponent at offset " + std::to_string(i);
      i = j - 1;
    }
  }
  return {};
}

} // namespace dagverk
