#ifndef FFANALOG_COPENBLAS_SHIM_H
#define FFANALOG_COPENBLAS_SHIM_H
// OpenBLAS's CBLAS interface (pkg-config: openblas, apt: libopenblas-dev).
#include <cblas.h>
#endif
