#ifndef DIGEST_CCMARK_SHIM_H
#define DIGEST_CCMARK_SHIM_H
#include <cmark.h>
#endif
