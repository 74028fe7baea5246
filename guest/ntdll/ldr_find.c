/* The loader's module database and the search for a DLL: the three PEB_LDR_DATA lists and the
 * hash table, the search order (API sets, KnownDLLs in System32, the application's folder,
 * System32, the Windows folder, the current directory, PATH), and mapping a DLL through
 * NtOpenFile, NtCreateSection(SEC_IMAGE) and NtMapViewOfSection (LdrpMapDllNtFileName). */
#include "ldrp.h"

LIST_ENTRY LdrpHashTable[LDR_HASH_TABLE_ENTRIES];
static const WCHAR System32[] = L"C:\\Windows\\System32";
static const WCHAR WindowsDir[] = L"C:\\Windows";

/* The DLLs Windows 10 lists under \KnownDLLs: always taken from System32. */
static const char *const KnownDlls[] = {
    "kernel32", "kernelbase", "ntdll", "msvcrt", "user32", "advapi32", "shell32", "ole32", "oleaut32",
    "gdi32", "shlwapi", "ws2_32", "rpcrt4", "sechost", "combase", "psapi", "comdlg32", "imm32", "setupapi",
    "wldap32", "normaliz", "nsi", "imagehlp", "difxapi", "clbcatq", "msctf", "comctl32",
};

static ULONG HashIndex(const WCHAR *name)
{
    return (LdrpUpcase(name[0]) - 'A') & (LDR_HASH_TABLE_ENTRIES - 1);
}

static void InsertTail(LIST_ENTRY *head, LIST_ENTRY *entry)
{
    entry->Flink = head;
    entry->Blink = head->Blink;
    head->Blink->Flink = entry;
    head->Blink = entry;
}

static void Unlink(LIST_ENTRY *entry)
{
    if (entry->Flink == NULL)
        return;
    entry->Blink->Flink = entry->Flink;
    entry->Flink->Blink = entry->Blink;
    entry->Flink = entry->Blink = entry;
}

LDR_DATA_TABLE_ENTRY *LdrpFindLoadedByName(const WCHAR *base_name, SIZE_T len)
{
    LIST_ENTRY *head = &LdrpHashTable[HashIndex(base_name)];
    for (LIST_ENTRY *le = head->Flink; le != head; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *e = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, HashLinks);
        if (LdrpEqualNames(e->BaseDllName.Buffer, e->BaseDllName.Length / 2, base_name, len))
            return e;
    }
    return NULL;
}

static LDR_DATA_TABLE_ENTRY *FindLoadedByFullName(const WCHAR *full, SIZE_T len)
{
    LIST_ENTRY *head = &PebLdr.InLoadOrderModuleList;
    for (LIST_ENTRY *le = head->Flink; le != head; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *e = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InLoadOrderLinks);
        if (LdrpEqualNames(e->FullDllName.Buffer, e->FullDllName.Length / 2, full, len))
            return e;
    }
    return NULL;
}

LDR_DATA_TABLE_ENTRY *LdrpFindLoadedByBase(PVOID base)
{
    LIST_ENTRY *head = &PebLdr.InLoadOrderModuleList;
    for (LIST_ENTRY *le = head->Flink; le != head; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *e = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InLoadOrderLinks);
        if (e->DllBase == base)
            return e;
    }
    return NULL;
}

static SIZE_T BaseNameStart(const WCHAR *path, SIZE_T len)
{
    SIZE_T start = 0;
    for (SIZE_T i = 0; i < len; i++)
        if (path[i] == '\\' || path[i] == '/' || (i == 1 && path[i] == ':'))
            start = i + 1;
    return start;
}

