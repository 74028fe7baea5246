/* vcruntime140's own declarations: its per-thread data, shared with the C++ exception code
 * (cxx_eh.c, the exceptions issue), and the few ucrtbase and kernel32 imports it uses. */
#pragma once
typedef __SIZE_TYPE__ size_t;
typedef __UINTPTR_TYPE__ uintptr_t;
#define NULL ((void *)0)
#define VCRTEXP __declspec(dllexport)
#define WINAPI __stdcall

/* What vcruntime keeps per thread: the exception being handled and its context
 * (__current_exception, __current_exception_context), and how many throws are in flight. */
typedef struct vcrt_ptd {
    void *curexception;
    void *curcontext;
    int processing_throw;
    void *reserved[8];
} vcrt_ptd;
vcrt_ptd *vcrt_getptd(void);

__declspec(dllimport) void *malloc(size_t);
__declspec(dllimport) void free(void *);
__declspec(dllimport) __attribute__((noreturn)) void terminate(void);
__declspec(dllimport) unsigned int WINAPI TlsAlloc(void);
__declspec(dllimport) void *WINAPI TlsGetValue(unsigned int);
__declspec(dllimport) int WINAPI TlsSetValue(unsigned int, void *);
__declspec(dllimport) unsigned int WINAPI GetLastError(void);
__declspec(dllimport) void WINAPI SetLastError(unsigned int);
__declspec(dllimport) void *WINAPI GetProcessHeap(void);
__declspec(dllimport) void *WINAPI HeapAlloc(void *, unsigned int, size_t);
__declspec(dllimport) __attribute__((noreturn)) void WINAPI ExitProcess(unsigned int);
