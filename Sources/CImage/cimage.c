#include "CImage.h"

#include <gif_lib.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>
#include <webp/decode.h>

// Every library reports errors its own way (TurboJPEG and libpng's simplified API longjmp
// internally and return codes, libwebp returns NULL or a status, giflib an int). This file turns
// all of them into one cimage_status plus a message, so Swift never has to call setjmp.

static int32_t fail(cimage_info *info, int32_t status, const char *message) {
    snprintf(info->message, sizeof info->message, "%s", message);
    return status;
}

static int starts_with(const uint8_t *data, size_t length, const char *magic, size_t n) {
    return length >= n && memcmp(data, magic, n) == 0;
}

// Text formats can start with a byte-order mark or whitespace, so look a little way in.
static int looks_like_svg(const uint8_t *data, size_t length) {
    size_t n = length < 1024 ? length : 1024;
    size_t i = 0;
    if (n >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) i = 3;
    while (i < n && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) i++;
    if (i >= n || data[i] != '<') return 0;
    for (size_t j = i; j + 4 <= n; j++) {
        if (memcmp(data + j, "<svg", 4) == 0) return 1;
    }
    return 0;
}

static int32_t detect_format(const uint8_t *data, size_t length) {
    if (starts_with(data, length, "\xFF\xD8\xFF", 3)) return CIMAGE_FORMAT_JPEG;
    if (starts_with(data, length, "\x89PNG\r\n\x1A\n", 8)) return CIMAGE_FORMAT_PNG;
    if (starts_with(data, length, "GIF87a", 6) || starts_with(data, length, "GIF89a", 6)) return CIMAGE_FORMAT_GIF;
    if (length >= 12 && memcmp(data, "RIFF", 4) == 0 && memcmp(data + 8, "WEBP", 4) == 0) return CIMAGE_FORMAT_WEBP;
    if (starts_with(data, length, "BM", 2)) return CIMAGE_FORMAT_BMP;
    if (starts_with(data, length, "II*\0", 4) || starts_with(data, length, "MM\0*", 4)) return CIMAGE_FORMAT_TIFF;
    if (length >= 12 && memcmp(data + 4, "ftyp", 4) == 0) return CIMAGE_FORMAT_HEIF;
    if (starts_with(data, length, "\0\0\1\0", 4)) return CIMAGE_FORMAT_ICO;
    if (looks_like_svg(data, length)) return CIMAGE_FORMAT_SVG;
    return CIMAGE_FORMAT_UNKNOWN;
}

static int32_t check_size(cimage_info *info, int64_t width, int64_t height, int64_t max_pixels) {
    if (width <= 0 || height <= 0) return fail(info, CIMAGE_ERR_CORRUPT, "the header declares an empty image");
    if (width > 65535 || height > 65535 || width * height > max_pixels) {
        snprintf(info->message, sizeof info->message,
                 "the header declares %lldx%lld pixels, over the limit of %lld", (long long)width,
                 (long long)height, (long long)max_pixels);
        return CIMAGE_ERR_TOO_MANY_PIXELS;
    }
    info->width = (int32_t)width;
    info->height = (int32_t)height;
    return CIMAGE_OK;
}

// Alpha onto white with rounding: out = (c*a + 255*(255-a) + 127) / 255, the same formula the
// measurement scripts use, so references and avatars get one policy.
static void composite_rgba_on_white(const uint8_t *rgba, uint8_t *rgb, size_t pixels) {
    for (size_t p = 0; p < pixels; p++) {
        unsigned a = rgba[4 * p + 3];
        unsigned back = 255u * (255u - a) + 127u;
        rgb[3 * p + 0] = (uint8_t)((rgba[4 * p + 0] * a + back) / 255u);
        rgb[3 * p + 1] = (uint8_t)((rgba[4 * p + 1] * a + back) / 255u);
        rgb[3 * p + 2] = (uint8_t)((rgba[4 * p + 2] * a + back) / 255u);
    }
}

// ---- JPEG (TurboJPEG: its setjmp lives inside the library and it returns -1 with a message)

static int32_t jpeg_fail(cimage_info *info, tjhandle handle, const char *what) {
    snprintf(info->message, sizeof info->message, "%s: %s", what, tjGetErrorStr2(handle));
    tjDestroy(handle);
    return CIMAGE_ERR_CORRUPT;
}

// Each scan of a progressive JPEG walks every block of the image: thousands of near-empty scans in a few
// hundred kilobytes take a decoder tens of seconds. An encoder writes about ten.
enum { JPEG_MAX_SCANS = 100 };

