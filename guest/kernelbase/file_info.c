/* Family 4 (what a file is and where in it one is): GetFileSize(Ex), SetFilePointer(Ex),
 * SetEndOfFile, FlushFileBuffers, Get/SetFileAttributes(Ex), GetFileInformationByHandle,
 * Get/SetFileTime, GetFinalPathNameByHandle, through the NT information classes. */
#include "kernelbase.h"

#define FileBasicInformation 4
#define FileStandardInformation 5
#define FileInternalInformation 6
#define FileNameInformation 9
#define FilePositionInformation 14
#define FileAllocationInformation 19
#define FileEndOfFileInformation 20
#define FileFsVolumeInformation 1

static FILETIME Ft(LARGE_INTEGER t)
{
    FILETIME f = {t.LowPart, (DWORD)t.HighPart};
    return f;
}

static LARGE_INTEGER Li(const FILETIME *f)
{
    LARGE_INTEGER t;
    t.LowPart = f->dwLowDateTime;
    t.HighPart = (LONG)f->dwHighDateTime;
    return t;
}

typedef struct { LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime; ULONG FileAttributes; } BASIC_INFO;
typedef struct { LARGE_INTEGER AllocationSize, EndOfFile; ULONG NumberOfLinks; BOOLEAN DeletePending, Directory; } STANDARD_INFO;
typedef struct {
    LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime, AllocationSize, EndOfFile;
    ULONG FileAttributes;
} NETWORK_OPEN_INFO;

static BOOL Query(HANDLE h, void *info, ULONG size, ULONG cls)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtQueryInformationFile(h, &iosb, info, size, cls);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

static BOOL Set(HANDLE h, void *info, ULONG size, ULONG cls)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtSetInformationFile(h, &iosb, info, size, cls);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI GetFileSizeEx(HANDLE h, PLARGE_INTEGER size)
{
    STANDARD_INFO info;
    if (!Query(h, &info, sizeof(info), FileStandardInformation))
        return FALSE;
    *size = info.EndOfFile;
    return TRUE;
}

KBAPI DWORD WINAPI GetFileSize(HANDLE h, LPDWORD high)
{
    LARGE_INTEGER size;
    if (!GetFileSizeEx(h, &size))
        return INVALID_FILE_SIZE;
    if (high) *high = (DWORD)size.HighPart;
    if (size.LowPart == INVALID_FILE_SIZE) SetLastError(NO_ERROR);
    return size.LowPart;
}

