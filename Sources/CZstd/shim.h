#ifndef REVAL_CZSTD_SHIM_H
#define REVAL_CZSTD_SHIM_H
#include <zstd.h>
#endif
