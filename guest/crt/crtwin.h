/* The slice of the Win32 API (kernel32.dll) that the C runtime calls, declared as Windows' SDK
 * declares it, and the per-thread and per-process state shared by the runtime's files. */
#pragma once
#include "crtbase.h"

typedef int BOOL;
typedef unsigned int DWORD;
typedef void *HANDLE;
typedef unsigned short WCHAR;
typedef long long LONGLONG;
#define WINAPI __stdcall
#define WINBASEAPI __declspec(dllimport)
#define INVALID_HANDLE_VALUE ((HANDLE)(intptr_t)-1)
#define STD_INPUT_HANDLE ((DWORD)-10)
#define STD_OUTPUT_HANDLE ((DWORD)-11)
#define STD_ERROR_HANDLE ((DWORD)-12)
#define FILE_TYPE_UNKNOWN 0
#define FILE_TYPE_DISK 1
#define FILE_TYPE_CHAR 2
#define FILE_TYPE_PIPE 3
#define HEAP_ZERO_MEMORY 8

typedef struct _CRITICAL_SECTION { void *DebugInfo; long LockCount, RecursionCount; HANDLE OwningThread,
    LockSemaphore; uintptr_t SpinCount; } CRITICAL_SECTION;

WINBASEAPI HANDLE WINAPI GetStdHandle(DWORD);
WINBASEAPI BOOL WINAPI WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
WINBASEAPI BOOL WINAPI ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
WINBASEAPI DWORD WINAPI GetFileType(HANDLE);
WINBASEAPI HANDLE WINAPI GetProcessHeap(void);
WINBASEAPI void *WINAPI HeapAlloc(HANDLE, DWORD, size_t);
WINBASEAPI void *WINAPI HeapReAlloc(HANDLE, DWORD, void *, size_t);
WINBASEAPI BOOL WINAPI HeapFree(HANDLE, DWORD, void *);
WINBASEAPI size_t WINAPI HeapSize(HANDLE, DWORD, const void *);
WINBASEAPI char *WINAPI GetCommandLineA(void);
WINBASEAPI WCHAR *WINAPI GetCommandLineW(void);
WINBASEAPI WCHAR *WINAPI GetEnvironmentStringsW(void);
WINBASEAPI BOOL WINAPI FreeEnvironmentStringsW(WCHAR *);
WINBASEAPI __attribute__((noreturn)) void WINAPI ExitProcess(unsigned);
WINBASEAPI DWORD WINAPI TlsAlloc(void);
WINBASEAPI void *WINAPI TlsGetValue(DWORD);
WINBASEAPI BOOL WINAPI TlsSetValue(DWORD, void *);
WINBASEAPI void WINAPI InitializeCriticalSection(CRITICAL_SECTION *);
WINBASEAPI void WINAPI EnterCriticalSection(CRITICAL_SECTION *);
WINBASEAPI void WINAPI LeaveCriticalSection(CRITICAL_SECTION *);
WINBASEAPI DWORD WINAPI GetLastError(void);
WINBASEAPI void WINAPI SetLastError(DWORD);
WINBASEAPI int WINAPI MultiByteToWideChar(unsigned, DWORD, const char *, int, WCHAR *, int);
WINBASEAPI int WINAPI WideCharToMultiByte(unsigned, DWORD, const WCHAR *, int, char *, int, const char *, BOOL *);
WINBASEAPI DWORD WINAPI GetModuleFileNameA(HANDLE, char *, DWORD);

/* The runtime's state of one thread (errno, rand's seed, strtok's place ...), made on first use. */
typedef struct crt_ptd {
    int err;                /* errno */
    unsigned long doserr;   /* _doserrno */
    unsigned int rand_seed;
    char *strtok_next;
    crt_wchar *wcstok_next;
    char asctime_buf[32];
    int tm_buf[9];          /* gmtime's and localtime's struct tm */
    char strerror_buf[96];
    crt_wchar wasctime_buf[32];     /* _wasctime's and _wctime's */
    int fpecode;                    /* _fpecode, the last floating-point exception's code */
    void *xcptinfo;                 /* _pxcptinfoptrs, the exception pointers signal handlers see */
    unsigned char *mbstok_next;     /* _mbstok's place */
} crt_ptd;
crt_ptd *crt_getptd(void);

void crt_init_heap(void);
void crt_init_args(void);               /* _acmdln, __argc, __argv, the environment */
void crt_init_stdio(void);
void crt_flush_all(void);
void crt_run_exit_table(void);          /* atexit/_onexit functions, last registered first */
void crt_lock_global(void);
void crt_unlock_global(void);
__attribute__((noreturn)) void crt_exit_process(int code);

/* Shared by both flavours' start-up (args.c). */
extern int crt_argc;
extern char **crt_argv;
extern crt_wchar **crt_wargv;
extern char **crt_environ;
extern crt_wchar **crt_wenviron;
extern char *crt_acmdln;
extern crt_wchar *crt_wcmdln;
void crt_init_wide_args(void);
void crt_init_wide_env(void);
void crt_init_narrow_env(void);

