/* Exports and imports: LdrpGetProcedureAddress (by name with the hint, by ordinal, following
 * forwarders to DLL names, ordinals and API sets), LdrpSnapModule (each import descriptor's DLL
 * loaded and its IAT written, bound imports ignored), and delay-load resolution. */
#include "ldrp.h"

#define MAX_FORWARDER_DEPTH 32

typedef struct { USHORT Hint; char Name[1]; } IMAGE_IMPORT_BY_NAME;

/* What of the image is mapped: SizeOfImage rounded up to pages (a low-alignment image may claim
 * less than its own headers). */
static ULONG64 Extent(LDR_DATA_TABLE_ENTRY *entry)
{
    return ((ULONG64)entry->SizeOfImage + 0xFFF) & ~(ULONG64)0xFFF;
}

static int StrCmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (UCHAR)*a - (UCHAR)*b;
}

static SIZE_T StrLen(const char *s)
{
    SIZE_T n = 0;
    while (s[n])
        n++;
    return n;
}

/* A forwarder "DLL.Function" or "DLL.#ordinal": load DLL, resolve there. */
static NTSTATUS ResolveForwarder(LDR_DATA_TABLE_ENTRY *from, const char *forwarder, PVOID *address, int depth)
{
    const char *dot = NULL;
    for (const char *p = forwarder; *p; p++)
        if (*p == '.')
            dot = p;
    if (dot == NULL || dot == forwarder || dot - forwarder >= MAX_DLL_NAME - 5)
        return STATUS_INVALID_IMAGE_FORMAT;
    WCHAR dll[MAX_DLL_NAME];
    SIZE_T len = dot - forwarder;
    for (SIZE_T i = 0; i < len; i++)
        dll[i] = (UCHAR)forwarder[i];
    dll[len] = 0;
    LDR_DATA_TABLE_ENTRY *target;
    NTSTATUS status = LdrpLoadDllByName(dll, len, NULL, from->BaseDllName.Buffer,
                                        LdrpInLdrInit ? LoadReasonStaticForwarderDependency
                                                      : LoadReasonDynamicForwarderDependency, &target);
    if (!NT_SUCCESS(status))
        return status;
    const char *what = dot + 1;
    if (what[0] == '#') {
        ULONG ordinal = 0;
        for (const char *p = what + 1; *p >= '0' && *p <= '9'; p++)
            ordinal = ordinal * 10 + (*p - '0');
        return LdrpGetProcedureAddress(target, NULL, ordinal, address, depth + 1);
    }
    return LdrpGetProcedureAddress(target, what, 0, address, depth + 1);
}

