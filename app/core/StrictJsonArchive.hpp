#pragma once
// A cereal input archive over core/StrictJson: the types' own serialize() functions read what
// cereal's JSONOutputArchive wrote, without the text ever reaching rapidjson. It follows
// cereal's JSON archive: a named value is looked up by name in the current object (the next
// member first, as that is where the writer put it), an unnamed one is the next in order, and
// a class or a vector is a nested object or array. Every type mismatch, missing key, integer out
// of range or (when asked) unread key throws JsonError.
#include "core/StrictJson.hpp"

#include <cereal/cereal.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dagverk {

class StrictJsonInputArchive : public cereal::InputArchive<StrictJsonInputArchive>, public cereal::traits::TextArchive {
public:
  enum class Keys { RefuseUnknown, IgnoreUnknown };

  // The root must be an object. With Keys::RefuseUnknown, finish() and every nested object
  // refuse a key that the reading code did not ask for.
  StrictJsonInputArchive(std::string_view text, std::size_t maxBytes, int maxDepth, Keys keys)
      : InputArchive<StrictJsonInputArchive>(this), root_(parseStrictJson(text, maxBytes, maxDepth)),
        refuseUnknown_(keys == Keys::RefuseUnknown) {
    if (!root_.isObject()) throw JsonError(std::string("the top level is ") + jsonKindName(root_.kind()));
    stack_.push_back(Frame{&root_, 0, std::vector<bool>(root_.members().size(), false)});
  }

  // Call after reading everything: refuses unread keys at the top level (Keys::RefuseUnknown).
  void finish() {
    if (stack_.size() != 1) throw JsonError("reading stopped inside a nested value");
    checkAllRead(stack_.back());
  }

  // The name of the next member of the current object, or nullptr at its end (lets an optional
  // last field be read only when present).
  const char* getNodeName() const {
    const Frame& f = stack_.back();
    if (!f.node->isObject() || f.next >= f.node->members().size()) return nullptr;
    return f.node->members()[f.next].first.c_str();
  }

  void setNextName(const char* name) { nextName_ = name; }

  void startNode() {
    const JsonValue& v = take();
    if (!v.isObject() && !v.isArray())
      throw JsonError(where() + " is " + jsonKindName(v.kind()) + ", expected an object or an array");
    const std::size_t n = v.isObject() ? v.members().size() : 0;
    stack_.push_back(Frame{&v, 0, std::vector<bool>(n, false)});
  }

  void finishNode() {
    checkAllRead(stack_.back());
    stack_.pop_back();
  }

