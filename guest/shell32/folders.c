/* The shell's special folders: every CSIDL and its KNOWNFOLDERID, with the path Windows 10 gives
 * it by default (no folder is redirected here). A path is a template over a few roots: the token's
 * profile, the shared profile folders (ProgramData, Public), the Windows folder and the program
 * folders, each read where Windows keeps it (userenv, the registry); virtual folders (My Computer,
 * Control Panel ...) have no path. */
#define INITGUID
#include "shell32.h"
#include <userenv.h>
#include <knownfolders.h>

enum { R_NONE, R_PROFILE, R_ROAMING, R_LOCAL, R_DATA, R_PUBLIC, R_WINDOWS, R_PF, R_PFX86, R_PROFILES };

typedef struct {
    int Csidl;                  /* -1: a known folder without a CSIDL */
    const GUID *Id;
    BYTE Root;                  /* R_NONE: a virtual folder */
    const WCHAR *Rest;          /* appended to the root, with a backslash */
} FOLDER;

#define SM L"Microsoft\\Windows\\Start Menu"
static const FOLDER Folders[] = {
    {CSIDL_DESKTOP, &FOLDERID_Desktop, R_PROFILE, L"Desktop"},
    {CSIDL_INTERNET, &FOLDERID_InternetFolder, R_NONE, NULL},
    {CSIDL_PROGRAMS, &FOLDERID_Programs, R_ROAMING, SM L"\\Programs"},
    {CSIDL_CONTROLS, &FOLDERID_ControlPanelFolder, R_NONE, NULL},
    {CSIDL_PRINTERS, &FOLDERID_PrintersFolder, R_NONE, NULL},
    {CSIDL_PERSONAL, &FOLDERID_Documents, R_PROFILE, L"Documents"},
    {CSIDL_FAVORITES, &FOLDERID_Favorites, R_PROFILE, L"Favorites"},
    {CSIDL_STARTUP, &FOLDERID_Startup, R_ROAMING, SM L"\\Programs\\Startup"},
    {CSIDL_RECENT, &FOLDERID_Recent, R_ROAMING, L"Microsoft\\Windows\\Recent"},
    {CSIDL_SENDTO, &FOLDERID_SendTo, R_ROAMING, L"Microsoft\\Windows\\SendTo"},
    {CSIDL_BITBUCKET, &FOLDERID_RecycleBinFolder, R_NONE, NULL},
    {CSIDL_STARTMENU, &FOLDERID_StartMenu, R_ROAMING, SM},
    {CSIDL_MYMUSIC, &FOLDERID_Music, R_PROFILE, L"Music"},
    {CSIDL_MYVIDEO, &FOLDERID_Videos, R_PROFILE, L"Videos"},
    {CSIDL_DESKTOPDIRECTORY, &FOLDERID_Desktop, R_PROFILE, L"Desktop"},
    {CSIDL_DRIVES, &FOLDERID_ComputerFolder, R_NONE, NULL},
    {CSIDL_NETWORK, &FOLDERID_NetworkFolder, R_NONE, NULL},
    {CSIDL_NETHOOD, &FOLDERID_NetHood, R_ROAMING, L"Microsoft\\Windows\\Network Shortcuts"},
    {CSIDL_FONTS, &FOLDERID_Fonts, R_WINDOWS, L"Fonts"},
    {CSIDL_TEMPLATES, &FOLDERID_Templates, R_ROAMING, L"Microsoft\\Windows\\Templates"},
    {CSIDL_COMMON_STARTMENU, &FOLDERID_CommonStartMenu, R_DATA, SM},
    {CSIDL_COMMON_PROGRAMS, &FOLDERID_CommonPrograms, R_DATA, SM L"\\Programs"},
    {CSIDL_COMMON_STARTUP, &FOLDERID_CommonStartup, R_DATA, SM L"\\Programs\\Startup"},
    {CSIDL_COMMON_DESKTOPDIRECTORY, &FOLDERID_PublicDesktop, R_PUBLIC, L"Desktop"},
    {CSIDL_APPDATA, &FOLDERID_RoamingAppData, R_ROAMING, NULL},
    {CSIDL_PRINTHOOD, &FOLDERID_PrintHood, R_ROAMING, L"Microsoft\\Windows\\Printer Shortcuts"},
    {CSIDL_LOCAL_APPDATA, &FOLDERID_LocalAppData, R_LOCAL, NULL},
    {CSIDL_COMMON_FAVORITES, &FOLDERID_Favorites, R_PROFILE, L"Favorites"},
    {CSIDL_INTERNET_CACHE, &FOLDERID_InternetCache, R_LOCAL, L"Microsoft\\Windows\\INetCache"},
    {CSIDL_COOKIES, &FOLDERID_Cookies, R_LOCAL, L"Microsoft\\Windows\\INetCookies"},
    {CSIDL_HISTORY, &FOLDERID_History, R_LOCAL, L"Microsoft\\Windows\\History"},
    {CSIDL_COMMON_APPDATA, &FOLDERID_ProgramData, R_DATA, NULL},
    {CSIDL_WINDOWS, &FOLDERID_Windows, R_WINDOWS, NULL},
    {CSIDL_SYSTEM, &FOLDERID_System, R_WINDOWS, L"system32"},
    {CSIDL_PROGRAM_FILES, &FOLDERID_ProgramFiles, R_PF, NULL},
    {CSIDL_MYPICTURES, &FOLDERID_Pictures, R_PROFILE, L"Pictures"},
    {CSIDL_PROFILE, &FOLDERID_Profile, R_PROFILE, NULL},
    {CSIDL_SYSTEMX86, &FOLDERID_SystemX86, R_WINDOWS, L"SysWOW64"},
    {CSIDL_PROGRAM_FILESX86, &FOLDERID_ProgramFilesX86, R_PFX86, NULL},
    {CSIDL_PROGRAM_FILES_COMMON, &FOLDERID_ProgramFilesCommon, R_PF, L"Common Files"},
    {CSIDL_PROGRAM_FILES_COMMONX86, &FOLDERID_ProgramFilesCommonX86, R_PFX86, L"Common Files"},
    {CSIDL_COMMON_TEMPLATES, &FOLDERID_CommonTemplates, R_DATA, L"Microsoft\\Windows\\Templates"},
    {CSIDL_COMMON_DOCUMENTS, &FOLDERID_PublicDocuments, R_PUBLIC, L"Documents"},
    {CSIDL_COMMON_ADMINTOOLS, &FOLDERID_CommonAdminTools, R_DATA, SM L"\\Programs\\Administrative Tools"},
    {CSIDL_ADMINTOOLS, &FOLDERID_AdminTools, R_ROAMING, SM L"\\Programs\\Administrative Tools"},
    {CSIDL_CONNECTIONS, &FOLDERID_ConnectionsFolder, R_NONE, NULL},
    {CSIDL_COMMON_MUSIC, &FOLDERID_PublicMusic, R_PUBLIC, L"Music"},
    {CSIDL_COMMON_PICTURES, &FOLDERID_PublicPictures, R_PUBLIC, L"Pictures"},
    {CSIDL_COMMON_VIDEO, &FOLDERID_PublicVideos, R_PUBLIC, L"Videos"},
    {CSIDL_RESOURCES, &FOLDERID_ResourceDir, R_WINDOWS, L"resources"},
    {CSIDL_CDBURN_AREA, &FOLDERID_CDBurning, R_LOCAL, L"Microsoft\\Windows\\Burn\\Burn"},
    {CSIDL_COMPUTERSNEARME, &FOLDERID_NetworkFolder, R_NONE, NULL},
    {-1, &FOLDERID_Downloads, R_PROFILE, L"Downloads"},
    {-1, &FOLDERID_LocalAppDataLow, R_PROFILE, L"AppData\\LocalLow"},
    {-1, &FOLDERID_SavedGames, R_PROFILE, L"Saved Games"},
    {-1, &FOLDERID_Links, R_PROFILE, L"Links"},
    {-1, &FOLDERID_Contacts, R_PROFILE, L"Contacts"},
    {-1, &FOLDERID_SavedSearches, R_PROFILE, L"Searches"},
    {-1, &FOLDERID_UserProgramFiles, R_LOCAL, L"Programs"},
    {-1, &FOLDERID_UserProfiles, R_PROFILES, NULL},
    {-1, &FOLDERID_Public, R_PUBLIC, NULL},
    {-1, &FOLDERID_PublicDownloads, R_PUBLIC, L"Downloads"},
    {-1, &FOLDERID_ProgramFilesX64, R_PF, NULL},
    {-1, &FOLDERID_ProgramFilesCommonX64, R_PF, L"Common Files"},
};

