/* The loader's exported interface: LdrLoadDll, LdrUnloadDll, LdrGetDllHandle(Ex),
 * LdrGetProcedureAddress(ForCaller), LdrAddRefDll, LdrFindEntryForAddress,
 * LdrDisableThreadCalloutsForDll, LdrEnumerateLoadedModules, LdrLockLoaderLock and
 * RtlPcToFileHeader. Each takes the loader lock. */
#include "ldrp.h"

#define LDR_GET_DLL_HANDLE_EX_UNCHANGED_REFCOUNT 0x1
#define LDR_GET_DLL_HANDLE_EX_PIN 0x2
#define LDR_ADDREF_DLL_PIN 0x1
#define PINNED 0xFFFF

static void Lock(void) { RtlEnterCriticalSection(&LdrpLoaderLock); }
static void Unlock(void) { RtlLeaveCriticalSection(&LdrpLoaderLock); }

/* LdrpUnloadEntry: DLL_PROCESS_DETACH, out of the lists, its imports released, its view gone. */
static void UnloadEntry(LDR_DATA_TABLE_ENTRY *e)
{
    if (e->EntryPoint && (e->Flags & LDRP_PROCESS_ATTACH_CALLED))
        LdrpCallInitRoutine(e, DLL_PROCESS_DETACH, NULL, NULL);
    LdrpRemoveEntry(e);
    e->ObsoleteLoadCount = PINNED;      /* an import loop leads back here: already going */
    LdrpReleaseImports(e);
    NtUnmapViewOfSection(NtCurrentProcess(), e->DllBase);
    LdrpFree(e->FullDllName.Buffer);
    LdrpFree(e);
}

NTSYSAPI NTSTATUS NTAPI LdrLoadDll(WCHAR *search_path, ULONG *characteristics, UNICODE_STRING *name, PVOID *base)
{
    (void)characteristics;
    if (name == NULL || base == NULL || name->Buffer == NULL)
        return STATUS_INVALID_PARAMETER;
    *base = NULL;
    Lock();
    LDR_DATA_TABLE_ENTRY *e = NULL;
    BOOLEAN was_loaded;
    NTSTATUS status;
    {
        /* Already there? Then only its count changes. */
        WCHAR tmp[MAX_DLL_NAME];
        SIZE_T len = name->Length / 2 < MAX_DLL_NAME - 1 ? name->Length / 2 : MAX_DLL_NAME - 1;
        __builtin_memcpy(tmp, name->Buffer, len * 2);
        status = LdrpLoadDllByName(tmp, len, search_path, NULL, LoadReasonDynamicLoad, &e);
    }
    was_loaded = e && (e->Flags & LDRP_ENTRY_PROCESSED);
    if (NT_SUCCESS(status) && !was_loaded) {
        status = LdrpRunInitializeRoutines(NULL);
        if (!NT_SUCCESS(status)) {
            /* DllMain said no: the DLL goes again. */
            UnloadEntry(e);
            e = NULL;
        }
    } else if (!NT_SUCCESS(status) && e && !(e->Flags & LDRP_ENTRY_PROCESSED)) {
        UnloadEntry(e);                         /* a dependency was missing: undo the mapping */
        e = NULL;
    }
    if (NT_SUCCESS(status)) {
        if (was_loaded && e->ObsoleteLoadCount != PINNED)
            e->ObsoleteLoadCount++;
        *base = e->DllBase;
    }
    Unlock();
    return status;
}

NTSYSAPI NTSTATUS NTAPI LdrUnloadDll(PVOID base)
{
    Lock();
    LDR_DATA_TABLE_ENTRY *e = LdrpFindLoadedByBase(base);
    NTSTATUS status = STATUS_DLL_NOT_FOUND;
    if (e != NULL && e != LdrpImageEntry) {
        status = STATUS_SUCCESS;
        if (e->ObsoleteLoadCount != PINNED && --e->ObsoleteLoadCount == 0 && !LdrpShutdownInProgress)
            UnloadEntry(e);
    }
    Unlock();
    return status;
}

