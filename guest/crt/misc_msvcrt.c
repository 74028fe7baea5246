/* Small msvcrt.dll exports old programs import: the _HUGE and _osplatform data, _difftime64 and
 * _ftime_s (x64's 64-bit time forms); and in both runtimes _beep over kernel32's Beep and the DLL
 * helpers _loaddll, _unloaddll and _getdllprocaddr over LoadLibraryA, FreeLibrary and GetProcAddress. */
#include "crtwin.h"

__declspec(dllimport) void *__stdcall LoadLibraryA(const char *);
__declspec(dllimport) int __stdcall FreeLibrary(void *);
__declspec(dllimport) void *__stdcall GetProcAddress(void *, const char *);
__declspec(dllimport) int __stdcall Beep(unsigned long, unsigned long);

#ifdef CRT_MSVCRT
double difftime(long long, long long);
struct crt_timeb64;
int _ftime64_s(struct crt_timeb64 *);

CRTEXP double _HUGE = __builtin_inf();          /* HUGE_VAL as msvcrt's headers read it */
CRTEXP unsigned int _osplatform = 2;            /* VER_PLATFORM_WIN32_NT */

CRTEXP double _difftime64(long long a, long long b) { return difftime(a, b); }
CRTEXP int _ftime_s(struct crt_timeb64 *tb) { return _ftime64_s(tb); }
#endif

/* _beep: Beep's tone (the frequency 37-32767 Hz, for duration ms); nothing comes back */
CRTEXP void _beep(unsigned int frequency, unsigned int duration) { Beep(frequency, duration); }

/* _loaddll: the module's handle, 0 when it does not load; _unloaddll: 0, else the system error */
CRTEXP intptr_t _loaddll(const char *name) { return (intptr_t)LoadLibraryA(name); }
CRTEXP int _unloaddll(intptr_t handle)
{
    if (FreeLibrary((void *)handle))
        return 0;
    return (int)GetLastError();
}

/* _getdllprocaddr: by name when the ordinal is -1, by ordinal when the name is NULL */
CRTEXP void *_getdllprocaddr(intptr_t handle, const char *name, intptr_t ordinal)
{
    if (name != NULL)
        return ordinal == -1 ? GetProcAddress((void *)handle, name) : NULL;
    if (ordinal < 0 || ordinal > 0xFFFF)
        return NULL;
    return GetProcAddress((void *)handle, (const char *)(uintptr_t)ordinal);
}