/* LdrpAllocateDataTableEntry: the entry for an image mapped at base. */
LDR_DATA_TABLE_ENTRY *LdrpAllocateEntry(PVOID base, const WCHAR *full, SIZE_T full_len)
{
    LDR_DATA_TABLE_ENTRY *e = LdrpAlloc(sizeof(*e));
    if (e == NULL || !LdrpMakeString(&e->FullDllName, full, full_len)) {
        LdrpFree(e);
        return NULL;
    }
    SIZE_T start = BaseNameStart(full, full_len);
    e->BaseDllName.Buffer = e->FullDllName.Buffer + start;
    e->BaseDllName.Length = (USHORT)((full_len - start) * sizeof(WCHAR));
    e->BaseDllName.MaximumLength = e->BaseDllName.Length + sizeof(WCHAR);
    IMAGE_NT_HEADERS64 *nt = RtlImageNtHeader(base);
    e->DllBase = base;
    e->SizeOfImage = nt->SizeOfImage;
    e->EntryPoint = nt->AddressOfEntryPoint ? (UCHAR *)base + nt->AddressOfEntryPoint : NULL;
    e->TimeDateStamp = nt->TimeDateStamp;
    e->OriginalBase = nt->ImageBase;
    e->Flags = LDRP_IN_LEGACY_LISTS | LDRP_IN_INDEXES | LDRP_LOAD_NOTIFICATIONS_SENT;
    if (nt->Characteristics & IMAGE_FILE_DLL)
        e->Flags |= LDRP_IMAGE_DLL;
    if (RtlImageDirectoryEntryToData(base, 1, IMAGE_DIRECTORY_ENTRY_EXCEPTION, NULL))
        e->Flags |= LDRP_IN_EXCEPTION_TABLE;
    e->ObsoleteLoadCount = 1;
    e->ReferenceCount = 1;
    e->BaseNameHashValue = LdrpHashName(e->BaseDllName.Buffer, e->BaseDllName.Length / 2);
    e->HashLinks.Flink = e->HashLinks.Blink = &e->HashLinks;
    e->NodeModuleLink.Flink = e->NodeModuleLink.Blink = &e->NodeModuleLink;
    NtQuerySystemTime(&e->LoadTime);
    return e;
}

/* In load order and memory order, and in the hash table (initialisation order comes later,
 * once the module's own imports are in). */
void LdrpInsertEntry(LDR_DATA_TABLE_ENTRY *e)
{
    InsertTail(&PebLdr.InLoadOrderModuleList, &e->InLoadOrderLinks);
    InsertTail(&PebLdr.InMemoryOrderModuleList, &e->InMemoryOrderLinks);
    InsertTail(&LdrpHashTable[HashIndex(e->BaseDllName.Buffer)], &e->HashLinks);
}

void LdrpRemoveEntry(LDR_DATA_TABLE_ENTRY *e)
{
    Unlink(&e->InLoadOrderLinks);
    Unlink(&e->InMemoryOrderLinks);
    Unlink(&e->InInitializationOrderLinks);
    Unlink(&e->HashLinks);
}

/* Map \??\<path> as an image: STATUS_IMAGE_NOT_AT_BASE is success (Mm relocated it). */
static NTSTATUS MapDll(const WCHAR *dos_path, SIZE_T len, PVOID *base)
{
    WCHAR buffer[MAX_DLL_NAME + 8] = L"\\??\\";
    if (len + 4 >= MAX_DLL_NAME + 8)
        return STATUS_OBJECT_NAME_INVALID;
    __builtin_memcpy(buffer + 4, dos_path, len * sizeof(WCHAR));
    UNICODE_STRING name = {(USHORT)((len + 4) * 2), (USHORT)((len + 4) * 2), buffer};
    OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, &name, OBJ_CASE_INSENSITIVE, NULL, NULL};
    IO_STATUS_BLOCK iosb;
    HANDLE file = NULL, section = NULL;
    NTSTATUS status = NtOpenFile(&file, 0x100021 /* SYNCHRONIZE | FILE_EXECUTE | FILE_READ_DATA */, &oa, &iosb,
                                 0x5 /* FILE_SHARE_READ | FILE_SHARE_DELETE */,
                                 0x60 /* FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE */);
    if (!NT_SUCCESS(status))
        return status;
    status = NtCreateSection(&section, 0xD /* SECTION_MAP_READ | SECTION_MAP_EXECUTE | SECTION_QUERY */, NULL,
                             NULL, 0x10 /* PAGE_EXECUTE */, 0x1000000 /* SEC_IMAGE */, file);
    NtClose(file);
    if (status == (NTSTATUS)0xC000012F || status == (NTSTATUS)0xC0000130 || status == (NTSTATUS)0xC0000131 ||
        status == (NTSTATUS)0xC000011E || status == (NTSTATUS)0xC0000020)
        status = STATUS_INVALID_IMAGE_FORMAT;   /* not MZ, bad protection, Win16, empty: a bad image */
    if (!NT_SUCCESS(status))
        return status;
    SIZE_T size = 0;
    *base = NULL;
    status = NtMapViewOfSection(section, NtCurrentProcess(), base, 0, 0, NULL, &size, 1 /* ViewShare */, 0,
                                0x04 /* PAGE_READWRITE */);
    NtClose(section);
    if (status == STATUS_IMAGE_NOT_AT_BASE)
        status = STATUS_SUCCESS;
    return status;
}

