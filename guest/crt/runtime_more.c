/* Runtime services the runtime lacked: the program's path (_pgmptr/_wpgmptr, from
 * GetModuleFileName at start-up, with _get_ and __p__ accessors), WinMain's command line (past the
 * program name and the blanks after it), __threadid/__threadhandle, _sleep, _swab, _lrotl/_lrotr,
 * _memccpy, _set_controlfp, _seterrormode, the per-thread __fpecode and __pxcptinfoptrs, the fast
 * fails __report_gsfailure (FAST_FAIL_STACK_COOKIE_CHECK_FAILURE) and _invoke_watson
 * (FAST_FAIL_INVALID_ARG), _crt_debugger_hook (a place for a debugger's breakpoint: nothing
 * else), and the UCRT's _purecall with its handler (then abort, as the UCRT does). */
#include "crtwin.h"
#include "secure.h"

typedef crt_wchar W;
WINBASEAPI DWORD WINAPI GetModuleFileNameW(HANDLE, WCHAR *, DWORD);
WINBASEAPI DWORD WINAPI GetCurrentThreadId(void);
WINBASEAPI HANDLE WINAPI GetCurrentThread(void);
WINBASEAPI void WINAPI Sleep(DWORD);
WINBASEAPI unsigned WINAPI SetErrorMode(unsigned);
unsigned int _controlfp(unsigned int, unsigned int);
__attribute__((noreturn)) void abort(void);

static char pgm_a[260];
static W pgm_w[260];
CRTEXP char *_pgmptr = pgm_a;
CRTEXP W *_wpgmptr = pgm_w;

void crt_init_pgmptr(void)
{
    GetModuleFileNameA(NULL, pgm_a, sizeof pgm_a);
    GetModuleFileNameW(NULL, pgm_w, sizeof pgm_w / sizeof pgm_w[0]);
}

CRTEXP char **__p__pgmptr(void) { return &_pgmptr; }
CRTEXP W **__p__wpgmptr(void) { return &_wpgmptr; }

CRTEXP int _get_pgmptr(char **out)
{
    if (out == NULL)
        return crt_invalid(CRT_EINVAL);
    *out = _pgmptr;
    return 0;
}

CRTEXP int _get_wpgmptr(W **out)
{
    if (out == NULL)
        return crt_invalid(CRT_EINVAL);
    *out = _wpgmptr;
    return 0;
}

/* The command line after the program's name (quoted or not) and the blanks that follow it. */
#define DEFINE_WINMAIN_LINE(NAME, T, LINE)                                                         \
CRTEXP T *NAME(void)                                                                               \
{                                                                                                  \
    T *p = LINE;                                                                                   \
    if (p == NULL)                                                                                 \
        return NULL;                                                                               \
    int quoted = 0;                                                                                \
    for (; *p && (quoted || (*p != ' ' && *p != '\t')); p++)                                       \
        if (*p == '"')                                                                             \
            quoted = !quoted;                                                                      \
    while (*p == ' ' || *p == '\t')                                                                \
        p++;                                                                                       \
    return p;                                                                                      \
}

#ifdef CRT_UCRT
DEFINE_WINMAIN_LINE(_get_narrow_winmain_command_line, char, crt_acmdln)
DEFINE_WINMAIN_LINE(_get_wide_winmain_command_line, W, crt_wcmdln)
#endif

CRTEXP unsigned long __threadid(void) { return GetCurrentThreadId(); }
CRTEXP uintptr_t __threadhandle(void) { return (uintptr_t)GetCurrentThread(); }
CRTEXP void _sleep(unsigned long ms) { Sleep(ms); }

/* _swab: n bytes of src into dst with each pair's two bytes exchanged (an odd last byte left). */
CRTEXP void _swab(char *src, char *dst, int n)
{
    if (src == NULL || dst == NULL || n < 0) {
        crt_invalid_parameter(CRT_EINVAL);
        return;
    }
    for (int i = 0; i + 1 < n; i += 2) {
        char a = src[i], b = src[i + 1];
        dst[i] = b;
        dst[i + 1] = a;
    }
}

CRTEXP unsigned long _lrotl(unsigned long v, int s) { s &= 31; return (v << s) | (v >> ((32 - s) & 31)); }
CRTEXP unsigned long _lrotr(unsigned long v, int s) { s &= 31; return (v >> s) | (v << ((32 - s) & 31)); }

/* _memccpy: bytes copied up to and including the first c; the byte after it in dst, or NULL. */
CRTEXP void *_memccpy(void *dst, const void *src, int c, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    for (size_t i = 0; i < n; i++) {
        d[i] = s[i];
        if (s[i] == (unsigned char)c)
            return d + i + 1;
    }
    return NULL;
}

CRTEXP void _set_controlfp(unsigned int value, unsigned int mask) { _controlfp(value, mask); }
CRTEXP unsigned _seterrormode(int mode) { return SetErrorMode((unsigned)mode); }
CRTEXP int *__fpecode(void) { return &crt_getptd()->fpecode; }
CRTEXP void **__pxcptinfoptrs(void) { return &crt_getptd()->xcptinfo; }

static __attribute__((noreturn)) void fast_fail(unsigned code)
{
    __asm__ volatile ("int $0x29" : : "c"(code));
    __builtin_unreachable();
}

CRTEXP __attribute__((noreturn)) void __report_gsfailure(uintptr_t cookie)
{
    (void)cookie;
    fast_fail(2);                                   /* FAST_FAIL_STACK_COOKIE_CHECK_FAILURE */
}

CRTEXP __attribute__((noreturn)) void _invoke_watson(const W *expr, const W *func, const W *file, unsigned line,
                                                     uintptr_t reserved)
{
    (void)expr, (void)func, (void)file, (void)line, (void)reserved;
    fast_fail(5);                                   /* FAST_FAIL_INVALID_ARG */
}

CRTEXP void _crt_debugger_hook(int reserved)
{
    (void)reserved;
    __asm__ volatile ("" ::: "memory");            /* kept, not folded away: a debugger's place */
}

#ifdef CRT_UCRT
typedef void (*purecall_handler)(void);
static purecall_handler purecall_fn;

CRTEXP purecall_handler _set_purecall_handler(purecall_handler fn)
{
    purecall_handler old = purecall_fn;
    purecall_fn = fn;
    return old;
}

CRTEXP purecall_handler _get_purecall_handler(void) { return purecall_fn; }

CRTEXP void _purecall(void)
{
    if (purecall_fn)
        purecall_fn();
    abort();
}
#endif