KBAPI BOOL WINAPI SetFilePointerEx(HANDLE h, LARGE_INTEGER distance, PLARGE_INTEGER new_position, DWORD method)
{
    LARGE_INTEGER position;
    if (method == FILE_BEGIN) {
        position = distance;
    } else if (method == FILE_CURRENT) {
        if (!Query(h, &position, sizeof(position), FilePositionInformation)) return FALSE;
        position.QuadPart += distance.QuadPart;
    } else if (method == FILE_END) {
        STANDARD_INFO info;
        if (!Query(h, &info, sizeof(info), FileStandardInformation)) return FALSE;
        position.QuadPart = info.EndOfFile.QuadPart + distance.QuadPart;
    } else {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (position.QuadPart < 0) {
        SetLastError(ERROR_NEGATIVE_SEEK);
        return FALSE;
    }
    if (!Set(h, &position, sizeof(position), FilePositionInformation))
        return FALSE;
    if (new_position) *new_position = position;
    return TRUE;
}

KBAPI DWORD WINAPI SetFilePointer(HANDLE h, LONG distance, PLONG high, DWORD method)
{
    LARGE_INTEGER d, result;
    d.QuadPart = high ? (LONGLONG)(((ULONGLONG)(ULONG)*high << 32) | (ULONG)distance) : distance;
    if (!SetFilePointerEx(h, d, &result, method))
        return INVALID_SET_FILE_POINTER;
    if (high) *high = result.HighPart;
    if (result.LowPart == INVALID_SET_FILE_POINTER) SetLastError(NO_ERROR);
    return result.LowPart;
}

KBAPI BOOL WINAPI SetEndOfFile(HANDLE h)
{
    LARGE_INTEGER position;
    if (!Query(h, &position, sizeof(position), FilePositionInformation)) return FALSE;
    if (!Set(h, &position, sizeof(position), FileEndOfFileInformation)) return FALSE;
    return Set(h, &position, sizeof(position), FileAllocationInformation);
}

KBAPI BOOL WINAPI FlushFileBuffers(HANDLE h)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtFlushBuffersFile(h, &iosb);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

static BOOL QueryPath(LPCWSTR path, NETWORK_OPEN_INFO *info)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES oa;
    if (!BaseOpenPath(path, &nt, &oa)) return FALSE;
    NTSTATUS status = NtQueryFullAttributesFile(&oa, info);
    RtlFreeUnicodeString(&nt);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI DWORD WINAPI GetFileAttributesW(LPCWSTR path)
{
    NETWORK_OPEN_INFO info;
    return QueryPath(path, &info) ? info.FileAttributes : INVALID_FILE_ATTRIBUTES;
}

KBAPI BOOL WINAPI GetFileAttributesExW(LPCWSTR path, GET_FILEEX_INFO_LEVELS level, LPVOID out)
{
    if (level != GetFileExInfoStandard) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    NETWORK_OPEN_INFO info;
    if (!QueryPath(path, &info)) return FALSE;
    WIN32_FILE_ATTRIBUTE_DATA *data = out;
    data->dwFileAttributes = info.FileAttributes;
    data->ftCreationTime = Ft(info.CreationTime);
    data->ftLastAccessTime = Ft(info.LastAccessTime);
    data->ftLastWriteTime = Ft(info.LastWriteTime);
    data->nFileSizeHigh = (DWORD)info.EndOfFile.HighPart;
    data->nFileSizeLow = info.EndOfFile.LowPart;
    return TRUE;
}

KBAPI BOOL WINAPI SetFileAttributesW(LPCWSTR path, DWORD attributes)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES oa;
    if (!BaseOpenPath(path, &nt, &oa)) return FALSE;
    IO_STATUS_BLOCK iosb;
    HANDLE h = NULL;
    NTSTATUS status = NtOpenFile(&h, FILE_WRITE_ATTRIBUTES | SYNCHRONIZE, &oa, &iosb, FILE_SHARE_READ | FILE_SHARE_WRITE
                                 | FILE_SHARE_DELETE, FILE_SYNCHRONOUS_IO_NONALERT_ | FILE_OPEN_FOR_BACKUP_INTENT_);
    RtlFreeUnicodeString(&nt);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    BASIC_INFO info;
    memset(&info, 0, sizeof(info));
    info.FileAttributes = attributes ? attributes : FILE_ATTRIBUTE_NORMAL;
    BOOL ok = Set(h, &info, sizeof(info), FileBasicInformation);
    NtClose(h);
    return ok;
}

KBAPI BOOL WINAPI GetFileInformationByHandle(HANDLE h, LPBY_HANDLE_FILE_INFORMATION out)
{
    BASIC_INFO basic;
    STANDARD_INFO standard;
    LARGE_INTEGER index;
    BYTE volume[64];
    IO_STATUS_BLOCK iosb;
    if (!Query(h, &basic, sizeof(basic), FileBasicInformation) || !Query(h, &standard, sizeof(standard),
        FileStandardInformation) || !Query(h, &index, sizeof(index), FileInternalInformation))
        return FALSE;
    NTSTATUS status = NtQueryVolumeInformationFile(h, &iosb, volume, sizeof(volume), FileFsVolumeInformation);
    if (!NT_SUCCESS(status) && status != (NTSTATUS)0x80000005 /* STATUS_BUFFER_OVERFLOW */)
        return BaseFail(status);
    out->dwFileAttributes = basic.FileAttributes;
    out->ftCreationTime = Ft(basic.CreationTime);
    out->ftLastAccessTime = Ft(basic.LastAccessTime);
    out->ftLastWriteTime = Ft(basic.LastWriteTime);
    out->dwVolumeSerialNumber = *(ULONG *)(volume + 8);     /* FILE_FS_VOLUME_INFORMATION.VolumeSerialNumber */
    out->nFileSizeHigh = (DWORD)standard.EndOfFile.HighPart;
    out->nFileSizeLow = standard.EndOfFile.LowPart;
    out->nNumberOfLinks = standard.NumberOfLinks;
    out->nFileIndexHigh = (DWORD)index.HighPart;
    out->nFileIndexLow = index.LowPart;
    return TRUE;
}

