#ifndef IMPOSTOR_CUNICODE_H
#define IMPOSTOR_CUNICODE_H
// Plain C types only: a Swift module that sees system ICU headers and Foundation's own ICU fails to
// compile, and Swift cannot call ICU's versioned names (uspoof_open_72). So ICU stays inside shim.c.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An opaque, configured spoof checker. Skeleton calls on it are thread safe once opened.
typedef struct cunicode_checker cunicode_checker;

/// Opens a checker; NULL and *status set (an ICU UErrorCode) on failure.
cunicode_checker *_Nullable cunicode_checker_open(int32_t *_Nonnull status);
void cunicode_checker_close(cunicode_checker *_Nullable checker);

/// UTS #39 skeleton of UTF-8 text into dest (NUL-terminated). Returns the length needed;
/// *status is U_BUFFER_OVERFLOW_ERROR (15) when capacity was too small.
int32_t cunicode_skeleton(const cunicode_checker *_Nonnull checker, const char *_Nonnull text, int32_t length,
                          char *_Nullable dest, int32_t capacity, int32_t *_Nonnull status);

/// NFKC_Casefold of UTF-8 text into dest, same conventions as cunicode_skeleton.
int32_t cunicode_nfkc_casefold(const char *_Nonnull text, int32_t length, char *_Nullable dest, int32_t capacity,
                               int32_t *_Nonnull status);

/// UTF-8 text in the order it is shown (the Unicode bidi algorithm, paragraph direction from its first
/// strong character), bidi controls removed, into dest; same conventions as cunicode_skeleton.
int32_t cunicode_display_order(const char *_Nonnull text, int32_t length, char *_Nullable dest, int32_t capacity,
                               int32_t *_Nonnull status);

/// The ICU script code (UScriptCode) of a code point; -1 on error.
int32_t cunicode_script(uint32_t codepoint);

/// The short name of a script code ("Cyrl", "Latn"), or "" when unknown.
const char *_Nonnull cunicode_script_name(int32_t script);

/// ICU's name for a status code.
const char *_Nonnull cunicode_error_name(int32_t status);

/// The ICU and Unicode versions this shim was built against, e.g. "72.1" and "15.0".
const char *_Nonnull cunicode_icu_version(void);

#ifdef __cplusplus
}
#endif
#endif
