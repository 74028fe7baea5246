/* Child processes: the Win32 process API the runtime's _spawn/_exec/system/_popen call, and what
 * their files share (spawn.c runs a program, inherit.c carries the descriptors across). */
#pragma once
#include "../crtwin.h"
#include "../lowio.h"
#include "../errno.h"

#define CRT_E2BIG 7
#define CRT_ENOEXEC 8
#define CRT_ECHILD 10
#define CRT_P_WAIT 0
#define CRT_P_NOWAIT 1
#define CRT_P_OVERLAY 2
#define CRT_P_NOWAITO 3
#define CRT_P_DETACH 4
#define CRT_FNOINHERIT 0x10

typedef struct { DWORD nLength; void *lpSecurityDescriptor; BOOL bInheritHandle; } CRT_SECURITY_ATTRIBUTES;
typedef struct {
    DWORD cb;
    WCHAR *lpReserved, *lpDesktop, *lpTitle;
    DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars, dwFillAttribute, dwFlags;
    unsigned short wShowWindow, cbReserved2;
    unsigned char *lpReserved2;
    HANDLE hStdInput, hStdOutput, hStdError;
} CRT_STARTUPINFOW;
typedef struct { HANDLE hProcess, hThread; DWORD dwProcessId, dwThreadId; } CRT_PROCESS_INFORMATION;

WINBASEAPI BOOL WINAPI CreateProcessW(const WCHAR *, WCHAR *, void *, void *, BOOL, DWORD, void *,
                                      const WCHAR *, CRT_STARTUPINFOW *, CRT_PROCESS_INFORMATION *);
WINBASEAPI void WINAPI GetStartupInfoW(CRT_STARTUPINFOW *);
WINBASEAPI DWORD WINAPI WaitForSingleObject(HANDLE, DWORD);
WINBASEAPI BOOL WINAPI GetExitCodeProcess(HANDLE, DWORD *);
WINBASEAPI BOOL WINAPI CloseHandle(HANDLE);
WINBASEAPI DWORD WINAPI GetFileAttributesW(const WCHAR *);
WINBASEAPI DWORD WINAPI GetEnvironmentVariableW(const WCHAR *, WCHAR *, DWORD);
WINBASEAPI BOOL WINAPI CreatePipe(HANDLE *, HANDLE *, CRT_SECURITY_ATTRIBUTES *, DWORD);
WINBASEAPI BOOL WINAPI SetHandleInformation(HANDLE, DWORD, DWORD);
WINBASEAPI BOOL WINAPI SetStdHandle(DWORD, HANDLE);

int crt_dos_to_errno(DWORD err);
int crt_alloc_fd(HANDLE h, int flags);
void *malloc(size_t);
void *realloc(void *, size_t);
void free(void *);
size_t wcslen(const crt_wchar *);

/* The descriptor table as STARTUPINFO.lpReserved2 carries it (inherit.c); free() the block. */
unsigned char *crt_fd_block(unsigned short *size);

/* Runs `name` (a path, extensions tried as documented) with the command line argv joins, in an
 * environment block made of envp (or this one's); the mode's result, or -1 and errno. */
intptr_t crt_wspawnve(int mode, const WCHAR *name, const WCHAR *const *argv, const WCHAR *const *envp);
/* The same after the PATH search of the "p" variants. */
intptr_t crt_wspawnvpe(int mode, const WCHAR *name, const WCHAR *const *argv, const WCHAR *const *envp);
/* Narrow strings as the ANSI code page widens them, in one heap block: free() it. */
WCHAR *crt_widen_alloc(const char *s);
intptr_t _cwait(int *termstat, intptr_t handle, int action);
