/* See StbPhotoDecoder.h. stb_image is Debian's header (libstb-dev); only its PNG path is
   compiled (its JPEG decoder reaches undefined behaviour on crafted files in ways no check
   from outside can prevent, see PhotoFile.hpp), with no file access of its own (PhotoFile.cpp
   reads the file with a size limit), and it refuses sides over 4096 pixels itself as a second
   line behind PhotoFile.cpp's check (core/InputLimits.hpp: kPhotoMaxSide). */
#include <stddef.h>
#include <stdlib.h>

/* Every allocation of the decoder goes through these, and one over the caller's limit fails as
   an out-of-memory error would: a PNG chunk that claims 2 GiB, or a small zlib stream that would
   inflate to gigabytes, is refused instead of allocated (found by tests/fuzz/fuzz_photo).
   Allocations are zeroed, so no decoder state is ever read uninitialised. */
static _Thread_local size_t dagverk_allocation_limit;
static void* dagverk_photo_malloc(size_t size) { return size > dagverk_allocation_limit ? NULL : calloc(1, size); }
static void* dagverk_photo_realloc(void* p, size_t size) {
  return size > dagverk_allocation_limit ? NULL : realloc(p, size);
}
#define STBI_MALLOC(size) dagverk_photo_malloc(size)
#define STBI_REALLOC(p, size) dagverk_photo_realloc(p, size)
#define STBI_FREE(p) free(p)

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_MAX_DIMENSIONS 4096
#include <stb/stb_image.h>

#include "StbPhotoDecoder.h"

int dagverk_photo_info(const unsigned char* data, int len, int* width, int* height, size_t max_allocation) {
  int channels = 0;
  dagverk_allocation_limit = max_allocation;
  return stbi_info_from_memory(data, len, width, height, &channels);
}

unsigned char* dagverk_photo_decode_rgba(const unsigned char* data, int len, int* width, int* height,
                                         size_t max_allocation) {
  int channels = 0;
  dagverk_allocation_limit = max_allocation;
  return stbi_load_from_memory(data, len, width, height, &channels, 4);
}

void dagverk_photo_free(unsigned char* pixels) { stbi_image_free(pixels); }

const char* dagverk_photo_failure(void) { return stbi_failure_reason(); }
