/* The small legacy calls of kernel32 that programs still import: MulDiv, the undecorated lstr*
 * names (kernel32 exports them as the ANSI forms), Beep, NeedCurrentDirectoryForExePath, the
 * instruction-cache and write-buffer flushes, FatalAppExit and RaiseFailFastException. */
#include "kernelbase.h"

#define STATUS_FATAL_APP_EXIT_ ((NTSTATUS)0x40000015)
#define STATUS_FAIL_FAST_EXCEPTION_ ((NTSTATUS)0xC0000602)
#define OptionOk_ 1

NTDLL NTSTATUS NTAPI NtFlushInstructionCache(HANDLE, PVOID, SIZE_T);
NTDLL NTSTATUS NTAPI NtFlushProcessWriteBuffers(void);
NTDLL NTSTATUS NTAPI NtRaiseHardError(NTSTATUS, ULONG, ULONG, PVOID, ULONG, ULONG *);

/* MulDiv: number * numerator / denominator in 64 bits, rounded half away from zero; -1 for a zero
 * denominator or a result outside 32 bits. */
KBAPI int WINAPI MulDiv(int number, int numerator, int denominator)
{
    if (denominator == 0)
        return -1;
    LONGLONG product = (LONGLONG)number * numerator;
    int negative = (product < 0) != (denominator < 0);
    ULONGLONG p = product < 0 ? (ULONGLONG)-product : (ULONGLONG)product;
    ULONGLONG d = denominator < 0 ? (ULONGLONG)-(LONGLONG)denominator : (ULONGLONG)denominator;
    ULONGLONG q = (p + d / 2) / d;
    if (q > (negative ? 0x80000000ULL : 0x7FFFFFFFULL))
        return -1;
    return negative ? (int)-(LONGLONG)q : (int)q;
}

/* The undecorated names: the ANSI forms under the Win16 names (windows.h maps them to the A forms). */
#undef lstrcat
#undef lstrcmp
#undef lstrcmpi
#undef lstrcpy
#undef lstrcpyn
#undef lstrlen
KBAPI LPSTR WINAPI lstrcat(LPSTR dst, LPCSTR src) { return lstrcatA(dst, src); }
KBAPI int WINAPI lstrcmp(LPCSTR a, LPCSTR b) { return lstrcmpA(a, b); }
KBAPI int WINAPI lstrcmpi(LPCSTR a, LPCSTR b) { return lstrcmpiA(a, b); }
KBAPI LPSTR WINAPI lstrcpy(LPSTR dst, LPCSTR src) { return lstrcpyA(dst, src); }
KBAPI LPSTR WINAPI lstrcpyn(LPSTR dst, LPCSTR src, int max) { return lstrcpynA(dst, src, max); }
KBAPI int WINAPI lstrlen(LPCSTR s) { return lstrlenA(s); }

/* Beep: there is no speaker; the call succeeds as it does on a machine whose beep is muted. */
KBAPI BOOL WINAPI Beep(DWORD frequency, DWORD duration)
{
    (void)frequency;
    Sleep(duration);
    return TRUE;
}

/* NeedCurrentDirectoryForExePath: FALSE when the name has a backslash (it is searched as given)
 * or when NoDefaultCurrentDirectoryInExePath is set in the environment; TRUE otherwise. */
KBAPI BOOL WINAPI NeedCurrentDirectoryForExePathW(LPCWSTR name)
{
    for (LPCWSTR p = name; *p; p++)
        if (*p == L'\\')
            return TRUE;
    DWORD error = GetLastError();
    BOOL set = GetEnvironmentVariableW(L"NoDefaultCurrentDirectoryInExePath", NULL, 0) != 0;
    SetLastError(error);
    return !set;
}

KBAPI BOOL WINAPI NeedCurrentDirectoryForExePathA(LPCSTR name)
{
    for (LPCSTR p = name; *p; p++)
        if (*p == '\\')
            return TRUE;
    DWORD error = GetLastError();
    BOOL set = GetEnvironmentVariableW(L"NoDefaultCurrentDirectoryInExePath", NULL, 0) != 0;
    SetLastError(error);
    return !set;
}

KBAPI BOOL WINAPI FlushInstructionCache(HANDLE process, LPCVOID base, SIZE_T size)
{
    NTSTATUS status = NtFlushInstructionCache(process, (PVOID)base, size);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI VOID WINAPI FlushProcessWriteBuffers(void)
{
    NtFlushProcessWriteBuffers();
}

/* FatalAppExit: the message as a hard error (STATUS_FATAL_APP_EXIT with the text, the box Windows
 * shows; the executive prints it on stderr), then the process ends. */
KBAPI __attribute__((noreturn)) VOID WINAPI FatalAppExitW(UINT action, LPCWSTR message)
{
    (void)action;
    UNICODE_STRING text;
    RtlInitUnicodeString(&text, message ? message : L"");
    ULONG_PTR params[1] = { (ULONG_PTR)&text };
    ULONG response;
    NtRaiseHardError(STATUS_FATAL_APP_EXIT_, 1, 1, params, OptionOk_, &response);
    ExitProcess(0);
}

KBAPI __attribute__((noreturn)) VOID WINAPI FatalAppExitA(UINT action, LPCSTR message)
{
    WCHAR *w = BaseWideName(message ? message : "");
    FatalAppExitW(action, w ? w : L"");
}

/* RaiseFailFastException: no handler runs (no SEH, no vectored handler, no unhandled-exception
 * filter); the process ends at once with the record's code, STATUS_FAIL_FAST_EXCEPTION without one. */
KBAPI __attribute__((noreturn)) VOID WINAPI RaiseFailFastException(PEXCEPTION_RECORD record, PCONTEXT context,
                                                                  DWORD flags)
{
    (void)context;
    (void)flags;
    NTSTATUS code = record ? (NTSTATUS)record->ExceptionCode : STATUS_FAIL_FAST_EXCEPTION_;
    NtTerminateProcess((HANDLE)-1, code);
    for (;;) NtTerminateProcess((HANDLE)-1, code);
}
