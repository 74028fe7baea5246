/* The UCRT's start-up contract as MSVC's (and clang's, zig's) start-up code calls it: argv and
 * environment set-up on request, onexit tables, the thread-local exit callback, _seh_filter_exe,
 * the new, fmode and locale switches, and the invalid-parameter handler, whose default is a fast
 * fail (0xC0000409) as in the UCRT. */
#ifdef CRT_UCRT
#include "crtwin.h"
#include "errno.h"

static int ucrt_argc;
static char **ucrt_argv;
static crt_wchar **ucrt_wargv;
static char **ucrt_environ;
static crt_wchar **ucrt_wenviron;
static int app_type, new_mode, fmode, commode, per_thread_locale;
static char *acmdln;
static crt_wchar *wcmdln;

void crt_publish_args(void)
{
    acmdln = crt_acmdln;
    wcmdln = crt_wcmdln;
}

/* mode: 0 no arguments, 1 unexpanded, 2 expanded (wildcards; expanded as unexpanded here). */
CRTEXP int _configure_narrow_argv(int mode)
{
    if (mode < 0 || mode > 2) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    if (mode) {
        ucrt_argc = crt_argc;
        ucrt_argv = crt_argv;
    }
    return 0;
}

CRTEXP int _configure_wide_argv(int mode)
{
    if (mode < 0 || mode > 2) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    if (mode) {
        crt_init_wide_args();
        ucrt_argc = crt_argc;
        ucrt_wargv = crt_wargv;
    }
    return 0;
}

CRTEXP int _initialize_narrow_environment(void)
{
    crt_init_narrow_env();
    ucrt_environ = crt_environ;
    return 0;
}

CRTEXP int _initialize_wide_environment(void)
{
    crt_init_wide_env();
    ucrt_wenviron = crt_wenviron;
    return 0;
}

CRTEXP char **_get_initial_narrow_environment(void) { return ucrt_environ; }
CRTEXP crt_wchar **_get_initial_wide_environment(void) { return ucrt_wenviron; }
CRTEXP int *__p___argc(void) { return &ucrt_argc; }
CRTEXP char ***__p___argv(void) { return &ucrt_argv; }
CRTEXP crt_wchar ***__p___wargv(void) { return &ucrt_wargv; }
CRTEXP char ***__p__environ(void) { return &ucrt_environ; }
CRTEXP crt_wchar ***__p__wenviron(void) { return &ucrt_wenviron; }
CRTEXP char **__p__acmdln(void) { return &acmdln; }
CRTEXP crt_wchar **__p__wcmdln(void) { return &wcmdln; }
CRTEXP int *__p__fmode(void) { return &fmode; }
CRTEXP int *__p__commode(void) { return &commode; }
static int mb_cur_max = 1;
void crt_set_mb_cur_max(int value) { mb_cur_max = value; }
CRTEXP int ___mb_cur_max_func(void) { return mb_cur_max; }

extern int _fmode;
CRTEXP int _set_fmode(int mode)
{
    if (mode != 0x4000 && mode != 0x8000 && mode != 0x10000) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    fmode = _fmode = mode;
    return 0;
}

CRTEXP int _get_fmode(int *mode)
{
    if (mode == NULL)
        return CRT_EINVAL;
    *mode = fmode;
    return 0;
}

CRTEXP void _set_app_type(int type) { app_type = type; }
CRTEXP int _query_app_type(void) { return app_type; }
CRTEXP int _set_new_mode(int mode) { int old = new_mode; new_mode = mode; return old; }
CRTEXP int _query_new_mode(void) { return new_mode; }

/* _configthreadlocale: 0 queries; 1 enables, 2 disables per-thread locales; -1 resets. */
CRTEXP int _configthreadlocale(int flag)
{
    int old = per_thread_locale ? 1 : 2;
    if (flag == 1)
        per_thread_locale = 1;
    else if (flag == 2 || flag == -1)
        per_thread_locale = 0;
    else if (flag != 0) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    return old;
}

typedef int (*matherr_fn)(void *);
matherr_fn crt_user_matherr;
CRTEXP void __setusermatherr(matherr_fn fn) { crt_user_matherr = fn; }

/* ---- onexit tables ---- */

typedef void (*crt_vfn)(void);
typedef struct { crt_vfn *first, *last, *end; } onexit_table;
int crt_register_exit(crt_vfn fn);

CRTEXP int _initialize_onexit_table(onexit_table *t)
{
    if (t == NULL)
        return -1;
    if (t->first == t->end)         /* already set up tables keep their entries */
        t->first = t->last = t->end = NULL;
    return 0;
}

CRTEXP int _register_onexit_function(onexit_table *t, crt_vfn fn)
{
    if (t == NULL)
        return -1;
    crt_lock_global();
    if (t->last == t->end) {
        size_t n = t->first ? (size_t)(t->end - t->first) : 0, cap = n ? n * 2 : 32;
        crt_vfn *p = t->first ? HeapReAlloc(GetProcessHeap(), 0, t->first, cap * sizeof *p)
                              : HeapAlloc(GetProcessHeap(), 0, cap * sizeof *p);
        if (p == NULL) {
            crt_unlock_global();
            return -1;
        }
        t->last = p + (t->last - t->first);
        t->first = p;
        t->end = p + cap;
    }
    *t->last++ = fn;
    crt_unlock_global();
    return 0;
}

