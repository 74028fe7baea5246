/* The profile (.ini) API on files in %TEMP%: reads (values, quotes, defaults, truncation, key and
 * section lists), writes (the exact bytes of the file they make, deletions), sections, integers,
 * structs with their checksum, a UTF-16 file with its BOM, bare names in the Windows directory and
 * win.ini. Exit code: failed checks. */
#include "../k32.h"

static char path[MAX_PATH];

static int Same(const char *a, const char *b) { while (*a && *a == *b) a++, b++; return *a == *b; }
static int SameN(const char *a, const char *b, int n) { while (n--) if (*a++ != *b++) return 0; return 1; }

static void Put(const void *data, DWORD size)
{
    HANDLE h = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    WriteFile(h, data, size, &done, NULL);
    CloseHandle(h);
}

static int FileIs(const void *data, DWORD size)
{
    char buf[512];
    DWORD done = 0;
    HANDLE h = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) return 0;
    ReadFile(h, buf, sizeof(buf), &done, NULL);
    CloseHandle(h);
    return done == size && SameN(buf, data, size);
}
#define FILE_IS(s) FileIs(s, sizeof(s) - 1)

/* NUL-separated list -> commas, for comparing. */
static void Commas(char *buf, DWORD n) { for (DWORD i = 0; i + 1 < n; i++) if (!buf[i]) buf[i] = ','; }

static void Writes(void)
{
    DeleteFileA(path);
    CheckError(!WritePrivateProfileStringA(NULL, "key", "string", path) &&
               GetFileAttributesA(path) == INVALID_FILE_ATTRIBUTES, ERROR_FILE_NOT_FOUND,
               "WritePrivateProfileString with no section -> ERROR_FILE_NOT_FOUND, no file made");
    Check(WritePrivateProfileStringA("App", "key", "", path) && FILE_IS("[App]\r\nkey=\r\n"),
          "an empty value: [App] key=");
    DeleteFileA(path);
    WritePrivateProfileStringA("App1", "key1", "string1", path);
    WritePrivateProfileStringA("App1", "key2", "string2", path);
    WritePrivateProfileStringA("App1", "key3", "string3", path);
    WritePrivateProfileStringA("App2", "key4", "string4", path);
    Check(WritePrivateProfileStringA("App3", "key5", "string5", path) &&
          FILE_IS("[App1]\r\nkey1=string1\r\nkey2=string2\r\nkey3=string3\r\n[App2]\r\nkey4=string4\r\n"
                  "[App3]\r\nkey5=string5\r\n"), "five writes build the file key by key, section by section");
    Check(WritePrivateProfileStringA("app1", "KEY2", NULL, path) &&
          FILE_IS("[App1]\r\nkey1=string1\r\nkey3=string3\r\n[App2]\r\nkey4=string4\r\n[App3]\r\nkey5=string5\r\n"),
          "a NULL value deletes the key (names ignore case)");
    Check(WritePrivateProfileStringA("App1", "key2", NULL, path), "deleting it again: TRUE");
    Check(WritePrivateProfileStringA("App1", "key1", "new", path) &&
          FILE_IS("[App1]\r\nkey1=new\r\nkey3=string3\r\n[App2]\r\nkey4=string4\r\n[App3]\r\nkey5=string5\r\n"),
          "a new value replaces the line");
    Check(WritePrivateProfileStringA("App1", NULL, "x", path) && WritePrivateProfileStringA("App2", NULL, NULL, path) &&
          FILE_IS("[App3]\r\nkey5=string5\r\n"), "a NULL key deletes the section");
    Check(WritePrivateProfileStringA("App3", "key5", NULL, path) && FILE_IS("[App3]\r\n"), "the last key gone: the section stays");
    Check(WritePrivateProfileSectionA("App3", "a=1\0b=2\0", path) && WritePrivateProfileSectionA("New", "c=3\0", path) &&
          FILE_IS("[App3]\r\na=1\r\nb=2\r\n[New]\r\nc=3\r\n"), "WritePrivateProfileSection fills or adds a section");
    Check(WritePrivateProfileSectionA("App3", "z=9\0", path) && FILE_IS("[App3]\r\nz=9\r\n[New]\r\nc=3\r\n"),
          "and replaces what a section had");
    Check(WritePrivateProfileSectionA("New", NULL, path) && FILE_IS("[App3]\r\nz=9\r\n"), "a NULL string deletes the section");
    Check(!WritePrivateProfileStringA(NULL, NULL, NULL, path), "all NULL (a cache flush): FALSE");
}

