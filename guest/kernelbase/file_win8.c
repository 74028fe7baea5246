/* The file calls of Windows 8 and later that the C++ runtimes' filesystem code imports, and their
 * neighbours: CreateFile2 and CopyFile2 (over CreateFileW and CopyFileExW, CopyFile2 answering in
 * an HRESULT), the ANSI/OEM switch of the file APIs (AreFileApisANSI, SetFileApisToANSI/OEM, which
 * BaseWideName honours), the volume of a path (GetVolumePathName: the machine has the one volume
 * C:, named \\?\Volume{...}\ as the object namespace links it), SetFileValidData (the standard
 * user lacks SE_MANAGE_VOLUME_NAME), GetDynamicTimeZoneInformation (UTC) and GetBinaryType. */
#include "kernelbase.h"

/* The volume's GUID name; kernel/io/iomgr.py links \??\Volume{...} to the same device. */
#define BASE_VOLUME_NAME L"\\\\?\\Volume{6e6f6e6d-696e-6900-0000-000000000001}\\"

BOOL BaseFileApisOem;                           /* SetFileApisToOEM was called */

KBAPI BOOL WINAPI AreFileApisANSI(void) { return !BaseFileApisOem; }
KBAPI void WINAPI SetFileApisToANSI(void) { BaseFileApisOem = FALSE; }
KBAPI void WINAPI SetFileApisToOEM(void) { BaseFileApisOem = TRUE; }

KBAPI HANDLE WINAPI CreateFile2(LPCWSTR name, DWORD access, DWORD share, DWORD disposition,
                                LPCREATEFILE2_EXTENDED_PARAMETERS params)
{
    DWORD flags = 0;
    LPSECURITY_ATTRIBUTES sa = NULL;
    HANDLE template = NULL;
    if (params) {
        if (params->dwSize != sizeof(*params)) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return INVALID_HANDLE_VALUE;
        }
        flags = params->dwFileAttributes | params->dwFileFlags | params->dwSecurityQosFlags;
        sa = params->lpSecurityAttributes;
        template = params->hTemplateFile;
    }
    return CreateFileW(name, access, share, sa, disposition, flags, template);
}

KBAPI HRESULT WINAPI CopyFile2(PCWSTR from, PCWSTR to, COPYFILE2_EXTENDED_PARAMETERS *params)
{
    DWORD flags = 0;
    BOOL *cancel = NULL;
    if (params) {
        if (params->dwSize != sizeof(*params))
            return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        flags = params->dwCopyFlags;
        cancel = params->pfCancel;
    }
    if (CopyFileExW(from, to, NULL, NULL, cancel, flags))
        return S_OK;
    return HRESULT_FROM_WIN32(GetLastError());
}

/* The root of the volume a path is on: "C:\" for the machine's every local path, "\\server\share\"
 * for a UNC path. */
