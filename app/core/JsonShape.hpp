#pragma once
// A strict look at JSON text before any JSON library parses it. Dagverk writes only objects,
// arrays, strings, booleans and integers; the JSON library under cereal (Debian's rapidjson)
// misbehaves on some number forms (a zero with an exponent reaches undefined behaviour in its
// floating-point path). Text read from the share or from another device is checked here first.
#include <cstddef>
#include <string>
#include <string_view>

namespace dagverk {

// Refuses text larger than `maxBytes`, nested deeper than `maxDepth`, holding a NUL byte, or
// holding a number that is not a plain integer of at most 18 digits (no fraction, no exponent,
// so it never leaves the integer path and always fits in 64 bits). Returns an English reason,
// or an empty string when the text is acceptable.
std::string jsonShapeProblem(std::string_view json, std::size_t maxBytes, int maxDepth);

} // namespace dagverk