static NTSTATUS FindExport(LDR_DATA_TABLE_ENTRY *entry, const char *name, ULONG ordinal, ULONG hint,
                           PVOID *address, int depth)
{
    UCHAR *base = entry->DllBase;
    ULONG size = 0;
    IMAGE_EXPORT_DIRECTORY *exp = RtlImageDirectoryEntryToData(base, 1, IMAGE_DIRECTORY_ENTRY_EXPORT, &size);
    *address = NULL;
    if (depth > MAX_FORWARDER_DEPTH)
        return name ? STATUS_PROCEDURE_NOT_FOUND : STATUS_ORDINAL_NOT_FOUND;
    if (exp == NULL || (ULONG64)exp->AddressOfFunctions + (ULONG64)exp->NumberOfFunctions * 4 > Extent(entry) ||
        (ULONG64)exp->AddressOfNames + (ULONG64)exp->NumberOfNames * 4 > Extent(entry) ||
        (ULONG64)exp->AddressOfNameOrdinals + (ULONG64)exp->NumberOfNames * 2 > Extent(entry))
        return name ? STATUS_PROCEDURE_NOT_FOUND : STATUS_ORDINAL_NOT_FOUND;
    ULONG *functions = (ULONG *)(base + exp->AddressOfFunctions);
    ULONG *names = (ULONG *)(base + exp->AddressOfNames);
    USHORT *ordinals = (USHORT *)(base + exp->AddressOfNameOrdinals);
    ULONG index;
    if (name) {
        LONG found = -1;
        if (hint < exp->NumberOfNames && names[hint] < Extent(entry) &&
            StrCmp((char *)base + names[hint], name) == 0)
            found = (LONG)hint;
        for (LONG lo = 0, hi = (LONG)exp->NumberOfNames - 1; found < 0 && lo <= hi;) {
            LONG mid = (lo + hi) / 2;
            if (names[mid] >= Extent(entry))
                break;
            int c = StrCmp((char *)base + names[mid], name);
            if (c == 0)
                found = mid;
            else if (c < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        if (found < 0)
            return STATUS_PROCEDURE_NOT_FOUND;
        index = ordinals[found];
    } else {
        index = ordinal - exp->Base;
        if (ordinal < exp->Base)
            return STATUS_ORDINAL_NOT_FOUND;
    }
    if (index >= exp->NumberOfFunctions || functions[index] == 0 || functions[index] >= Extent(entry))
        return name ? STATUS_PROCEDURE_NOT_FOUND : STATUS_ORDINAL_NOT_FOUND;
    ULONG rva = functions[index];
    ULONG dir = (ULONG)((UCHAR *)exp - base);
    if (rva >= dir && rva < dir + size)
        return ResolveForwarder(entry, (char *)base + rva, address, depth);
    *address = base + rva;
    return STATUS_SUCCESS;
}

NTSTATUS LdrpGetProcedureAddress(LDR_DATA_TABLE_ENTRY *entry, const char *name, ULONG ordinal, PVOID *address,
                                 int depth)
{
    return FindExport(entry, name, ordinal, 0, address, depth);
}

/* Make [start, start + size) writable while the IAT is written; *old receives the protection. */
static void Unprotect(PVOID start, SIZE_T size, ULONG *old)
{
    PVOID base = start;
    NtProtectVirtualMemory(NtCurrentProcess(), &base, &size, 0x04 /* PAGE_READWRITE */, old);
}

static void Reprotect(PVOID start, SIZE_T size, ULONG old)
{
    PVOID base = start;
    ULONG dummy;
    NtProtectVirtualMemory(NtCurrentProcess(), &base, &size, old, &dummy);
}

/* The failure of a static import ends the process with the hard error Windows shows. */
static NTSTATUS ImportFailed(NTSTATUS status, LDR_DATA_TABLE_ENTRY *dll, const char *name, ULONG ordinal,
                             const WCHAR *dll_name, SIZE_T dll_len)
{
    if (!LdrpInLdrInit)
        return status;
    WCHAR what[MAX_DLL_NAME];
    if (status == STATUS_PROCEDURE_NOT_FOUND || status == STATUS_ORDINAL_NOT_FOUND) {
        status = name ? STATUS_ENTRYPOINT_NOT_FOUND : STATUS_ORDINAL_NOT_FOUND;
        if (name)
            LdrpAnsiToWide(name, what, MAX_DLL_NAME);
        else {
            int n = 0;
            char digits[12];
            do
                digits[n++] = '0' + ordinal % 10;
            while (ordinal /= 10);
            for (int i = 0; i < n; i++)
                what[i] = digits[n - 1 - i];
            what[n] = 0;
        }
        LdrpReportHardError(status, what, LdrpWcsLen(what), dll->FullDllName.Buffer, dll->FullDllName.Length / 2, 0);
    } else if (status == STATUS_DLL_NOT_FOUND) {
        LdrpReportHardError(status, dll_name, dll_len, NULL, 0, 0);
    } else {
        LdrpReportHardError(status, dll_name, dll_len, NULL, 0, 0);
    }
    LdrpFailProcessInit(status);
}

/* LdrpSnapModule: every import descriptor of entry, its DLL loaded and its IAT written. */
NTSTATUS LdrpSnapModule(LDR_DATA_TABLE_ENTRY *entry, const WCHAR *search_path)
{
    UCHAR *base = entry->DllBase;
    ULONG size = 0;
    IMAGE_IMPORT_DESCRIPTOR *desc = RtlImageDirectoryEntryToData(base, 1, IMAGE_DIRECTORY_ENTRY_IMPORT, &size);
    if (desc == NULL)
        return STATUS_SUCCESS;
    ULONG iat_size = 0;
    PVOID iat = RtlImageDirectoryEntryToData(base, 1, IMAGE_DIRECTORY_ENTRY_IAT, &iat_size);
    ULONG old = 0;
    if (iat)
        Unprotect(iat, iat_size, &old);
    NTSTATUS status = STATUS_SUCCESS;
    for (; (UCHAR *)(desc + 1) <= base + Extent(entry) && (desc->Name || desc->FirstThunk); desc++) {
        if (desc->Name == 0 || desc->Name >= Extent(entry) || desc->FirstThunk >= Extent(entry)) {
            status = STATUS_INVALID_IMAGE_FORMAT;
            break;
        }
        WCHAR dll_name[MAX_DLL_NAME];
        int len = LdrpAnsiToWide((char *)base + desc->Name, dll_name, MAX_DLL_NAME);
        LDR_DATA_TABLE_ENTRY *dll = NULL;
        status = len <= 0 ? STATUS_DLL_NOT_FOUND
                          : LdrpLoadDllByName(dll_name, len, search_path, entry->BaseDllName.Buffer,
                                              LoadReasonStaticDependency, &dll);
        if (!NT_SUCCESS(status)) {
            if (dll == NULL || status == STATUS_DLL_NOT_FOUND)
                status = ImportFailed(status, entry, NULL, 0, dll_name, len > 0 ? len : 0);
            break;
        }
        if (!LdrpInLdrInit && dll->ObsoleteLoadCount != 0xFFFF && !(dll->Flags & LDRP_LOAD_IN_PROGRESS) &&
            dll->InInitializationOrderLinks.Flink && dll->ReferenceCount)
            dll->ObsoleteLoadCount++;              /* one more module holds it */
        ULONG64 *thunk = (ULONG64 *)(base + desc->FirstThunk);
        ULONG64 *names = (ULONG64 *)(base + (desc->OriginalFirstThunk ? desc->OriginalFirstThunk : desc->FirstThunk));
        ULONG thunk_old = 0;
        SIZE_T count = 0;
        while ((UCHAR *)(names + count + 1) <= base + Extent(entry) && names[count])
            count++;
        if (iat == NULL)
            Unprotect(thunk, (count + 1) * 8, &thunk_old);
        for (SIZE_T i = 0; i < count && NT_SUCCESS(status); i++) {
            ULONG64 value = names[i];
            PVOID address = NULL;
            if (value & IMAGE_ORDINAL_FLAG64) {
                status = FindExport(dll, NULL, (ULONG)(value & 0xFFFF), 0, &address, 0);
                if (!NT_SUCCESS(status))
                    status = ImportFailed(status, dll, NULL, (ULONG)(value & 0xFFFF), dll_name, len);
            } else if (value + 3 > Extent(entry)) {
                status = STATUS_INVALID_IMAGE_FORMAT;
            } else {
                IMAGE_IMPORT_BY_NAME *ibn = (IMAGE_IMPORT_BY_NAME *)(base + value);
                status = FindExport(dll, ibn->Name, 0, ibn->Hint, &address, 0);
                if (!NT_SUCCESS(status))
                    status = ImportFailed(status, dll, ibn->Name, 0, dll_name, len);
            }
            if (NT_SUCCESS(status))
                thunk[i] = (ULONG64)address;
        }
        if (iat == NULL)
            Reprotect(thunk, (count + 1) * 8, thunk_old);
        if (!NT_SUCCESS(status))
            break;
    }
    if (iat)
        Reprotect(iat, iat_size, old);
    if (status == STATUS_INVALID_IMAGE_FORMAT && LdrpInLdrInit) {
        LdrpReportHardError(status, entry->FullDllName.Buffer, entry->FullDllName.Length / 2, NULL, 0, 0);
        LdrpFailProcessInit(status);
    }
    return status;
}

/* The modules entry's imports name, released when it is unloaded (their counts go down). */
void LdrpReleaseImports(LDR_DATA_TABLE_ENTRY *entry)
{
    UCHAR *base = entry->DllBase;
    IMAGE_IMPORT_DESCRIPTOR *desc = RtlImageDirectoryEntryToData(base, 1, IMAGE_DIRECTORY_ENTRY_IMPORT, NULL);
    for (; desc && desc->Name && desc->Name < Extent(entry); desc++) {
        WCHAR dll_name[MAX_DLL_NAME];
        int len = LdrpAnsiToWide((char *)base + desc->Name, dll_name, MAX_DLL_NAME);
        if (len <= 0)
            continue;
        const WCHAR *host = dll_name;
        SIZE_T host_len = len;
        BOOLEAN is_apiset;
        if (!ApiSetResolveToHost(dll_name, len, entry->BaseDllName.Buffer, &host, &host_len, &is_apiset))
            host = dll_name, host_len = len;
        LDR_DATA_TABLE_ENTRY *dll = LdrpFindLoadedByName(host, host_len);
        if (dll && dll != entry)
            LdrUnloadDll(dll->DllBase);
    }
}

NTSYSAPI ULONG NTAPI RtlNtStatusToDosError(NTSTATUS Status);

/* LdrResolveDelayLoadedAPI: one delay-load thunk resolved (the DLL loaded on first use). When the
 * DLL or the import cannot be found, the program's failure hook is asked first (dliFailLoadLib 3,
 * dliFailGetProc 4, with a DELAYLOAD_INFO), then the system's (kernelbase's DelayLoadFailureHook);
 * with neither giving an address the process ends with the hard error Windows reports. */
typedef struct {
    ULONG Size;
    IMAGE_DELAYLOAD_DESCRIPTOR *DelayloadDescriptor;
    ULONG64 *ThunkAddress;
    const char *TargetDllName;
    struct { ULONG ImportDescribedByName; union { const char *Name; ULONG Ordinal; } Description; } TargetApiDescriptor;
    PVOID TargetModuleBase;
    PVOID Unused;
    ULONG LastError;
} DELAYLOAD_INFO;
typedef PVOID (NTAPI *DELAYLOAD_FAILURE_DLL_CALLBACK)(ULONG reason, DELAYLOAD_INFO *info);
typedef PVOID (NTAPI *DELAYLOAD_FAILURE_SYSTEM_ROUTINE)(const char *dll, const char *proc);

NTSYSAPI PVOID NTAPI LdrResolveDelayLoadedAPI(PVOID parent, IMAGE_DELAYLOAD_DESCRIPTOR *desc, PVOID failure_dll_hook,
                                               PVOID failure_system_hook, ULONG64 *thunk, ULONG flags)
{
    UCHAR *base = parent;
    (void)flags;
    LDR_DATA_TABLE_ENTRY *owner = LdrpFindLoadedByBase(parent);
    WCHAR dll_name[MAX_DLL_NAME];
    int len = LdrpAnsiToWide((char *)base + desc->DllNameRVA, dll_name, MAX_DLL_NAME);
    PVOID *handle = (PVOID *)(base + desc->ModuleHandleRVA);
    ULONG64 index = thunk - (ULONG64 *)(base + desc->ImportAddressTableRVA);
    ULONG64 value = ((ULONG64 *)(base + desc->ImportNameTableRVA))[index];
    DELAYLOAD_INFO info;
    memset(&info, 0, sizeof(info));
    info.Size = sizeof(info);
    info.DelayloadDescriptor = desc;
    info.ThunkAddress = thunk;
    info.TargetDllName = (char *)base + desc->DllNameRVA;
    info.TargetApiDescriptor.ImportDescribedByName = !(value & IMAGE_ORDINAL_FLAG64);
    if (value & IMAGE_ORDINAL_FLAG64)
        info.TargetApiDescriptor.Description.Ordinal = (ULONG)(value & 0xFFFF);
    else
        info.TargetApiDescriptor.Description.Name = ((IMAGE_IMPORT_BY_NAME *)(base + value))->Name;
    LDR_DATA_TABLE_ENTRY *dll = NULL;
    RtlEnterCriticalSection(&LdrpLoaderLock);
    NTSTATUS status = len <= 0 ? STATUS_DLL_NOT_FOUND
                               : LdrpLoadDllByName(dll_name, len, NULL, owner ? owner->BaseDllName.Buffer : NULL,
                                                   LoadReasonDelayloadDependency, &dll);
    if (NT_SUCCESS(status) && !(dll->Flags & LDRP_ENTRY_PROCESSED))
        status = LdrpRunInitializeRoutines(NULL);
    RtlLeaveCriticalSection(&LdrpLoaderLock);
    PVOID address = NULL;
    if (NT_SUCCESS(status)) {
        *handle = dll->DllBase;
        info.TargetModuleBase = dll->DllBase;
        if (value & IMAGE_ORDINAL_FLAG64)
            status = FindExport(dll, NULL, (ULONG)(value & 0xFFFF), 0, &address, 0);
        else
            status = FindExport(dll, ((IMAGE_IMPORT_BY_NAME *)(base + value))->Name, 0,
                                ((IMAGE_IMPORT_BY_NAME *)(base + value))->Hint, &address, 0);
    }
    if (!NT_SUCCESS(status)) {
        /* The program's hook, then the system's, may supply the address (a handle for dliFailLoadLib). */
        int lib_failed = *handle == NULL;
        info.LastError = RtlNtStatusToDosError(status);
        PVOID supplied = failure_dll_hook ? ((DELAYLOAD_FAILURE_DLL_CALLBACK)failure_dll_hook)(lib_failed ? 3 : 4, &info)
                                          : NULL;
        if (supplied && lib_failed) {           /* a module from the hook: look the import up there */
            *handle = supplied;
            supplied = NULL;
        }
        if (supplied == NULL && failure_system_hook)
            supplied = ((DELAYLOAD_FAILURE_SYSTEM_ROUTINE)failure_system_hook)(
                info.TargetDllName, info.TargetApiDescriptor.ImportDescribedByName
                                    ? info.TargetApiDescriptor.Description.Name
                                    : (const char *)(ULONG64)info.TargetApiDescriptor.Description.Ordinal);
        if (supplied == NULL) {
            LdrpReportHardError(status == STATUS_DLL_NOT_FOUND ? status : STATUS_ENTRYPOINT_NOT_FOUND,
                                dll_name, len > 0 ? len : 0, NULL, 0, 0);
            NtTerminateProcess(NtCurrentProcess(), status);
        }
        address = supplied;
    }
    ULONG old;
    Unprotect(thunk, 8, &old);
    *thunk = (ULONG64)address;
    Reprotect(thunk, 8, old);
    (void)StrLen;
    return address;
}