KBAPI BOOL WINAPI GetVolumePathNameW(LPCWSTR name, LPWSTR out, DWORD length)
{
    WCHAR full[MAX_PATH * 2];
    if (name == NULL || out == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    DWORD n = GetFullPathNameW(name, MAX_PATH * 2, full, NULL);
    if (n == 0 || n >= MAX_PATH * 2)
        return FALSE;
    const WCHAR *p = full;
    if (p[0] == L'\\' && p[1] == L'\\' && (p[2] == L'?' || p[2] == L'.') && p[3] == L'\\')
        p += 4;
    WCHAR root[MAX_PATH];
    DWORD r = 0;
    if (p[0] && p[1] == L':') {
        root[r++] = p[0] >= L'a' && p[0] <= L'z' ? (WCHAR)(p[0] - 32) : p[0];
        root[r++] = L':';
        root[r++] = L'\\';
    } else if (p[0] == L'\\' && p[1] == L'\\') {
        int slashes = 0;
        for (; *p && r < MAX_PATH - 2; p++) {
            if (*p == L'\\' && ++slashes == 4)
                break;
            root[r++] = *p;
        }
        root[r++] = L'\\';
    } else {
        SetLastError(ERROR_INVALID_NAME);
        return FALSE;
    }
    root[r] = 0;
    if (r + 1 > length) {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return FALSE;
    }
    memcpy(out, root, (r + 1) * sizeof(WCHAR));
    return TRUE;
}

KBAPI BOOL WINAPI GetVolumePathNameA(LPCSTR name, LPSTR out, DWORD length)
{
    WCHAR wide[MAX_PATH];
    WCHAR *w = BaseWideName(name);
    if (w == NULL)
        return FALSE;
    BOOL ok = GetVolumePathNameW(w, wide, MAX_PATH);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    if (!ok)
        return FALSE;
    if ((DWORD)lstrlenW(wide) + 1 > length) {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return FALSE;
    }
    WideCharToMultiByte(CP_ACP, 0, wide, -1, out, (int)length, NULL, NULL);
    return TRUE;
}

/* Only a volume's root ("C:\", with the backslash) is a mount point. */
KBAPI BOOL WINAPI GetVolumeNameForVolumeMountPointW(LPCWSTR mount, LPWSTR out, DWORD length)
{
    if (mount == NULL || out == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!((mount[0] | 32) == L'c' && mount[1] == L':' && mount[2] == L'\\' && mount[3] == 0)) {
        BOOL drive = mount[0] && mount[1] == L':' && (mount[2] == 0 || (mount[2] == L'\\' && mount[3] == 0));
        SetLastError(drive && (mount[0] | 32) != L'c' ? ERROR_FILE_NOT_FOUND
                     : mount[2] == 0 && mount[1] == L':' ? ERROR_INVALID_NAME : ERROR_NOT_A_REPARSE_POINT);
        return FALSE;
    }
    DWORD n = (DWORD)lstrlenW(BASE_VOLUME_NAME) + 1;
    if (length < n) {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return FALSE;
    }
    memcpy(out, BASE_VOLUME_NAME, n * sizeof(WCHAR));
    return TRUE;
}

/* The mount points of a volume: "C:\" and the list's second terminator. */
KBAPI BOOL WINAPI GetVolumePathNamesForVolumeNameW(LPCWSTR volume, LPWCH out, DWORD length, PDWORD returned)
{
    if (volume == NULL || returned == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (CompareStringOrdinal(volume, -1, BASE_VOLUME_NAME, -1, TRUE) != CSTR_EQUAL) {
        SetLastError(ERROR_INVALID_NAME);
        return FALSE;
    }
    static const WCHAR names[] = L"C:\\\0";
    *returned = 5;
    if (out == NULL || length < 5) {
        SetLastError(ERROR_MORE_DATA);
        return FALSE;
    }
    memcpy(out, names, sizeof(names));
    return TRUE;
}

KBAPI BOOL WINAPI SetFileValidData(HANDLE file, LONGLONG length)
{
    (void)file; (void)length;
    SetLastError(ERROR_PRIVILEGE_NOT_HELD);
    return FALSE;
}

KBAPI DWORD WINAPI GetDynamicTimeZoneInformation(PDYNAMIC_TIME_ZONE_INFORMATION tz)
{
    if (tz == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return TIME_ZONE_ID_INVALID;
    }
    memset(tz, 0, sizeof(*tz));
    DWORD id = GetTimeZoneInformation((LPTIME_ZONE_INFORMATION)tz);
    lstrcpyW(tz->TimeZoneKeyName, L"UTC");
    tz->DynamicDaylightTimeDisabled = FALSE;
    return id;
}

/* An executable's kind from its headers: a PE's machine (SCS_64BIT_BINARY for AMD64 and ARM64,
 * SCS_32BIT_BINARY for i386), a plain MZ image SCS_DOS_BINARY, a .com file SCS_DOS_BINARY... or
 * ERROR_BAD_EXE_FORMAT. */
KBAPI BOOL WINAPI GetBinaryTypeW(LPCWSTR name, LPDWORD type)
{
    if (name == NULL || type == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    HANDLE h = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return FALSE;
    BYTE head[0x40];
    DWORD got = 0;
    BOOL ok = ReadFile(h, head, sizeof(head), &got, NULL);
    DWORD result = (DWORD)-1;
    if (ok && got >= 0x40 && head[0] == 'M' && head[1] == 'Z') {
        LONG at = *(LONG *)(head + 0x3C);
        BYTE pe[6];
        DWORD pe_got = 0;
        LARGE_INTEGER offset = {.QuadPart = at};
        result = SCS_DOS_BINARY;
        if (at > 0 && SetFilePointerEx(h, offset, NULL, FILE_BEGIN) && ReadFile(h, pe, sizeof(pe), &pe_got, NULL) &&
            pe_got == sizeof(pe)) {
            WORD machine = *(WORD *)(pe + 4);
            if (pe[0] == 'P' && pe[1] == 'E' && pe[2] == 0 && pe[3] == 0)
                result = machine == IMAGE_FILE_MACHINE_I386 ? SCS_32BIT_BINARY
                       : machine == IMAGE_FILE_MACHINE_AMD64 || machine == IMAGE_FILE_MACHINE_ARM64 ? SCS_64BIT_BINARY
                       : (DWORD)-1;
            else if (pe[0] == 'N' && pe[1] == 'E')
                result = SCS_WOW_BINARY;
            else if (pe[0] == 'L' && pe[1] == 'E')
                result = SCS_OS216_BINARY;
        }
    } else if (ok) {
        int n = lstrlenW(name);
        if (n > 4 && CompareStringOrdinal(name + n - 4, 4, L".com", 4, TRUE) == CSTR_EQUAL)
            result = SCS_DOS_BINARY;
        else if (n > 4 && CompareStringOrdinal(name + n - 4, 4, L".pif", 4, TRUE) == CSTR_EQUAL)
            result = SCS_PIF_BINARY;
    }
    CloseHandle(h);
    if (result == (DWORD)-1) {
        SetLastError(ERROR_BAD_EXE_FORMAT);
        return FALSE;
    }
    *type = result;
    return TRUE;
}

KBAPI BOOL WINAPI GetBinaryTypeA(LPCSTR name, LPDWORD type)
{
    WCHAR *w = BaseWideName(name);
    if (w == NULL)
        return FALSE;
    BOOL ok = GetBinaryTypeW(w, type);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    return ok;
}
