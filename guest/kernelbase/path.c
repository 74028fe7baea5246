/* Family 4 (paths and volumes): GetFullPathName, Get/SetCurrentDirectory, GetTempPath,
 * GetTempFileName, GetSystem/WindowsDirectory, GetLongPathName/GetShortPathName (no 8.3 names:
 * the long name), GetDriveType, GetLogicalDrives(Strings), GetDiskFreeSpace(Ex),
 * GetVolumeInformation. The guest has one volume, C:. */
#include "kernelbase.h"

#define FileFsVolumeInformation 1
#define FileFsSizeInformation 3
#define FileFsAttributeInformation 5

/* A string result by the Win32 rules: the length on success, the size needed (NUL included) when
 * the buffer is too small. */
static DWORD Answer(const WCHAR *s, DWORD n, LPWSTR out, DWORD size)
{
    if (n + 1 > size) return n + 1;
    memcpy(out, s, n * 2);
    out[n] = 0;
    return n;
}

static DWORD AnswerA(const WCHAR *s, DWORD n, LPSTR out, DWORD size)
{
    int bytes = WideCharToMultiByte(CP_ACP, 0, s, (int)n, NULL, 0, NULL, NULL);
    if ((DWORD)bytes + 1 > size) return (DWORD)bytes + 1;
    WideCharToMultiByte(CP_ACP, 0, s, (int)n, out, bytes, NULL, NULL);
    out[bytes] = 0;
    return (DWORD)bytes;
}

KBAPI DWORD WINAPI GetFullPathNameW(LPCWSTR name, DWORD size, LPWSTR out, LPWSTR *file_part)
{
    if (name == NULL || name[0] == 0) { SetLastError(ERROR_INVALID_NAME); return 0; }
    ULONG bytes = RtlGetFullPathName_U(name, size > 0x7FFF ? 0xFFFE : size * 2, out, file_part);
    if (bytes == 0) { SetLastError(ERROR_INVALID_NAME); return 0; }
    return bytes / 2;                           /* a length, or the size needed with its NUL */
}

KBAPI DWORD WINAPI GetFullPathNameA(LPCSTR name, DWORD size, LPSTR out, LPSTR *file_part)
{
    WCHAR *w = BaseWideName(name), full[MAX_PATH * 2];
    if (w == NULL) return 0;
    DWORD n = GetFullPathNameW(w, MAX_PATH * 2, full, NULL);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    if (n == 0 || n >= MAX_PATH * 2) return n;
    DWORD r = AnswerA(full, n, out, size);
    if (file_part && r < size) {
        *file_part = NULL;
        if (r && out[r - 1] != '\\') {
            DWORD k = r;
            while (k > 0 && out[k - 1] != '\\') k--;
            *file_part = out + k;
        }
    }
    return r;
}

KBAPI DWORD WINAPI GetCurrentDirectoryW(DWORD size, LPWSTR out)
{
    return RtlGetCurrentDirectory_U(size > 0x7FFF ? 0xFFFE : size * 2, out) / 2;
}

KBAPI DWORD WINAPI GetCurrentDirectoryA(DWORD size, LPSTR out)
{
    WCHAR w[MAX_PATH + 1];
    DWORD n = GetCurrentDirectoryW(MAX_PATH + 1, w);
    return n > MAX_PATH ? n : AnswerA(w, n, out, size);
}

