/* signal/raise with the runtime's default actions, and abort: SIGABRT's handler if one is set,
 * then (msvcrt) the runtime's message on stderr, and exit code 3. */
#include "crtwin.h"
#include "errno.h"

typedef void (*crt_sighandler)(int);
#define SIG_DFL_ ((crt_sighandler)0)
#define SIG_IGN_ ((crt_sighandler)1)
#define SIG_ERR_ ((crt_sighandler)-1)

static crt_sighandler handlers[23];

static int known(int sig)
{
    return sig == 2 || sig == 4 || sig == 6 || sig == 8 || sig == 11 || sig == 15 || sig == 21 || sig == 22;
}

CRTEXP crt_sighandler signal(int sig, crt_sighandler fn)
{
    if (sig == 6)
        sig = 22;                       /* SIGABRT_COMPAT */
    if (!known(sig) || fn == (crt_sighandler)2 || fn == (crt_sighandler)3 || fn == (crt_sighandler)4) {
        crt_errno = CRT_EINVAL;
        return SIG_ERR_;
    }
    crt_sighandler old = handlers[sig];
    handlers[sig] = fn;
    return old;
}

int crt_fputs_stderr(const char *s);

CRTEXP int raise(int sig)
{
    if (sig == 6)
        sig = 22;
    if (!known(sig)) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    crt_sighandler fn = handlers[sig];
    if (fn == SIG_IGN_)
        return 0;
    if (fn == SIG_DFL_)
        crt_exit_process(3);            /* the default action of every signal: _exit(3) */
    if (sig != 8 && sig != 11 && sig != 4)
        handlers[sig] = SIG_DFL_;
    fn(sig);
    return 0;
}

/* _XcptFilter / _seh_filter_exe: an exception the program's signal handler claims. Access
 * violations are SIGSEGV, illegal and privileged instructions SIGILL, floating-point exceptions
 * SIGFPE; with no handler (SIG_DFL) the search goes on, SIG_IGN resumes the faulting code, a
 * handler runs once (reset to SIG_DFL first) and execution resumes. */
int crt_exception_filter(unsigned long code)
{
    int sig;
    switch (code) {
    case 0xC0000005: sig = 11; break;                                   /* STATUS_ACCESS_VIOLATION */
    case 0xC000001D: case 0xC0000096: sig = 4; break;                  /* illegal, privileged */
    case 0xC000008D: case 0xC000008E: case 0xC000008F: case 0xC0000090:
    case 0xC0000091: case 0xC0000092: case 0xC0000093: case 0xC00002B4: case 0xC00002B5:
        sig = 8; break;                                                 /* STATUS_FLOAT_* */
    default: return 0;                                                  /* EXCEPTION_CONTINUE_SEARCH */
    }
    crt_sighandler fn = handlers[sig];
    if (fn == SIG_DFL_)
        return 0;
    if (fn == SIG_IGN_)
        return -1;                                                      /* EXCEPTION_CONTINUE_EXECUTION */
    handlers[sig] = SIG_DFL_;
    fn(sig);
    return -1;
}

#ifdef CRT_UCRT
/* The UCRT's abort flags: a release runtime starts with _CALL_REPORTFAULT (0x2) alone. */
static unsigned abort_behavior = 0x2;

CRTEXP unsigned _set_abort_behavior(unsigned flags, unsigned mask)
{
    unsigned old = abort_behavior;
    abort_behavior = (old & ~mask) | (flags & mask);
    return old;
}
#endif

/* abort: a SIGABRT handler runs first; then msvcrt.dll prints its message and ends the process
 * with 3; the UCRT, with _CALL_REPORTFAULT set (its default), ends it by a fast fail
 * (FAST_FAIL_FATAL_APP_EXIT: 0xC0000409, which no handler sees), else with 3. */
CRTEXP __attribute__((noreturn)) void abort(void)
{
    crt_sighandler fn = handlers[22];
    if (fn != SIG_DFL_ && fn != SIG_IGN_)
        raise(22);
#ifdef CRT_MSVCRT
    crt_fputs_stderr("\nThis application has requested the Runtime to terminate it in an unusual way.\n"
                     "Please contact the application's support team for more information.\n");
#else
    if (abort_behavior & 0x2)
        __asm__ volatile("int $0x29" : : "c"(7) : "memory");
#endif
    crt_exit_process(3);
}
