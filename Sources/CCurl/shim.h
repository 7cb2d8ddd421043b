#ifndef IMPOSTOR_CCURL_SHIM_H
#define IMPOSTOR_CCURL_SHIM_H
#include <curl/curl.h>
#endif
