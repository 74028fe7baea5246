/* UCRT exports that programs reach through the api-ms-win-crt-* sets besides the C library
 * proper: __initialize_lconv_for_unsigned_char (the start-up call of /J programs), the global
 * locale lock _lock_locales/_unlock_locales, _get/_set_FMA3_enable (no FMA3 forms of the
 * transcendental functions here: the flag stays 0, as on a processor without FMA3), and
 * _sopen_dispatch/_wsopen_dispatch, which the UCRT headers' C++ overloads of _open and _sopen call
 * (a secure open reports its error; either way *pfh is the descriptor or -1). */
#ifdef CRT_UCRT
#include "crtwin.h"

int crt_lconv_for_unsigned_char(void);
int _sopen_s(int *, const char *, int, int, int);
int _wsopen_s(int *, const WCHAR *, int, int, int);

CRTEXP int __initialize_lconv_for_unsigned_char(void) { return crt_lconv_for_unsigned_char(); }

static CRITICAL_SECTION locale_lock;
static volatile long locale_lock_state;             /* 0 none, 1 being made, 2 ready */

static CRITICAL_SECTION *LocaleLock(void)
{
    if (locale_lock_state != 2) {
        if (__sync_val_compare_and_swap(&locale_lock_state, 0, 1) == 0) {
            InitializeCriticalSection(&locale_lock);
            __sync_synchronize();
            locale_lock_state = 2;
        } else {
            while (locale_lock_state != 2)
                __builtin_ia32_pause();
        }
    }
    return &locale_lock;
}

CRTEXP void _lock_locales(void) { EnterCriticalSection(LocaleLock()); }
CRTEXP void _unlock_locales(void) { LeaveCriticalSection(LocaleLock()); }

CRTEXP int _get_FMA3_enable(void) { return 0; }
CRTEXP int _set_FMA3_enable(int flag)
{
    (void)flag;
    return 0;                           /* the implementation in use after the call: without FMA3 */
}

CRTEXP int _sopen_dispatch(const char *path, int oflag, int shflag, int pmode, int *pfh, int secure)
{
    (void)secure;
    return _sopen_s(pfh, path, oflag, shflag, pmode);
}

CRTEXP int _wsopen_dispatch(const WCHAR *path, int oflag, int shflag, int pmode, int *pfh, int secure)
{
    (void)secure;
    return _wsopen_s(pfh, path, oflag, shflag, pmode);
}
#endif