/* A REG_SZ/REG_EXPAND_SZ value of HKLM, expanded. */
static BOOL MachineValue(LPCWSTR key, LPCWSTR value, WCHAR out[MAX_PATH])
{
    WCHAR raw[MAX_PATH];
    DWORD size = sizeof(raw);
    if (RegGetValueW(HKEY_LOCAL_MACHINE, key, value, RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, NULL,
                     raw, &size) != ERROR_SUCCESS)
        return FALSE;
    DWORD n = ExpandEnvironmentStringsW(raw, out, MAX_PATH);
    return n && n <= MAX_PATH;
}

/* The profile of the token (NULL: the process's; (HANDLE)-1: the Default user's). */
static BOOL Profile(HANDLE token, WCHAR out[MAX_PATH])
{
    DWORD size = MAX_PATH;
    if (token == (HANDLE)-1) return GetDefaultUserProfileDirectoryW(out, &size);
    if (token) return GetUserProfileDirectoryW(token, out, &size);
    HANDLE own;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &own)) return FALSE;
    BOOL ok = GetUserProfileDirectoryW(own, out, &size);
    CloseHandle(own);
    return ok;
}

#define CURRENT_VERSION L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion"
#define PROFILE_LIST L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList"

static HRESULT Resolve(const FOLDER *f, HANDLE token, WCHAR path[MAX_PATH])
{
    BOOL ok = FALSE;
    const WCHAR *sub = NULL;
    switch (f->Root) {
    case R_NONE: return E_FAIL;
    case R_PROFILE: ok = Profile(token, path); break;
    case R_ROAMING: ok = Profile(token, path); sub = L"AppData\\Roaming"; break;
    case R_LOCAL: ok = Profile(token, path); sub = L"AppData\\Local"; break;
    case R_DATA: ok = MachineValue(PROFILE_LIST, L"ProgramData", path); break;
    case R_PUBLIC: ok = MachineValue(PROFILE_LIST, L"Public", path); break;
    case R_PROFILES: ok = MachineValue(PROFILE_LIST, L"ProfilesDirectory", path); break;
    case R_WINDOWS: ok = GetWindowsDirectoryW(path, MAX_PATH) != 0; break;
    case R_PF: ok = MachineValue(CURRENT_VERSION, L"ProgramFilesDir", path); break;
    case R_PFX86: ok = MachineValue(CURRENT_VERSION, L"ProgramFilesDir (x86)", path); break;
    }
    if (!ok) return E_FAIL;
    for (int i = 0; i < 2; i++) {
        const WCHAR *part = i ? f->Rest : sub;
        if (part == NULL) continue;
        int n = lstrlenW(path);
        if (n + 1 + lstrlenW(part) >= MAX_PATH) return E_FAIL;
        path[n] = '\\';
        lstrcpyW(path + n + 1, part);
    }
    return S_OK;
}

