/* Family 10 (debugging): IsDebuggerPresent (PEB.BeingDebugged), CheckRemoteDebuggerPresent,
 * DebugBreak (int 3: with no debugger the process ends with STATUS_BREAKPOINT).
 * OutputDebugString is in debug_print.c. */
#include "kernelbase.h"

KBAPI BOOL WINAPI IsDebuggerPresent(void)
{
    return PEB_()[2];                           /* PEB.BeingDebugged */
}

KBAPI BOOL WINAPI CheckRemoteDebuggerPresent(HANDLE process, PBOOL present)
{
    if (process == NULL || present == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *present = FALSE;                           /* the emulator has no debug ports */
    return TRUE;
}

KBAPI void WINAPI DebugBreak(void)
{
    __asm__ volatile ("int3");
}