  void loadValue(bool& b) {
    const JsonValue& v = take(JsonValue::Kind::Boolean);
    b = v.boolean();
  }

  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  void loadValue(T& t) {
    const JsonValue& v = take(JsonValue::Kind::Integer);
    const std::int64_t n = v.integer();
    if constexpr (std::is_signed_v<T>) {
      if (n < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
          n > static_cast<std::int64_t>(std::numeric_limits<T>::max()))
        throw JsonError(lastName_ + " is out of range");
    } else {
      if (n < 0 || static_cast<std::uint64_t>(n) > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
        throw JsonError(lastName_ + " is out of range");
    }
    t = static_cast<T>(n);
  }

  void loadValue(std::string& s) { s = take(JsonValue::Kind::String).text(); }

  template <class T> void loadSize(T& size) {
    const Frame& f = stack_.back();
    if (!f.node->isArray()) throw JsonError(where() + ": a list was expected");
    size = static_cast<T>(f.node->elements().size());
  }

private:
  struct Frame {
    const JsonValue* node;
    std::size_t next;
    std::vector<bool> read; // per member of an object
  };

  JsonValue root_;
  bool refuseUnknown_;
  std::vector<Frame> stack_;
  const char* nextName_ = nullptr;
  std::string lastName_ = "a value";

  std::string where() const { return lastName_; }

  void checkAllRead(const Frame& f) const {
    if (!refuseUnknown_ || !f.node->isObject()) return;
    for (std::size_t i = 0; i < f.read.size(); ++i)
      if (!f.read[i]) throw JsonError("unknown key '" + printable(f.node->members()[i].first) + "'");
  }

  // A key for a message: only the characters Dagverk's keys are made of, so no free text from
  // the file reaches the log.
  static std::string printable(const std::string& key) {
    std::string out;
    for (const char c : key.substr(0, 40))
      out.push_back((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '?');
    return out;
  }

  const JsonValue& take(JsonValue::Kind kind) {
    const JsonValue& v = take();
    if (v.kind() != kind)
      throw JsonError(where() + " is " + jsonKindName(v.kind()) + ", expected " + jsonKindName(kind));
    return v;
  }

  const JsonValue& take() {
    Frame& f = stack_.back();
    const char* name = nextName_;
    nextName_ = nullptr;
    if (f.node->isArray()) {
      if (f.next >= f.node->elements().size()) throw JsonError("a list ended early");
      lastName_ = "a list element";
      return f.node->elements()[f.next++];
    }
    const auto& members = f.node->members();
    std::size_t i = f.next;
    if (name) {
      lastName_ = "'" + printable(name) + "'";
      if (i >= members.size() || members[i].first != name) {
        i = 0;
        while (i < members.size() && members[i].first != name) ++i;
      }
      if (i >= members.size()) throw JsonError("key " + lastName_ + " missing");
    } else {
      lastName_ = "a value";
      if (i >= members.size()) throw JsonError("an object ended early");
    }
    if (f.read[i]) throw JsonError("key " + lastName_ + " read twice");
    f.read[i] = true;
    f.next = i + 1;
    return members[i].second;
  }
};

} // namespace dagverk

namespace cereal {

template <class T> void prologue(dagverk::StrictJsonInputArchive&, NameValuePair<T> const&) {}
template <class T> void epilogue(dagverk::StrictJsonInputArchive&, NameValuePair<T> const&) {}
template <class T> void prologue(dagverk::StrictJsonInputArchive&, SizeTag<T> const&) {}
template <class T> void epilogue(dagverk::StrictJsonInputArchive&, SizeTag<T> const&) {}

template <class T,
          traits::EnableIf<!std::is_arithmetic<T>::value,
                           !traits::has_minimal_base_class_serialization<T, traits::has_minimal_input_serialization,
                                                                         dagverk::StrictJsonInputArchive>::value,
                           !traits::has_minimal_input_serialization<T, dagverk::StrictJsonInputArchive>::value> =
              traits::sfinae>
inline void prologue(dagverk::StrictJsonInputArchive& ar, T const&) {
  ar.startNode();
}

template <class T,
          traits::EnableIf<!std::is_arithmetic<T>::value,
                           !traits::has_minimal_base_class_serialization<T, traits::has_minimal_input_serialization,
                                                                         dagverk::StrictJsonInputArchive>::value,
                           !traits::has_minimal_input_serialization<T, dagverk::StrictJsonInputArchive>::value> =
              traits::sfinae>
inline void epilogue(dagverk::StrictJsonInputArchive& ar, T const&) {
  ar.finishNode();
}

template <class T, traits::EnableIf<std::is_arithmetic<T>::value> = traits::sfinae>
inline void prologue(dagverk::StrictJsonInputArchive&, T const&) {}
template <class T, traits::EnableIf<std::is_arithmetic<T>::value> = traits::sfinae>
inline void epilogue(dagverk::StrictJsonInputArchive&, T const&) {}

template <class CharT, class Traits, class Alloc>
inline void prologue(dagverk::StrictJsonInputArchive&, std::basic_string<CharT, Traits, Alloc> const&) {}
template <class CharT, class Traits, class Alloc>
inline void epilogue(dagverk::StrictJsonInputArchive&, std::basic_string<CharT, Traits, Alloc> const&) {}

template <class T> inline void CEREAL_LOAD_FUNCTION_NAME(dagverk::StrictJsonInputArchive& ar, NameValuePair<T>& t) {
  ar.setNextName(t.name);
  ar(t.value);
}

template <class T, traits::EnableIf<std::is_arithmetic<T>::value> = traits::sfinae>
inline void CEREAL_LOAD_FUNCTION_NAME(dagverk::StrictJsonInputArchive& ar, T& t) {
  static_assert(!std::is_floating_point_v<T>, "Dagverk's JSON from outside holds no floating-point numbers");
  ar.loadValue(t);
}

inline void CEREAL_LOAD_FUNCTION_NAME(dagverk::StrictJsonInputArchive& ar, std::string& s) { ar.loadValue(s); }

template <class T> inline void CEREAL_LOAD_FUNCTION_NAME(dagverk::StrictJsonInputArchive& ar, SizeTag<T>& st) {
  ar.loadSize(st.size);
}

} // namespace cereal

CEREAL_REGISTER_ARCHIVE(dagverk::StrictJsonInputArchive)
