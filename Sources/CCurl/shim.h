#ifndef IMPOSTOR_CCURL_SHIM_H
#define IMPOSTOR_CCURL_SHIM_H
#include <curl/curl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

// Swift cannot call C variadic functions, so each curl_easy_setopt/getinfo and curl_multi_setopt use
// that impostor needs gets one typed wrapper below. Callback types are spelled out so a Swift closure
// converts to them directly.

/// curl_easy_setopt is variadic: a typed wrapper for options that take a long.
static inline CURLcode ccurl_easy_setopt_long(CURL *_Nonnull h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }

/// curl_easy_setopt is variadic: a typed wrapper for options that take a curl_off_t (sizes).
static inline CURLcode ccurl_easy_setopt_off(CURL *_Nonnull h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }

/// curl_easy_setopt is variadic: a typed wrapper for options that take a C string (curl copies it).
static inline CURLcode ccurl_easy_setopt_string(CURL *_Nonnull h, CURLoption o, const char *_Nullable v) { return curl_easy_setopt(h, o, v); }

/// curl_easy_setopt is variadic: a typed wrapper for the *DATA options that carry our context pointer.
static inline CURLcode ccurl_easy_setopt_pointer(CURL *_Nonnull h, CURLoption o, void *_Nullable v) { return curl_easy_setopt(h, o, v); }

/// curl_easy_setopt is variadic: a typed wrapper for list options (HTTPHEADER, RESOLVE).
static inline CURLcode ccurl_easy_setopt_slist(CURL *_Nonnull h, CURLoption o, struct curl_slist *_Nullable v) { return curl_easy_setopt(h, o, v); }

/// curl_easy_setopt is variadic: the write and header callbacks share curl_write_callback's type.
static inline CURLcode ccurl_easy_setopt_write_callback(CURL *_Nonnull h, CURLoption o, curl_write_callback _Nonnull f) { return curl_easy_setopt(h, o, f); }

/// curl_easy_setopt is variadic: the read callback that feeds an upload (an e-mail's bytes to SMTP).
static inline CURLcode ccurl_easy_setopt_read_callback(CURL *_Nonnull h, curl_read_callback _Nonnull f) { return curl_easy_setopt(h, CURLOPT_READFUNCTION, f); }

/// curl_easy_setopt is variadic: the progress callback, used to abort cancelled transfers.
static inline CURLcode ccurl_easy_setopt_xferinfo_callback(CURL *_Nonnull h, curl_xferinfo_callback _Nonnull f) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, f); }

/// curl_easy_setopt is variadic: the socket-open callback, where the address guard sees every resolved address.
static inline CURLcode ccurl_easy_setopt_opensocket_callback(CURL *_Nonnull h, curl_opensocket_callback _Nonnull f) { return curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, f); }

/// curl_easy_getinfo is variadic: a typed wrapper for long results (status code, redirect count).
static inline CURLcode ccurl_easy_getinfo_long(CURL *_Nonnull h, CURLINFO i, long *_Nonnull v) { return curl_easy_getinfo(h, i, v); }

/// curl_easy_getinfo is variadic: a typed wrapper for string results (effective URL, content type).
static inline CURLcode ccurl_easy_getinfo_string(CURL *_Nonnull h, CURLINFO i, char *_Nullable *_Nonnull v) { return curl_easy_getinfo(h, i, v); }

/// curl_easy_getinfo is variadic: a typed wrapper for the private pointer that maps a handle back to its transfer.
static inline CURLcode ccurl_easy_getinfo_pointer(CURL *_Nonnull h, CURLINFO i, void *_Nullable *_Nonnull v) { return curl_easy_getinfo(h, i, v); }

/// curl_multi_setopt is variadic: a typed wrapper for the long options (connection limits, multiplexing).
static inline CURLMcode ccurl_multi_setopt_long(CURLM *_Nonnull m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/// The raw address bytes (4 for IPv4, 16 for IPv6) of a resolved address, or 0 if the family is neither.
static inline int ccurl_sockaddr_bytes(const struct curl_sockaddr *_Nonnull a, unsigned char *_Nonnull out) {
    if (a->family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)&a->addr;
        memcpy(out, &in->sin_addr, 4);
        return 4;
    }
    if (a->family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&a->addr;
        memcpy(out, &in6->sin6_addr, 16);
        return 16;
    }
    return 0;
}

/// Opens the socket curl asked for; the open-socket callback replaces curl's own socket() call.
static inline curl_socket_t ccurl_open_socket(const struct curl_sockaddr *_Nonnull a) {
    return socket(a->family, a->socktype, a->protocol);
}
#endif
