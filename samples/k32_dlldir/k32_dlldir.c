/* Family 7, the DLL search directories: LoadLibraryExW with LOAD_LIBRARY_SEARCH_* flags (System32,
 * the application's folder, user directories from AddDllDirectory), RemoveDllDirectory,
 * SetDefaultDllDirectories, and the documented errors. Each DLL is loaded here for the first time
 * (a loaded one is found by its name whatever the flags say). Exit code: failed checks. */
#include "../k32.h"

static int EndsWith(const WCHAR *s, const WCHAR *tail)
{
    int n = 0, m = 0;
    while (s[n]) n++;
    while (tail[m]) m++;
    if (m > n) return 0;
    for (int i = 0; i < m; i++) {
        WCHAR a = s[n - m + i], b = tail[i];
        if (a >= 'A' && a <= 'Z') a += 32;
        if (b >= 'A' && b <= 'Z') b += 32;
        if (a != b) return 0;
    }
    return 1;
}

void Entry(void)
{
    WCHAR path[MAX_PATH];
    HMODULE m = LoadLibraryExW(L"winmm.dll", NULL, LOAD_LIBRARY_SEARCH_APPLICATION_DIR);
    CheckError(m == NULL, ERROR_MOD_NOT_FOUND, "winmm.dll is not in the application's folder -> ERROR_MOD_NOT_FOUND");
    m = LoadLibraryExW(L"winmm.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    Check(m != NULL, "LOAD_LIBRARY_SEARCH_SYSTEM32 finds it");
    GetModuleFileNameW(m, path, MAX_PATH);
    Check(EndsWith(path, L"\\Windows\\System32\\winmm.dll"), "in System32");
    CheckError(LoadLibraryExW(L"no_such_dll_here.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32) == NULL,
               ERROR_MOD_NOT_FOUND, "a DLL that is nowhere -> ERROR_MOD_NOT_FOUND");

    CheckError(AddDllDirectory(L"relative\\dir") == NULL, ERROR_INVALID_PARAMETER,
               "AddDllDirectory(a relative path) -> ERROR_INVALID_PARAMETER");
    CheckError(LoadLibraryExW(L"ws2_32.dll", NULL, LOAD_LIBRARY_SEARCH_USER_DIRS) == NULL, ERROR_MOD_NOT_FOUND,
               "no user directory yet -> ERROR_MOD_NOT_FOUND");
    DLL_DIRECTORY_COOKIE cookie = AddDllDirectory(L"C:\\Windows\\System32");
    Check(cookie != NULL, "AddDllDirectory(System32)");
    Check(LoadLibraryExW(L"ws2_32.dll", NULL, LOAD_LIBRARY_SEARCH_USER_DIRS) != NULL,
          "LOAD_LIBRARY_SEARCH_USER_DIRS finds a DLL there");
    Check(RemoveDllDirectory(cookie), "RemoveDllDirectory");
    CheckError(!RemoveDllDirectory(cookie), ERROR_INVALID_PARAMETER, "twice -> ERROR_INVALID_PARAMETER");

    CheckError(LoadLibraryExW(L"advapi32.dll", NULL, LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR) == NULL,
               ERROR_INVALID_PARAMETER, "DLL_LOAD_DIR with a bare name -> ERROR_INVALID_PARAMETER");
    CheckError(LoadLibraryExW(L"advapi32.dll", NULL, LOAD_WITH_ALTERED_SEARCH_PATH | LOAD_LIBRARY_SEARCH_SYSTEM32)
               == NULL, ERROR_INVALID_PARAMETER, "ALTERED_SEARCH_PATH with a SEARCH flag -> ERROR_INVALID_PARAMETER");
    Check(LoadLibraryExW(L"C:\\Windows\\System32\\advapi32.dll", NULL, LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR) != NULL,
          "DLL_LOAD_DIR with a full path");

    CheckError(!SetDefaultDllDirectories(0), ERROR_INVALID_PARAMETER, "SetDefaultDllDirectories(0) -> ERROR_INVALID_PARAMETER");
    CheckError(!SetDefaultDllDirectories(0x10), ERROR_INVALID_PARAMETER, "a flag that is no search flag -> ERROR_INVALID_PARAMETER");
    Check(SetDefaultDllDirectories(LOAD_LIBRARY_SEARCH_APPLICATION_DIR), "SetDefaultDllDirectories(APPLICATION_DIR)");
    CheckError(LoadLibraryW(L"psapi.dll") == NULL, ERROR_MOD_NOT_FOUND,
               "then LoadLibraryW searches only the application's folder -> ERROR_MOD_NOT_FOUND");
    Check(SetDefaultDllDirectories(LOAD_LIBRARY_SEARCH_DEFAULT_DIRS), "SetDefaultDllDirectories(DEFAULT_DIRS)");
    m = LoadLibraryW(L"psapi.dll");
    Check(m != NULL, "DEFAULT_DIRS include System32");
    ExitProcess(failures);
}
