/* Family 7 and 4, modules and files: EnumResourceTypes/Names/Languages (W and A) over this image,
 * LoadLibraryEx with LOAD_LIBRARY_AS_DATAFILE, _EXCLUSIVE and AS_IMAGE_RESOURCE on a copy of it
 * (tagged handles, FindResource and LoadString work, GetProcAddress does not, FreeLibrary unmaps),
 * SetDllDirectory/GetDllDirectory and the search order, SearchPath (the order and the extension
 * rule), ReplaceFile (with and without a backup, and its documented failures). Exit code: failed
 * checks. */
#include "../k32.h"

static int SameW(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

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

static WCHAR seen[16][32];
static ULONG_PTR seen_ids[16];
static WORD langs[8];
static int count, stop_after = 100;

static void Record(LPCWSTR id)
{
    if (count < 16) {
        seen_ids[count] = IS_INTRESOURCE(id) ? (ULONG_PTR)id : 0;
        seen[count][0] = 0;
        if (!IS_INTRESOURCE(id)) {
            int i = 0;
            for (; i < 31 && id[i]; i++) seen[count][i] = id[i];
            seen[count][i] = 0;
        }
    }
    count++;
}

static BOOL CALLBACK OnType(HMODULE m, LPWSTR type, LONG_PTR p) { (void)m; (void)p; Record(type); return count < stop_after; }
static BOOL CALLBACK OnName(HMODULE m, LPCWSTR t, LPWSTR name, LONG_PTR p) { (void)m; (void)t; (void)p; Record(name); return TRUE; }
static BOOL CALLBACK OnLang(HMODULE m, LPCWSTR t, LPCWSTR n, WORD lang, LONG_PTR p)
{
    (void)m; (void)t; (void)n; (void)p;
    if (count < 8) langs[count] = lang;
    count++;
    return TRUE;
}
static char first_a[32];
static BOOL CALLBACK OnNameA(HMODULE m, LPCSTR t, LPSTR name, LONG_PTR p)
{
    (void)m; (void)t; (void)p;
    if (count++ == 0 && !IS_INTRESOURCE(name)) {
        int i = 0;
        for (; i < 31 && name[i]; i++) first_a[i] = name[i];
        first_a[i] = 0;
    }
    return TRUE;
}

static void Resources(HMODULE module, int data)
{
    count = 0;
    stop_after = 100;
    BOOL ok = EnumResourceTypesW(module, OnType, 0);
    int has6 = 0, has10 = 0;
    for (int i = 0; i < count && i < 16; i++) { has6 |= seen_ids[i] == 6; has10 |= seen_ids[i] == 10; }
    Check(ok && count >= 3 && SameW(seen[0], L"MYTYPE") && has6 && has10, data
          ? "data file: EnumResourceTypesW gives the named type first, then RT_STRING and RT_RCDATA"
          : "image: EnumResourceTypesW gives the named type first, then RT_STRING and RT_RCDATA");
    count = 0;
    ok = EnumResourceNamesW(module, MAKEINTRESOURCEW(10), OnName, 0);
    Check(ok && count == 3 && SameW(seen[0], L"CONFIG") && SameW(seen[1], L"GREETING") && seen_ids[2] == 42, data
          ? "data file: EnumResourceNamesW(RT_RCDATA): CONFIG, GREETING, then 42"
          : "image: EnumResourceNamesW(RT_RCDATA): CONFIG, GREETING, then 42");
    count = 0;
    ok = EnumResourceLanguagesW(module, MAKEINTRESOURCEW(10), L"greeting", OnLang, 0);
    Check(ok && count == 3 && langs[0] == 0x407 && langs[1] == 0x409 && langs[2] == 0x40C, data
          ? "data file: EnumResourceLanguagesW: German, English, French"
          : "image: EnumResourceLanguagesW: German, English, French");
}

static BOOL Write(LPCWSTR path, const char *text)
{
    HANDLE h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) return FALSE;
    DWORD done;
    BOOL ok = WriteFile(h, text, (DWORD)Len(text), &done, NULL);
    CloseHandle(h);
    return ok;
}