KBAPI BOOL WINAPI SetCurrentDirectoryW(LPCWSTR path)
{
    if (path == NULL || path[0] == 0) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    UNICODE_STRING us;
    RtlInitUnicodeString(&us, path);
    NTSTATUS status = RtlSetCurrentDirectory_U(&us);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI SetCurrentDirectoryA(LPCSTR path)
{
    WCHAR *w = BaseWideName(path);
    if (w == NULL) return FALSE;
    BOOL ok = SetCurrentDirectoryW(w);
    DWORD error = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    SetLastError(error);
    return ok;
}

KBAPI UINT WINAPI GetWindowsDirectoryW(LPWSTR out, UINT size) { return Answer(L"C:\\Windows", 10, out, size); }
KBAPI UINT WINAPI GetSystemWindowsDirectoryW(LPWSTR out, UINT size) { return Answer(L"C:\\Windows", 10, out, size); }
KBAPI UINT WINAPI GetSystemDirectoryW(LPWSTR out, UINT size) { return Answer(L"C:\\Windows\\system32", 19, out, size); }
KBAPI UINT WINAPI GetWindowsDirectoryA(LPSTR out, UINT size) { return AnswerA(L"C:\\Windows", 10, out, size); }
KBAPI UINT WINAPI GetSystemWindowsDirectoryA(LPSTR out, UINT size) { return AnswerA(L"C:\\Windows", 10, out, size); }
KBAPI UINT WINAPI GetSystemDirectoryA(LPSTR out, UINT size) { return AnswerA(L"C:\\Windows\\system32", 19, out, size); }

/* TMP, then TEMP, then USERPROFILE, then the Windows folder; always with a final '\'. */
KBAPI DWORD WINAPI GetTempPathW(DWORD size, LPWSTR out)
{
    WCHAR path[MAX_PATH + 2];
    static const WCHAR *const names[] = {L"TMP", L"TEMP", L"USERPROFILE"};
    DWORD n = 0;
    for (int i = 0; i < 3 && n == 0; i++) {
        n = GetEnvironmentVariableW(names[i], path, MAX_PATH);
        if (n >= MAX_PATH) n = 0;
    }
    WCHAR full[MAX_PATH + 2];
    n = n ? GetFullPathNameW(path, MAX_PATH, full, NULL) : GetWindowsDirectoryW(full, MAX_PATH);
    if (n == 0 || n >= MAX_PATH) { n = GetWindowsDirectoryW(full, MAX_PATH); }
    if (full[n - 1] != '\\') { full[n++] = '\\'; full[n] = 0; }
    return Answer(full, n, out, size);
}

KBAPI DWORD WINAPI GetTempPathA(DWORD size, LPSTR out)
{
    WCHAR w[MAX_PATH + 2];
    DWORD n = GetTempPathW(MAX_PATH + 2, w);
    return AnswerA(w, n, out, size);
}

/* PATH\PRE<hex>.TMP: with unique 0, numbers are tried from the tick count until a new file can
 * be created; otherwise the name is only made. Returns the number used. */
KBAPI UINT WINAPI GetTempFileNameW(LPCWSTR dir, LPCWSTR prefix, UINT unique, LPWSTR out)
{
    if (dir == NULL || prefix == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    DWORD n = (DWORD)wcslen(dir);
    if (n + 15 >= MAX_PATH) { SetLastError(ERROR_BUFFER_OVERFLOW); return 0; }
    UINT number = unique ? unique & 0xFFFF : (GetTickCount() & 0xFFFF);
    if (number == 0) number = 1;
    for (UINT tries = 0; tries < 0x10000; tries++) {
        DWORD k = n;
        memcpy(out, dir, n * 2);
        if (k && out[k - 1] != '\\') out[k++] = '\\';
        for (int i = 0; i < 3 && prefix[i]; i++) out[k++] = prefix[i];
        for (int shift = 12; shift >= 0; shift -= 4) out[k++] = L"0123456789ABCDEF"[(number >> shift) & 0xF];
        memcpy(out + k, L".tmp", 10);
        if (unique) return unique;
        HANDLE h = CreateFileW(out, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
        if (h != INVALID_HANDLE_VALUE) { CloseHandle(h); return number; }
        if (GetLastError() != ERROR_FILE_EXISTS && GetLastError() != ERROR_ALREADY_EXISTS) return 0;
        number = (number + 1) & 0xFFFF;
        if (number == 0) number = 1;
    }
    SetLastError(ERROR_FILE_EXISTS);
    return 0;
}

KBAPI UINT WINAPI GetTempFileNameA(LPCSTR dir, LPCSTR prefix, UINT unique, LPSTR out)
{
    WCHAR *wd = BaseWideName(dir), *wp = wd ? BaseWideName(prefix) : NULL, w[MAX_PATH];
    UINT r = wp ? GetTempFileNameW(wd, wp, unique, w) : 0;
    DWORD error = GetLastError();
    if (r) WideCharToMultiByte(CP_ACP, 0, w, -1, out, MAX_PATH, NULL, NULL);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wd);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wp);
    SetLastError(error);
    return r;
}

/* There are no 8.3 names: both give the full name of what exists. */
KBAPI DWORD WINAPI GetLongPathNameW(LPCWSTR path, LPWSTR out, DWORD size)
{
    if (path == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES) return 0;
    return Answer(path, (DWORD)wcslen(path), out, size);
}

KBAPI DWORD WINAPI GetShortPathNameW(LPCWSTR path, LPWSTR out, DWORD size)
{
    return GetLongPathNameW(path, out, size);
}

static BOOL IsDriveC(LPCWSTR root)
{
    if (root == NULL) return TRUE;              /* the current directory's drive */
    return (root[0] == 'C' || root[0] == 'c') && root[1] == ':' && (root[2] == 0 || (root[2] == '\\' && root[3] == 0));
}

KBAPI UINT WINAPI GetDriveTypeW(LPCWSTR root)
{
    return IsDriveC(root) ? DRIVE_FIXED : DRIVE_NO_ROOT_DIR;
}

KBAPI UINT WINAPI GetDriveTypeA(LPCSTR root)
{
    WCHAR w[8] = {0};
    if (root) MultiByteToWideChar(CP_ACP, 0, root, -1, w, 7);
    return GetDriveTypeW(root ? w : NULL);
}

KBAPI DWORD WINAPI GetLogicalDrives(void) { return 1u << 2; }

KBAPI DWORD WINAPI GetLogicalDriveStringsW(DWORD size, LPWSTR out)
{
    if (size < 5) return 5;
    memcpy(out, L"C:\\\0", 10);
    return 4;
}

static HANDLE OpenRoot(LPCWSTR root)
{
    if (!IsDriveC(root)) { SetLastError(ERROR_PATH_NOT_FOUND); return NULL; }
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES oa;
    if (!BaseOpenPath(L"C:\\", &nt, &oa)) return NULL;
    IO_STATUS_BLOCK iosb;
    HANDLE h = NULL;
    NTSTATUS status = NtOpenFile(&h, FILE_READ_ATTRIBUTES | SYNCHRONIZE, &oa, &iosb, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                 FILE_DIRECTORY_FILE_ | FILE_SYNCHRONOUS_IO_NONALERT_ | FILE_OPEN_FOR_BACKUP_INTENT_);
    RtlFreeUnicodeString(&nt);
    if (!NT_SUCCESS(status)) { BaseSetLastNTError(status); return NULL; }
    return h;
}

KBAPI BOOL WINAPI GetDiskFreeSpaceExW(LPCWSTR dir, PULARGE_INTEGER avail, PULARGE_INTEGER total, PULARGE_INTEGER free)
{
    HANDLE h = OpenRoot(dir && dir[0] && dir[1] == ':' ? (WCHAR[]){dir[0], ':', 0} : NULL);
    if (h == NULL) return FALSE;
    struct { LARGE_INTEGER Total, Available; ULONG SectorsPerUnit, BytesPerSector; } info;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtQueryVolumeInformationFile(h, &iosb, &info, sizeof(info), FileFsSizeInformation);
    NtClose(h);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    ULONGLONG unit = (ULONGLONG)info.SectorsPerUnit * info.BytesPerSector;
    if (avail) avail->QuadPart = info.Available.QuadPart * unit;
    if (total) total->QuadPart = info.Total.QuadPart * unit;
    if (free) free->QuadPart = info.Available.QuadPart * unit;
    return TRUE;
}

KBAPI BOOL WINAPI GetDiskFreeSpaceW(LPCWSTR root, LPDWORD sectors_per_cluster, LPDWORD bytes_per_sector,
                                    LPDWORD free_clusters, LPDWORD total_clusters)
{
    HANDLE h = OpenRoot(root);
    if (h == NULL) return FALSE;
    struct { LARGE_INTEGER Total, Available; ULONG SectorsPerUnit, BytesPerSector; } info;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtQueryVolumeInformationFile(h, &iosb, &info, sizeof(info), FileFsSizeInformation);
    NtClose(h);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    if (sectors_per_cluster) *sectors_per_cluster = info.SectorsPerUnit;
    if (bytes_per_sector) *bytes_per_sector = info.BytesPerSector;
    if (free_clusters) *free_clusters = info.Available.QuadPart > 0xFFFFFFFF ? 0xFFFFFFFF : info.Available.LowPart;
    if (total_clusters) *total_clusters = info.Total.QuadPart > 0xFFFFFFFF ? 0xFFFFFFFF : info.Total.LowPart;
    return TRUE;
}

/* The volume of any open file or folder: FileFsVolumeInformation and FileFsAttributeInformation
 * as GetVolumeInformation(ByHandle)W give them. */
static BOOL VolumeInformation(HANDLE h, LPWSTR label, DWORD label_size, LPDWORD serial, LPDWORD max_component,
                              LPDWORD fs_flags, LPWSTR fs_name, DWORD fs_name_size)
{
    BYTE volume[256], attribute[256];
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtQueryVolumeInformationFile(h, &iosb, volume, sizeof(volume), FileFsVolumeInformation);
    if (NT_SUCCESS(status))
        status = NtQueryVolumeInformationFile(h, &iosb, attribute, sizeof(attribute), FileFsAttributeInformation);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    if (serial) *serial = *(ULONG *)(volume + 8);
    if (label && label_size) {
        ULONG n = *(ULONG *)(volume + 12) / 2;                  /* VolumeLabelLength, VolumeLabel at 18 */
        if (n + 1 > label_size) { SetLastError(ERROR_BAD_LENGTH); return FALSE; }
        memcpy(label, volume + 18, n * 2);
        label[n] = 0;
    }
    if (fs_flags) *fs_flags = *(ULONG *)attribute;              /* FileSystemAttributes */
    if (max_component) *max_component = *(ULONG *)(attribute + 4);
    if (fs_name && fs_name_size) {
        ULONG n = *(ULONG *)(attribute + 8) / 2;                /* FileSystemNameLength, FileSystemName at 12 */
        if (n + 1 > fs_name_size) { SetLastError(ERROR_BAD_LENGTH); return FALSE; }
        memcpy(fs_name, attribute + 12, n * 2);
        fs_name[n] = 0;
    }
    return TRUE;
}

KBAPI BOOL WINAPI GetVolumeInformationW(LPCWSTR root, LPWSTR label, DWORD label_size, LPDWORD serial,
                                        LPDWORD max_component, LPDWORD fs_flags, LPWSTR fs_name, DWORD fs_name_size)
{
    HANDLE h = OpenRoot(root);
    if (h == NULL) return FALSE;
    BOOL ok = VolumeInformation(h, label, label_size, serial, max_component, fs_flags, fs_name, fs_name_size);
    NtClose(h);
    return ok;
}

/* Go's os and internal/syscall/windows call it on open files (lazily, from kernel32). */
KBAPI BOOL WINAPI GetVolumeInformationByHandleW(HANDLE h, LPWSTR label, DWORD label_size, LPDWORD serial,
                                                LPDWORD max_component, LPDWORD fs_flags, LPWSTR fs_name,
                                                DWORD fs_name_size)
{
    return VolumeInformation(h, label, label_size, serial, max_component, fs_flags, fs_name, fs_name_size);
}
