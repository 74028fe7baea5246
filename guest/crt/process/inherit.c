/* The descriptor table across _spawn: the parent lays its open descriptors out in
 * STARTUPINFO.lpReserved2 (an int count, count flag bytes, count HANDLEs, unaligned), leaving out
 * those opened with _O_NOINHERIT; the child's start-up takes them back before it falls back to the
 * standard handles for 0, 1 and 2. The handles are inheritable, so they have the same values. */
#include "process.h"

unsigned char *crt_fd_block(unsigned short *size)
{
    int count = 0;
    for (int fd = 0; fd < CRT_NFD; fd++)
        if (crt_fds[fd].flags & CRT_FOPEN)
            count = fd + 1;
    unsigned total = 4 + (unsigned)count * (1 + sizeof(HANDLE));
    unsigned char *block = malloc(total);
    if (block == NULL)
        return NULL;
    unsigned char *flags = block + 4, *handles = block + 4 + count;
    for (int i = 0; i < 4; i++)
        block[i] = (unsigned char)((unsigned)count >> (8 * i));
    for (int fd = 0; fd < count; fd++) {
        unsigned char f = crt_fds[fd].flags;
        intptr_t h = (intptr_t)crt_fds[fd].handle;
        if (!(f & CRT_FOPEN) || (f & CRT_FNOINHERIT)) {
            f = 0;
            h = -1;
        }
        flags[fd] = f & (unsigned char)~CRT_FEOFLAG;
        for (unsigned i = 0; i < sizeof(HANDLE); i++)
            handles[fd * sizeof(HANDLE) + i] = (unsigned char)((uintptr_t)h >> (8 * i));
    }
    *size = (unsigned short)total;
    return block;
}

/* Start-up, before the standard handles: the descriptors the parent's runtime passed; returns a
 * bit per descriptor 0..2 taken from there. */
int crt_inherit_fds(void)
{
    CRT_STARTUPINFOW si;
    si.cb = sizeof si;
    GetStartupInfoW(&si);
    if (si.lpReserved2 == NULL || si.cbReserved2 < 4)
        return 0;
    const unsigned char *p = si.lpReserved2;
    int count = (int)(p[0] | p[1] << 8 | p[2] << 16 | (unsigned)p[3] << 24);
    int fit = (si.cbReserved2 - 4) / (1 + (int)sizeof(HANDLE));
    if (count > fit)
        count = fit;
    if (count > CRT_NFD)
        count = CRT_NFD;
    int taken = 0;
    for (int fd = 0; fd < count; fd++) {
        unsigned char f = p[4 + fd];
        uintptr_t h = 0;
        for (unsigned i = 0; i < sizeof(HANDLE); i++)
            h |= (uintptr_t)p[4 + count + fd * sizeof(HANDLE) + i] << (8 * i);
        if (!(f & CRT_FOPEN) || h == 0 || h == (uintptr_t)-1)
            continue;
        DWORD type = GetFileType((HANDLE)h);
        if (type == FILE_TYPE_UNKNOWN)
            continue;                                   /* not open in this process after all */
        crt_fds[fd].handle = (HANDLE)h;
        crt_fd_pending[fd] = -1;
        crt_fds[fd].flags = (unsigned char)((f & (CRT_FOPEN | CRT_FAPPEND | CRT_FTEXT))
                                            | (type == FILE_TYPE_CHAR ? CRT_FDEV : type == FILE_TYPE_PIPE ? CRT_FPIPE : 0));
        if (fd < 3)
            taken |= 1 << fd;
    }
    return taken;
}
