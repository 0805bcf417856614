#pragma once
// Participant photos: files under <data-dir>/photos/ named by the roster, which may have come
// from a USB stick. Only PNG is decoded, and only after the file's size, its signature and the
// dimensions in its header are within core/InputLimits.hpp, so a crafted file can neither reach
// another decoder nor make the decoder allocate more than the limit. JPEG is refused: fuzzing
// Debian's stb_image (2.27) found its JPEG decoder reaching undefined behaviour on crafted files
// in five ways, three of them deep in the entropy decoding (an int overflow in the DC
// prediction, uninitialised Huffman tables, a shift by 32 when the bit buffer runs dry), which
// no check of the file from outside can rule out.
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace dagverk::platform {

struct DecodedPhoto {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba; // width * height * 4 bytes, rows top to bottom
};

// Decodes PNG bytes. Throws DagverkError(BadInput) with a Swedish message and an
// English reason (no file name: photo names may be people's names) for anything else: too many
// bytes, another format (JPEG included), a side over the limit, a decoded size over the limit, damaged data.
DecodedPhoto decodePhoto(std::string_view bytes);

// Reads the file with the size limit (a larger file is refused before it is read) and decodes
// it. Throws DagverkError(BadInput) as decodePhoto, and when the file cannot be read.
DecodedPhoto readPhotoFile(const std::filesystem::path& file);

} // namespace dagverk::platform
