/* Family 6, delay-loaded imports resolved by the system (api-ms-win-core-delayload):
 * ResolveDelayLoadedAPI is ntdll's LdrResolveDelayLoadedAPI (kernelbase.def forwards it, as
 * Windows 10 does), ResolveDelayLoadsFromDll (every slot of one DLL) and DelayLoadFailureHook (the system's last resort: a routine that fails the call with
 * ERROR_PROC_NOT_FOUND, so the program runs on). */
#include "kernelbase.h"

typedef struct {
    DWORD Attributes, DllNameRVA, ModuleHandleRVA, ImportAddressTableRVA, ImportNameTableRVA,
          BoundImportAddressTableRVA, UnloadInformationTableRVA, TimeDateStamp;
} DELAYLOAD_DESCRIPTOR_;
typedef struct {
    BOOL ImportDescribedByName;
    union { LPCSTR Name; DWORD Ordinal; } Description;
} DELAYLOAD_PROC_DESCRIPTOR_;
typedef struct {
    ULONG Size;
    const DELAYLOAD_DESCRIPTOR_ *DelayloadDescriptor;
    ULONG_PTR *ThunkAddress;
    LPCSTR TargetDllName;
    DELAYLOAD_PROC_DESCRIPTOR_ TargetApiDescriptor;
    PVOID TargetModuleBase;
    PVOID Unused;
    DWORD LastError;
} DELAYLOAD_INFO_;
typedef PVOID (WINAPI *FAILURE_DLL_HOOK)(ULONG reason, DELAYLOAD_INFO_ *info);
typedef PVOID (WINAPI *FAILURE_SYSTEM_HOOK)(LPCSTR dll, LPCSTR proc);
NTDLL PVOID NTAPI LdrResolveDelayLoadedAPI(PVOID, const DELAYLOAD_DESCRIPTOR_ *, FAILURE_DLL_HOOK, FAILURE_SYSTEM_HOOK,
                                           ULONG_PTR *, ULONG);
KBAPI PVOID WINAPI DelayLoadFailureHook(LPCSTR dll, LPCSTR proc);

#define DLI_FAIL_LOAD_LIB 3
#define DLI_FAIL_GET_PROC 4
#define IMAGE_ORDINAL_FLAG64_ 0x8000000000000000ull
#define IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT_ 13
#define STATUS_DLL_NOT_FOUND_ ((NTSTATUS)0xC0000135)

static ULONG_PTR WINAPI DelayLoadFailureStub(void)
{
    SetLastError(ERROR_PROC_NOT_FOUND);
    return 0;
}

KBAPI PVOID WINAPI DelayLoadFailureHook(LPCSTR dll, LPCSTR proc)
{
    (void)dll; (void)proc;
    return (PVOID)DelayLoadFailureStub;
}

/* Every slot of the delay-load descriptor naming dll (case-insensitive). */
KBAPI NTSTATUS WINAPI ResolveDelayLoadsFromDll(PVOID base, LPCSTR dll, ULONG flags)
{
    ULONG size = 0;
    const DELAYLOAD_DESCRIPTOR_ *d = RtlImageDirectoryEntryToData(base, TRUE, IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT_, &size);
    for (; d && size >= sizeof(*d) && d->DllNameRVA; d++, size -= sizeof(*d)) {
        if (lstrcmpiA((LPCSTR)((BYTE *)base + d->DllNameRVA), dll) != 0)
            continue;
        ULONG_PTR *iat = (ULONG_PTR *)((BYTE *)base + d->ImportAddressTableRVA);
        for (ULONG_PTR *t = iat; *t; t++)
            LdrResolveDelayLoadedAPI(base, d, NULL, DelayLoadFailureHook, t, flags);
        return STATUS_SUCCESS;
    }
    return STATUS_DLL_NOT_FOUND_;
}
