#ifndef IMPOSTOR_CIMAGE_H
#define IMPOSTOR_CIMAGE_H

// Image decoding over TurboJPEG, libpng (simplified API), libwebp and giflib.
// Only plain C types cross this header, so Swift never sees a library header,
// and every setjmp/longjmp stays inside the libraries or this shim.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Container formats, detected from the first bytes of the data, never from a file name.
typedef enum {
    CIMAGE_FORMAT_UNKNOWN = 0,
    CIMAGE_FORMAT_JPEG = 1,
    CIMAGE_FORMAT_PNG = 2,
    CIMAGE_FORMAT_WEBP = 3,
    CIMAGE_FORMAT_GIF = 4,
    // Recognised but not decoded, so the error can name them.
    CIMAGE_FORMAT_BMP = 5,
    CIMAGE_FORMAT_TIFF = 6,
    CIMAGE_FORMAT_SVG = 7,
    CIMAGE_FORMAT_HEIF = 8,
    CIMAGE_FORMAT_ICO = 9,
} cimage_format;

/// Outcome of a probe or a decode.
typedef enum {
    CIMAGE_OK = 0,
    CIMAGE_ERR_EMPTY = 1,            // zero bytes
    CIMAGE_ERR_FILE_TOO_LARGE = 2,   // more bytes than the caller allows
    CIMAGE_ERR_UNSUPPORTED = 3,      // not one of JPEG, PNG, WebP, GIF
    CIMAGE_ERR_TOO_MANY_PIXELS = 4,  // declared width x height over the cap
    CIMAGE_ERR_CORRUPT = 5,          // truncated or invalid data
    CIMAGE_ERR_NO_MEMORY = 6,
    CIMAGE_ERR_BAD_ARGUMENT = 7,     // a caller bug: buffer of the wrong size
} cimage_status;

/// Header facts, and the library's message when something failed.
typedef struct {
    int32_t format;   // cimage_format
    int32_t width;
    int32_t height;
    char message[200];
} cimage_info;

/// Reads only the header: format and declared size. Refuses empty data, data over `max_bytes`,
/// unsupported formats and declared sizes over `max_pixels`, before any pixel buffer exists.
int32_t cimage_probe(const uint8_t *data, size_t length, size_t max_bytes, int64_t max_pixels,
                     cimage_info *info);

/// Decodes the first image (first frame of a GIF) into `rgb`, which must hold exactly
/// info->width * info->height * 3 bytes as `cimage_probe` reported them. Alpha is composited
/// onto white. Call only after a successful probe of the same data.
int32_t cimage_decode_rgb(const uint8_t *data, size_t length, cimage_info *info, uint8_t *rgb,
                          size_t rgb_length);

#ifdef __cplusplus
}
#endif

#endif