NTSYSAPI NTSTATUS NTAPI LdrGetDllHandleEx(ULONG flags, WCHAR *path, ULONG *characteristics, UNICODE_STRING *name,
                                          PVOID *handle)
{
    (void)path; (void)characteristics;
    if (handle)
        *handle = NULL;
    if (name == NULL || name->Buffer == NULL || handle == NULL)
        return STATUS_INVALID_PARAMETER;
    WCHAR dll[MAX_DLL_NAME];
    SIZE_T len = name->Length / 2;
    if (len == 0 || len + 5 >= MAX_DLL_NAME)
        return STATUS_DLL_NOT_FOUND;
    __builtin_memcpy(dll, name->Buffer, len * 2);
    SIZE_T start = 0;
    BOOLEAN dot = 0;
    for (SIZE_T i = 0; i < len; i++) {
        if (dll[i] == '\\' || dll[i] == '/')
            start = i + 1, dot = 0;
        else if (dll[i] == '.')
            dot = 1;
    }
    if (dll[len - 1] == '.')
        len--;
    else if (!dot)
        dll[len++] = '.', dll[len++] = 'd', dll[len++] = 'l', dll[len++] = 'l';
    const WCHAR *host = dll + start;
    SIZE_T host_len = len - start;
    BOOLEAN is_apiset;
    if (start == 0 && !ApiSetResolveToHost(dll, len, NULL, &host, &host_len, &is_apiset) && is_apiset)
        return STATUS_DLL_NOT_FOUND;
    Lock();
    LDR_DATA_TABLE_ENTRY *e = LdrpFindLoadedByName(host, host_len);
    if (e && !(flags & LDR_GET_DLL_HANDLE_EX_UNCHANGED_REFCOUNT) && e->ObsoleteLoadCount != PINNED) {
        if (flags & LDR_GET_DLL_HANDLE_EX_PIN)
            e->ObsoleteLoadCount = PINNED;
        else
            e->ObsoleteLoadCount++;
    }
    Unlock();
    if (e == NULL)
        return STATUS_DLL_NOT_FOUND;
    *handle = e->DllBase;
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI LdrGetDllHandle(WCHAR *path, ULONG *characteristics, UNICODE_STRING *name, PVOID *handle)
{
    return LdrGetDllHandleEx(LDR_GET_DLL_HANDLE_EX_UNCHANGED_REFCOUNT, path, characteristics, name, handle);
}

NTSYSAPI NTSTATUS NTAPI LdrGetProcedureAddressForCaller(PVOID base, ANSI_STRING *name, ULONG ordinal,
                                                        PVOID *address, ULONG flags, PVOID caller)
{
    (void)flags; (void)caller;
    if (address == NULL)
        return STATUS_INVALID_PARAMETER;
    *address = NULL;
    Lock();
    LDR_DATA_TABLE_ENTRY *e = LdrpFindLoadedByBase(base);
    NTSTATUS status = STATUS_DLL_NOT_FOUND;
    if (e != NULL) {
        if (name && name->Buffer) {
            char buffer[512];
            SIZE_T len = name->Length < sizeof(buffer) - 1 ? name->Length : sizeof(buffer) - 1;
            __builtin_memcpy(buffer, name->Buffer, len);
            buffer[len] = 0;
            status = LdrpGetProcedureAddress(e, buffer, 0, address, 0);
        } else {
            status = LdrpGetProcedureAddress(e, NULL, ordinal, address, 0);
        }
        /* A forwarder may have loaded a DLL: initialise it before its export is used. */
        if (NT_SUCCESS(status) && !LdrpInLdrInit)
            status = LdrpRunInitializeRoutines(NULL);
    }
    Unlock();
    return status;
}

NTSYSAPI NTSTATUS NTAPI LdrGetProcedureAddress(PVOID base, ANSI_STRING *name, ULONG ordinal, PVOID *address)
{
    return LdrGetProcedureAddressForCaller(base, name, ordinal, address, 0, NULL);
}

NTSYSAPI NTSTATUS NTAPI LdrAddRefDll(ULONG flags, PVOID base)
{
    Lock();
    LDR_DATA_TABLE_ENTRY *e = LdrpFindLoadedByBase(base);
    if (e && e->ObsoleteLoadCount != PINNED)
        e->ObsoleteLoadCount = flags & LDR_ADDREF_DLL_PIN ? PINNED : e->ObsoleteLoadCount + 1;
    Unlock();
    return e ? STATUS_SUCCESS : STATUS_DLL_NOT_FOUND;
}

NTSYSAPI NTSTATUS NTAPI LdrFindEntryForAddress(PVOID address, LDR_DATA_TABLE_ENTRY **result)
{
    LIST_ENTRY *head = &PebLdr.InLoadOrderModuleList;
    if (result)
        *result = NULL;
    if (PebLdr.InLoadOrderModuleList.Flink == NULL)
        return STATUS_NO_MORE_ENTRIES;
    for (LIST_ENTRY *le = head->Flink; le != head; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *e = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InLoadOrderLinks);
        if ((UCHAR *)address >= (UCHAR *)e->DllBase && (UCHAR *)address < (UCHAR *)e->DllBase + e->SizeOfImage) {
            if (result)
                *result = e;
            return STATUS_SUCCESS;
        }
    }
    return STATUS_NO_MORE_ENTRIES;
}

