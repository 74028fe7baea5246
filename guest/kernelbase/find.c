/* Family 4 (directory listings): FindFirstFile(Ex)A/W, FindNextFileA/W, FindClose over
 * NtQueryDirectoryFile, the Win32 wildcards turned into the NT ones as Windows turns them
 * ('?' is DOS_QM, a '.' before '?', '*' or the end is DOS_DOT, a '*' before a '.' is DOS_STAR,
 * "*.*" is "*"). */
#include "kernelbase.h"

#define FileBothDirectoryInformation 3
#define FIND_MAGIC 0x444E4946                   /* "FIND" */
#define STATUS_NO_MORE_FILES_ ((NTSTATUS)0x80000006)
#define STATUS_NO_SUCH_FILE_ ((NTSTATUS)0xC000000F)

typedef struct {
    DWORD Magic;
    HANDLE Directory;
    ULONG Offset, Valid;
    BYTE Buffer[0x2000];
} FIND;

typedef struct {
    ULONG NextEntryOffset, FileIndex;
    LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime, EndOfFile, AllocationSize;
    ULONG FileAttributes, FileNameLength, EaSize;
    CHAR ShortNameLength;
    WCHAR ShortName[12];
    WCHAR FileName[1];
} BOTH_DIR_INFO;

static void Fill(const BOTH_DIR_INFO *e, WIN32_FIND_DATAW *data, BOOL basic)
{
    memset(data, 0, sizeof(*data));
    data->dwFileAttributes = e->FileAttributes;
    data->ftCreationTime = (FILETIME){e->CreationTime.LowPart, (DWORD)e->CreationTime.HighPart};
    data->ftLastAccessTime = (FILETIME){e->LastAccessTime.LowPart, (DWORD)e->LastAccessTime.HighPart};
    data->ftLastWriteTime = (FILETIME){e->LastWriteTime.LowPart, (DWORD)e->LastWriteTime.HighPart};
    data->nFileSizeHigh = (DWORD)e->EndOfFile.HighPart;
    data->nFileSizeLow = e->EndOfFile.LowPart;
    DWORD n = e->FileNameLength / 2 < MAX_PATH - 1 ? e->FileNameLength / 2 : MAX_PATH - 1;
    memcpy(data->cFileName, e->FileName, n * 2);
    if (!basic) {
        DWORD s = (DWORD)e->ShortNameLength / 2 < 13 ? (DWORD)e->ShortNameLength / 2 : 13;
        memcpy(data->cAlternateFileName, e->ShortName, s * 2);
    }
}

/* The next entry, reading another batch when this one is used up. */
static NTSTATUS Next(FIND *f, UNICODE_STRING *mask, WIN32_FIND_DATAW *data, BOOL first)
{
    if (f->Offset >= f->Valid) {
        IO_STATUS_BLOCK iosb;
        NTSTATUS status = NtQueryDirectoryFile(f->Directory, NULL, NULL, NULL, &iosb, f->Buffer, sizeof(f->Buffer),
                                               FileBothDirectoryInformation, FALSE, mask, (BOOLEAN)first);
        if (!NT_SUCCESS(status))
            return status;
        f->Offset = 0;
        f->Valid = (ULONG)iosb.Information;
        if (f->Valid == 0)
            return STATUS_NO_MORE_FILES_;
    }
    const BOTH_DIR_INFO *e = (const BOTH_DIR_INFO *)(f->Buffer + f->Offset);
    Fill(e, data, FALSE);
    f->Offset = e->NextEntryOffset ? f->Offset + e->NextEntryOffset : f->Valid;
    return STATUS_SUCCESS;
}

