/* SetThreadDescription/GetThreadDescription: the thread's name, kept by the executive as its
 * ThreadNameInformation (a UNICODE_STRING). Both answer an HRESULT: S_OK, or the failing
 * NTSTATUS as HRESULT_FROM_NT. GetThreadDescription hands back a LocalAlloc copy (an empty
 * string for a thread never named) that the caller frees with LocalFree. */
#include "kernelbase.h"

#define ThreadNameInformation 38
#define STATUS_BUFFER_TOO_SMALL_ ((NTSTATUS)0xC0000023)
#define HRESULT_FROM_NT_(s) ((HRESULT)((s) | 0x10000000))

KBAPI HRESULT WINAPI SetThreadDescription(HANDLE thread, PCWSTR description)
{
    SIZE_T n = 0;
    while (description && description[n])
        n++;
    if (n * sizeof(WCHAR) > 0xFFFE)
        return HRESULT_FROM_NT_((NTSTATUS)0xC000000D);     /* STATUS_INVALID_PARAMETER */
    UNICODE_STRING name = {(USHORT)(n * sizeof(WCHAR)), (USHORT)(n * sizeof(WCHAR)), (PWSTR)description};
    NTSTATUS status = NtSetInformationThread(thread, ThreadNameInformation, &name, sizeof(name));
    return NT_SUCCESS(status) ? S_OK : HRESULT_FROM_NT_(status);
}

KBAPI HRESULT WINAPI GetThreadDescription(HANDLE thread, PWSTR *description)
{
    *description = NULL;
    ULONG size = sizeof(UNICODE_STRING) + 64, needed = 0;
    for (;;) {
        UNICODE_STRING *info = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, size);
        if (!info)
            return HRESULT_FROM_NT_((NTSTATUS)0xC0000017);  /* STATUS_NO_MEMORY */
        NTSTATUS status = NtQueryInformationThread(thread, ThreadNameInformation, info, size, &needed);
        if (status == STATUS_BUFFER_TOO_SMALL_ && needed > size) {
            RtlFreeHeap(PEB_PROCESS_HEAP(), 0, info);
            size = needed;
            continue;
        }
        if (!NT_SUCCESS(status)) {
            RtlFreeHeap(PEB_PROCESS_HEAP(), 0, info);
            return HRESULT_FROM_NT_(status);
        }
        PWSTR copy = LocalAlloc(LMEM_FIXED, info->Length + sizeof(WCHAR));
        if (copy) {
            memcpy(copy, info->Buffer, info->Length);
            copy[info->Length / sizeof(WCHAR)] = 0;
        }
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, info);
        if (!copy)
            return HRESULT_FROM_NT_((NTSTATUS)0xC0000017);
        *description = copy;
        return S_OK;
    }
}
