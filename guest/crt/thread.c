/* Threads the runtime starts: _beginthreadex/_endthreadex and _beginthread/_endthread over
 * CreateThread, each new thread getting its own runtime data (errno, rand's seed ...) on first
 * use; _getpid. */
#include "crtwin.h"
#include "errno.h"

WINBASEAPI HANDLE WINAPI CreateThread(void *, size_t, DWORD (WINAPI *)(void *), void *, DWORD, DWORD *);
WINBASEAPI __attribute__((noreturn)) void WINAPI ExitThread(DWORD);
WINBASEAPI DWORD WINAPI GetCurrentProcessId(void);
WINBASEAPI BOOL WINAPI CloseHandle(HANDLE);
WINBASEAPI DWORD WINAPI ResumeThread(HANDLE);

typedef unsigned (WINAPI *ex_start)(void *);
typedef void (*plain_start)(void *);
typedef struct { ex_start ex; plain_start plain; void *arg; HANDLE handle; } start_block;

CRTEXP __attribute__((noreturn)) void _endthreadex(unsigned code)
{
    ExitThread(code);
}

static DWORD WINAPI thread_start(void *p)
{
    start_block b = *(start_block *)p;
    HeapFree(GetProcessHeap(), 0, p);
    if (b.ex)
        _endthreadex(b.ex(b.arg));
    b.plain(b.arg);
    if (b.handle)
        CloseHandle(b.handle);                  /* _beginthread's handle closes itself */
    ExitThread(0);
}

CRTEXP uintptr_t _beginthreadex(void *security, unsigned stack, ex_start start, void *arg, unsigned flags,
                                unsigned *id)
{
    if (start == NULL) {
        crt_errno = CRT_EINVAL;
        return 0;
    }
    start_block *b = HeapAlloc(GetProcessHeap(), 0, sizeof *b);
    if (b == NULL) {
        crt_errno = CRT_ENOMEM;
        return 0;
    }
    b->ex = start;
    b->plain = NULL;
    b->arg = arg;
    b->handle = NULL;
    DWORD tid;
    HANDLE h = CreateThread(security, stack, thread_start, b, flags, &tid);
    if (h == NULL) {
        HeapFree(GetProcessHeap(), 0, b);
        crt_errno = CRT_EAGAIN;
        return 0;
    }
    if (id)
        *id = tid;
    return (uintptr_t)h;
}

CRTEXP uintptr_t _beginthread(plain_start start, unsigned stack, void *arg)
{
    if (start == NULL) {
        crt_errno = CRT_EINVAL;
        return (uintptr_t)-1;
    }
    start_block *b = HeapAlloc(GetProcessHeap(), 0, sizeof *b);
    if (b == NULL) {
        crt_errno = CRT_ENOMEM;
        return (uintptr_t)-1;
    }
    b->ex = NULL;
    b->plain = start;
    b->arg = arg;
    DWORD tid;
    HANDLE h = CreateThread(NULL, stack, thread_start, b, 4 /* CREATE_SUSPENDED */, &tid);
    if (h == NULL) {
        HeapFree(GetProcessHeap(), 0, b);
        crt_errno = CRT_EAGAIN;
        return (uintptr_t)-1;
    }
    b->handle = h;
    ResumeThread(h);
    return (uintptr_t)h;
}

CRTEXP __attribute__((noreturn)) void _endthread(void)
{
    ExitThread(0);
}

CRTEXP int _getpid(void)
{
    return (int)GetCurrentProcessId();
}
