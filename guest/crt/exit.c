/* Process exit as the runtime does it: the atexit/_onexit functions in reverse order of
 * registration, the C terminators, every stream flushed, then ExitProcess; _exit skips all of
 * it; _cexit/_c_exit do the same without ending the process. _initterm runs an initialiser table. */
#include "crtwin.h"

typedef void (*crt_vfn)(void);
typedef int (*crt_ifn)(void);

static crt_vfn *exit_table;
static size_t exit_count, exit_cap;
static int exiting;

int crt_register_exit(crt_vfn fn)
{
    crt_lock_global();
    if (exit_count == exit_cap) {
        size_t cap = exit_cap ? exit_cap * 2 : 32;
        crt_vfn *t = exit_table ? HeapReAlloc(GetProcessHeap(), 0, exit_table, cap * sizeof *t)
                                : HeapAlloc(GetProcessHeap(), 0, cap * sizeof *t);
        if (t == NULL) {
            crt_unlock_global();
            return -1;
        }
        exit_table = t;
        exit_cap = cap;
    }
    exit_table[exit_count++] = fn;
    crt_unlock_global();
    return 0;
}

void crt_run_exit_table(void)
{
    /* a function registered while the table runs is run too, before the older ones */
    while (exit_count) {
        crt_vfn fn = exit_table[--exit_count];
        if (fn)
            fn();
    }
}

CRTEXP int atexit(crt_vfn fn)
{
    return crt_register_exit(fn) ? -1 : 0;
}

typedef int (*onexit_t)(void);

CRTEXP onexit_t _onexit(onexit_t fn)
{
    return crt_register_exit((crt_vfn)fn) ? NULL : fn;
}

CRTEXP void _initterm(crt_vfn *begin, crt_vfn *end)
{
    for (; begin < end; begin++)
        if (*begin)
            (*begin)();
}

CRTEXP int _initterm_e(crt_ifn *begin, crt_ifn *end)
{
    for (; begin < end; begin++)
        if (*begin) {
            int r = (*begin)();
            if (r)
                return r;
        }
    return 0;
}

#ifdef CRT_UCRT
typedef void (WINAPI *tls_callback)(void *, DWORD, void *);
extern tls_callback crt_tls_exit_callback;
#endif

static void do_exit(int code, int quick, int retcaller)
{
    if (!exiting) {
        exiting = 1;
#ifdef CRT_UCRT
        if (!quick && crt_tls_exit_callback)
            crt_tls_exit_callback(NULL, 0, NULL);       /* the exe's thread_local destructors */
#endif
        if (!quick)
            crt_run_exit_table();
    }
    if (!quick)
        crt_flush_all();
    if (!retcaller)
        ExitProcess((unsigned)code);
}

void crt_detach(void)
{
#ifdef CRT_MSVCRT
    do_exit(0, 0, 1);
#else
    crt_flush_all();
#endif
}

CRTEXP __attribute__((noreturn)) void exit(int code)
{
    do_exit(code, 0, 0);
    __builtin_unreachable();
}

CRTEXP __attribute__((noreturn)) void _exit(int code)
{
    ExitProcess((unsigned)code);
}

CRTEXP __attribute__((noreturn)) void _Exit(int code)
{
    ExitProcess((unsigned)code);
}

CRTEXP void _cexit(void)
{
    do_exit(0, 0, 1);
}

CRTEXP void _c_exit(void)
{
    do_exit(0, 1, 1);
}

__attribute__((noreturn)) void crt_exit_process(int code)
{
    ExitProcess((unsigned)code);
}
