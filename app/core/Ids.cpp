#include "core/Ids.hpp"

#include <cstdio>

namespace dagverk {

std::string makeUuidV7(UtcMs now, const std::array<std::uint8_t, 10>& random) {
  std::array<std::uint8_t, 16> b{};
  const auto ms = static_cast<std::uint64_t>(now);
  for (int i = 0; i < 6; ++i) b[static_cast<size_t>(i)] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
  for (size_t i = 0; i < 10; ++i) b[6 + i] = random[i];
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x70); // version 7
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
  char out[37];
  std::snprintf(out, sizeof out,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  return out;
}

bool isUuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

bool isValidId(std::string_view id) {
  if (id.empty() || id.size() > kMaxRecordIdBytes) return false;
  for (const char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

bool isPhotoFileName(std::string_view name) {
  if (name.empty() || name.size() > kMaxPhotoFileNameBytes || name.front() == '.') return false;
  if (name.find("..") != std::string_view::npos) return false;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\' || u < 0x20 || u == 0x7f) return false;
  }
  return true;
}

} // namespace dagverk
