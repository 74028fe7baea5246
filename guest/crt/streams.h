/* The stream table (stream_table.c): _iob[0..19] and the streams beyond it up to _setmaxstdio's
 * maximum, walked by index by _flushall, _fcloseall and _rmtmp. */
#pragma once
#include "stdio.h"

#ifdef CRT_UCRT
#define CRT_MAXSTDIO_MAX 8192
#else
#define CRT_MAXSTDIO_MAX 2048
#endif

int crt_stream_count(void);
FILE *crt_stream_at(int i);
FILE *crt_stream_new(void);
CRITICAL_SECTION *crt_more_stream_lock(FILE *f);
