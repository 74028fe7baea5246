/* DOS device names, the symbolic links of \??: QueryDosDevice (one link's target, or every link's
 * name, each ended, the list ended again) and DefineDosDevice (a link made or removed; the raw
 * target an NT path, else a DOS path made one). A guest may not make a link permanent (that takes
 * SeCreatePermanentPrivilege), so the definitions this process makes are kept open by it and last
 * as long as it does; a new definition of a name it defined hides the old one until removed. */
#include "kernelbase.h"

NTDLL NTSTATUS NTAPI NtOpenDirectoryObject(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTDLL NTSTATUS NTAPI NtQueryDirectoryObject(HANDLE, PVOID, ULONG, BOOLEAN, BOOLEAN, ULONG *, ULONG *);
NTDLL NTSTATUS NTAPI NtOpenSymbolicLinkObject(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTDLL NTSTATUS NTAPI NtQuerySymbolicLinkObject(HANDLE, UNICODE_STRING *, ULONG *);
NTDLL NTSTATUS NTAPI NtCreateSymbolicLinkObject(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, UNICODE_STRING *);
#define DIRECTORY_QUERY_ 0x0001
#define SYMBOLIC_LINK_QUERY_ 0x0001
#define SYMBOLIC_LINK_ALL_ACCESS_ 0xF0001
#define STATUS_NO_MORE_ENTRIES_ ((NTSTATUS)0x8000001A)

typedef struct { UNICODE_STRING Name, TypeName; } OBJECT_DIRECTORY_INFORMATION_;

/* \??\name in buffer (MAX_PATH + 8 characters) as a UNICODE_STRING with its attributes. */
static void DosDeviceName(LPCWSTR name, WCHAR *buffer, UNICODE_STRING *us, OBJECT_ATTRIBUTES *oa)
{
    lstrcpyW(buffer, L"\\??\\");
    lstrcpynW(buffer + 4, name, MAX_PATH);
    RtlInitUnicodeString(us, buffer);
    memset(oa, 0, sizeof(*oa));
    oa->Length = sizeof(*oa);
    oa->ObjectName = us;
    oa->Attributes = OBJ_CASE_INSENSITIVE_;
}

/* Every \?? link's name, each ended, then a second NUL; the characters stored. */
static DWORD DosDeviceList(LPWSTR out, DWORD max)
{
    UNICODE_STRING us;
    OBJECT_ATTRIBUTES oa;
    HANDLE dir;
    WCHAR name[MAX_PATH + 8];
    BYTE buffer[1024];
    DosDeviceName(L"", name, &us, &oa);
    us.Length -= sizeof(WCHAR);                 /* "\??" */
    NTSTATUS status = NtOpenDirectoryObject(&dir, DIRECTORY_QUERY_, &oa);
    if (!NT_SUCCESS(status)) { BaseSetLastNTError(status); return 0; }
    ULONG context = 0, returned;
    DWORD n = 0;
    BOOL restart = TRUE;
    for (;;) {
        status = NtQueryDirectoryObject(dir, buffer, sizeof(buffer), TRUE, restart, &context, &returned);
        restart = FALSE;
        if (status == STATUS_NO_MORE_ENTRIES_) break;
        if (!NT_SUCCESS(status)) { NtClose(dir); BaseSetLastNTError(status); return 0; }
        OBJECT_DIRECTORY_INFORMATION_ *entry = (OBJECT_DIRECTORY_INFORMATION_ *)buffer;
        if (entry->TypeName.Length != 24 || memcmp(entry->TypeName.Buffer, L"SymbolicLink", 24)) continue;
        DWORD chars = entry->Name.Length / sizeof(WCHAR);
        if (n + chars + 2 > max) { NtClose(dir); SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
        memcpy(out + n, entry->Name.Buffer, chars * sizeof(WCHAR));
        n += chars;
        out[n++] = 0;
    }
    NtClose(dir);
    if (n + 1 > max) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    out[n++] = 0;
    return n;
}

KBAPI DWORD WINAPI QueryDosDeviceW(LPCWSTR lpDeviceName, LPWSTR lpTargetPath, DWORD ucchMax)
{
    UNICODE_STRING us, target;
    OBJECT_ATTRIBUTES oa;
    HANDLE link;
    WCHAR name[MAX_PATH + 8];
    if (!lpTargetPath) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!lpDeviceName) return DosDeviceList(lpTargetPath, ucchMax);
    DosDeviceName(lpDeviceName, name, &us, &oa);
    NTSTATUS status = NtOpenSymbolicLinkObject(&link, SYMBOLIC_LINK_QUERY_, &oa);
    if (!NT_SUCCESS(status)) { BaseSetLastNTError(status); return 0; }
    target.Buffer = lpTargetPath;
    target.Length = 0;
    target.MaximumLength = (USHORT)(ucchMax > 0x7FFF ? 0xFFFE : ucchMax * sizeof(WCHAR));
    status = NtQuerySymbolicLinkObject(link, &target, NULL);
    NtClose(link);
    DWORD n = target.Length / sizeof(WCHAR);
    if (status == STATUS_BUFFER_TOO_SMALL || (NT_SUCCESS(status) && n + 2 > ucchMax)) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (!NT_SUCCESS(status)) { BaseSetLastNTError(status); return 0; }
    lpTargetPath[n] = lpTargetPath[n + 1] = 0;  /* a one-string list */
    return n + 2;
}

KBAPI DWORD WINAPI QueryDosDeviceA(LPCSTR lpDeviceName, LPSTR lpTargetPath, DWORD ucchMax)
{
    WCHAR *name = NULL;
    if (lpDeviceName && !(name = BaseWideName(lpDeviceName))) return 0;
    WCHAR *out = ucchMax ? RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)ucchMax * sizeof(WCHAR)) : NULL;
    DWORD n = 0;
    if (!lpTargetPath || !out) SetLastError(lpTargetPath ? ERROR_INSUFFICIENT_BUFFER : ERROR_INVALID_PARAMETER);
    else if ((n = QueryDosDeviceW(name, out, ucchMax)) != 0)
        WideCharToMultiByte(CP_ACP, 0, out, (int)n, lpTargetPath, (int)ucchMax, NULL, NULL);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, out);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, name);
    return n;
}