// Start-of-scan markers (FF DA). The segments before the first scan are stepped over by their lengths (an
// APP or COM segment's bytes are not stuffed); after it, entropy-coded data stuffs every FF byte with a 00, so
// the pair is a marker. Bytes after the last scan's end are counted too: damage, not a way round the limit.
static size_t jpeg_scans(const uint8_t *data, size_t length) {
    size_t i = 2;  // after SOI
    while (i + 4 <= length && data[i] == 0xFF) {
        uint8_t marker = data[i + 1];
        if (marker == 0xDA) break;
        if (marker == 0xFF) { i += 1; continue; }  // fill bytes
        i += 2 + (((size_t)data[i + 2] << 8) | data[i + 3]);
    }
    size_t scans = 0;
    for (; i + 1 < length; i++) {
        if (data[i] == 0xFF && data[i + 1] == 0xDA) scans++;
    }
    return scans;
}

static int32_t jpeg_probe(const uint8_t *data, size_t length, int64_t max_pixels, cimage_info *info) {
    size_t scans = jpeg_scans(data, length);
    if (scans > JPEG_MAX_SCANS) {
        snprintf(info->message, sizeof info->message, "a JPEG of %zu scans, over the limit of %d", scans, JPEG_MAX_SCANS);
        return CIMAGE_ERR_CORRUPT;
    }
    tjhandle handle = tjInitDecompress();
    if (handle == NULL) return fail(info, CIMAGE_ERR_NO_MEMORY, "cannot start the JPEG decoder");
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    if (tjDecompressHeader3(handle, data, (unsigned long)length, &width, &height, &subsampling, &colorspace) != 0)
        return jpeg_fail(info, handle, "unreadable JPEG header");
    tjDestroy(handle);
    return check_size(info, width, height, max_pixels);
}

// CMYK and YCCK JPEGs (Adobe, stored inverted) cannot be decoded to RGB by TurboJPEG directly.
static int32_t jpeg_decode_cmyk(tjhandle handle, const uint8_t *data, size_t length, cimage_info *info,
                                uint8_t *rgb) {
    size_t pixels = (size_t)info->width * (size_t)info->height;
    uint8_t *cmyk = malloc(pixels * 4);
    if (cmyk == NULL) {
        tjDestroy(handle);
        return fail(info, CIMAGE_ERR_NO_MEMORY, "no memory for the CMYK buffer");
    }
    if (tjDecompress2(handle, data, (unsigned long)length, cmyk, info->width, 0, info->height, TJPF_CMYK, 0) != 0) {
        free(cmyk);
        return jpeg_fail(info, handle, "corrupt JPEG");
    }
    for (size_t p = 0; p < pixels; p++) {
        unsigned k = cmyk[4 * p + 3];
        rgb[3 * p + 0] = (uint8_t)((cmyk[4 * p + 0] * k + 127u) / 255u);
        rgb[3 * p + 1] = (uint8_t)((cmyk[4 * p + 1] * k + 127u) / 255u);
        rgb[3 * p + 2] = (uint8_t)((cmyk[4 * p + 2] * k + 127u) / 255u);
    }
    free(cmyk);
    tjDestroy(handle);
    return CIMAGE_OK;
}

static int32_t jpeg_decode(const uint8_t *data, size_t length, cimage_info *info, uint8_t *rgb) {
    tjhandle handle = tjInitDecompress();
    if (handle == NULL) return fail(info, CIMAGE_ERR_NO_MEMORY, "cannot start the JPEG decoder");
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    if (tjDecompressHeader3(handle, data, (unsigned long)length, &width, &height, &subsampling, &colorspace) != 0)
        return jpeg_fail(info, handle, "unreadable JPEG header");
    if (width != info->width || height != info->height) {
        tjDestroy(handle);
        return fail(info, CIMAGE_ERR_BAD_ARGUMENT, "the JPEG is not the one that was probed");
    }
    if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK) return jpeg_decode_cmyk(handle, data, length, info, rgb);
    // Default flags (accurate integer IDCT, fancy upsampling) give the same pixels as Pillow, so
    // hashes agree with the reference tools. A truncated file is only a warning to TurboJPEG;
    // we refuse it like any other damage.
    if (tjDecompress2(handle, data, (unsigned long)length, rgb, width, 0, height, TJPF_RGB, 0) != 0)
        return jpeg_fail(info, handle, "corrupt JPEG");
    tjDestroy(handle);
    return CIMAGE_OK;
}