KBAPI HANDLE WINAPI FindFirstFileExW(LPCWSTR pattern, FINDEX_INFO_LEVELS level, LPVOID out, FINDEX_SEARCH_OPS op,
                                     LPVOID filter, DWORD flags)
{
    if ((level != FindExInfoStandard && level != FindExInfoBasic) || op > FindExSearchLimitToDevices || filter
        || (flags & ~(DWORD)(FIND_FIRST_EX_CASE_SENSITIVE | FIND_FIRST_EX_LARGE_FETCH))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES oa;
    if (!BaseOpenPath(pattern, &nt, &oa)) return INVALID_HANDLE_VALUE;
    /* Split \??\C:\dir\mask into the directory and the mask. */
    USHORT n = nt.Length / 2, cut = n;
    while (cut > 0 && nt.Buffer[cut - 1] != '\\') cut--;
    WCHAR mask[MAX_PATH];
    USHORT m = 0;
    BOOL star_dot_star = n - cut == 3 && nt.Buffer[cut] == '*' && nt.Buffer[cut + 1] == '.' && nt.Buffer[cut + 2] == '*';
    for (USHORT i = cut; i < n && m < MAX_PATH - 1; i++) {
        WCHAR c = nt.Buffer[i], next = i + 1 < n ? nt.Buffer[i + 1] : 0;
        if (star_dot_star) { mask[m++] = '*'; break; }
        if (c == '?') c = '>';
        else if (c == '.' && (next == '?' || next == '*' || next == 0)) c = '"';
        else if (c == '*' && next == '.') c = '<';
        mask[m++] = c;
    }
    if (cut == n) {                             /* "dir\" lists nothing: Windows gives ERROR_FILE_NOT_FOUND */
        RtlFreeUnicodeString(&nt);
        SetLastError(ERROR_FILE_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    nt.Length = (USHORT)((cut > 7 ? cut - 1 : cut) * 2);   /* keep the '\' of a root (\??\C:\) */
    FIND *f = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, sizeof(FIND));
    if (f == NULL) { RtlFreeUnicodeString(&nt); SetLastError(ERROR_NOT_ENOUGH_MEMORY); return INVALID_HANDLE_VALUE; }
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtOpenFile(&f->Directory, FILE_LIST_DIRECTORY | SYNCHRONIZE, &oa, &iosb,
                                 FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                 FILE_DIRECTORY_FILE_ | FILE_SYNCHRONOUS_IO_NONALERT_ | FILE_OPEN_FOR_BACKUP_INTENT_);
    RtlFreeUnicodeString(&nt);
    if (!NT_SUCCESS(status)) {
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, f);
        BaseSetLastNTError(status == (NTSTATUS)0xC0000034 ? (NTSTATUS)0xC000003A : status);  /* the folder: a path */
        return INVALID_HANDLE_VALUE;
    }
    f->Magic = FIND_MAGIC;
    f->Offset = f->Valid = 0;
    UNICODE_STRING um = {(USHORT)(m * 2), (USHORT)(m * 2), mask};
    status = Next(f, &um, out, TRUE);
    if (!NT_SUCCESS(status)) {
        NtClose(f->Directory);
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, f);
        SetLastError(status == STATUS_NO_MORE_FILES_ || status == STATUS_NO_SUCH_FILE_ ? ERROR_FILE_NOT_FOUND
                     : RtlNtStatusToDosError(status));
        return INVALID_HANDLE_VALUE;
    }
    if (level == FindExInfoBasic) ((WIN32_FIND_DATAW *)out)->cAlternateFileName[0] = 0;
    return f;
}

KBAPI HANDLE WINAPI FindFirstFileW(LPCWSTR pattern, LPWIN32_FIND_DATAW data)
{
    return FindFirstFileExW(pattern, FindExInfoStandard, data, FindExSearchNameMatch, NULL, 0);
}

KBAPI BOOL WINAPI FindNextFileW(HANDLE h, LPWIN32_FIND_DATAW data)
{
    FIND *f = h;
    if (h == NULL || h == INVALID_HANDLE_VALUE || f->Magic != FIND_MAGIC) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    NTSTATUS status = Next(f, NULL, data, FALSE);
    if (status == STATUS_NO_MORE_FILES_) {
        SetLastError(ERROR_NO_MORE_FILES);
        return FALSE;
    }
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI FindClose(HANDLE h)
{
    FIND *f = h;
    if (h == NULL || h == INVALID_HANDLE_VALUE || f->Magic != FIND_MAGIC) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    f->Magic = 0;
    NtClose(f->Directory);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, f);
    return TRUE;
}

static void ToAnsi(const WIN32_FIND_DATAW *w, WIN32_FIND_DATAA *a)
{
    memcpy(a, w, offsetof(WIN32_FIND_DATAA, cFileName));
    WideCharToMultiByte(CP_ACP, 0, w->cFileName, -1, a->cFileName, MAX_PATH, NULL, NULL);
    WideCharToMultiByte(CP_ACP, 0, w->cAlternateFileName, -1, a->cAlternateFileName, 14, NULL, NULL);
}

KBAPI HANDLE WINAPI FindFirstFileExA(LPCSTR pattern, FINDEX_INFO_LEVELS level, LPVOID out, FINDEX_SEARCH_OPS op,
                                     LPVOID filter, DWORD flags)
{
    WCHAR *w = BaseWideName(pattern);
    if (w == NULL) return INVALID_HANDLE_VALUE;
    WIN32_FIND_DATAW data;
    HANDLE h = FindFirstFileExW(w, level, &data, op, filter, flags);
    DWORD error = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    if (h != INVALID_HANDLE_VALUE) ToAnsi(&data, out);
    SetLastError(error);
    return h;
}

KBAPI HANDLE WINAPI FindFirstFileA(LPCSTR pattern, LPWIN32_FIND_DATAA data)
{
    return FindFirstFileExA(pattern, FindExInfoStandard, data, FindExSearchNameMatch, NULL, 0);
}

KBAPI BOOL WINAPI FindNextFileA(HANDLE h, LPWIN32_FIND_DATAA out)
{
    WIN32_FIND_DATAW data;
    if (!FindNextFileW(h, &data)) return FALSE;
    ToAnsi(&data, out);
    return TRUE;
}

/* A find handle with nothing more to give, for FindFirstStreamW and FindFirstFileNameW (streams.c),
 * whose one answer comes with it; FindClose closes it like the others. */
HANDLE BaseFindExhaustedHandle(void)
{
    FIND *f = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, offsetof(FIND, Buffer));
    if (!f) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return INVALID_HANDLE_VALUE; }
    f->Magic = FIND_MAGIC;
    return f;
}

BOOL BaseFindIsHandle(HANDLE h)
{
    return h != NULL && h != INVALID_HANDLE_VALUE && ((FIND *)h)->Magic == FIND_MAGIC;
}
