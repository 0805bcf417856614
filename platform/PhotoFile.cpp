#include "platform/PhotoFile.hpp"

#include "core/Error.hpp"
#include "core/InputLimits.hpp"
#include "platform/FileSystem.hpp"
#include "platform/StbPhotoDecoder.h"

#include <cstring>
#include <memory>
#include <string>

namespace dagverk::platform {

namespace {

constexpr const char* kPhotoRefusedSv = "Fotot kunde inte visas: filen är skadad, för stor eller inte en PNG-bild.";

[[noreturn]] void refuse(const std::string& reason) {
  throw DagverkError(ErrorCode::BadInput, kPhotoRefusedSv, "participant photo refused: " + reason);
}

bool startsWith(std::string_view bytes, std::string_view magic) {
  return bytes.size() >= magic.size() && std::memcmp(bytes.data(), magic.data(), magic.size()) == 0;
}

// Debian's stb_image (2.27), given a PNG whose first IDAT chunk is empty, adds 0 to its still-null data
// pointer, which is undefined behaviour (found by tests/fuzz/fuzz_photo). The chunks are walked
// in the decoder's order (length, type, data, CRC) and such a file is refused; encoders do not
// write an empty first IDAT chunk.
bool pngFirstImageChunkHoldsData(std::string_view bytes) {
  auto u32 = [&](std::size_t i) -> std::uint64_t {
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | (i + k < bytes.size() ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    return v;
  };
  std::size_t pos = 8;
  while (pos + 8 <= bytes.size()) {
    const std::uint64_t length = u32(pos);
    const std::string_view type = bytes.substr(pos + 4, 4);
    if (type == "IDAT") return length != 0;
    if (type == "IEND") return true;
    pos += 12 + static_cast<std::size_t>(length);
    if (pos < 12) return true; // cannot happen with 32-bit lengths; the decoder stops here too
  }
  return true;
}

} // namespace

DecodedPhoto decodePhoto(std::string_view bytes) {
  static_assert(limits::kPhotoMaxSide == 4096, "StbPhotoDecoder.c sets STBI_MAX_DIMENSIONS to the same side");
  static_assert(limits::kPhotoFileBytes < 0x7fffffff, "stb_image takes the length as an int");
  if (bytes.size() > limits::kPhotoFileBytes)
    refuse(std::to_string(bytes.size()) + " bytes, at most " + std::to_string(limits::kPhotoFileBytes));
  // The signature first: only PNG reaches the decoder (see PhotoFile.hpp on JPEG).
  if (startsWith(bytes, std::string_view("\xff\xd8\xff", 3))) refuse("a JPEG file; only PNG photos are decoded");
  if (!startsWith(bytes, std::string_view("\x89PNG\r\n\x1a\n", 8))) refuse("not a PNG signature");
  if (!pngFirstImageChunkHoldsData(bytes)) refuse("an empty first PNG IDAT chunk");
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const int len = static_cast<int>(bytes.size());
  int w = 0;
  int h = 0;
  if (dagverk_photo_info(data, len, &w, &h, limits::kPhotoDecoderAllocationBytes) == 0) refuse(std::string("unreadable header: ") + dagverk_photo_failure());
  if (w < 1 || h < 1 || w > limits::kPhotoMaxSide || h > limits::kPhotoMaxSide)
    refuse(std::to_string(w) + "x" + std::to_string(h) + " pixels, at most " + std::to_string(limits::kPhotoMaxSide) +
           " on each side");
  const std::size_t decoded = static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4;
  if (decoded > limits::kPhotoDecodedBytes)
    refuse(std::to_string(decoded) + " bytes decoded, at most " + std::to_string(limits::kPhotoDecodedBytes));
  int dw = 0;
  int dh = 0;
  const std::unique_ptr<unsigned char, void (*)(unsigned char*)> pixels(dagverk_photo_decode_rgba(data, len, &dw, &dh, limits::kPhotoDecoderAllocationBytes),
                                                                         dagverk_photo_free);
  if (!pixels) refuse(std::string("damaged image data: ") + dagverk_photo_failure());
  if (dw != w || dh != h) refuse("the decoded size differs from the header's");
  DecodedPhoto out;
  out.width = w;
  out.height = h;
  out.rgba.assign(pixels.get(), pixels.get() + decoded);
  return out;
}

DecodedPhoto readPhotoFile(const std::filesystem::path& file) {
  std::string bytes;
  bool within = false;
  try {
    within = readFileWithin(file, limits::kPhotoFileBytes, bytes);
  } catch (const DagverkError&) {
    refuse("the file cannot be read"); // without its name, which may be a person's
  }
  if (!within)
    refuse("file larger than " + std::to_string(limits::kPhotoFileBytes) + " bytes");
  return decodePhoto(bytes);
}

} // namespace dagverk::platform