// ---- PNG (libpng's simplified API does its own setjmp and reports through image.message)

static int32_t png_probe(const uint8_t *data, size_t length, int64_t max_pixels, cimage_info *info) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, length)) {
        int32_t status = fail(info, CIMAGE_ERR_CORRUPT, image.message);
        png_image_free(&image);
        return status;
    }
    int32_t status = check_size(info, image.width, image.height, max_pixels);
    png_image_free(&image);
    return status;
}

static int32_t png_decode(const uint8_t *data, size_t length, cimage_info *info, uint8_t *rgb) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, length)) {
        int32_t status = fail(info, CIMAGE_ERR_CORRUPT, image.message);
        png_image_free(&image);
        return status;
    }
    if ((int32_t)image.width != info->width || (int32_t)image.height != info->height) {
        png_image_free(&image);
        return fail(info, CIMAGE_ERR_BAD_ARGUMENT, "the PNG is not the one that was probed");
    }
    size_t pixels = (size_t)image.width * image.height;
    if ((image.format & PNG_FORMAT_FLAG_ALPHA) == 0) {
        // Opaque: libpng writes 8-bit sRGB straight into the caller's buffer.
        image.format = PNG_FORMAT_RGB;
        if (!png_image_finish_read(&image, NULL, rgb, 0, NULL)) return fail(info, CIMAGE_ERR_CORRUPT, image.message);
        return CIMAGE_OK;
    }
    // With alpha we composite ourselves: libpng's own background blend works in linear light,
    // which is not what the reference hashes of the same pixels assume.
    uint8_t *rgba = malloc(pixels * 4);
    if (rgba == NULL) {
        png_image_free(&image);
        return fail(info, CIMAGE_ERR_NO_MEMORY, "no memory for the RGBA buffer");
    }
    image.format = PNG_FORMAT_RGBA;
    if (!png_image_finish_read(&image, NULL, rgba, 0, NULL)) {
        free(rgba);
        return fail(info, CIMAGE_ERR_CORRUPT, image.message);
    }
    composite_rgba_on_white(rgba, rgb, pixels);
    free(rgba);
    return CIMAGE_OK;
}

// ---- WebP (libwebp returns NULL or a status code; it never jumps)

static int32_t webp_probe(const uint8_t *data, size_t length, int64_t max_pixels, cimage_info *info) {
    WebPBitstreamFeatures features;
    if (WebPGetFeatures(data, length, &features) != VP8_STATUS_OK)
        return fail(info, CIMAGE_ERR_CORRUPT, "unreadable WebP header");
    if (features.has_animation) return fail(info, CIMAGE_ERR_UNSUPPORTED, "animated WebP is not supported");
    return check_size(info, features.width, features.height, max_pixels);
}

static int32_t webp_decode(const uint8_t *data, size_t length, cimage_info *info, uint8_t *rgb, size_t rgb_length) {
    WebPBitstreamFeatures features;
    if (WebPGetFeatures(data, length, &features) != VP8_STATUS_OK)
        return fail(info, CIMAGE_ERR_CORRUPT, "unreadable WebP header");
    if (features.width != info->width || features.height != info->height)
        return fail(info, CIMAGE_ERR_BAD_ARGUMENT, "the WebP is not the one that was probed");
    if (!features.has_alpha) {
        if (WebPDecodeRGBInto(data, length, rgb, rgb_length, info->width * 3) == NULL)
            return fail(info, CIMAGE_ERR_CORRUPT, "corrupt or truncated WebP");
        return CIMAGE_OK;
    }
    size_t pixels = (size_t)info->width * (size_t)info->height;
    uint8_t *rgba = malloc(pixels * 4);
    if (rgba == NULL) return fail(info, CIMAGE_ERR_NO_MEMORY, "no memory for the RGBA buffer");
    if (WebPDecodeRGBAInto(data, length, rgba, pixels * 4, info->width * 4) == NULL) {
        free(rgba);
        return fail(info, CIMAGE_ERR_CORRUPT, "corrupt or truncated WebP");
    }
    composite_rgba_on_white(rgba, rgb, pixels);
    free(rgba);
    return CIMAGE_OK;
}

// ---- GIF (giflib reads through a callback; we feed it from memory and stop after frame one)

typedef struct {
    const uint8_t *data;
    size_t length;
    size_t offset;
} gif_cursor;

