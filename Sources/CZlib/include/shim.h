#ifndef FLOWSCAN_CZLIB_SHIM_H
#define FLOWSCAN_CZLIB_SHIM_H

#include <stddef.h>
#include <zlib.h>
#include "deflate_decoder.h"

// zlib's init functions are macros that pass the library version and the size of
// z_stream; Swift cannot call macros, so these wrappers do it.

/// Calls `inflateInit2` (a macro in zlib.h).
static inline int czlib_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

/// Calls `deflateInit2` (a macro in zlib.h).
static inline int czlib_deflateInit2(z_streamp stream, int level, int method, int windowBits,
                                     int memLevel, int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}

/// CRC-32 (the gzip polynomial) of `length` bytes at `bytes`, continuing from `crc` (0 to
/// start), as zlib's `crc32_z` computes it. Uses carry-less multiplication (PCLMULQDQ) when the
/// processor has it (checked once at run time) and zlib's `crc32_z` otherwise and for the tail.
/// Defined in crc32_clmul.c.
unsigned int czlib_crc32(unsigned int crc, const unsigned char *bytes, size_t length);

#endif