KBAPI BOOL WINAPI GetFileTime(HANDLE h, LPFILETIME creation, LPFILETIME access, LPFILETIME write)
{
    BASIC_INFO basic;
    if (!Query(h, &basic, sizeof(basic), FileBasicInformation)) return FALSE;
    if (creation) *creation = Ft(basic.CreationTime);
    if (access) *access = Ft(basic.LastAccessTime);
    if (write) *write = Ft(basic.LastWriteTime);
    return TRUE;
}

/* A NULL time is left as it is (0 in FILE_BASIC_INFORMATION). */
KBAPI BOOL WINAPI SetFileTime(HANDLE h, const FILETIME *creation, const FILETIME *access, const FILETIME *write)
{
    BASIC_INFO basic;
    memset(&basic, 0, sizeof(basic));
    if (creation) basic.CreationTime = Li(creation);
    if (access) basic.LastAccessTime = Li(access);
    if (write) basic.LastWriteTime = Li(write);
    return Set(h, &basic, sizeof(basic), FileBasicInformation);
}

/* VOLUME_NAME_DOS: \\?\C:\path (the only volume is C:). */
KBAPI DWORD WINAPI GetFinalPathNameByHandleW(HANDLE h, LPWSTR out, DWORD size, DWORD flags)
{
    if (flags & ~(DWORD)(FILE_NAME_OPENED | VOLUME_NAME_NT | VOLUME_NAME_NONE | VOLUME_NAME_GUID)
        || (flags & (VOLUME_NAME_NONE | VOLUME_NAME_GUID | VOLUME_NAME_NT)) == VOLUME_NAME_GUID) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    BYTE buffer[8 + MAX_PATH * 8];
    if (!Query(h, buffer, sizeof(buffer), FileNameInformation)) return 0;
    ULONG bytes = *(ULONG *)buffer;
    const WCHAR *prefix = (flags & VOLUME_NAME_NT) ? L"\\Device\\HarddiskVolume1"
                        : (flags & VOLUME_NAME_NONE) ? L"" : L"\\\\?\\C:";
    DWORD p = (DWORD)wcslen(prefix), len = p + bytes / 2;
    if (len + 1 > size) return len + 1;
    memcpy(out, prefix, p * 2);
    memcpy(out + p, buffer + 4, bytes);
    out[len] = 0;
    return len;
}

#define ANSI_PATH(call, fail) WCHAR *w = BaseWideName(path); \
    if (w == NULL) { return fail; } \
    __typeof__(call) r_ = call; \
    DWORD e_ = GetLastError(); \
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w); \
    SetLastError(e_); \
    return r_

KBAPI DWORD WINAPI GetFileAttributesA(LPCSTR path) { ANSI_PATH(GetFileAttributesW(w), INVALID_FILE_ATTRIBUTES); }
KBAPI BOOL WINAPI SetFileAttributesA(LPCSTR path, DWORD attributes) { ANSI_PATH(SetFileAttributesW(w, attributes), FALSE); }
KBAPI BOOL WINAPI GetFileAttributesExA(LPCSTR path, GET_FILEEX_INFO_LEVELS level, LPVOID out)
{
    ANSI_PATH(GetFileAttributesExW(w, level, out), FALSE);
}
