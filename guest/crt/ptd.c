/* Per-thread runtime state (errno, _doserrno, rand's seed, strtok's place) in a TLS slot that
 * the DLL takes at process attach; a thread's block is made on its first use. */
#include "crtwin.h"

static DWORD crt_tls_index = (DWORD)-1;

void crt_init_ptd(void)
{
    crt_tls_index = TlsAlloc();
}

crt_ptd *crt_getptd(void)
{
    DWORD saved = GetLastError();           /* TlsGetValue clears it; the caller's stays */
    crt_ptd *ptd = TlsGetValue(crt_tls_index);
    if (ptd == NULL) {
        ptd = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof *ptd);
        if (ptd == NULL)
            ExitProcess(255);               /* as the runtime does when it has no thread data */
        ptd->rand_seed = 1;
        TlsSetValue(crt_tls_index, ptd);
    }
    SetLastError(saved);
    return ptd;
}

CRTEXP int *_errno(void)
{
    return &crt_getptd()->err;
}

CRTEXP unsigned long *__doserrno(void)
{
    return &crt_getptd()->doserr;
}

CRTEXP int _set_errno(int value)
{
    crt_getptd()->err = value;
    return 0;
}

CRTEXP int _get_errno(int *value)
{
    if (value == NULL)
        return 22;
    *value = crt_getptd()->err;
    return 0;
}

CRTEXP int _set_doserrno(unsigned long value)
{
    crt_getptd()->doserr = value;
    return 0;
}

CRTEXP int _get_doserrno(unsigned long *value)
{
    if (value == NULL)
        return 22;
    *value = crt_getptd()->doserr;
    return 0;
}
