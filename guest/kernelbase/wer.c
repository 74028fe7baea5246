/* Windows Error Reporting's process flags (api-ms-win-core-windowserrorreporting-l1-1-0):
 * WerSetFlags and WerGetFlags, which Go's runtime (>= 1.21) imports from kernel32 and calls at
 * start-up to set WER_FAULT_REPORTING_NO_UI. The flags open the block on the process heap that
 * PEB.WerRegistrationData points at (wer.h), so that WerGetFlags can read another process's with
 * NtReadVirtualMemory. */
#include "wer.h"

NTDLL NTSTATUS NTAPI NtReadVirtualMemory(HANDLE, PVOID, PVOID, SIZE_T, SIZE_T *);

#define PROCESS_BASIC_INFORMATION_CLASS 0
#define E_INVALIDARG_ ((HRESULT)0x80070057)

BASE_WER_REGISTRATION *BaseWerRegistration(void)
{
    BASE_WER_REGISTRATION **slot = (BASE_WER_REGISTRATION **)(PEB_() + PEB_WER_REGISTRATION_DATA);
    if (!*slot) {
        BASE_WER_REGISTRATION *block = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof *block);
        if (!block)
            return NULL;
        if (InterlockedCompareExchangePointer((PVOID *)slot, block, NULL) != NULL)
            RtlFreeHeap(PEB_PROCESS_HEAP(), 0, block);
    }
    return *slot;
}

KBAPI HRESULT WINAPI WerSetFlags(DWORD flags)
{
    BASE_WER_REGISTRATION *block = BaseWerRegistration();
    if (!block)
        return E_OUTOFMEMORY;
    block->Flags = flags;
    return S_OK;
}

/* The flags of a process (0 until it set some); its handle needs PROCESS_QUERY_INFORMATION and
 * PROCESS_VM_READ. */
KBAPI HRESULT WINAPI WerGetFlags(HANDLE process, PDWORD flags)
{
    struct { NTSTATUS ExitStatus; PVOID PebBaseAddress; ULONG_PTR rest[4]; } info;
    if (!flags)
        return E_INVALIDARG_;
    NTSTATUS status = NtQueryInformationProcess(process, PROCESS_BASIC_INFORMATION_CLASS, &info, sizeof info, NULL);
    if (!NT_SUCCESS(status))
        return HRESULT_FROM_WIN32(RtlNtStatusToDosError(status));
    DWORD *block = NULL, value = 0;
    status = NtReadVirtualMemory(process, (BYTE *)info.PebBaseAddress + PEB_WER_REGISTRATION_DATA, &block,
                                 sizeof block, NULL);
    if (NT_SUCCESS(status) && block)
        status = NtReadVirtualMemory(process, block, &value, sizeof value, NULL);
    if (!NT_SUCCESS(status))
        return HRESULT_FROM_WIN32(RtlNtStatusToDosError(status));
    *flags = value;
    return S_OK;
}
