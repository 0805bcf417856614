#include "platform/Wav.hpp"

#include <algorithm>
#include <cstring>

namespace dagverk::platform {

namespace {
std::uint32_t le32(const std::string& b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
std::uint16_t le16(const std::string& b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put16(std::string& out, std::uint16_t v) {
  out.push_back(static_cast<char>(v & 0xff));
  out.push_back(static_cast<char>(v >> 8));
}
} // namespace

std::optional<PcmSound> parseWav(const std::string& b) {
  if (b.size() < 12 || b.compare(0, 4, "RIFF") != 0 || b.compare(8, 4, "WAVE") != 0) return std::nullopt;
  std::size_t at = 12;
  int channels = 0, bits = 0, rate = 0;
  bool pcm = false;
  while (at + 8 <= b.size()) {
    const std::string id = b.substr(at, 4);
    const std::uint32_t size = le32(b, at + 4);
    const std::size_t body = at + 8;
    if (id == "fmt ") {
      if (size < 16 || body + 16 > b.size()) return std::nullopt;
      pcm = le16(b, body) == 1;
      channels = le16(b, body + 2);
      rate = static_cast<int>(le32(b, body + 4));
      bits = le16(b, body + 14);
    } else if (id == "data") {
      if (!pcm || bits != 16 || channels < 1 || rate <= 0) return std::nullopt;
      const std::size_t end = size > b.size() - body ? b.size() : body + size;
      const std::size_t frame = 2 * static_cast<std::size_t>(channels);
      PcmSound s;
      s.rate = rate;
      s.samples.reserve((end - body) / frame);
      for (std::size_t p = body; p + frame <= end; p += frame) s.samples.push_back(static_cast<std::int16_t>(le16(b, p)));
      return s;
    }
    if (size > b.size() - body) return std::nullopt;
    at = body + size + (size & 1);
  }
  return std::nullopt;
}

std::string encodeWav(const PcmSound& s) {
  const auto dataBytes = static_cast<std::uint32_t>(s.samples.size() * 2);
  std::string out;
  out.reserve(44 + dataBytes);
  out += "RIFF";
  put32(out, 36 + dataBytes);
  out += "WAVEfmt ";
  put32(out, 16);
  put16(out, 1); // PCM
  put16(out, 1); // mono
  put32(out, static_cast<std::uint32_t>(s.rate));
  put32(out, static_cast<std::uint32_t>(s.rate) * 2);
  put16(out, 2);
  put16(out, 16);
  out += "data";
  put32(out, dataBytes);
  for (const std::int16_t v : s.samples) put16(out, static_cast<std::uint16_t>(v));
  return out;
}

std::vector<std::int16_t> resample(const std::vector<std::int16_t>& in, int from, int to) {
  if (from == to || in.empty() || from <= 0 || to <= 0) return in;
  const std::size_t n = static_cast<std::size_t>(static_cast<double>(in.size()) * to / from);
  std::vector<std::int16_t> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double pos = static_cast<double>(i) * from / to;
    const auto j = static_cast<std::size_t>(pos);
    const double t = pos - static_cast<double>(j);
    const double a = in[std::min(j, in.size() - 1)], c = in[std::min(j + 1, in.size() - 1)];
    out[i] = static_cast<std::int16_t>(a + (c - a) * t);
  }
  return out;
}

} // namespace dagverk::platform
