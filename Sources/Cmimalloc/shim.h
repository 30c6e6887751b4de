#ifndef DIGEST_CMIMALLOC_SHIM_H
#define DIGEST_CMIMALLOC_SHIM_H
#include <mimalloc.h>
#endif