// giflib's InputFunc: the only way to read a GIF from memory rather than a file descriptor.
static int gif_read(GifFileType *gif, GifByteType *buffer, int wanted) {
    gif_cursor *cursor = gif->UserData;
    size_t left = cursor->length - cursor->offset;
    size_t n = (size_t)wanted < left ? (size_t)wanted : left;
    memcpy(buffer, cursor->data + cursor->offset, n);
    cursor->offset += n;
    return (int)n;
}

static int32_t gif_fail(cimage_info *info, GifFileType *gif, int error, const char *what) {
    const char *reason = GifErrorString(error);
    snprintf(info->message, sizeof info->message, "%s: %s", what, reason ? reason : "unknown giflib error");
    if (gif != NULL) DGifCloseFile(gif, &error);
    return CIMAGE_ERR_CORRUPT;
}

static int32_t gif_probe(const uint8_t *data, size_t length, int64_t max_pixels, cimage_info *info) {
    gif_cursor cursor = {data, length, 0};
    int error = 0;
    GifFileType *gif = DGifOpen(&cursor, gif_read, &error);
    if (gif == NULL) return gif_fail(info, NULL, error, "unreadable GIF header");
    int32_t status = check_size(info, gif->SWidth, gif->SHeight, max_pixels);
    DGifCloseFile(gif, &error);
    return status;
}

// Copies one decoded row into the canvas through the colour map; the transparent index stays white.
static void gif_put_row(uint8_t *rgb, const cimage_info *info, const GifImageDesc *desc, const ColorMapObject *map,
                        int transparent, const GifByteType *line, int row) {
    int y = desc->Top + row;
    if (y < 0 || y >= info->height) return;
    for (int x = 0; x < desc->Width; x++) {
        int cx = desc->Left + x;
        if (cx < 0 || cx >= info->width || line[x] == transparent) continue;
        uint8_t *out = rgb + 3 * ((size_t)y * (size_t)info->width + (size_t)cx);
        if (line[x] < map->ColorCount) {
            out[0] = map->Colors[line[x]].Red;
            out[1] = map->Colors[line[x]].Green;
            out[2] = map->Colors[line[x]].Blue;
        } else {
            out[0] = out[1] = out[2] = 0;
        }
    }
}

static int32_t gif_read_frame(GifFileType *gif, cimage_info *info, uint8_t *rgb, int transparent) {
    int error = 0;
    if (DGifGetImageDesc(gif) == GIF_ERROR) return gif_fail(info, gif, gif->Error, "corrupt GIF frame");
    GifImageDesc *desc = &gif->Image;
    const ColorMapObject *map = desc->ColorMap != NULL ? desc->ColorMap : gif->SColorMap;
    if (map == NULL) {
        DGifCloseFile(gif, &error);
        return fail(info, CIMAGE_ERR_CORRUPT, "GIF frame has no colour map");
    }
    if (desc->Width <= 0 || desc->Height <= 0 || desc->Width > 65535 || desc->Height > 65535 ||
        (int64_t)desc->Width * desc->Height > (int64_t)info->width * info->height * 4 + 4096) {
        DGifCloseFile(gif, &error);
        return fail(info, CIMAGE_ERR_CORRUPT, "GIF frame size does not fit its screen");
    }
    GifByteType *line = malloc((size_t)desc->Width);
    if (line == NULL) {
        DGifCloseFile(gif, &error);
        return fail(info, CIMAGE_ERR_NO_MEMORY, "no memory for a GIF row");
    }
    static const int pass_start[4] = {0, 4, 2, 1};
    static const int pass_step[4] = {8, 8, 4, 2};
    int passes = desc->Interlace ? 4 : 1;
    for (int pass = 0; pass < passes; pass++) {
        int start = desc->Interlace ? pass_start[pass] : 0;
        int step = desc->Interlace ? pass_step[pass] : 1;
        for (int row = start; row < desc->Height; row += step) {
            if (DGifGetLine(gif, line, desc->Width) == GIF_ERROR) {
                free(line);
                return gif_fail(info, gif, gif->Error, "corrupt or truncated GIF");
            }
            gif_put_row(rgb, info, desc, map, transparent, line, row);
        }
    }
    free(line);
    DGifCloseFile(gif, &error);
    return CIMAGE_OK;
}