/* The definitions of this process, newest first: the link's handle (NULL while hidden by a newer
 * one of the same name), its name and target. */
typedef struct DOS_DEFINITION {
    struct DOS_DEFINITION *Next;
    HANDLE Link;
    WCHAR Name[MAX_PATH + 8], Target[MAX_PATH * 2];
} DOS_DEFINITION;
static DOS_DEFINITION *BaseDosDefinitions;
static CRITICAL_SECTION *BaseDosLock(void)
{
    static CRITICAL_SECTION lock;
    static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
    BOOL pending;
    InitOnceBeginInitialize(&once, 0, &pending, NULL);
    if (pending) { RtlInitializeCriticalSectionEx(&lock, 0, 0); InitOnceComplete(&once, 0, NULL); }
    return &lock;
}

static NTSTATUS DosCreateLink(DOS_DEFINITION *d)
{
    UNICODE_STRING us, target;
    OBJECT_ATTRIBUTES oa;
    WCHAR name[MAX_PATH + 8];
    DosDeviceName(d->Name, name, &us, &oa);
    RtlInitUnicodeString(&target, d->Target);
    return NtCreateSymbolicLinkObject(&d->Link, SYMBOLIC_LINK_ALL_ACCESS_, &oa, &target);
}

static BOOL DosRemove(LPCWSTR name, LPCWSTR target, BOOL exact)
{
    DOS_DEFINITION **link = &BaseDosDefinitions, *d;
    for (; (d = *link) != NULL; link = &d->Next) {
        if (CompareStringOrdinal(d->Name, -1, name, -1, TRUE) != CSTR_EQUAL) continue;
        if (target && (exact ? CompareStringOrdinal(d->Target, -1, target, -1, TRUE) != CSTR_EQUAL
                             : CompareStringOrdinal(d->Target, lstrlenW(target), target, -1, TRUE) != CSTR_EQUAL))
            continue;
        BOOL visible = d->Link != NULL;
        if (visible) NtClose(d->Link);
        *link = d->Next;
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, d);
        if (visible)                            /* the definition it hid shows again */
            for (DOS_DEFINITION *older = *link; older; older = older->Next)
                if (CompareStringOrdinal(older->Name, -1, name, -1, TRUE) == CSTR_EQUAL) {
                    DosCreateLink(older);
                    break;
                }
        return TRUE;
    }
    SetLastError(ERROR_FILE_NOT_FOUND);
    return FALSE;
}

