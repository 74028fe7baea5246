/* msvcrt.dll's start-up contract, as mingw-w64's crt2.o and old MSVC start-up code call it:
 * __getmainargs/__wgetmainargs, the data exports (__argc, __argv, _acmdln, _environ,
 * __initenv, _commode ...), __set_app_type, __setusermatherr, __dllonexit, _amsg_exit,
 * _XcptFilter, and the numbered locks (_lock/_unlock). */
#ifdef CRT_MSVCRT
#include "crtwin.h"
#include "errno.h"

CRTEXP int __argc;
CRTEXP char **__argv;
CRTEXP crt_wchar **__wargv;
CRTEXP char **_environ;
CRTEXP crt_wchar **_wenviron;
CRTEXP char **__initenv;
CRTEXP crt_wchar **__winitenv;
CRTEXP char *_acmdln;
CRTEXP crt_wchar *_wcmdln;
CRTEXP int _commode;
CRTEXP int __app_type;
CRTEXP int __mb_cur_max = 1;
CRTEXP unsigned int _osver, _winver, _winmajor, _winminor;

typedef struct { int newmode; } crt_startupinfo;
static int crt_newmode;

void crt_publish_args(void)
{
    __argc = crt_argc;
    __argv = crt_argv;
    _acmdln = crt_acmdln;
    _wcmdln = crt_wcmdln;
}

CRTEXP int __getmainargs(int *argc, char ***argv, char ***env, int wildcard, crt_startupinfo *si)
{
    (void)wildcard;
    crt_init_narrow_env();
    _environ = __initenv = crt_environ;
    *argc = crt_argc;
    *argv = crt_argv;
    *env = crt_environ;
    if (si)
        crt_newmode = si->newmode;
    return 0;
}

CRTEXP int __wgetmainargs(int *argc, crt_wchar ***argv, crt_wchar ***env, int wildcard, crt_startupinfo *si)
{
    (void)wildcard;
    crt_init_wide_args();
    crt_init_wide_env();
    __wargv = crt_wargv;
    _wenviron = __winitenv = crt_wenviron;
    *argc = crt_argc;
    *argv = crt_wargv;
    *env = crt_wenviron;
    if (si)
        crt_newmode = si->newmode;
    return 0;
}

CRTEXP int *__p___argc(void) { return &__argc; }
CRTEXP char ***__p___argv(void) { return &__argv; }
CRTEXP crt_wchar ***__p___wargv(void) { return &__wargv; }
CRTEXP char ***__p__environ(void) { crt_init_narrow_env(); _environ = crt_environ; return &_environ; }
CRTEXP crt_wchar ***__p__wenviron(void) { return &_wenviron; }
CRTEXP char **__p__acmdln(void) { return &_acmdln; }
CRTEXP crt_wchar **__p__wcmdln(void) { return &_wcmdln; }
extern int _fmode;
CRTEXP int *__p__fmode(void) { return &_fmode; }
CRTEXP int *__p__commode(void) { return &_commode; }
CRTEXP int *__p___mb_cur_max(void) { return &__mb_cur_max; }
CRTEXP int ___mb_cur_max_func(void) { return __mb_cur_max; }
void crt_set_mb_cur_max(int value) { __mb_cur_max = value; }

CRTEXP void __set_app_type(int type)
{
    __app_type = type;
}

typedef int (*matherr_fn)(void *);
matherr_fn crt_user_matherr;

CRTEXP void __setusermatherr(matherr_fn fn)
{
    crt_user_matherr = fn;
}

/* __dllonexit: a DLL's own atexit table, grown on the runtime's heap. */
typedef void (*crt_vfn)(void);
CRTEXP crt_vfn __dllonexit(crt_vfn fn, crt_vfn **begin, crt_vfn **end)
{
    if (begin == NULL || end == NULL)
        return NULL;
    size_t n = *begin ? (size_t)(*end - *begin) : 0;
    crt_vfn *t = *begin ? HeapReAlloc(GetProcessHeap(), 0, *begin, (n + 1) * sizeof *t)
                        : HeapAlloc(GetProcessHeap(), 0, sizeof *t);
    if (t == NULL)
        return NULL;
    t[n] = fn;
    *begin = t;
    *end = t + n + 1;
    return fn;
}

int crt_fputs_stderr(const char *s);

/* _amsg_exit: the runtime's fatal error R6xxx, on stderr, then exit code 255. */
CRTEXP __attribute__((noreturn)) void _amsg_exit(int rterrnum)
{
    char msg[] = "\nruntime error R6000\n";
    msg[18] = (char)('0' + rterrnum % 10);
    msg[17] = (char)('0' + rterrnum / 10 % 10);
    crt_fputs_stderr(msg);
    crt_exit_process(255);
}

/* _XcptFilter: the start-up code's exception filter, through the signal table (signal.c). */
int crt_exception_filter(unsigned long code);
CRTEXP int _XcptFilter(unsigned long code, void *pointers)
{
    (void)pointers;
    return crt_exception_filter(code);
}

/* __lconv_init: the start-up call of programs compiled with unsigned chars (mingw-w64's charmax.o,
 * MSVC's /J): localeconv's CHAR_MAX members become UCHAR_MAX. */
int crt_lconv_for_unsigned_char(void);
CRTEXP int __lconv_init(void) { return crt_lconv_for_unsigned_char(); }

/* The numbered locks of msvcrt.dll (_lock(_EXIT_LOCK1) ...). */
#define CRT_NLOCKS 36
static CRITICAL_SECTION numbered_locks[CRT_NLOCKS];

WINBASEAPI DWORD WINAPI GetVersion(void);

void crt_init_locks(void)
{
    for (int i = 0; i < CRT_NLOCKS; i++)
        InitializeCriticalSection(&numbered_locks[i]);
    /* the version data, as GetVersion reports it to this process (its manifest decides) */
    DWORD version = GetVersion();
    _winmajor = version & 0xFF;
    _winminor = (version >> 8) & 0xFF;
    _winver = (_winmajor << 8) | _winminor;
    _osver = (version >> 16) & 0x7FFF;
}

CRTEXP void _lock(int n)
{
    if (n >= 0 && n < CRT_NLOCKS)
        EnterCriticalSection(&numbered_locks[n]);
}

CRTEXP void _unlock(int n)
{
    if (n >= 0 && n < CRT_NLOCKS)
        LeaveCriticalSection(&numbered_locks[n]);
}

void crt_lock_global(void) { _lock(8); }      /* _EXIT_LOCK1 guards the exit table */
void crt_unlock_global(void) { _unlock(8); }
#endif
