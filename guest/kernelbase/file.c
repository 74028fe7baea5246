/* Family 4 (opening and naming files): CreateFileA/W (dispositions, share modes, flags and
 * attributes, FILE_FLAG_OVERLAPPED, DELETE_ON_CLOSE, CONIN$/CONOUT$), DeleteFile, CreateDirectory,
 * RemoveDirectory, MoveFile(Ex), CopyFile(Ex)-less CopyFile, over the NT file services. */
#include "kernelbase.h"

#define FileDispositionInformation 13
#define FileRenameInformation 10
#define FileBasicInformation 4
#define STATUS_OBJECT_NAME_COLLISION ((NTSTATUS)0xC0000035)

BOOL BaseOpenPath(LPCWSTR path, UNICODE_STRING *nt, OBJECT_ATTRIBUTES *oa)
{
    nt->Buffer = NULL;
    if (path == NULL || path[0] == 0) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    NTSTATUS status = RtlDosPathNameToNtPathName_U_WithStatus(path, nt, NULL, NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    memset(oa, 0, sizeof(*oa));
    oa->Length = sizeof(*oa);
    oa->ObjectName = nt;
    oa->Attributes = OBJ_CASE_INSENSITIVE_;
    return TRUE;
}

WCHAR *BaseWideName(LPCSTR a)
{
    if (a == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    UINT cp = BaseFileApisOem ? CP_OEMCP : CP_ACP;      /* SetFileApisToOEM (file_win8.c) */
    int n = MultiByteToWideChar(cp, 0, a, -1, NULL, 0);
    WCHAR *w = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)n * 2);
    if (w == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    MultiByteToWideChar(cp, 0, a, -1, w, n);
    return w;
}

static int IsName(LPCWSTR a, LPCWSTR b)
{
    return CompareStringOrdinal(a, -1, b, -1, TRUE) == CSTR_EQUAL;
}

KBAPI HANDLE WINAPI CreateFileW(LPCWSTR name, DWORD access, DWORD share, LPSECURITY_ATTRIBUTES sa, DWORD disposition,
                                DWORD flags, HANDLE template_file)
{
    (void)template_file;
    static const ULONG nt_disposition[] = {0, 2 /* FILE_CREATE */, 5 /* FILE_OVERWRITE_IF */, 1 /* FILE_OPEN */,
                                           3 /* FILE_OPEN_IF */, 4 /* FILE_OVERWRITE */};
    if (disposition < CREATE_NEW || disposition > TRUNCATE_EXISTING) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES oa;
    UNICODE_STRING device;
    /* The DOS device CON is the console's input for GENERIC_READ, its output for GENERIC_WRITE
     * (both at once name nothing: ERROR_FILE_NOT_FOUND from the open of \??\CON below). */
    ULONG dos = name ? RtlIsDosDeviceName_U(name) : 0;
    DWORD rw = access & (GENERIC_READ | GENERIC_WRITE);
    int con = (dos & 0xFFFF) == 6 && (name[(dos >> 16) / 2] | 0x20) == 'c' && (rw == GENERIC_READ || rw == GENERIC_WRITE);
    if (name && (con || IsName(name, L"CONIN$") || IsName(name, L"CONOUT$"))) {
        int in = con ? rw == GENERIC_READ : IsName(name, L"CONIN$");
        RtlInitUnicodeString(&device, in ? L"\\Device\\ConDrv\\CurrentIn" : L"\\Device\\ConDrv\\CurrentOut");
        memset(&oa, 0, sizeof(oa));
        oa.Length = sizeof(oa);
        oa.ObjectName = &device;
        oa.Attributes = OBJ_CASE_INSENSITIVE_;
        nt.Buffer = NULL;
    } else if (!BaseOpenPath(name, &nt, &oa)) {
        return INVALID_HANDLE_VALUE;
    }
    if (sa && sa->bInheritHandle) oa.Attributes |= OBJ_INHERIT;
    if (sa) oa.SecurityDescriptor = sa->lpSecurityDescriptor;
    ULONG options = 0;
    if (!(flags & FILE_FLAG_OVERLAPPED)) options |= FILE_SYNCHRONOUS_IO_NONALERT_;
    if (flags & FILE_FLAG_WRITE_THROUGH) options |= FILE_WRITE_THROUGH_;
    if (flags & FILE_FLAG_NO_BUFFERING) options |= FILE_NO_INTERMEDIATE_BUFFERING_;
    if (flags & FILE_FLAG_RANDOM_ACCESS) options |= FILE_RANDOM_ACCESS_;
    if (flags & FILE_FLAG_SEQUENTIAL_SCAN) options |= FILE_SEQUENTIAL_ONLY_;
    if (flags & FILE_FLAG_DELETE_ON_CLOSE) { options |= FILE_DELETE_ON_CLOSE_; access |= DELETE; }
    if (flags & FILE_FLAG_OPEN_REPARSE_POINT) options |= FILE_OPEN_REPARSE_POINT_;
    if (flags & FILE_FLAG_BACKUP_SEMANTICS) options |= FILE_OPEN_FOR_BACKUP_INTENT_;
    else options |= FILE_NON_DIRECTORY_FILE_;
    if (nt.Buffer == NULL) options &= ~(ULONG)FILE_NON_DIRECTORY_FILE_;
    IO_STATUS_BLOCK iosb = {{0}, 0};
    HANDLE h = NULL;
    NTSTATUS status = NtCreateFile(&h, access | SYNCHRONIZE | FILE_READ_ATTRIBUTES, &oa, &iosb, NULL,
                                   flags & 0x7FA7 /* FILE_ATTRIBUTE_VALID_FLAGS */, share, nt_disposition[disposition],
                                   options, NULL, 0);
    if (nt.Buffer) RtlFreeUnicodeString(&nt);
    if (!NT_SUCCESS(status)) {
        if (status == STATUS_OBJECT_NAME_COLLISION && disposition == CREATE_NEW)
            SetLastError(ERROR_FILE_EXISTS);
        else
            BaseSetLastNTError(status);
        return INVALID_HANDLE_VALUE;
    }
    /* Opening what was there with CREATE_ALWAYS or OPEN_ALWAYS says so. */
    BOOL existed = (disposition == CREATE_ALWAYS && iosb.Information == FILE_OVERWRITTEN_)
                   || (disposition == OPEN_ALWAYS && iosb.Information == FILE_OPENED_);
    SetLastError(existed ? ERROR_ALREADY_EXISTS : NO_ERROR);
    return h;
}

KBAPI HANDLE WINAPI CreateFileA(LPCSTR name, DWORD access, DWORD share, LPSECURITY_ATTRIBUTES sa, DWORD disposition,
                                DWORD flags, HANDLE template_file)
{
    WCHAR *w = BaseWideName(name);
    if (w == NULL) return INVALID_HANDLE_VALUE;
    HANDLE h = CreateFileW(w, access, share, sa, disposition, flags, template_file);
    DWORD error = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    SetLastError(error);
    return h;
}

/* Open a path for deletion or renaming (DELETE, every sharing, not following a reparse point). */
static HANDLE OpenForDelete(LPCWSTR path, ULONG options, ACCESS_MASK extra)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES oa;
    if (!BaseOpenPath(path, &nt, &oa)) return NULL;
    IO_STATUS_BLOCK iosb;
    HANDLE h = NULL;
    NTSTATUS status = NtOpenFile(&h, DELETE | SYNCHRONIZE | FILE_READ_ATTRIBUTES | extra, &oa, &iosb,
                                 FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                 options | FILE_SYNCHRONOUS_IO_NONALERT_ | FILE_OPEN_FOR_BACKUP_INTENT_
                                 | FILE_OPEN_REPARSE_POINT_);
    RtlFreeUnicodeString(&nt);
    if (!NT_SUCCESS(status)) { BaseSetLastNTError(status); return NULL; }
    return h;
}

