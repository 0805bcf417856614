#pragma once
// A small, strict JSON reader for text from outside (the share's marker and manifests, the
// enrolled-devices list, event payloads from other devices). It accepts only the shapes Dagverk
// writes: objects, arrays, strings, booleans and integers of at most 18 digits (no fraction, no
// exponent, no null), within a byte limit and a nesting limit, with valid UTF-8, no NUL and no
// duplicate keys. Debian's rapidjson, which cereal's JSON archive reads with, reaches undefined
// behaviour on crafted numbers, so no byte from outside goes to it; cereal's JSON writer, whose
// output this reader reads back, stays in use.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dagverk {

class JsonValue {
public:
  enum class Kind { Object, Array, String, Integer, Boolean };
  using Member = std::pair<std::string, JsonValue>;

  Kind kind() const { return kind_; }
  bool isObject() const { return kind_ == Kind::Object; }
  bool isArray() const { return kind_ == Kind::Array; }
  std::int64_t integer() const { return integer_; }
  bool boolean() const { return integer_ != 0; }
  const std::string& text() const { return text_; }
  const std::vector<Member>& members() const { return members_; } // in file order
  const std::vector<JsonValue>& elements() const { return elements_; }

private:
  friend class StrictJsonParser;
  Kind kind_ = Kind::Object;
  std::int64_t integer_ = 0;
  std::string text_;
  std::vector<Member> members_;
  std::vector<JsonValue> elements_;
};

// Thrown for text that is not strict JSON of Dagverk's shape; what() is an English reason
// with the byte offset (never the text itself, which may hold names).
class JsonError : public std::exception {
public:
  explicit JsonError(std::string reason) : reason_(std::move(reason)) {}
  const char* what() const noexcept override { return reason_.c_str(); }

private:
  std::string reason_;
};

// Parses one JSON value (surrounded by optional whitespace) from `text`. Refuses, before
// looking at any byte, text longer than `maxBytes`; refuses nesting deeper than `maxDepth`.
JsonValue parseStrictJson(std::string_view text, std::size_t maxBytes, int maxDepth);

// The English name of a kind, for messages ("an object", "a string" ...).
const char* jsonKindName(JsonValue::Kind kind);

} // namespace dagverk
