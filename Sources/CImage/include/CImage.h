#ifndef IMPOSTOR_CIMAGE_H
#define IMPOSTOR_CIMAGE_H
#include <stdint.h>
#endif
