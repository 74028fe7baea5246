/* The profile folders that belong to no one account: GetProfilesDirectoryW/A (ProfilesDirectory),
 * GetDefaultUserProfileDirectoryW/A (Default) and GetAllUsersProfileDirectoryW/A (ProgramData),
 * each the expanded REG_EXPAND_SZ value under the registry's ProfileList key. A missing size
 * pointer is ERROR_INVALID_PARAMETER; a short buffer gets the length with the terminator in *size
 * and ERROR_INSUFFICIENT_BUFFER. */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#define PROFILE_LIST L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList"

static BOOL Folder(LPCWSTR value, WCHAR *path)
{
    WCHAR raw[MAX_PATH];
    DWORD size = sizeof(raw);
    LSTATUS status = RegGetValueW(HKEY_LOCAL_MACHINE, PROFILE_LIST, value, RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ |
                                  RRF_NOEXPAND, NULL, raw, &size);
    if (status != ERROR_SUCCESS) {
        SetLastError((DWORD)status);
        return FALSE;
    }
    DWORD n = ExpandEnvironmentStringsW(raw, path, MAX_PATH);
    if (n == 0 || n > MAX_PATH) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    return TRUE;
}

static BOOL CopyW(LPCWSTR value, LPWSTR out, LPDWORD size)
{
    WCHAR path[MAX_PATH];
    if (size == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!Folder(value, path))
        return FALSE;
    DWORD need = (DWORD)lstrlenW(path) + 1;
    if (out == NULL || *size < need) {
        *size = need;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    lstrcpyW(out, path);
    *size = need;
    return TRUE;
}

static BOOL CopyA(LPCWSTR value, LPSTR out, LPDWORD size)
{
    WCHAR path[MAX_PATH];
    if (size == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!Folder(value, path))
        return FALSE;
    DWORD need = (DWORD)WideCharToMultiByte(CP_ACP, 0, path, -1, NULL, 0, NULL, NULL);
    if (out == NULL || *size < need) {
        *size = need;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    WideCharToMultiByte(CP_ACP, 0, path, -1, out, (int)*size, NULL, NULL);
    *size = need;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetProfilesDirectoryW(LPWSTR dir, LPDWORD size) { return CopyW(L"ProfilesDirectory", dir, size); }
__declspec(dllexport) BOOL WINAPI GetProfilesDirectoryA(LPSTR dir, LPDWORD size) { return CopyA(L"ProfilesDirectory", dir, size); }
__declspec(dllexport) BOOL WINAPI GetDefaultUserProfileDirectoryW(LPWSTR dir, LPDWORD size) { return CopyW(L"Default", dir, size); }
__declspec(dllexport) BOOL WINAPI GetDefaultUserProfileDirectoryA(LPSTR dir, LPDWORD size) { return CopyA(L"Default", dir, size); }
__declspec(dllexport) BOOL WINAPI GetAllUsersProfileDirectoryW(LPWSTR dir, LPDWORD size) { return CopyW(L"ProgramData", dir, size); }
__declspec(dllexport) BOOL WINAPI GetAllUsersProfileDirectoryA(LPSTR dir, LPDWORD size) { return CopyA(L"ProgramData", dir, size); }