NTSYSAPI PVOID NTAPI RtlPcToFileHeader(PVOID pc, PVOID *base)
{
    LDR_DATA_TABLE_ENTRY *e = NULL;
    LdrFindEntryForAddress(pc, &e);
    *base = e ? e->DllBase : NULL;
    return *base;
}

NTSYSAPI NTSTATUS NTAPI LdrDisableThreadCalloutsForDll(PVOID base)
{
    Lock();
    LDR_DATA_TABLE_ENTRY *e = LdrpFindLoadedByBase(base);
    if (e && !(IMAGE_TLS_DIRECTORY64 *)RtlImageDirectoryEntryToData(base, 1, IMAGE_DIRECTORY_ENTRY_TLS, NULL))
        e->Flags |= LDRP_DONT_CALL_FOR_THREADS;
    Unlock();
    return e ? STATUS_SUCCESS : STATUS_DLL_NOT_FOUND;
}

typedef void (NTAPI *PLDR_ENUM_CALLBACK)(LDR_DATA_TABLE_ENTRY *entry, PVOID context, BOOLEAN *stop);

NTSYSAPI NTSTATUS NTAPI LdrEnumerateLoadedModules(ULONG flags, PLDR_ENUM_CALLBACK callback, PVOID context)
{
    if (flags || callback == NULL)
        return STATUS_INVALID_PARAMETER;
    Lock();
    BOOLEAN stop = 0;
    LIST_ENTRY *head = &PebLdr.InLoadOrderModuleList;
    for (LIST_ENTRY *le = head->Flink; le != head && !stop; le = le->Flink)
        callback(CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InLoadOrderLinks), context, &stop);
    Unlock();
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI LdrLockLoaderLock(ULONG flags, ULONG *disposition, ULONG_PTR *cookie)
{
    if (flags & 2) {                            /* LDR_LOCK_LOADER_LOCK_FLAG_TRY_ONLY */
        BOOLEAN got = RtlTryEnterCriticalSection(&LdrpLoaderLock);
        if (disposition)
            *disposition = got ? 1 : 2;
        if (cookie)
            *cookie = got ? 1 : 0;
        return STATUS_SUCCESS;
    }
    Lock();
    if (disposition)
        *disposition = 1;                       /* LDR_LOCK_LOADER_LOCK_DISPOSITION_LOCK_ACQUIRED */
    if (cookie)
        *cookie = 1;
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI LdrUnlockLoaderLock(ULONG flags, ULONG_PTR cookie)
{
    (void)flags;
    if (cookie == 0)
        return STATUS_INVALID_PARAMETER;
    Unlock();
    return STATUS_SUCCESS;
}
