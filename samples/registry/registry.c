/* The registry through advapi32: the values console programs read at start-up (the Windows
 * version, code pages, the processor, the machine GUID, the user's locale), enumeration, the
 * RegGetValue filters and expansion, writes under HKEY_CURRENT_USER (and their refusal under
 * HKEY_LOCAL_MACHINE), deletion, and the documented error codes. Exit code: failed checks. */
#include "../k32.h"

static void Show(const char *label, const char *text)
{
    Print(label);
    Print(": ");
    Print(text);
    Print("\n");
}

static int SameW(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

void Entry(void)
{
    HKEY key, sub;
    char text[256];
    DWORD type, size, dword;
    LSTATUS r;
    static const char version[] = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    /* -- what a program reads: the version key */
    Check(RegOpenKeyExA(HKEY_LOCAL_MACHINE, version, 0, KEY_READ, &key) == ERROR_SUCCESS, "open CurrentVersion");
    static const char *strings[] = {"ProductName", "CurrentBuild", "DisplayVersion", "ReleaseId", "EditionID",
                                    "InstallationType"};
    for (int i = 0; i < 6; i++) {
        size = sizeof(text);
        r = RegQueryValueExA(key, strings[i], NULL, &type, (BYTE *)text, &size);
        Check(r == ERROR_SUCCESS && type == REG_SZ && size == (DWORD)Len(text) + 1, strings[i]);
        Show(strings[i], text);
    }
    size = sizeof(dword);
    r = RegQueryValueExA(key, "CurrentMajorVersionNumber", NULL, &type, (BYTE *)&dword, &size);
    Check(r == ERROR_SUCCESS && type == REG_DWORD && size == 4 && dword == 10, "CurrentMajorVersionNumber 10");
    size = 0;
    Check(RegQueryValueExA(key, "productname", NULL, NULL, NULL, &size) == ERROR_SUCCESS && size == 15,
          "value names ignore case; a NULL buffer gives the size");
    size = 4;
    Check(RegQueryValueExA(key, "ProductName", NULL, NULL, (BYTE *)text, &size) == ERROR_MORE_DATA && size == 15,
          "a short buffer: ERROR_MORE_DATA and the size");
    WCHAR wide[128];
    size = sizeof(wide);
    Check(RegQueryValueExW(key, L"CurrentBuildNumber", NULL, &type, (BYTE *)wide, &size) == ERROR_SUCCESS
          && size == 12 && SameW(wide, L"19045"), "RegQueryValueExW: bytes with the terminator");
    Check(RegQueryValueExA(key, "NoSuchValue", NULL, NULL, NULL, &size) == ERROR_FILE_NOT_FOUND,
          "a missing value: ERROR_FILE_NOT_FOUND");
    Check(RegQueryValueExA(key, "ProductName", NULL, NULL, (BYTE *)text, NULL) == ERROR_INVALID_PARAMETER,
          "data without a size: ERROR_INVALID_PARAMETER");
    Check(RegSetValueExA(key, "X", 0, REG_SZ, (const BYTE *)"x", 2) == ERROR_ACCESS_DENIED,
          "a write through a key opened for reading: ERROR_ACCESS_DENIED");
    RegCloseKey(key);

    /* -- RegGetValue */
    size = sizeof(text);
    r = RegGetValueA(HKEY_LOCAL_MACHINE, "SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage", "ACP", RRF_RT_REG_SZ,
                     &type, text, &size);
    Check(r == ERROR_SUCCESS && type == REG_SZ, "RegGetValue ACP");
    Show("ACP", text);
    size = sizeof(text);
    RegGetValueA(HKEY_LOCAL_MACHINE, "SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage", "OEMCP", RRF_RT_REG_SZ,
                 NULL, text, &size);
    Show("OEMCP", text);
    size = sizeof(dword);
    Check(RegGetValueA(HKEY_LOCAL_MACHINE, version, "UBR", RRF_RT_REG_DWORD, &type, &dword, &size) == ERROR_SUCCESS
          && type == REG_DWORD, "RegGetValue a DWORD");
    size = sizeof(text);
    Check(RegGetValueA(HKEY_LOCAL_MACHINE, version, "ProductName", RRF_RT_REG_DWORD, &type, text, &size)
          == ERROR_UNSUPPORTED_TYPE, "a string asked for as a DWORD: ERROR_UNSUPPORTED_TYPE");
    Check(RegGetValueA(HKEY_LOCAL_MACHINE, version, "ProductName", 0, NULL, text, &size) == ERROR_INVALID_PARAMETER,
          "no RRF_RT_ flag: ERROR_INVALID_PARAMETER");
    Check(RegGetValueA(HKEY_LOCAL_MACHINE, version, "ProductName", RRF_RT_REG_SZ, NULL, text, NULL)
          == ERROR_INVALID_PARAMETER, "RegGetValue data without a size: ERROR_INVALID_PARAMETER");
    size = 3;
    Check(RegGetValueA(HKEY_LOCAL_MACHINE, version, "ProductName", RRF_RT_REG_SZ, NULL, text, &size)
          == ERROR_MORE_DATA && size == 15, "RegGetValue short buffer: ERROR_MORE_DATA and the size");
    const char *env = "SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment";
    size = sizeof(text);
    r = RegGetValueA(HKEY_LOCAL_MACHINE, env, "windir", RRF_RT_REG_SZ, &type, text, &size);
    Check(r == ERROR_SUCCESS && type == REG_SZ, "REG_EXPAND_SZ expanded: REG_SZ");
    Show("windir", text);
    size = sizeof(text);
    r = RegGetValueA(HKEY_LOCAL_MACHINE, env, "windir", RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, &type, text, &size);
    Check(r == ERROR_SUCCESS && type == REG_EXPAND_SZ, "RRF_NOEXPAND keeps REG_EXPAND_SZ");
    Show("windir unexpanded", text);
    Check(RegGetValueA(HKEY_LOCAL_MACHINE, env, "windir", RRF_RT_REG_EXPAND_SZ, &type, text, &size)
          == ERROR_INVALID_PARAMETER, "RRF_RT_REG_EXPAND_SZ without RRF_NOEXPAND: ERROR_INVALID_PARAMETER");
    size = sizeof(text);
    RegGetValueA(HKEY_LOCAL_MACHINE, "HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0", "ProcessorNameString",
                 RRF_RT_REG_SZ, NULL, text, &size);
    Show("ProcessorNameString", text);
    size = sizeof(text);
    RegGetValueA(HKEY_LOCAL_MACHINE, "SOFTWARE\\Microsoft\\Cryptography", "MachineGuid", RRF_RT_REG_SZ, NULL, text,
                 &size);
    Show("MachineGuid", text);
    size = sizeof(text);
    RegGetValueA(HKEY_CURRENT_USER, "Control Panel\\International", "LocaleName", RRF_RT_REG_SZ, NULL, text, &size);
    Show("LocaleName", text);
    size = sizeof(text);
    RegGetValueA(HKEY_CURRENT_USER, "Control Panel\\International", "sShortDate", RRF_RT_ANY, NULL, text, &size);
    Show("sShortDate", text);

    /* -- enumeration */
    Check(RegOpenKeyExA(HKEY_LOCAL_MACHINE, "SOFTWARE\\Microsoft", 0, KEY_ENUMERATE_SUB_KEYS | KEY_QUERY_VALUE, &key)
          == ERROR_SUCCESS, "open SOFTWARE\\Microsoft");
    DWORD subkeys = 0, values = 0, longest = 0;
    Check(RegQueryInfoKeyA(key, NULL, NULL, NULL, &subkeys, &longest, NULL, &values, NULL, NULL, NULL, NULL)
          == ERROR_SUCCESS && subkeys == 3 && values == 0 && longest == 12, "RegQueryInfoKey: 3 subkeys");
    Print("subkeys:");
    for (DWORD i = 0;; i++) {
        size = sizeof(text);
        r = RegEnumKeyExA(key, i, text, &size, NULL, NULL, NULL, NULL);
        if (r != ERROR_SUCCESS)
            break;
        Print(" ");
        Print(text);
    }
    Print("\n");
    Check(r == ERROR_NO_MORE_ITEMS, "the end: ERROR_NO_MORE_ITEMS");
    size = 3;
    Check(RegEnumKeyExA(key, 0, text, &size, NULL, NULL, NULL, NULL) == ERROR_MORE_DATA, "a short name: ERROR_MORE_DATA");
    RegCloseKey(key);
    Check(RegOpenKeyExA(HKEY_LOCAL_MACHINE, "SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage", 0, KEY_READ, &key)
          == ERROR_SUCCESS, "open CodePage");
    Print("values:");
    for (DWORD i = 0;; i++) {
        char name[64];
        DWORD name_size = sizeof(name);
        size = sizeof(text);
        if (RegEnumValueA(key, i, name, &name_size, NULL, &type, (BYTE *)text, &size) != ERROR_SUCCESS)
            break;
        Print(" ");
        Print(name);
        Print("=");
        Print(text);
    }
    Print("\n");
    RegCloseKey(key);
    Check(RegOpenKeyExA(HKEY_LOCAL_MACHINE, "SOFTWARE\\NoSuchKey", 0, KEY_READ, &key) == ERROR_FILE_NOT_FOUND,
          "a missing key: ERROR_FILE_NOT_FOUND");
    Check(RegOpenKeyExA(HKEY_CURRENT_CONFIG, "Software", 0, KEY_READ, &key) == ERROR_SUCCESS && RegCloseKey(key) == 0,
          "HKEY_CURRENT_CONFIG: the current hardware profile");
    Check(RegOpenKeyExA((HKEY)(ULONG_PTR)0x1234, "x", 0, KEY_READ, &key) == ERROR_INVALID_HANDLE,
          "a bad key handle: ERROR_INVALID_HANDLE");

    /* -- writes: HKEY_CURRENT_USER yes, HKEY_LOCAL_MACHINE no */
    Check(RegCreateKeyExA(HKEY_LOCAL_MACHINE, "SOFTWARE\\ntmini", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL)
          == ERROR_ACCESS_DENIED, "creating under HKLM: ERROR_ACCESS_DENIED");
    DWORD disposition = 0;
    r = RegCreateKeyExA(HKEY_CURRENT_USER, "Software\\ntmini\\test\\deep", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key,
                        &disposition);
    Check(r == ERROR_SUCCESS && disposition == REG_CREATED_NEW_KEY, "RegCreateKeyEx makes the whole path");
    Check(RegSetValueExA(key, "Greeting", 0, REG_SZ, (const BYTE *)"hello", 6) == ERROR_SUCCESS, "RegSetValueExA");
    dword = 0x12345678;
    Check(RegSetValueExW(key, L"Count", 0, REG_DWORD, (const BYTE *)&dword, 4) == ERROR_SUCCESS, "RegSetValueExW");
    Check(RegSetValueExW(key, L"Bare", 0, REG_SZ, (const BYTE *)L"abc", 6) == ERROR_SUCCESS, "a string without its terminator");
    size = sizeof(wide);
    Check(RegQueryValueExW(key, L"BARE", NULL, &type, (BYTE *)wide, &size) == ERROR_SUCCESS && size == 6,
          "RegQueryValueEx returns it as stored");
    size = sizeof(wide);
    Check(RegGetValueW(key, NULL, L"Bare", RRF_RT_REG_SZ, &type, wide, &size) == ERROR_SUCCESS && size == 8
          && SameW(wide, L"abc"), "RegGetValue adds the terminator");
    size = sizeof(text);
    Check(RegGetValueA(HKEY_CURRENT_USER, "Software\\ntmini\\test\\deep", "greeting", RRF_RT_REG_SZ, NULL, text, &size)
          == ERROR_SUCCESS && lstrcmpA(text, "hello") == 0, "read back through another path");
    RegCloseKey(key);
    r = RegCreateKeyExA(HKEY_CURRENT_USER, "Software\\ntmini\\test", 0, NULL, 0, KEY_READ, NULL, &key, &disposition);
    Check(r == ERROR_SUCCESS && disposition == REG_OPENED_EXISTING_KEY, "RegCreateKeyEx opens an existing key");
    RegCloseKey(key);
    Check(RegDeleteKeyA(HKEY_CURRENT_USER, "Software\\ntmini\\test") == ERROR_ACCESS_DENIED,
          "RegDeleteKey of a key with subkeys: ERROR_ACCESS_DENIED");
    Check(RegOpenKeyExA(HKEY_CURRENT_USER, "Software\\ntmini\\test\\deep", 0, KEY_ALL_ACCESS, &sub) == ERROR_SUCCESS,
          "open the deep key");
    Check(RegDeleteValueA(sub, "Count") == ERROR_SUCCESS && RegDeleteValueA(sub, "Count") == ERROR_FILE_NOT_FOUND,
          "RegDeleteValue, twice");
    HANDLE event = CreateEventA(NULL, TRUE, FALSE, NULL);
    Check(RegNotifyChangeKeyValue(sub, FALSE, REG_NOTIFY_CHANGE_LAST_SET, event, TRUE) == ERROR_SUCCESS
          && WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "RegNotifyChangeKeyValue, asynchronous");
    Check(RegSetValueExA(sub, "Count", 0, REG_DWORD, (const BYTE *)&dword, 4) == ERROR_SUCCESS
          && WaitForSingleObject(event, 0) == WAIT_OBJECT_0, "a value set signals the event");
    Check(RegNotifyChangeKeyValue(sub, FALSE, REG_NOTIFY_CHANGE_LAST_SET, NULL, TRUE) == ERROR_INVALID_PARAMETER,
          "asynchronous without an event: ERROR_INVALID_PARAMETER");
    CloseHandle(event);
    Check(RegDeleteKeyA(HKEY_CURRENT_USER, "Software\\ntmini\\test\\deep") == ERROR_SUCCESS, "RegDeleteKey");
    size = sizeof(text);
    Check(RegQueryValueExA(sub, "Greeting", NULL, NULL, (BYTE *)text, &size) == ERROR_KEY_DELETED,
          "a handle to a deleted key: ERROR_KEY_DELETED");
    RegCloseKey(sub);
    RegCreateKeyExA(HKEY_CURRENT_USER, "Software\\ntmini\\test\\a\\b", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL);
    RegCloseKey(key);
    Check(RegDeleteTreeA(HKEY_CURRENT_USER, "Software\\ntmini") == ERROR_SUCCESS, "RegDeleteTree");
    Check(RegOpenKeyExA(HKEY_CURRENT_USER, "Software\\ntmini", 0, KEY_READ, &key) == ERROR_FILE_NOT_FOUND,
          "the tree is gone");
    Check(RegOpenCurrentUser(KEY_READ, &key) == ERROR_SUCCESS && RegFlushKey(key) == ERROR_SUCCESS
          && RegCloseKey(key) == ERROR_SUCCESS, "RegOpenCurrentUser, RegFlushKey, RegCloseKey");
    Check(RegCloseKey(HKEY_LOCAL_MACHINE) == ERROR_SUCCESS, "closing a predefined key does nothing");
    ExitProcess((UINT)failures);
}
