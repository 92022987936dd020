#ifndef REVAL_CZLIB_SHIM_H
#define REVAL_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro, which Swift cannot call; window bits 15 + 32
   accept both gzip and zlib headers. */
static inline int reval_inflate_init(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}
#endif
