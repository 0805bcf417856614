/* The PNG decoder of stb_image, compiled here on its own (static, so it cannot clash with
   Debian's libstb, which ImGui links): the only image format a participant photo may have,
   with stb_image's own dimension limit set to Dagverk's. Used by PhotoFile.cpp only. */
#ifndef DAGVERK_STB_PHOTO_DECODER_H
#define DAGVERK_STB_PHOTO_DECODER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Header only: 1 and the size when stb_image recognises a PNG header, else 0. No single
   allocation of the decoder may exceed max_allocation bytes (it fails instead). */
int dagverk_photo_info(const unsigned char* data, int len, int* width, int* height, size_t max_allocation);
/* Decodes to 8-bit RGBA; NULL on failure. Free with dagverk_photo_free. */
unsigned char* dagverk_photo_decode_rgba(const unsigned char* data, int len, int* width, int* height,
                                         size_t max_allocation);
void dagverk_photo_free(unsigned char* pixels);
/* stb_image's reason for the last failure (a short English phrase). */
const char* dagverk_photo_failure(void);

#ifdef __cplusplus
}
#endif

#endif
