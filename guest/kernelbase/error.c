/* Family 1, errors: the thread's last error (TEB.LastErrorValue), the NTSTATUS -> Win32 mapping
 * every other family uses, and the process's error mode. */
#include "kernelbase.h"

ULONG BaseSetLastNTError(NTSTATUS status)
{
    ULONG error = RtlNtStatusToDosError(status);
    RtlSetLastWin32Error(error);
    return error;
}

KBAPI DWORD WINAPI GetLastError(void)
{
    return TEB_LAST_ERROR();
}

KBAPI void WINAPI SetLastError(DWORD error)
{
    TEB_LAST_ERROR() = error;
}

/* SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOALIGNMENTFAULTEXCEPT | SEM_NOOPENFILEERRORBOX */
#define ERROR_MODE_BITS 0x8007
static UINT BaseErrorMode;

KBAPI UINT WINAPI SetErrorMode(UINT mode)
{
    UINT old = BaseErrorMode;
    BaseErrorMode = mode & ERROR_MODE_BITS;
    return old;
}

KBAPI UINT WINAPI GetErrorMode(void)
{
    return BaseErrorMode;
}

KBAPI DWORD WINAPI GetThreadErrorMode(void)
{
    return BaseErrorMode & 0x7;
}

KBAPI BOOL WINAPI SetThreadErrorMode(DWORD mode, LPDWORD old)
{
    if (mode & ~0x7u) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (old) *old = BaseErrorMode & 0x7;
    BaseErrorMode = (BaseErrorMode & ~0x7u) | mode;
    return TRUE;
}
