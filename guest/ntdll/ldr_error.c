/* What the loader reports when a process cannot start: a hard error (NtRaiseHardError, whose
 * message the executive shows as Windows' box would), then the process ends with its status. */
#include "ldrp.h"

#define OptionOk 1

void LdrpReportHardError(NTSTATUS status, const WCHAR *param1, SIZE_T len1, const WCHAR *param2, SIZE_T len2,
                         BOOLEAN ansi_param1)
{
    UNICODE_STRING s1 = {(USHORT)(len1 * 2), (USHORT)(len1 * 2), (WCHAR *)param1};
    UNICODE_STRING s2 = {(USHORT)(len2 * 2), (USHORT)(len2 * 2), (WCHAR *)param2};
    ULONG_PTR params[2] = {(ULONG_PTR)&s1, (ULONG_PTR)&s2};
    ULONG response = 0;
    (void)ansi_param1;
    ULONG count = param1 == NULL ? 0 : param2 == NULL ? 1 : 2;
    NtRaiseHardError(status, count, count == 2 ? 3 : count, params, OptionOk, &response);
}

__attribute__((noreturn)) void LdrpFailProcessInit(NTSTATUS status)
{
    for (;;)
        NtTerminateProcess(NtCurrentProcess(), status);
}
