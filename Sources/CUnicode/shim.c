#include "CUnicode.h"
#include <stdlib.h>
#include <unicode/uspoof.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>
#include <unicode/ubidi.h>

struct cunicode_checker {
    USpoofChecker *spoof;
};

cunicode_checker *cunicode_checker_open(int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    USpoofChecker *spoof = uspoof_open(&err);
    if (U_FAILURE(err)) {
        *status = err;
        return NULL;
    }
    // Only the skeleton is used; the checks themselves are done in Swift with script data.
    uspoof_setChecks(spoof, USPOOF_CONFUSABLE, &err);
    if (U_FAILURE(err)) {
        uspoof_close(spoof);
        *status = err;
        return NULL;
    }
    cunicode_checker *checker = malloc(sizeof *checker);
    if (checker == NULL) {
        uspoof_close(spoof);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    checker->spoof = spoof;
    *status = U_ZERO_ERROR;
    return checker;
}

void cunicode_checker_close(cunicode_checker *checker) {
    if (checker == NULL) return;
    uspoof_close(checker->spoof);
    free(checker);
}

int32_t cunicode_skeleton(const cunicode_checker *checker, const char *text, int32_t length, char *dest,
                          int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = uspoof_getSkeletonUTF8(checker->spoof, 0, text, length, dest, capacity, &err);
    *status = err;
    return n;
}

// UTF-8 to a new UTF-16 buffer (the caller frees it), its length in *len; NULL with *err set on failure.
static UChar *utf16_from_utf8(const char *text, int32_t length, int32_t *len, UErrorCode *err) {
    int32_t u16len = 0;
    u_strFromUTF8(NULL, 0, &u16len, text, length, err);
    if (*err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(*err)) return NULL;
    *err = U_ZERO_ERROR;
    UChar *src = malloc(sizeof(UChar) * (size_t)(u16len + 1));
    if (src == NULL) { *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    u_strFromUTF8(src, u16len + 1, NULL, text, length, err);
    if (U_FAILURE(*err)) { free(src); return NULL; }
    *len = u16len;
    return src;
}

// Writes `out` as UTF-8 into dest and frees it; returns the bytes needed, with ICU's status.
static int32_t utf8_into(char *dest, int32_t capacity, UChar *out, int32_t outlen, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8(dest, capacity, &needed, out, outlen, &err);
    free(out);
    *status = err;
    return needed;
}

int32_t cunicode_nfkc_casefold(const char *text, int32_t length, char *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    // A singleton owned by ICU: never closed.
    const UNormalizer2 *norm = unorm2_getNFKCCasefoldInstance(&err);
    if (U_FAILURE(err)) { *status = err; return 0; }

    int32_t u16len = 0;
    UChar *src = utf16_from_utf8(text, length, &u16len, &err);
    if (src == NULL) { *status = err; return 0; }

    // NFKC_Casefold can grow text (e.g. U+FDFA to 18 units); preflight rather than guess.
    int32_t outlen = unorm2_normalize(norm, src, u16len, NULL, 0, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) { free(src); *status = err; return 0; }
    err = U_ZERO_ERROR;
    UChar *out = malloc(sizeof(UChar) * (size_t)(outlen + 1));
    if (out == NULL) { free(src); *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
    unorm2_normalize(norm, src, u16len, out, outlen + 1, &err);
    free(src);
    if (U_FAILURE(err)) { free(out); *status = err; return 0; }
    return utf8_into(dest, capacity, out, outlen, status);
}

int32_t cunicode_display_order(const char *text, int32_t length, char *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t u16len = 0;
    UChar *src = utf16_from_utf8(text, length, &u16len, &err);
    if (src == NULL) { *status = err; return 0; }
    UChar *out = malloc(sizeof(UChar) * (size_t)(u16len + 1));
    UBiDi *bidi = ubidi_openSized(u16len, 0, &err);
    if (out == NULL || bidi == NULL) {
        free(src); free(out); if (bidi) ubidi_close(bidi);
        *status = U_FAILURE(err) ? err : U_MEMORY_ALLOCATION_ERROR;
        return 0;
    }
    ubidi_setPara(bidi, src, u16len, UBIDI_DEFAULT_LTR, NULL, &err);
    int32_t outlen = U_SUCCESS(err) ? ubidi_writeReordered(bidi, out, u16len + 1, UBIDI_REMOVE_BIDI_CONTROLS, &err) : 0;
    ubidi_close(bidi);
    free(src);
    if (U_FAILURE(err)) { free(out); *status = err; return 0; }
    return utf8_into(dest, capacity, out, outlen, status);
}

int32_t cunicode_script(uint32_t codepoint) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codepoint, &err);
    return U_FAILURE(err) ? -1 : (int32_t)code;
}

const char *cunicode_script_name(int32_t script) {
    const char *name = uscript_getShortName((UScriptCode)script);
    return name ? name : "";
}

const char *cunicode_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

const char *cunicode_icu_version(void) { return U_ICU_VERSION; }