static BOOL Dispose(HANDLE h)
{
    IO_STATUS_BLOCK iosb;
    BOOLEAN del = TRUE;
    NTSTATUS status = NtSetInformationFile(h, &iosb, &del, sizeof(del), FileDispositionInformation);
    NtClose(h);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI DeleteFileW(LPCWSTR path)
{
    HANDLE h = OpenForDelete(path, FILE_NON_DIRECTORY_FILE_, 0);
    return h ? Dispose(h) : FALSE;
}

KBAPI BOOL WINAPI RemoveDirectoryW(LPCWSTR path)
{
    HANDLE h = OpenForDelete(path, FILE_DIRECTORY_FILE_, 0);
    return h ? Dispose(h) : FALSE;
}

KBAPI BOOL WINAPI CreateDirectoryW(LPCWSTR path, LPSECURITY_ATTRIBUTES sa)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES oa;
    if (!BaseOpenPath(path, &nt, &oa)) return FALSE;
    if (sa) oa.SecurityDescriptor = sa->lpSecurityDescriptor;
    IO_STATUS_BLOCK iosb;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateFile(&h, FILE_LIST_DIRECTORY | SYNCHRONIZE, &oa, &iosb, NULL, FILE_ATTRIBUTE_NORMAL,
                                   FILE_SHARE_READ | FILE_SHARE_WRITE, 2 /* FILE_CREATE */,
                                   FILE_DIRECTORY_FILE_ | FILE_SYNCHRONOUS_IO_NONALERT_ | FILE_OPEN_FOR_BACKUP_INTENT_,
                                   NULL, 0);
    RtlFreeUnicodeString(&nt);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    NtClose(h);
    return TRUE;
}