static void Reads(void)
{
    char buf[100], def[20];
    static const char content[] = "[section1]\r\nname1=val1\r\nname2=\"val2\"\r\nname3\r\nname4=a\r\n"
                                  "  name5 =  spaced  \r\n[ section2 ]\r\n[section3]\r\n=val5\r\n";
    Put(content, sizeof(content) - 1);
    Check(GetPrivateProfileStringA("section1", "name1", "default", buf, sizeof(buf), path) == 4 && Same(buf, "val1"),
          "GetPrivateProfileString: val1");
    Check(GetPrivateProfileStringA("SECTION1", "NaMe1", "default", buf, sizeof(buf), path) == 4, "names ignore case");
    Check(GetPrivateProfileStringA("section1", "name2", "default", buf, sizeof(buf), path) == 4 && Same(buf, "val2"),
          "quotes around a value are stripped");
    Check(GetPrivateProfileStringA("section1", "name5", "", buf, sizeof(buf), path) == 6 && Same(buf, "spaced"),
          "blanks around keys and values are not theirs");
    Check(GetPrivateProfileStringA("section3", "", "", buf, sizeof(buf), path) == 4 && Same(buf, "val5"),
          "an empty key name finds \"=val5\"");
    SetLastError(0xdeadbeef);
    CheckError(GetPrivateProfileStringA("section1", "nokey", "default", buf, sizeof(buf), path) == 7 &&
               Same(buf, "default"), ERROR_FILE_NOT_FOUND, "a missing key: the default, ERROR_FILE_NOT_FOUND");
    lstrcpyA(def, "one two  ");
    Check(GetPrivateProfileStringA("nosection", "name1", def, buf, sizeof(buf), path) == 7 && Same(buf, "one two"),
          "the default loses its trailing blanks");
    Check(GetPrivateProfileStringA("section1", "name1", NULL, buf, sizeof(buf), path) == 4 &&
          GetPrivateProfileStringA("x", "y", NULL, buf, sizeof(buf), path) == 0 && buf[0] == 0, "a NULL default is empty");
    lstrcpyA(buf, "kumquat");
    Check(GetPrivateProfileStringA("section1", "name1", "default", buf, 0, path) == 0 && Same(buf, "kumquat"),
          "nSize 0: 0, the buffer untouched");
    Check(GetPrivateProfileStringA("section1", "name1", "default", buf, 4, path) == 3 && Same(buf, "val"),
          "nSize 4: val, 3 (nSize - 1)");
    Check(GetPrivateProfileStringA("section1", "name4", "default", buf, 1, path) == 0 && buf[0] == 0, "nSize 1: empty, 0");
    DWORD n = GetPrivateProfileStringA("section1", NULL, "", buf, sizeof(buf), path);
    Commas(buf, n);
    Check(n == 24 && Same(buf, "name1,name2,name4,name5"), "a NULL key lists the keys (not the line without '='), 24");
    n = GetPrivateProfileStringA("section1", NULL, "", buf, 16, path);
    Check(n == 14 && SameN(buf, "name1\0name2\0na\0\0", 16), "a list cut to 16: name1 name2 na and two NULs, 14");
    n = GetPrivateProfileStringA(NULL, "name1", "default", buf, sizeof(buf), path);
    Check(n == 27 && SameN(buf, "section1\0section2\0section3\0\0", 28), "a NULL section lists the sections, trimmed, 27");
    Check(GetPrivateProfileSectionNamesA(buf, 29, path) == 27, "GetPrivateProfileSectionNames into 29: 27");
    Check(GetPrivateProfileSectionNamesA(buf, 28, path) == 26 && buf[26] == 0 && buf[27] == 0,
          "into 28 (the exact size): cut, 26");
    Check(GetPrivateProfileSectionNamesA(buf, 27, path) == 25, "into 27: 25");
    SetLastError(0xdeadbeef);
    n = GetPrivateProfileSectionA("section1", buf, sizeof(buf), path);
    Commas(buf, n);
    CheckError(n == 51 && Same(buf, "name1=val1,name2=\"val2\",name3,name4=a,name5=spaced"), ERROR_SUCCESS,
               "GetPrivateProfileSection: every line, 51, ERROR_SUCCESS");
    n = GetPrivateProfileSectionA("section1", buf, 24, path);
    Check(n == 22 && SameN(buf, "name1=val1\0name2=\"val2\0\0", 24), "GetPrivateProfileSection cut to 24: 22");
    Check(GetPrivateProfileSectionA("section2", buf, sizeof(buf), path) == 0 && buf[0] == 0, "an empty section: 0");
    CheckError(!GetPrivateProfileSectionA(NULL, buf, sizeof(buf), path), ERROR_INVALID_PARAMETER,
               "GetPrivateProfileSection of no section -> ERROR_INVALID_PARAMETER");
    CheckError(!GetPrivateProfileSectionA("section1", buf, 0, path), ERROR_INVALID_PARAMETER,
               "GetPrivateProfileSection into 0 -> ERROR_INVALID_PARAMETER");
    CheckError(!GetPrivateProfileSectionA("section1", buf, sizeof(buf), "C:\\Temp\\no_such.ini"), ERROR_FILE_NOT_FOUND,
               "GetPrivateProfileSection of a missing file -> ERROR_FILE_NOT_FOUND");
    DeleteFileA(path);
}