static BOOLEAN IsNotFound(NTSTATUS s)
{
    return s == STATUS_OBJECT_NAME_NOT_FOUND || s == STATUS_OBJECT_PATH_NOT_FOUND || s == STATUS_NO_SUCH_FILE ||
           s == STATUS_OBJECT_NAME_INVALID || s == STATUS_OBJECT_PATH_SYNTAX_BAD;
}

static BOOLEAN IsKnownDll(const WCHAR *name, SIZE_T len)
{
    for (ULONG i = 0; i < sizeof(KnownDlls) / sizeof(KnownDlls[0]); i++) {
        WCHAR known[32];
        int n = LdrpAnsiToWide(KnownDlls[i], known, 28);
        known[n] = '.', known[n + 1] = 'd', known[n + 2] = 'l', known[n + 3] = 'l';
        if (LdrpEqualNames(name, len, known, n + 4))
            return 1;
    }
    return 0;
}

/* Try folder\name; *tried says whether the folder was usable. */
static NTSTATUS TryFolder(const WCHAR *folder, SIZE_T flen, const WCHAR *name, SIZE_T len, WCHAR *full,
                          SIZE_T *full_len, PVOID *base)
{
    while (flen && (folder[flen - 1] == '\\' || folder[flen - 1] == '/'))
        flen--;
    if (flen == 0 || flen + 1 + len >= MAX_DLL_NAME)
        return STATUS_OBJECT_NAME_NOT_FOUND;
    __builtin_memcpy(full, folder, flen * 2);
    full[flen] = '\\';
    __builtin_memcpy(full + flen + 1, name, len * 2);
    *full_len = flen + 1 + len;
    full[*full_len] = 0;
    return MapDll(full, *full_len, base);
}

/* Each ';'-separated folder of a list in turn. */
static NTSTATUS TryFolderList(const WCHAR *list, const WCHAR *name, SIZE_T len, WCHAR *full, SIZE_T *full_len,
                              PVOID *base)
{
    NTSTATUS status = STATUS_DLL_NOT_FOUND;
    while (list && *list) {
        const WCHAR *end = list;
        while (*end && *end != ';')
            end++;
        if (end > list) {
            status = TryFolder(list, end - list, name, len, full, full_len, base);
            if (!IsNotFound(status))
                return status;
        }
        list = *end ? end + 1 : end;
    }
    return IsNotFound(status) ? STATUS_DLL_NOT_FOUND : status;
}

/* The value of PATH in the process environment, or NULL. */
static const WCHAR *EnvironmentPath(void)
{
    const WCHAR *env = LdrpPeb()->ProcessParameters->Environment;
    while (env && *env) {
        if (LdrpUpcase(env[0]) == 'P' && LdrpUpcase(env[1]) == 'A' && LdrpUpcase(env[2]) == 'T' &&
            LdrpUpcase(env[3]) == 'H' && env[4] == '=')
            return env + 5;
        env += LdrpWcsLen(env) + 1;
    }
    return NULL;
}

/* LdrpSearchPath: where the DLL is, mapped; full receives its DOS path. */
static NTSTATUS SearchAndMap(const WCHAR *name, SIZE_T len, const WCHAR *search_path, WCHAR *full,
                             SIZE_T *full_len, PVOID *base)
{
    RTL_USER_PROCESS_PARAMETERS *pp = LdrpPeb()->ProcessParameters;
    NTSTATUS status;
    if (search_path)
        return TryFolderList(search_path, name, len, full, full_len, base);
    if (IsKnownDll(name, len))
        return TryFolder(System32, LdrpWcsLen(System32), name, len, full, full_len, base);
    /* The application's folder: ImagePathName up to its last backslash. */
    const WCHAR *image = pp->ImagePathName.Buffer;
    SIZE_T app_len = BaseNameStart(image, pp->ImagePathName.Length / 2);
    const WCHAR *folders[3] = {image, System32, WindowsDir};
    SIZE_T lengths[3] = {app_len, LdrpWcsLen(System32), LdrpWcsLen(WindowsDir)};
    for (int i = 0; i < 3; i++) {
        status = TryFolder(folders[i], lengths[i], name, len, full, full_len, base);
        if (!IsNotFound(status))
            return status;
    }
    status = TryFolder(pp->CurrentDirectory.DosPath.Buffer, pp->CurrentDirectory.DosPath.Length / 2, name, len,
                       full, full_len, base);
    if (!IsNotFound(status))
        return status;
    return TryFolderList(EnvironmentPath(), name, len, full, full_len, base);
}

/* LdrpLoadDll's core: the module named `name` (a base name or a path), found loaded or mapped,
 * entered in the lists and its imports snapped. The caller holds the loader lock. */