static int32_t gif_decode(const uint8_t *data, size_t length, cimage_info *info, uint8_t *rgb, size_t rgb_length) {
    gif_cursor cursor = {data, length, 0};
    int error = 0;
    GifFileType *gif = DGifOpen(&cursor, gif_read, &error);
    if (gif == NULL) return gif_fail(info, NULL, error, "unreadable GIF header");
    if (gif->SWidth != info->width || gif->SHeight != info->height) {
        DGifCloseFile(gif, &error);
        return fail(info, CIMAGE_ERR_BAD_ARGUMENT, "the GIF is not the one that was probed");
    }
    memset(rgb, 255, rgb_length); // what the first frame does not cover counts as transparent
    int transparent = -1;
    for (;;) {
        GifRecordType record;
        if (DGifGetRecordType(gif, &record) == GIF_ERROR) return gif_fail(info, gif, gif->Error, "corrupt GIF");
        if (record == IMAGE_DESC_RECORD_TYPE) return gif_read_frame(gif, info, rgb, transparent);
        if (record == TERMINATE_RECORD_TYPE) {
            DGifCloseFile(gif, &error);
            return fail(info, CIMAGE_ERR_CORRUPT, "GIF holds no image");
        }
        if (record == EXTENSION_RECORD_TYPE) {
            int code = 0;
            GifByteType *block = NULL;
            if (DGifGetExtension(gif, &code, &block) == GIF_ERROR)
                return gif_fail(info, gif, gif->Error, "corrupt GIF extension");
            if (code == GRAPHICS_EXT_FUNC_CODE && block != NULL && block[0] >= 4 && (block[1] & 1))
                transparent = block[4];
            while (block != NULL) {
                if (DGifGetExtensionNext(gif, &block) == GIF_ERROR)
                    return gif_fail(info, gif, gif->Error, "corrupt GIF extension");
            }
        }
    }
}

// ---- Entry points

int32_t cimage_probe(const uint8_t *data, size_t length, size_t max_bytes, int64_t max_pixels, cimage_info *info) {
    memset(info, 0, sizeof *info);
    if (data == NULL || length == 0) return fail(info, CIMAGE_ERR_EMPTY, "the file is empty");
    if (length > max_bytes) {
        snprintf(info->message, sizeof info->message, "the file has %zu bytes, over the limit of %zu", length,
                 max_bytes);
        return CIMAGE_ERR_FILE_TOO_LARGE;
    }
    info->format = detect_format(data, length);
    switch (info->format) {
    case CIMAGE_FORMAT_JPEG: return jpeg_probe(data, length, max_pixels, info);
    case CIMAGE_FORMAT_PNG: return png_probe(data, length, max_pixels, info);
    case CIMAGE_FORMAT_WEBP: return webp_probe(data, length, max_pixels, info);
    case CIMAGE_FORMAT_GIF: return gif_probe(data, length, max_pixels, info);
    case CIMAGE_FORMAT_BMP: return fail(info, CIMAGE_ERR_UNSUPPORTED, "BMP images are not supported");
    case CIMAGE_FORMAT_TIFF: return fail(info, CIMAGE_ERR_UNSUPPORTED, "TIFF images are not supported");
    case CIMAGE_FORMAT_SVG: return fail(info, CIMAGE_ERR_UNSUPPORTED, "SVG is not supported; export the logo as PNG");
    case CIMAGE_FORMAT_HEIF: return fail(info, CIMAGE_ERR_UNSUPPORTED, "HEIF/AVIF images are not supported");
    case CIMAGE_FORMAT_ICO: return fail(info, CIMAGE_ERR_UNSUPPORTED, "ICO images are not supported");
    default: return fail(info, CIMAGE_ERR_UNSUPPORTED, "not a JPEG, PNG, WebP or GIF image");
    }
}

int32_t cimage_decode_rgb(const uint8_t *data, size_t length, cimage_info *info, uint8_t *rgb, size_t rgb_length) {
    if (data == NULL || length == 0) return fail(info, CIMAGE_ERR_EMPTY, "the file is empty");
    if (rgb == NULL || info->width <= 0 || info->height <= 0 ||
        rgb_length != (size_t)info->width * (size_t)info->height * 3)
        return fail(info, CIMAGE_ERR_BAD_ARGUMENT, "the pixel buffer does not match the probed size");
    switch (info->format) {
    case CIMAGE_FORMAT_JPEG: return jpeg_decode(data, length, info, rgb);
    case CIMAGE_FORMAT_PNG: return png_decode(data, length, info, rgb);
    case CIMAGE_FORMAT_WEBP: return webp_decode(data, length, info, rgb, rgb_length);
    case CIMAGE_FORMAT_GIF: return gif_decode(data, length, info, rgb, rgb_length);
    default: return fail(info, CIMAGE_ERR_UNSUPPORTED, "not a JPEG, PNG, WebP or GIF image");
    }
}
