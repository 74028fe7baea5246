/* The descriptor table as msvcrt.dll exports it: __pioinfo, an array of pointers to blocks of 32
 * ioinfo entries (the _pioinfo(fd) macro: __pioinfo[fd >> 5] + (fd & 31)), here pointing into
 * lowio.c's own table, so what old programs read is the real state; and __badioinfo, the entry the
 * _safe macros use for fd -1 and -2 (osfhnd INVALID_HANDLE_VALUE, osfile FTEXT). Every entry
 * starts closed: osfhnd INVALID_HANDLE_VALUE, pipech LF. */
#include "lowio.h"

_Static_assert(sizeof(crt_fd) == 0x38, "msvcrt.dll's x64 ioinfo is 0x38 bytes");

#define BLOCK 32
#ifdef CRT_MSVCRT
#define EXPORTED CRTEXP
#else
#define EXPORTED static
#endif

EXPORTED crt_fd *__pioinfo[CRT_NFD / BLOCK];
#ifdef CRT_MSVCRT
CRTEXP crt_fd __badioinfo = { INVALID_HANDLE_VALUE, CRT_FTEXT, 10, 0, { 0 } };
#endif

void crt_init_pioinfo(void)
{
    for (int fd = 0; fd < CRT_NFD; fd++) {
        crt_fds[fd].handle = INVALID_HANDLE_VALUE;
        crt_fds[fd].pipech = 10;
        crt_fd_pending[fd] = -1;
    }
    for (int i = 0; i < CRT_NFD / BLOCK; i++)
        __pioinfo[i] = &crt_fds[i * BLOCK];
}