static int Holds(LPCWSTR path, const char *text)
{
    char buf[64];
    DWORD done = 0;
    HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) return 0;
    ReadFile(h, buf, sizeof(buf) - 1, &done, NULL);
    CloseHandle(h);
    buf[done] = 0;
    for (int i = 0; ; i++) {
        if (buf[i] != text[i]) return 0;
        if (!text[i]) return 1;
    }
}

static void DataFiles(void)
{
    WCHAR self[MAX_PATH];
    GetModuleFileNameW(NULL, self, MAX_PATH);
    Check(CopyFileW(self, L"C:\\Temp\\res_copy.dll", FALSE), "a copy of this image in C:\\Temp");
    HMODULE h = LoadLibraryExW(L"C:\\Temp\\res_copy.dll", NULL, LOAD_LIBRARY_AS_DATAFILE);
    Check(h != NULL && ((ULONG_PTR)h & 3) == 1, "LOAD_LIBRARY_AS_DATAFILE: a handle tagged with 1");
    HRSRC r = FindResourceW(h, L"Config", MAKEINTRESOURCEW(10));
    const char *data = r ? LockResource(LoadResource(h, r)) : NULL;
    Check(data && data[0] == 'c' && SizeofResource(h, r) == 20, "FindResource and LoadResource on it");
    WCHAR text[64];
    Check(LoadStringW(h, 1, text, 64) == 27 && SameW(text, L"a string from the data file"), "LoadString on it");
    Resources(h, 1);
    CheckError(GetProcAddress(h, "Entry") == NULL, ERROR_MOD_NOT_FOUND, "GetProcAddress on it -> ERROR_MOD_NOT_FOUND");
    Check(GetModuleHandleW(L"res_copy.dll") == NULL, "GetModuleHandle does not find it");
    Check(FreeLibrary(h), "FreeLibrary unmaps it");
    CheckError(!FreeLibrary(h), ERROR_INVALID_HANDLE, "twice -> ERROR_INVALID_HANDLE");

    h = LoadLibraryExW(L"C:\\Temp\\res_copy.dll", NULL, LOAD_LIBRARY_AS_IMAGE_RESOURCE);
    Check(h != NULL && ((ULONG_PTR)h & 3) == 2 && FindResourceW(h, MAKEINTRESOURCEW(7), L"MYTYPE") != NULL,
          "LOAD_LIBRARY_AS_IMAGE_RESOURCE: tagged with 2, resources found");
    FreeLibrary(h);
    h = LoadLibraryExW(L"C:\\Temp\\res_copy.dll", NULL, LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE);
    HANDLE w = CreateFileW(L"C:\\Temp\\res_copy.dll", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_EXISTING, 0, NULL);
    CheckError(h != NULL && w == INVALID_HANDLE_VALUE, ERROR_SHARING_VIOLATION,
               "_EXCLUSIVE: nobody opens the file for writing -> ERROR_SHARING_VIOLATION");
    if (w != INVALID_HANDLE_VALUE) CloseHandle(w);
    FreeLibrary(h);
    Check(DeleteFileW(L"C:\\Temp\\res_copy.dll"), "unmapped, the copy can be deleted");

    CheckError(LoadLibraryExW(L"no_such_file.dll", NULL, LOAD_LIBRARY_AS_DATAFILE) == NULL, ERROR_MOD_NOT_FOUND,
               "a data file that is nowhere -> ERROR_MOD_NOT_FOUND");
    Write(L"C:\\Temp\\text.dll", "not an image at all");
    CheckError(LoadLibraryExW(L"C:\\Temp\\text.dll", NULL, LOAD_LIBRARY_AS_DATAFILE) == NULL, ERROR_BAD_EXE_FORMAT,
               "a file that is no image -> ERROR_BAD_EXE_FORMAT");
    HMODULE k32 = LoadLibraryExW(L"kernel32.dll", NULL, LOAD_LIBRARY_AS_DATAFILE);
    Check(k32 == GetModuleHandleW(L"kernel32.dll"), "a module already loaded is returned as it is");
    FreeLibrary(k32);
}