HRESULT ShFolderPath(int csidl, HANDLE token, WCHAR path[MAX_PATH])
{
    for (SIZE_T i = 0; i < ARRAYSIZE(Folders); i++)
        if (Folders[i].Csidl == csidl) return Resolve(&Folders[i], token, path);
    return E_INVALIDARG;
}

HRESULT ShKnownFolderPath(REFKNOWNFOLDERID id, HANDLE token, WCHAR path[MAX_PATH], int *csidl)
{
    for (SIZE_T i = 0; i < ARRAYSIZE(Folders); i++)
        if (IsEqualGUID(Folders[i].Id, id)) {
            *csidl = Folders[i].Csidl;
            return Resolve(&Folders[i], token, path);
        }
    return HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
}

/* Step "verify or create" shared by the CSIDL and known-folder calls: a path that is not a folder
 * is ERROR_FILE_NOT_FOUND, unless asked to create it. */
static HRESULT Verify(LPCWSTR path, BOOL create, BOOL verify)
{
    if (create) {
        DWORD error = ShCreatePath(path);
        return error && error != ERROR_ALREADY_EXISTS ? HRESULT_FROM_WIN32(error) : S_OK;
    }
    if (!verify) return S_OK;
    DWORD attributes = GetFileAttributesW(path);
    if (attributes == INVALID_FILE_ATTRIBUTES || !(attributes & FILE_ATTRIBUTE_DIRECTORY))
        return HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    return S_OK;
}