NTSTATUS LdrpLoadDllByName(const WCHAR *name, SIZE_T len, const WCHAR *search_path, const WCHAR *importer,
                           ULONG reason, LDR_DATA_TABLE_ENTRY **result)
{
    WCHAR dll[MAX_DLL_NAME], full[MAX_DLL_NAME];
    SIZE_T full_len = 0;
    *result = NULL;
    if (len == 0 || len + 5 >= MAX_DLL_NAME)
        return STATUS_DLL_NOT_FOUND;
    __builtin_memcpy(dll, name, len * 2);
    /* No extension means ".dll"; a trailing dot means none. */
    SIZE_T start = BaseNameStart(dll, len);
    BOOLEAN has_dot = 0;
    for (SIZE_T i = start; i < len; i++)
        has_dot |= dll[i] == '.';
    if (dll[len - 1] == '.')
        len--;
    else if (!has_dot) {
        dll[len++] = '.', dll[len++] = 'd', dll[len++] = 'l', dll[len++] = 'l';
    }
    dll[len] = 0;
    /* API sets first. */
    if (start == 0) {
        const WCHAR *host;
        SIZE_T host_len;
        BOOLEAN is_apiset;
        if (ApiSetResolveToHost(dll, len, importer, &host, &host_len, &is_apiset)) {
            if (host_len + 1 >= MAX_DLL_NAME)
                return STATUS_DLL_NOT_FOUND;
            __builtin_memcpy(dll, host, host_len * 2);
            len = host_len;
            dll[len] = 0;
        } else if (is_apiset) {
            return STATUS_DLL_NOT_FOUND;
        }
    }
    LDR_DATA_TABLE_ENTRY *e;
    PVOID base = NULL;
    NTSTATUS status;
    if (start == 0) {
        e = LdrpFindLoadedByName(dll, len);
        if (e) {
            *result = e;
            return STATUS_SUCCESS;
        }
        status = SearchAndMap(dll, len, search_path, full, &full_len, &base);
        if (IsNotFound(status))
            status = STATUS_DLL_NOT_FOUND;
    } else {
        /* A path: as given when it is absolute, else from the current directory. */
        RTL_USER_PROCESS_PARAMETERS *pp = LdrpPeb()->ProcessParameters;
        BOOLEAN absolute = (len > 2 && dll[1] == ':' && (dll[2] == '\\' || dll[2] == '/')) || dll[0] == '\\';
        if (absolute) {
            __builtin_memcpy(full, dll, len * 2);
            full_len = len;
        } else {
            SIZE_T clen = pp->CurrentDirectory.DosPath.Length / 2;
            const WCHAR *cur = pp->CurrentDirectory.DosPath.Buffer;
            while (clen && cur[clen - 1] == '\\')
                clen--;
            if (clen + 1 + len >= MAX_DLL_NAME)
                return STATUS_DLL_NOT_FOUND;
            __builtin_memcpy(full, cur, clen * 2);
            full[clen] = '\\';
            __builtin_memcpy(full + clen + 1, dll, len * 2);
            full_len = clen + 1 + len;
        }
        for (SIZE_T i = 0; i < full_len; i++)
            if (full[i] == '/')
                full[i] = '\\';
        e = FindLoadedByFullName(full, full_len);
        if (e) {
            *result = e;
            return STATUS_SUCCESS;
        }
        status = MapDll(full, full_len, &base);
        if (IsNotFound(status))
            status = STATUS_DLL_NOT_FOUND;
    }
    if (!NT_SUCCESS(status))
        return status;
    e = LdrpAllocateEntry(base, full, full_len);
    if (e == NULL) {
        NtUnmapViewOfSection(NtCurrentProcess(), base);
        return STATUS_NO_MEMORY;
    }
    e->LoadReason = reason;
    e->Flags |= LDRP_LOAD_IN_PROGRESS;
    if (LdrpInLdrInit)
        e->Flags |= LDRP_PROCESS_STATIC_IMPORT;
    LdrpInsertEntry(e);
    *result = e;
    status = LdrpSnapModule(e, search_path);
    e->Flags &= ~LDRP_LOAD_IN_PROGRESS;
    if (!NT_SUCCESS(status))
        return status;
    if (!LdrpInLdrInit)
        LdrpHandleTlsForDynamicLoad(e);
    /* Initialisation order: after every module it imports from. */
    InsertTail(&PebLdr.InInitializationOrderModuleList, &e->InInitializationOrderLinks);
    return STATUS_SUCCESS;
}