static void DllDirectory(void)
{
    WCHAR buf[MAX_PATH];
    buf[0] = 'x';
    Check(GetDllDirectoryW(MAX_PATH, buf) == 0 && buf[0] == 0, "GetDllDirectory: none set");
    CreateDirectoryW(L"C:\\Temp\\dlls", NULL);
    Check(CopyFileW(L"C:\\Windows\\System32\\winmm.dll", L"C:\\Temp\\dlls\\mydep.dll", FALSE), "a DLL in C:\\Temp\\dlls");
    CheckError(LoadLibraryW(L"mydep.dll") == NULL, ERROR_MOD_NOT_FOUND, "not in the search order -> ERROR_MOD_NOT_FOUND");
    Check(SetDllDirectoryW(L"C:\\Temp\\dlls"), "SetDllDirectoryW");
    Check(GetDllDirectoryW(MAX_PATH, buf) == 12 && SameW(buf, L"C:\\Temp\\dlls"), "GetDllDirectoryW gives it back");
    Check(GetDllDirectoryW(5, buf) == 13, "a short buffer: the size needed with the NUL");
    char a[MAX_PATH];
    Check(GetDllDirectoryA(MAX_PATH, a) == 12 && a[8] == 'd', "GetDllDirectoryA");
    HMODULE m = LoadLibraryW(L"mydep.dll");
    GetModuleFileNameW(m, buf, MAX_PATH);
    Check(m != NULL && EndsWith(buf, L"\\Temp\\dlls\\mydep.dll"), "then LoadLibrary finds it there");
    Check(SetDllDirectoryW(NULL) && GetDllDirectoryW(MAX_PATH, buf) == 0, "SetDllDirectoryW(NULL) restores the order");
}

static void Search(void)
{
    WCHAR buf[MAX_PATH];
    LPWSTR part = NULL;
    DWORD n = SearchPathW(NULL, L"kernel32", L".dll", MAX_PATH, buf, &part);
    Check(n == 32 && EndsWith(buf, L"C:\\Windows\\System32\\kernel32.dll") && part && SameW(part, L"kernel32.dll"),
          "SearchPath: kernel32 + .dll in System32, with its file part");
    n = SearchPathW(NULL, L"k32_modfiles.exe", NULL, MAX_PATH, buf, NULL);
    Check(n && EndsWith(buf, L"\\app\\k32_modfiles.exe"), "the application's folder first");
    CheckError(SearchPathW(NULL, L"kernel32.xyz", L".dll", MAX_PATH, buf, NULL) == 0, ERROR_FILE_NOT_FOUND,
               "a name with an extension gets no other -> ERROR_FILE_NOT_FOUND");
    CreateDirectoryW(L"C:\\Temp\\sp", NULL);
    Write(L"C:\\Temp\\sp\\a.txt", "a");
    n = SearchPathW(L"C:\\Nope;C:\\Temp\\sp", L"a", L".txt", MAX_PATH, buf, NULL);
    Check(n == 16 && SameW(buf, L"C:\\Temp\\sp\\a.txt"), "a path of our own, folder by folder");
    Check(SearchPathW(L"C:\\Temp\\sp", L"a.txt", NULL, 4, buf, NULL) == 17, "a short buffer: the size with the NUL");
    Check(SearchPathW(NULL, L"C:\\Temp\\sp\\a.txt", NULL, MAX_PATH, buf, NULL) == 16, "an absolute name as it is");
    char abuf[MAX_PATH];
    LPSTR apart = NULL;
    Check(SearchPathA(NULL, "kernel32.dll", NULL, MAX_PATH, abuf, &apart) == 32 && apart && apart[0] == 'k',
          "SearchPathA");
    CheckError(SearchPathW(NULL, L"", NULL, MAX_PATH, buf, NULL) == 0, ERROR_INVALID_PARAMETER,
               "an empty name -> ERROR_INVALID_PARAMETER");
}

