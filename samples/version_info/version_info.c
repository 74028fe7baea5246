/* version.dll: GetFileVersionInfoSize/GetFileVersionInfo(Ex)A/W on the program's own VERSIONINFO
 * and on kernel32.dll, VerQueryValueW/A ("\\", the Translation array, StringFileInfo strings, the
 * ANSI copies after the "FE2X" signature), the errors for a missing file and a file without a
 * version resource, VerLanguageName, VerFindFile and VerInstallFile's copy. Exit code: failed checks. */
#include "../k32.h"

static void PrintW(const WCHAR *s, UINT n)
{
    char buf[256];
    UINT i = 0;
    for (; i < n && i < 255 && s[i]; i++)
        buf[i] = (char)s[i];
    buf[i] = 0;
    Print(buf);
}

static void Version(const char *what, DWORD ms, DWORD ls)
{
    Print(what);
    PrintNum(HIWORD(ms), 0); Print("."); PrintNum(LOWORD(ms), 0); Print(".");
    PrintNum(HIWORD(ls), 0); Print("."); PrintNum(LOWORD(ls), 0); Print("\n");
}

static BYTE block[4096], block2[4096];

void Entry(void)
{
    WCHAR self[MAX_PATH];
    GetModuleFileNameW(NULL, self, MAX_PATH);
    DWORD handle = 123;
    DWORD size = GetFileVersionInfoSizeW(self, &handle);
    Print("size "); PrintNum(size, 0); Print(" handle "); PrintNum(handle, 0); Print("\n");
    const WORD *res = LockResource(LoadResource(NULL, FindResourceW(NULL, MAKEINTRESOURCEW(1), (LPCWSTR)RT_VERSION)));
    Check(res && size == (DWORD)res[0] * 2 + 4, "size: twice the resource plus 4");
    Check(GetFileVersionInfoW(self, 0, size, block), "GetFileVersionInfoW");
    Check(block[res[0]] == 'F' && block[res[0] + 1] == 'E' && block[res[0] + 2] == '2' && block[res[0] + 3] == 'X',
          "the FE2X signature after the block");

    /* The fixed part. */
    VS_FIXEDFILEINFO *fixed;
    UINT len;
    Check(VerQueryValueW(block, L"\\", (void **)&fixed, &len) && len == sizeof(*fixed), "\\ is VS_FIXEDFILEINFO");
    Print("signature "); PrintNum(fixed->dwSignature, 1); Print(" struc "); PrintNum(fixed->dwStrucVersion, 1);
    Print(" type "); PrintNum(fixed->dwFileType, 0); Print(" os "); PrintNum(fixed->dwFileOS, 1); Print("\n");
    Version("file ", fixed->dwFileVersionMS, fixed->dwFileVersionLS);
    Version("product ", fixed->dwProductVersionMS, fixed->dwProductVersionLS);

    /* The translation array and the strings. */
    DWORD *trans;
    Check(VerQueryValueW(block, L"\\VarFileInfo\\Translation", (void **)&trans, &len) && len == 4,
          "Translation: 4 bytes");
    Print("translation "); PrintNum(*trans, 1); Print("\n");
    WCHAR *text;
    Check(VerQueryValueW(block, L"\\StringFileInfo\\040904b0\\CompanyName", (void **)&text, &len), "CompanyName");
    Print("CompanyName '"); PrintW(text, len); Print("' len "); PrintNum(len, 0); Print("\n");
    Check(VerQueryValueW(block, L"\\stringfileinfo\\040904B0\\FILEDESCRIPTION", (void **)&text, &len),
          "keys compare without case");
    Print("FileDescription '"); PrintW(text, len); Print("' len "); PrintNum(len, 0); Print("\n");
    Check(VerQueryValueW(block, L"StringFileInfo\\040904b0\\Comments", (void **)&text, &len), "an empty value");
    Print("Comments len "); PrintNum(len, 0); Print("\n");
    CheckError(!VerQueryValueW(block, L"\\StringFileInfo\\040904b0\\NoSuch", (void **)&text, &len),
               ERROR_RESOURCE_TYPE_NOT_FOUND, "no such value");

    /* The A forms: a copy of the same block, strings answered in ANSI from the second half. */
    char path[MAX_PATH];
    GetModuleFileNameA(NULL, path, MAX_PATH);
    Check(GetFileVersionInfoSizeA(path, NULL) == size && GetFileVersionInfoA(path, 0, size, block2), "the A forms");
    char *ansi;
    Check(VerQueryValueA(block2, "\\StringFileInfo\\040904b0\\FileVersion", (void **)&ansi, &len), "VerQueryValueA");
    Print("FileVersion A '"); Print(ansi); Print("' len "); PrintNum(len, 0);
    Print(" in the second half "); PrintNum(ansi > (char *)block2 + res[0], 0); Print("\n");
    Check(VerQueryValueA(block2, "\\", (void **)&fixed, &len) && (BYTE *)fixed < block2 + res[0],
          "binary values stay in the block");

    /* kernel32.dll, found in System32 as LoadLibrary finds it. */
    size = GetFileVersionInfoSizeExW(FILE_VER_GET_NEUTRAL, L"kernel32.dll", NULL);
    Check(size > 0 && size <= sizeof(block) && GetFileVersionInfoExW(FILE_VER_GET_NEUTRAL, L"kernel32.dll", 0, size, block),
          "kernel32.dll has a version");
    VerQueryValueW(block, L"\\", (void **)&fixed, &len);
    Version("kernel32 ", fixed->dwFileVersionMS, fixed->dwFileVersionLS);
    if (VerQueryValueW(block, L"\\StringFileInfo\\040904B0\\OriginalFilename", (void **)&text, &len)) {
        Print("kernel32 OriginalFilename '"); PrintW(text, len); Print("'\n");
    }

    /* Errors. */
    CheckError(GetFileVersionInfoSizeW(L"C:\\Temp\\nosuch.dll", NULL) == 0, ERROR_FILE_NOT_FOUND,
               "a missing file -> ERROR_FILE_NOT_FOUND");
    CheckError(GetFileVersionInfoSizeW(L"", NULL) == 0, ERROR_FILE_NOT_FOUND, "an empty name -> ERROR_FILE_NOT_FOUND");
    WCHAR nt[MAX_PATH];
    GetSystemDirectoryW(nt, MAX_PATH);
    CheckError(GetFileVersionInfoW(self, 0, 100, NULL) == FALSE, ERROR_INVALID_DATA, "no buffer -> ERROR_INVALID_DATA");

    /* VerLanguageName (kernel32's). */
    char name[64];
    DWORD n = VerLanguageNameA(0x409, name, sizeof(name));
    Print("language 0409 '"); Print(name); Print("' "); PrintNum(n, 0); Print("\n");
    WCHAR wname[8];
    n = VerLanguageNameW(0x409, wname, 8);
    Print("cut '"); PrintW(wname, 8); Print("' "); PrintNum(n, 0); Print("\n");
    n = VerLanguageNameA(0x1234, name, sizeof(name));
    Print("language 1234 '"); Print(name); Print("'\n");

    /* VerFindFile: a private file goes to the application's folder, a shared one to System32. */
    WCHAR cur[MAX_PATH], dest[MAX_PATH];
    UINT cl = MAX_PATH, dl = MAX_PATH;
    DWORD r = VerFindFileW(0, L"kernel32.dll", NULL, L"C:\\Temp", cur, &cl, dest, &dl);
    Print("find kernel32 private "); PrintNum(r, 0); Print(" cur '"); PrintW(cur, cl); Print("' dest '");
    PrintW(dest, dl); Print("' "); PrintNum(dl, 0); Print("\n");
    cl = dl = MAX_PATH;
    r = VerFindFileW(VFFF_ISSHAREDFILE, L"kernel32.dll", NULL, L"C:\\Temp", cur, &cl, dest, &dl);
    Print("find kernel32 shared "); PrintNum(r, 0); Print(" cur '"); PrintW(cur, cl); Print("' dest '");
    PrintW(dest, dl); Print("'\n");
    char acur[4], adest[MAX_PATH];
    UINT acl = sizeof(acur), adl = MAX_PATH;
    r = VerFindFileA(0, "nosuch.dll", NULL, "C:\\Temp", acur, &acl, adest, &adl);
    Print("find nosuch "); PrintNum(r, 0); Print(" cur len "); PrintNum(acl, 0); Print(" dest '"); Print(adest);
    Print("'\n");
    acl = 2;
    r = VerFindFileA(0, "kernel32.dll", NULL, "C:\\Temp", acur, &acl, adest, &adl);
    Print("small buffer "); PrintNum(r, 0); Print(" need "); PrintNum(acl, 0); Print("\n");

    /* VerInstallFile: copy the program into C:\Temp, then an older version over a newer one. */
    WCHAR dir[MAX_PATH], tmp[MAX_PATH];
    lstrcpyW(dir, self);
    for (int i = lstrlenW(dir); i > 0; i--)
        if (dir[i - 1] == L'\\') { dir[i - 1] = 0; break; }
    UINT tl = MAX_PATH;
    tmp[0] = 0;
    r = VerInstallFileW(0, L"version_info.exe", L"copy.exe", dir, L"C:\\Temp", L"", tmp, &tl);
    Print("install "); PrintNum(r, 0); Print(" exists ");
    PrintNum(GetFileAttributesW(L"C:\\Temp\\copy.exe") != INVALID_FILE_ATTRIBUTES, 0); Print("\n");
    tl = MAX_PATH;
    tmp[0] = 0;
    r = VerInstallFileW(0, L"kernel32.dll", L"copy.exe", nt, L"C:\\Temp", L"", tmp, &tl);
    Print("a DLL over a program "); PrintNum(r, 1); Print(" tmp named "); PrintNum(tmp[0] != 0, 0); Print("\n");
    r = VerInstallFileW(VIFF_FORCEINSTALL, L"kernel32.dll", L"copy.exe", nt, L"C:\\Temp", L"", tmp, &tl);
    Print("forced "); PrintNum(r, 0); Print("\n");
    size = GetFileVersionInfoSizeW(L"C:\\Temp\\copy.exe", NULL);
    GetFileVersionInfoW(L"C:\\Temp\\copy.exe", 0, size, block);
    VerQueryValueW(block, L"\\", (void **)&fixed, &len);
    Version("installed ", fixed->dwFileVersionMS, fixed->dwFileVersionLS);
    tl = MAX_PATH;
    tmp[0] = 0;
    r = VerInstallFileW(0, L"version_info.exe", L"copy.exe", dir, L"C:\\Temp", L"", tmp, &tl);
    Print("older over newer "); PrintNum(r, 1); Print("\n");
    tl = MAX_PATH;
    tmp[0] = 0;
    r = VerInstallFileW(0, L"nosuch.dll", L"x.dll", nt, L"C:\\Temp", L"", tmp, &tl);
    Print("missing source "); PrintNum(r, 1); Print("\n");
    ExitProcess(failures);
}
