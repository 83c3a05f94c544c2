#ifndef FFANALOG_CZLIB_SHIM_H
#define FFANALOG_CZLIB_SHIM_H
// zlib (apt: zlib1g-dev) for gzip-compressed IDX files and checksums.
#include <zlib.h>
#endif
