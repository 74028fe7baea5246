/* advapi32's remaining registry calls: RegSetValue/RegQueryValue (a subkey's default value),
 * RegSetKeyValue, RegCopyTree, RegLoadMUIString, RegConnectRegistry for this machine, RegSaveKey
 * refused for a standard user. Exit code: failed checks. */
#include "../k32.h"

void Entry(void)
{
    HKEY root, copy;
    WCHAR text[64];
    LONG size;
    RegCreateKeyExW(HKEY_CURRENT_USER, L"Software\\advapi_reg", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &root, NULL);
    Check(RegSetValueW(root, L"child", REG_SZ, L"hello", 0) == ERROR_SUCCESS, "RegSetValueW makes the subkey");
    Check(RegSetValueW(root, L"child", REG_DWORD, L"x", 0) == ERROR_INVALID_PARAMETER,
          "RegSetValueW of a REG_DWORD: ERROR_INVALID_PARAMETER");
    size = 0;
    Check(RegQueryValueW(root, L"child", NULL, &size) == ERROR_SUCCESS && size == 12, "RegQueryValueW size");
    size = sizeof(text);
    Check(RegQueryValueW(root, L"child", text, &size) == ERROR_SUCCESS && !lstrcmpW(text, L"hello") && size == 12,
          "RegQueryValueW");
    size = 4;
    Check(RegQueryValueW(root, L"child", text, &size) == ERROR_MORE_DATA && size == 12, "RegQueryValueW short: ERROR_MORE_DATA");
    char narrow[16];
    LONG nsize = sizeof(narrow);
    Check(RegQueryValueA(root, "child", narrow, &nsize) == ERROR_SUCCESS && nsize == 6 && narrow[4] == 'o',
          "RegQueryValueA");
    size = sizeof(text);
    text[0] = L'x';
    Check(RegQueryValueW(HKEY_CURRENT_USER, L"Software", text, &size) == ERROR_SUCCESS && !text[0] && size == 2,
          "no default value reads as an empty string");
    Check(RegQueryValueW(root, L"nosuch", text, &size) == ERROR_FILE_NOT_FOUND, "a missing subkey: ERROR_FILE_NOT_FOUND");

    DWORD n = 42, got = 0, got_size = sizeof(got);
    Check(RegSetKeyValueW(root, L"child\\deeper", L"n", REG_DWORD, &n, sizeof(n)) == ERROR_SUCCESS,
          "RegSetKeyValueW makes the subkey");
    Check(RegGetValueW(root, L"child\\deeper", L"n", RRF_RT_REG_DWORD, NULL, &got, &got_size) == ERROR_SUCCESS &&
          got == 42, "the value is there");
    RegCreateKeyExW(HKEY_CURRENT_USER, L"Software\\advapi_reg_copy", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &copy, NULL);
    Check(RegCopyTreeW(root, NULL, copy) == ERROR_SUCCESS, "RegCopyTreeW");
    got = 0;
    got_size = sizeof(got);
    size = sizeof(text);
    Check(RegGetValueW(copy, L"child\\deeper", L"n", RRF_RT_REG_DWORD, NULL, &got, &got_size) == ERROR_SUCCESS &&
          got == 42 && RegQueryValueW(copy, L"child", text, &size) == ERROR_SUCCESS && !lstrcmpW(text, L"hello"),
          "the copy has the values and subkeys");

    RegSetValueExW(root, L"plain", 0, REG_SZ, (const BYTE *)L"Plain text", 22);
    RegSetValueExW(root, L"indirect", 0, REG_SZ, (const BYTE *)L"@shell32.dll,-1", 32);
    DWORD needed = 0;
    Check(RegLoadMUIStringW(root, L"plain", text, sizeof(text), &needed, 0, NULL) == ERROR_SUCCESS &&
          !lstrcmpW(text, L"Plain text") && needed == 22, "RegLoadMUIStringW of a plain string");
    Check(RegLoadMUIStringW(root, L"plain", text, 4, &needed, 0, NULL) == ERROR_MORE_DATA && needed == 22,
          "RegLoadMUIStringW short: ERROR_MORE_DATA and the size");
    Check(RegLoadMUIStringA(root, "plain", narrow, sizeof(narrow), NULL, 0, NULL) == ERROR_CALL_NOT_IMPLEMENTED,
          "RegLoadMUIStringA: ERROR_CALL_NOT_IMPLEMENTED");

    Check(RegSaveKeyW(root, L"saved.hiv", NULL) == ERROR_PRIVILEGE_NOT_HELD, "RegSaveKeyW: ERROR_PRIVILEGE_NOT_HELD");
    HKEY remote;
    Check(RegConnectRegistryW(NULL, HKEY_LOCAL_MACHINE, &remote) == ERROR_SUCCESS, "RegConnectRegistryW(NULL, HKLM)");
    RegCloseKey(remote);
    Check(RegConnectRegistryW(L"\\\\elsewhere", HKEY_LOCAL_MACHINE, &remote) == ERROR_BAD_NETPATH,
          "another machine: ERROR_BAD_NETPATH");
    Check(RegConnectRegistryW(NULL, HKEY_CURRENT_USER, &remote) == ERROR_INVALID_HANDLE,
          "HKEY_CURRENT_USER: ERROR_INVALID_HANDLE");
    HW_PROFILE_INFOA profile;
    Check(GetCurrentHwProfileA(&profile) && profile.dwDockInfo == DOCKINFO_USER_UNDOCKED &&
          profile.szHwProfileGuid[0] == '{' && profile.szHwProfileGuid[37] == '}' && !profile.szHwProfileGuid[38],
          "GetCurrentHwProfileA");
    Print("profile: ");
    Print(profile.szHwProfileGuid);
    Print(" ");
    Print(profile.szHwProfileName);
    Print("\n");
    CheckError(!GetCurrentHwProfileW(NULL), ERROR_INVALID_PARAMETER, "GetCurrentHwProfileW(NULL): ERROR_INVALID_PARAMETER");
    RegCloseKey(copy);
    RegCloseKey(root);
    RegDeleteTreeW(HKEY_CURRENT_USER, L"Software\\advapi_reg");
    RegDeleteTreeW(HKEY_CURRENT_USER, L"Software\\advapi_reg_copy");
    ExitProcess(failures);
}