/* Runs the table last registered first and empties it. */
CRTEXP int _execute_onexit_table(onexit_table *t)
{
    if (t == NULL)
        return -1;
    crt_lock_global();
    crt_vfn *first = t->first, *last = t->last;
    t->first = t->last = t->end = NULL;
    crt_unlock_global();
    while (last > first) {
        crt_vfn fn = *--last;
        if (fn)
            fn();
    }
    if (first)
        HeapFree(GetProcessHeap(), 0, first);
    return 0;
}

CRTEXP int _crt_atexit(crt_vfn fn) { return crt_register_exit(fn) ? -1 : 0; }

static crt_vfn quick_exit_table[32];
static int quick_exit_count;
CRTEXP int _crt_at_quick_exit(crt_vfn fn)
{
    if (quick_exit_count == 32)
        return -1;
    quick_exit_table[quick_exit_count++] = fn;
    return 0;
}
CRTEXP int at_quick_exit(crt_vfn fn) { return _crt_at_quick_exit(fn); }
CRTEXP __attribute__((noreturn)) void quick_exit(int code)
{
    while (quick_exit_count)
        quick_exit_table[--quick_exit_count]();
    crt_exit_process(code);
}

/* The exe's thread_local destructors: called with DLL_PROCESS_DETACH before the atexit table. */
typedef void (WINAPI *tls_callback)(void *, DWORD, void *);
tls_callback crt_tls_exit_callback;
CRTEXP void _register_thread_local_exe_atexit_callback(tls_callback cb)
{
    crt_tls_exit_callback = cb;
}

/* ---- exceptions the start-up code filters ---- */

int crt_exception_filter(unsigned long code);
CRTEXP int _seh_filter_exe(unsigned long code, void *pointers)
{
    (void)pointers;
    return crt_exception_filter(code);      /* the signal table's verdict (signal.c) */
}

CRTEXP int _seh_filter_dll(unsigned long code, void *pointers)
{
    return _seh_filter_exe(code, pointers);
}

/* ---- invalid parameters ---- */

typedef void (*invalid_handler)(const crt_wchar *, const crt_wchar *, const crt_wchar *, unsigned, uintptr_t);
static invalid_handler ip_handler;

CRTEXP invalid_handler _set_invalid_parameter_handler(invalid_handler h)
{
    invalid_handler old = ip_handler;
    ip_handler = h;
    return old;
}

CRTEXP invalid_handler _get_invalid_parameter_handler(void) { return ip_handler; }
CRTEXP invalid_handler _set_thread_local_invalid_parameter_handler(invalid_handler h) { return _set_invalid_parameter_handler(h); }
CRTEXP invalid_handler _get_thread_local_invalid_parameter_handler(void) { return ip_handler; }

static __attribute__((noreturn)) void fast_fail_invalid_arg(void)
{
    __asm__ volatile ("int $0x29" : : "c"(5));      /* __fastfail(FAST_FAIL_INVALID_ARG) */
    __builtin_unreachable();
}

CRTEXP void _invalid_parameter(const crt_wchar *expr, const crt_wchar *func, const crt_wchar *file, unsigned line,
                               uintptr_t reserved)
{
    if (ip_handler) {
        ip_handler(expr, func, file, line, reserved);
        return;
    }
    fast_fail_invalid_arg();
}

CRTEXP void _invalid_parameter_noinfo(void)
{
    _invalid_parameter(NULL, NULL, NULL, 0, 0);
}

CRTEXP __attribute__((noreturn)) void _invalid_parameter_noinfo_noreturn(void)
{
    _invalid_parameter(NULL, NULL, NULL, 0, 0);
    fast_fail_invalid_arg();
}

void crt_invalid_parameter(int err)
{
    crt_errno = err;
    _invalid_parameter_noinfo();
}

__attribute__((noreturn)) void abort(void);
typedef void (*terminate_handler)(void);
static terminate_handler term_handler;
CRTEXP terminate_handler set_terminate(terminate_handler h) { terminate_handler old = term_handler; term_handler = h; return old; }
CRTEXP terminate_handler _get_terminate(void) { return term_handler; }
CRTEXP __attribute__((noreturn)) void terminate(void)
{
    if (term_handler)
        term_handler();
    abort();
}

/* The UCRT's global lock around its exit tables (no numbered locks are exported). */
static CRITICAL_SECTION exit_lock;
void crt_init_locks(void) { InitializeCriticalSection(&exit_lock); }
void crt_lock_global(void) { EnterCriticalSection(&exit_lock); }
void crt_unlock_global(void) { LeaveCriticalSection(&exit_lock); }
#endif