KBAPI BOOL WINAPI MoveFileExW(LPCWSTR from, LPCWSTR to, DWORD flags)
{
    if (to == NULL) {                           /* MOVEFILE_DELAY_UNTIL_REBOOT's delete: not done */
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    HANDLE h = OpenForDelete(from, 0, 0);
    if (h == NULL) return FALSE;
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES oa;
    if (!BaseOpenPath(to, &nt, &oa)) { NtClose(h); return FALSE; }
    SIZE_T size = 24 + nt.Length;
    BYTE *info = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, size);
    if (info == NULL) { NtClose(h); RtlFreeUnicodeString(&nt); SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    info[0] = (flags & MOVEFILE_REPLACE_EXISTING) != 0;    /* FILE_RENAME_INFORMATION.ReplaceIfExists */
    *(ULONG *)(info + 16) = nt.Length;                      /* .FileNameLength */
    memcpy(info + 20, nt.Buffer, nt.Length);                /* .FileName */
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtSetInformationFile(h, &iosb, info, (ULONG)size, FileRenameInformation);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, info);
    RtlFreeUnicodeString(&nt);
    NtClose(h);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI MoveFileW(LPCWSTR from, LPCWSTR to)
{
    return MoveFileExW(from, to, MOVEFILE_COPY_ALLOWED);
}

/* Copies the data, then the attributes and the last write time. */
KBAPI BOOL WINAPI CopyFileW(LPCWSTR from, LPCWSTR to, BOOL fail_if_exists)
{
    HANDLE src = CreateFileW(from, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_SEQUENTIAL_SCAN, NULL);
    if (src == INVALID_HANDLE_VALUE) return FALSE;
    BY_HANDLE_FILE_INFORMATION info;
    if (!GetFileInformationByHandle(src, &info)) { CloseHandle(src); return FALSE; }
    HANDLE dst = CreateFileW(to, GENERIC_WRITE, 0, NULL, fail_if_exists ? CREATE_NEW : CREATE_ALWAYS,
                             info.dwFileAttributes & ~(DWORD)FILE_ATTRIBUTE_DIRECTORY, NULL);
    if (dst == INVALID_HANDLE_VALUE) { DWORD e = GetLastError(); CloseHandle(src); SetLastError(e); return FALSE; }
    BYTE *buffer = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, 0x10000);
    BOOL ok = buffer != NULL;
    DWORD got = 0, put;
    while (ok && (ok = ReadFile(src, buffer, 0x10000, &got, NULL)) && got)
        ok = WriteFile(dst, buffer, got, &put, NULL) && put == got;
    DWORD error = GetLastError();
    if (ok) ok = SetFileTime(dst, NULL, NULL, &info.ftLastWriteTime);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, buffer);
    CloseHandle(src);
    CloseHandle(dst);
    if (!ok) {
        DeleteFileW(to);
        SetLastError(error);
        return FALSE;
    }
    SetLastError(NO_ERROR);
    return TRUE;
}

/* The ANSI forms: the names in UTF-16, then the W call. */
#define ANSI1(call) WCHAR *w = BaseWideName(path); \
    if (w == NULL) { return FALSE; } \
    BOOL ok = call; \
    DWORD e_ = GetLastError(); \
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w); \
    SetLastError(e_); \
    return ok
#define ANSI2(call) WCHAR *w1 = BaseWideName(a), *w2 = w1 ? BaseWideName(b) : NULL; \
    BOOL ok = FALSE; \
    if (w2) { ok = call; } \
    DWORD e_ = GetLastError(); \
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w1); \
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w2); \
    SetLastError(e_); \
    return ok

KBAPI BOOL WINAPI DeleteFileA(LPCSTR path) { ANSI1(DeleteFileW(w)); }
KBAPI BOOL WINAPI RemoveDirectoryA(LPCSTR path) { ANSI1(RemoveDirectoryW(w)); }
KBAPI BOOL WINAPI CreateDirectoryA(LPCSTR path, LPSECURITY_ATTRIBUTES sa) { ANSI1(CreateDirectoryW(w, sa)); }
KBAPI BOOL WINAPI MoveFileExA(LPCSTR a, LPCSTR b, DWORD flags) { ANSI2(MoveFileExW(w1, w2, flags)); }
KBAPI BOOL WINAPI MoveFileA(LPCSTR a, LPCSTR b) { ANSI2(MoveFileW(w1, w2)); }
KBAPI BOOL WINAPI CopyFileA(LPCSTR a, LPCSTR b, BOOL fail) { ANSI2(CopyFileW(w1, w2, fail)); }
