#include "core/StrictJson.hpp"

#include <unordered_set>

namespace dagverk {

class StrictJsonParser {
public:
  StrictJsonParser(std::string_view text, int maxDepth) : in_(text), maxDepth_(maxDepth) {}

  JsonValue document() {
    skipSpace();
    JsonValue v = value(1);
    skipSpace();
    if (pos_ != in_.size()) fail("text after the JSON value");
    return v;
  }

private:
  std::string_view in_;
  std::size_t pos_ = 0;
  int maxDepth_;

  [[noreturn]] void fail(const std::string& what) const {
    throw JsonError(what + " at offset " + std::to_string(pos_));
  }
  bool atEnd() const { return pos_ >= in_.size(); }
  char peek() const { return atEnd() ? '\0' : in_[pos_]; }
  void skipSpace() {
    while (!atEnd() && (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\n' || in_[pos_] == '\r')) ++pos_;
  }
  void expect(char c) {
    if (atEnd()) fail(std::string("end of text where '") + c + "' was expected");
    if (in_[pos_] != c) fail(std::string("'") + c + "' expected");
    ++pos_;
  }
  void literal(std::string_view word) {
    if (in_.substr(pos_, word.size()) != word) fail("unknown word");
    pos_ += word.size();
  }

  JsonValue value(int depth) {
    if (atEnd()) fail("end of text where a value was expected");
    JsonValue v;
    const char c = in_[pos_];
    if (c == '{' || c == '[') {
      if (depth > maxDepth_) fail("nested deeper than " + std::to_string(maxDepth_) + " levels");
      if (c == '{') object(v, depth);
      else array(v, depth);
    } else if (c == '"') {
      v.kind_ = JsonValue::Kind::String;
      v.text_ = string();
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.kind_ = JsonValue::Kind::Integer;
      v.integer_ = integer();
    } else if (c == 't') {
      literal("true");
      v.kind_ = JsonValue::Kind::Boolean;
      v.integer_ = 1;
    } else if (c == 'f') {
      literal("false");
      v.kind_ = JsonValue::Kind::Boolean;
    } else if (c == 'n') {
      fail("null, which Dagverk never writes,");
    } else {
      fail("unexpected byte");
    }
    return v;
  }

  void object(JsonValue& v, int depth) {
    v.kind_ = JsonValue::Kind::Object;
    std::unordered_set<std::string> keys;
    expect('{');
    skipSpace();
    if (peek() == '}') {
      ++pos_;
      return;
    }
    for (;;) {
      skipSpace();
      if (peek() != '"') fail("a key expected");
      std::string key = string();
      if (!keys.insert(key).second) fail("a key given twice");
      skipSpace();
      expect(':');
      skipSpace();
      JsonValue member = value(depth + 1);
      v.members_.emplace_back(std::move(key), std::move(member));
      skipSpace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect('}');
      return;
    }
  }

  void array(JsonValue& v, int depth) {
    v.kind_ = JsonValue::Kind::Array;
    expect('[');
    skipSpace();
    if (peek() == ']') {
      ++pos_;
      return;
    }
    for (;;) {
      skipSpace();
      v.elements_.push_back(value(depth + 1));
      skipSpace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect(']');
      return;
    }
  }

  // -?(0|[1-9][0-9]*) with at most 18 digits, so it always fits in 64 bits.
  std::int64_t integer() {
    const bool negative = peek() == '-';
    if (negative) ++pos_;
    const std::size_t first = pos_;
    std::int64_t n = 0;
    while (!atEnd() && in_[pos_] >= '0' && in_[pos_] <= '9') {
      if (pos_ - first == 18) fail("a number of more than 18 digits");
      n = n * 10 + (in_[pos_] - '0');
      ++pos_;
    }
    if (pos_ == first) fail("a minus sign without digits");
    if (in_[first] == '0' && pos_ - first > 1) fail("a number with a leading zero");
    if (!atEnd() && (in_[pos_] == '.' || in_[pos_] == 'e' || in_[pos_] == 'E'))
      fail("a number with a fraction or an exponent");
    return negative ? -n : n;
  }

  unsigned hex4() {
    unsigned u = 0;
    for (int i = 0; i < 4; ++i) {
      if (atEnd()) fail("end of text in a \\u escape");
      const char c = in_[pos_++];
      u <<= 4;
      if (c >= '0' && c <= '9') u |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') u |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') u |= static_cast<unsigned>(c - 'A' + 10);
      else fail("a \\u escape that is not four hex digits");
    }
    return u;
  }

  static void appendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // One UTF-8 sequence starting at pos_ (shortest form, no surrogates, at most U+10FFFF),
  // copied to `out`.
  void utf8Sequence(std::string& out) {
    const auto b0 = static_cast<unsigned char>(in_[pos_]);
    std::size_t len = 0;
    unsigned cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
      cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      cp = b0 & 0x0Fu;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      cp = b0 & 0x07u;
    } else {
      fail("invalid UTF-8");
    }
    if (in_.size() - pos_ < len) fail("truncated UTF-8");
    for (std::size_t i = 1; i < len; ++i) {
      const auto b = static_cast<unsigned char>(in_[pos_ + i]);
      if ((b & 0xC0) != 0x80) fail("invalid UTF-8");
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      fail("invalid UTF-8");
    out.append(in_.substr(pos_, len));
    pos_ += len;
  }

  std::string string() {
    expect('"');
    std::string out;
    for (;;) {
      if (atEnd()) fail("end of text inside a string");
      const char c = in_[pos_];
      const auto u = static_cast<unsigned char>(c);
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (u < 0x20) fail("a control byte inside a string");
      if (u >= 0x80) {
        utf8Sequence(out);
        continue;
      }
      ++pos_;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (atEnd()) fail("end of text in an escape");
      const char e = in_[pos_++];
      switch (e) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '/': out.push_back('/'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        unsigned cp = hex4();
        if (cp >= 0xDC00 && cp <= 0xDFFF) fail("a lone low surrogate");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (in_.substr(pos_, 2) != "\\u") fail("a high surrogate without its low half");
          pos_ += 2;
          const unsigned low = hex4();
          if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate without its low half");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (cp == 0) fail("a NUL character inside a string");
        appendUtf8(out, cp);
        break;
      }
      default: fail("an unknown escape");
      }
    }
  }
};

JsonValue parseStrictJson(std::string_view text, std::size_t maxBytes, int maxDepth) {
  if (text.size() > maxBytes)
    throw JsonError("JSON too large (" + std::to_string(text.size()) + " bytes, at most " + std::to_string(maxBytes) +
                    ")");
  return StrictJsonParser(text, maxDepth).document();
}

const char* jsonKindName(JsonValue::Kind kind) {
  switch (kind) {
  case JsonValue::Kind::Object: return "an object";
  case JsonValue::Kind::Array: return "an array";
  case JsonValue::Kind::String: return "a string";
  case JsonValue::Kind::Integer: return "an integer";
  case JsonValue::Kind::Boolean: return "a boolean";
  }
  return "a value";
}

} // namespace dagverk
