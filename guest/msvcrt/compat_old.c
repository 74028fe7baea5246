/* msvcrt.dll exports of the VC6-era runtime that old programs still import: the small-block heap
 * threshold (x86 only: on x64 there is none, _set_sbh_threshold fails and the threshold reads 0),
 * _heapadd (not supported on Windows NT: -1 and ENOSYS), the setlocale activity counters that
 * header-inlined locale code of that time read (no setlocale is ever "active" between their reads
 * here: setlocale completes under its own lock), _aexit_rtn, the routine _amsg_exit ends by, and
 * the _get_osplatform/_get_osver/_get_winmajor/_get_winminor readers of the version data. */
#include "crtwin.h"
#include "errno.h"

CRTEXP int _set_sbh_threshold(size_t threshold)
{
    (void)threshold;
    return 0;
}

CRTEXP size_t _get_sbh_threshold(void) { return 0; }

CRTEXP int _heapadd(void *block, size_t size)
{
    (void)block;
    (void)size;
    crt_errno = CRT_ENOSYS;
    return -1;
}

CRTEXP int __setlc_active;
CRTEXP unsigned int __unguarded_readlc_active;
CRTEXP int ___setlc_active_func(void) { return __setlc_active; }
CRTEXP unsigned int *___unguarded_readlc_active_add_func(void) { return &__unguarded_readlc_active; }

/* The Windows version, as the _osplatform, _osver, _winmajor and _winminor data give it. */
extern unsigned int _osplatform, _osver, _winmajor, _winminor;
static int put_version(unsigned int *out, unsigned int value)
{
    if (out == NULL) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    *out = value;
    return 0;
}
CRTEXP int _get_osplatform(unsigned int *value) { return put_version(value, _osplatform); }
CRTEXP int _get_osver(unsigned int *value) { return put_version(value, _osver); }
CRTEXP int _get_winmajor(unsigned int *value) { return put_version(value, _winmajor); }
CRTEXP int _get_winminor(unsigned int *value) { return put_version(value, _winminor); }

void _exit(int);
CRTEXP void (*_aexit_rtn)(int) = _exit;