static void Integers(void)
{
    static const struct { const char *value; int def; UINT result; } cases[] = {
        {"-1", 1, 0xFFFFFFFF}, {"1", -1, 1}, {"+1", -1, 1}, {"4294967296", 1, 0}, {"4294967297", -1, 1},
        {"-4294967297", 1, 0xFFFFFFFF}, {"42A94967297", 1, 42}, {"B4294967297", 1, 0}, {"", 7, 7},
    };
    int ok = 1;
    DeleteFileA(path);
    ok &= GetPrivateProfileIntA("Test", "ProfileInt", -1, path) == 0xFFFFFFFF;
    for (int i = 0; i < (int)(sizeof(cases) / sizeof(cases[0])); i++) {
        WritePrivateProfileStringA("Test", "ProfileInt", cases[i].value, path);
        ok &= GetPrivateProfileIntA("Test", "ProfileInt", cases[i].def, path) == cases[i].result;
    }
    Check(ok, "GetPrivateProfileInt: signs, 32-bit wrap, digits up to the first other character, the default");
    DeleteFileA(path);
}

static void Structs(void)
{
    char buf[20];
    DeleteFileA(path);
    CheckError(!GetPrivateProfileStructA("s", "key", buf, sizeof(buf), path), ERROR_BAD_LENGTH,
               "GetPrivateProfileStruct of a missing key -> ERROR_BAD_LENGTH");
    Check(WritePrivateProfileStructA("s", "key", (void *)"abacus", 7, path) && FILE_IS("[s]\r\nkey=616261637573006F\r\n"),
          "WritePrivateProfileStruct: hex and the checksum 6F");
    CheckError(!GetPrivateProfileStructA("s", "key", buf, 6, path), ERROR_BAD_LENGTH, "read as 6 bytes -> ERROR_BAD_LENGTH");
    Check(GetPrivateProfileStructA("s", "key", buf, 7, path) && Same(buf, "abacus"), "read as 7 bytes: abacus");
    WritePrivateProfileStringA("s", "key", "636163747573006F", path);
    CheckError(!GetPrivateProfileStructA("s", "key", buf, 7, path), ERROR_INVALID_DATA,
               "a wrong checksum -> ERROR_INVALID_DATA");
    WritePrivateProfileStringA("s", "key", "6361637475730083", path);
    Check(GetPrivateProfileStructA("s", "key", buf, 7, path) && Same(buf, "cactus"), "its right checksum: cactus");
    Check(WritePrivateProfileStructA("s", "key", NULL, 0, path) && FILE_IS("[s]\r\n"), "a NULL struct deletes the key");
    DeleteFileA(path);
}

static void Unicode(void)
{
    static const WCHAR text[] = L"\xFEFF[s\x00E9]\r\nk=v\x00E9\r\n";
    WCHAR buf[20], wpath[MAX_PATH];
    MultiByteToWideChar(CP_ACP, 0, path, -1, wpath, MAX_PATH);
    Put(text, sizeof(text) - 2);
    Check(GetPrivateProfileStringW(L"s\x00E9", L"k", L"", buf, 20, wpath) == 2 && buf[0] == 'v' && buf[1] == 0xE9,
          "a UTF-16 file with its BOM is read");
    static const WCHAR after[] = L"\xFEFF[s\x00E9]\r\nk=v\x00E9\r\nk2=\x4E2D\r\n";
    Check(WritePrivateProfileStringW(L"s\x00E9", L"k2", L"\x4E2D", wpath) && FileIs(after, sizeof(after) - 2),
          "and written back in UTF-16 with its BOM");
    DeleteFileA(path);
}

static void WindowsDirectory(void)
{
    char buf[20];
    SetLastError(0xdeadbeef);
    CheckError(GetPrivateProfileStringA("s", "k", "dflt", buf, sizeof(buf), "k32_profile_none.ini") == 4,
               ERROR_FILE_NOT_FOUND, "a bare name is looked for in the Windows directory: the default");
    CheckError(!WritePrivateProfileStringA("s", "k", "v", "k32_profile.ini"), ERROR_ACCESS_DENIED,
               "writing one there (read-only here) -> ERROR_ACCESS_DENIED");
    CheckError(!WritePrivateProfileStringA("s", "k", "v", ""), ERROR_ACCESS_DENIED,
               "an empty file name (the Windows directory itself) -> ERROR_ACCESS_DENIED");
    Check(GetProfileStringA("windows", "load", "none", buf, sizeof(buf)) == 4 && Same(buf, "none") &&
          GetProfileIntA("windows", "x", 5) == 5, "GetProfileString/Int: no win.ini here, the defaults");
    CheckError(!WriteProfileStringA("windows", "x", "1"), ERROR_ACCESS_DENIED, "WriteProfileString -> ERROR_ACCESS_DENIED");
}

void Entry(void)
{
    DWORD n = GetTempPathA(MAX_PATH, path);
    lstrcpyA(path + n, "k32_profile.ini");
    Writes();
    Reads();
    Integers();
    Structs();
    Unicode();
    WindowsDirectory();
    ExitProcess(failures);
}