KBAPI BOOL WINAPI DefineDosDeviceW(DWORD dwFlags, LPCWSTR lpDeviceName, LPCWSTR lpTargetPath)
{
    if (!lpDeviceName || !lpDeviceName[0] || (dwFlags & ~0xF) ||
        (!(dwFlags & DDD_REMOVE_DEFINITION) && !lpTargetPath) || lstrlenW(lpDeviceName) >= MAX_PATH) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    CRITICAL_SECTION *lock = BaseDosLock();
    RtlEnterCriticalSection(lock);
    BOOL ok;
    WCHAR nt_target[MAX_PATH * 2];
    LPCWSTR target = lpTargetPath;
    if (target && !(dwFlags & DDD_RAW_TARGET_PATH)) {
        /* a DOS path: its NT name */
        UNICODE_STRING nt;
        NTSTATUS status = RtlDosPathNameToNtPathName_U_WithStatus(lpTargetPath, &nt, NULL, NULL);
        if (!NT_SUCCESS(status)) { RtlLeaveCriticalSection(lock); return BaseFail(status); }
        lstrcpynW(nt_target, nt.Buffer, MAX_PATH * 2);
        RtlFreeUnicodeString(&nt);
        target = nt_target;
    }
    if (dwFlags & DDD_REMOVE_DEFINITION) {
        ok = DosRemove(lpDeviceName, target, (dwFlags & DDD_EXACT_MATCH_ON_REMOVE) != 0);
    } else if (lstrlenW(target) >= MAX_PATH * 2) {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        ok = FALSE;
    } else {
        DOS_DEFINITION *d = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, sizeof(*d)), *older;
        ok = d != NULL;
        if (!ok) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        if (ok) {
            lstrcpyW(d->Name, lpDeviceName);
            lstrcpyW(d->Target, target);
            for (older = BaseDosDefinitions; older; older = older->Next)
                if (older->Link && CompareStringOrdinal(older->Name, -1, lpDeviceName, -1, TRUE) == CSTR_EQUAL) {
                    NtClose(older->Link);       /* hidden by the new one */
                    older->Link = NULL;
                    break;
                }
            NTSTATUS status = DosCreateLink(d);
            if (NT_SUCCESS(status)) {
                d->Next = BaseDosDefinitions;
                BaseDosDefinitions = d;
            } else {
                if (older && !older->Link) DosCreateLink(older);
                RtlFreeHeap(PEB_PROCESS_HEAP(), 0, d);
                ok = BaseFail(status);
            }
        }
    }
    RtlLeaveCriticalSection(lock);
    return ok;
}

KBAPI BOOL WINAPI DefineDosDeviceA(DWORD dwFlags, LPCSTR lpDeviceName, LPCSTR lpTargetPath)
{
    WCHAR *name = lpDeviceName ? BaseWideName(lpDeviceName) : NULL;
    WCHAR *target = lpTargetPath ? BaseWideName(lpTargetPath) : NULL;
    BOOL ok = (!lpDeviceName || name) && (!lpTargetPath || target) && DefineDosDeviceW(dwFlags, name, target);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, name);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, target);
    return ok;
}