SHAPI HRESULT WINAPI SHGetFolderPathAndSubDirW(HWND owner, int csidl, HANDLE token, DWORD flags, LPCWSTR sub,
                                              LPWSTR out)
{
    (void)owner;
    WCHAR path[MAX_PATH];
    if (out) out[0] = 0;
    if (out == NULL) return E_INVALIDARG;
    if (flags != SHGFP_TYPE_CURRENT && flags != SHGFP_TYPE_DEFAULT) return E_INVALIDARG;
    HRESULT hr = ShFolderPath(csidl & ~CSIDL_FLAG_MASK, token, path);
    if (FAILED(hr)) return hr;
    if (sub && sub[0]) {
        int n = lstrlenW(path);
        if (n + 1 + lstrlenW(sub) >= MAX_PATH) return HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE);
        path[n] = '\\';
        lstrcpyW(path + n + 1, sub);
    }
    BOOL verify = flags == SHGFP_TYPE_CURRENT && !(csidl & CSIDL_FLAG_DONT_VERIFY);
    hr = Verify(path, (csidl & CSIDL_FLAG_CREATE) != 0, verify);
    if (FAILED(hr)) return hr;
    lstrcpyW(out, path);
    return S_OK;
}

SHAPI HRESULT WINAPI SHGetFolderPathAndSubDirA(HWND owner, int csidl, HANDLE token, DWORD flags, LPCSTR sub,
                                              LPSTR out)
{
    WCHAR subw[MAX_PATH], path[MAX_PATH];
    if (out == NULL) return E_INVALIDARG;
    HRESULT hr = SHGetFolderPathAndSubDirW(owner, csidl, token, flags, ToWide(sub, subw, MAX_PATH), path);
    out[0] = 0;
    if (SUCCEEDED(hr)) WideCharToMultiByte(CP_ACP, 0, path, -1, out, MAX_PATH, NULL, NULL);
    return hr;
}

SHAPI HRESULT WINAPI SHGetFolderPathW(HWND owner, int csidl, HANDLE token, DWORD flags, LPWSTR out)
{
    HRESULT hr = SHGetFolderPathAndSubDirW(owner, csidl, token, flags, NULL, out);
    return hr == HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND) ? HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) : hr;
}

SHAPI HRESULT WINAPI SHGetFolderPathA(HWND owner, int csidl, HANDLE token, DWORD flags, LPSTR out)
{
    HRESULT hr = SHGetFolderPathAndSubDirA(owner, csidl, token, flags, NULL, out);
    return hr == HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND) ? HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) : hr;
}

SHAPI BOOL WINAPI SHGetSpecialFolderPathW(HWND owner, LPWSTR out, int csidl, BOOL create)
{
    return SHGetFolderPathW(owner, csidl | (create ? CSIDL_FLAG_CREATE : 0), NULL, SHGFP_TYPE_CURRENT, out) == S_OK;
}

SHAPI BOOL WINAPI SHGetSpecialFolderPathA(HWND owner, LPSTR out, int csidl, BOOL create)
{
    return SHGetFolderPathA(owner, csidl | (create ? CSIDL_FLAG_CREATE : 0), NULL, SHGFP_TYPE_CURRENT, out) == S_OK;
}

/* SHGetKnownFolderPath: the path in a block of the COM task allocator (the process heap), which
 * the caller frees with CoTaskMemFree; *out is NULL on failure. */
SHAPI HRESULT WINAPI SHGetKnownFolderPath(REFKNOWNFOLDERID id, DWORD flags, HANDLE token, PWSTR *out)
{
    WCHAR path[MAX_PATH];
    int csidl;
    if (out == NULL) return E_INVALIDARG;
    *out = NULL;
    if (id == NULL) return E_INVALIDARG;
    HRESULT hr = ShKnownFolderPath(id, token, path, &csidl);
    if (FAILED(hr)) return hr;
    hr = Verify(path, (flags & KF_FLAG_CREATE) != 0, !(flags & KF_FLAG_DONT_VERIFY));
    if (FAILED(hr)) return hr;
    SIZE_T bytes = (SIZE_T)(lstrlenW(path) + 1) * sizeof(WCHAR);
    *out = ShAlloc(bytes);
    if (*out == NULL) return E_OUTOFMEMORY;
    lstrcpyW(*out, path);
    return S_OK;
}
