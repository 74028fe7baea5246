/* Family 6, delay-loaded imports resolved by the system (api-ms-win-core-delayload):
 * ResolveDelayLoadedAPI (one IAT slot of an IMAGE_DELAYLOAD_DESCRIPTOR: the DLL loaded once and
 * its handle kept in the descriptor's slot, the import found by name or ordinal, the program's
 * failure hook asked first, then the system's), ResolveDelayLoadsFromDll (every slot of one DLL)
 * and DelayLoadFailureHook (the system's last resort: a routine that fails the call with
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

KBAPI PVOID WINAPI ResolveDelayLoadedAPI(PVOID base, const DELAYLOAD_DESCRIPTOR_ *desc, FAILURE_DLL_HOOK dll_hook,
                                         FAILURE_SYSTEM_HOOK system_hook, ULONG_PTR *thunk, ULONG flags)
{
    (void)flags;
    BYTE *b = base;
    HMODULE *slot = (HMODULE *)(b + desc->ModuleHandleRVA);
    ULONG_PTR *iat = (ULONG_PTR *)(b + desc->ImportAddressTableRVA);
    const ULONG_PTR *names = (const ULONG_PTR *)(b + desc->ImportNameTableRVA);
    ULONG_PTR entry = names[thunk - iat];
    DELAYLOAD_INFO_ info;
    memset(&info, 0, sizeof(info));
    info.Size = sizeof(info);
    info.DelayloadDescriptor = desc;
    info.ThunkAddress = thunk;
    info.TargetDllName = (LPCSTR)(b + desc->DllNameRVA);
    info.TargetApiDescriptor.ImportDescribedByName = !(entry & IMAGE_ORDINAL_FLAG64_);
    if (entry & IMAGE_ORDINAL_FLAG64_)
        info.TargetApiDescriptor.Description.Ordinal = (DWORD)(entry & 0xFFFF);
    else
        info.TargetApiDescriptor.Description.Name = (LPCSTR)(b + (DWORD)entry + 2);     /* IMAGE_IMPORT_BY_NAME.Name */
    LPCSTR proc = info.TargetApiDescriptor.ImportDescribedByName ? info.TargetApiDescriptor.Description.Name
                                                                 : (LPCSTR)(ULONG_PTR)info.TargetApiDescriptor.Description.Ordinal;
    /* The DLL, once for the descriptor. */
    HMODULE module = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (module == NULL) {
        module = LoadLibraryA(info.TargetDllName);
        if (module == NULL) {
            info.LastError = GetLastError();
            module = dll_hook ? (HMODULE)dll_hook(DLI_FAIL_LOAD_LIB, &info) : NULL;
        }
        if (module != NULL) {
            HMODULE old = __atomic_exchange_n(slot, module, __ATOMIC_ACQ_REL);
            if (old != NULL && old != module) FreeLibrary(old);     /* another thread was first */
        }
    }
    PVOID target = NULL;
    if (module != NULL) {
        info.TargetModuleBase = module;
        target = (PVOID)GetProcAddress(module, proc);
        if (target == NULL) {
            info.LastError = GetLastError();
            target = dll_hook ? dll_hook(DLI_FAIL_GET_PROC, &info) : NULL;
        }
    }
    if (target == NULL)
        target = system_hook ? system_hook(info.TargetDllName, proc) : (PVOID)DelayLoadFailureStub;
    *thunk = (ULONG_PTR)target;
    return target;
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
            ResolveDelayLoadedAPI(base, d, NULL, DelayLoadFailureHook, t, flags);
        return STATUS_SUCCESS;
    }
    return STATUS_DLL_NOT_FOUND_;
}