static void Replace(void)
{
    Write(L"C:\\Temp\\r_old.txt", "old");
    Write(L"C:\\Temp\\r_new.txt", "new");
    Check(ReplaceFileW(L"C:\\Temp\\r_old.txt", L"C:\\Temp\\r_new.txt", L"C:\\Temp\\r_bak.txt", 0, NULL, NULL),
          "ReplaceFileW with a backup");
    Check(Holds(L"C:\\Temp\\r_old.txt", "new") && Holds(L"C:\\Temp\\r_bak.txt", "old")
          && GetFileAttributesW(L"C:\\Temp\\r_new.txt") == INVALID_FILE_ATTRIBUTES,
          "the replacement took the name, the old contents are the backup");
    Write(L"C:\\Temp\\r_new.txt", "newer");
    Check(ReplaceFileA("C:\\Temp\\r_old.txt", "C:\\Temp\\r_new.txt", NULL, 0, NULL, NULL)
          && Holds(L"C:\\Temp\\r_old.txt", "newer"), "ReplaceFileA without a backup");
    CheckError(!ReplaceFileW(L"C:\\Temp\\r_old.txt", L"C:\\Temp\\r_none.txt", NULL, 0, NULL, NULL),
               ERROR_FILE_NOT_FOUND, "no replacement -> ERROR_FILE_NOT_FOUND");
    CheckError(!ReplaceFileW(L"C:\\Temp\\r_none.txt", L"C:\\Temp\\r_bak.txt", NULL, 0, NULL, NULL),
               ERROR_FILE_NOT_FOUND, "no replaced file -> ERROR_FILE_NOT_FOUND");
    Write(L"C:\\Temp\\r_new.txt", "newest");
    HANDLE held = CreateFileW(L"C:\\Temp\\r_old.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                              OPEN_EXISTING, 0, NULL);
    CheckError(!ReplaceFileW(L"C:\\Temp\\r_old.txt", L"C:\\Temp\\r_new.txt", NULL, 0, NULL, NULL),
               ERROR_UNABLE_TO_REMOVE_REPLACED, "the replaced file held open without delete sharing -> "
               "ERROR_UNABLE_TO_REMOVE_REPLACED");
    CloseHandle(held);
    Check(Holds(L"C:\\Temp\\r_old.txt", "newer") && Holds(L"C:\\Temp\\r_new.txt", "newest"), "and both are as they were");
    CheckError(!ReplaceFileW(L"C:\\Temp\\r_old.txt", L"C:\\Temp\\r_new.txt", NULL, 0x80, NULL, NULL),
               ERROR_INVALID_PARAMETER, "an unknown flag -> ERROR_INVALID_PARAMETER");
}

void Entry(void)
{
    Resources(NULL, 0);
    count = 0;
    stop_after = 1;
    CheckError(!EnumResourceTypesW(NULL, OnType, 0) && count == 1, ERROR_RESOURCE_ENUM_USER_STOP,
               "a callback that stops -> ERROR_RESOURCE_ENUM_USER_STOP");
    CheckError(!EnumResourceNamesW(NULL, L"NOSUCH", OnName, 0), ERROR_RESOURCE_TYPE_NOT_FOUND,
               "EnumResourceNames of an unknown type -> ERROR_RESOURCE_TYPE_NOT_FOUND");
    CheckError(!EnumResourceLanguagesW(NULL, MAKEINTRESOURCEW(10), L"NOSUCH", OnLang, 0), ERROR_RESOURCE_NAME_NOT_FOUND,
               "EnumResourceLanguages of an unknown name -> ERROR_RESOURCE_NAME_NOT_FOUND");
    count = 0;
    stop_after = 100;
    Check(EnumResourceTypesW(GetModuleHandleW(L"kernelbase.dll"), OnType, 0) && count == 1 && seen_ids[0] == 16,
          "kernelbase's one resource type: RT_VERSION");
    HMODULE bare = LoadLibraryExW(L"ntoskrnl.exe", NULL, LOAD_LIBRARY_AS_DATAFILE);   /* no .rsrc at all */
    CheckError(bare && !EnumResourceTypesW(bare, OnType, 0), ERROR_RESOURCE_DATA_NOT_FOUND,
               "a module without resources -> ERROR_RESOURCE_DATA_NOT_FOUND");
    FreeLibrary(bare);
    count = 0;
    Check(EnumResourceNamesA(NULL, (LPCSTR)RT_RCDATA, OnNameA, 0) && count == 3 && first_a[0] == 'C' && first_a[5] == 'G',
          "EnumResourceNamesA: CONFIG first");
    DataFiles();
    DllDirectory();
    Search();
    Replace();
    ExitProcess(failures);
}
