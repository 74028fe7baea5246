/* shell32's file operations and program launching, in C:\Temp: SHCreateDirectoryEx and its
 * errors, SHFileOperation copying (wildcards, folders), renaming, moving and deleting, with the
 * codes Windows 10 returns, then ShellExecute(Ex) of this program, a batch file, files that are
 * missing or have no association, and FindExecutable. */
#include <windows.h>
#include <shlobj.h>
#include <shellapi.h>
#include <stdio.h>

static void Tree(const WCHAR *dir, int depth)
{
    WCHAR mask[MAX_PATH], child[MAX_PATH];
    WIN32_FIND_DATAW fd;
    swprintf(mask, MAX_PATH, L"%ls\\*", dir);
    HANDLE h = FindFirstFileW(mask, &fd);
    if (h == INVALID_HANDLE_VALUE) return;
    do {
        if (!wcscmp(fd.cFileName, L".") || !wcscmp(fd.cFileName, L"..")) continue;
        printf("%*s%ls%s\n", depth * 2 + 2, "", fd.cFileName, fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY ? "\\" : "");
        if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) {
            swprintf(child, MAX_PATH, L"%ls\\%ls", dir, fd.cFileName);
            Tree(child, depth + 1);
        }
    } while (FindNextFileW(h, &fd));
    FindClose(h);
}

static void Touch(const WCHAR *path, const char *text)
{
    HANDLE h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD n;
    WriteFile(h, text, (DWORD)strlen(text), &n, NULL);
    CloseHandle(h);
}

static int Op(UINT func, const WCHAR *from, const WCHAR *to, FILEOP_FLAGS extra)
{
    SHFILEOPSTRUCTW op = {NULL, func, from, to, FOF_SILENT | FOF_NOCONFIRMATION | FOF_NOERRORUI | extra, TRUE, NULL, NULL};
    int r = SHFileOperationW(&op);
    if (op.fAnyOperationsAborted) printf("(aborted) ");
    return r;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc > 1) {
        printf("child: %s\n", argv[1]);
        return 7;
    }
    printf("SHCreateDirectoryExW a\\b\\c %d\n", SHCreateDirectoryExW(NULL, L"C:\\Temp\\a\\b\\c", NULL));
    printf("again %d, relative %d\n", SHCreateDirectoryExW(NULL, L"C:\\Temp\\a\\b\\c", NULL),
           SHCreateDirectoryExW(NULL, L"rel\\x", NULL));
    printf("SHCreateDirectoryExA under C:\\Windows %d\n", SHCreateDirectoryExA(NULL, "C:\\Windows\\newdir", NULL));
    printf("SHCreateDirectory a\\d %d\n", SHCreateDirectory(NULL, L"C:\\Temp\\a\\d"));
    Touch(L"C:\\Temp\\a\\1.txt", "one");
    Touch(L"C:\\Temp\\a\\2.txt", "two");
    Touch(L"C:\\Temp\\a\\b\\3.log", "three");
    printf("copy a\\*.txt -> dst %d\n", Op(FO_COPY, L"C:\\Temp\\a\\*.txt\0", L"C:\\Temp\\dst\0", 0));
    printf("copy folder a -> acopy %d\n", Op(FO_COPY, L"C:\\Temp\\a\0", L"C:\\Temp\\acopy\0", 0));
    printf("copy two files into existing folder %d\n",
           Op(FO_COPY, L"C:\\Temp\\a\\1.txt\0C:\\Temp\\a\\b\\3.log\0", L"C:\\Temp\\a\\d\0", 0));
    printf("copy multidest %d\n", Op(FO_COPY, L"C:\\Temp\\a\\1.txt\0C:\\Temp\\a\\2.txt\0",
                                     L"C:\\Temp\\one.txt\0C:\\Temp\\two.txt\0", FOF_MULTIDESTFILES));
    printf("rename acopy -> arenamed %d\n", Op(FO_RENAME, L"C:\\Temp\\acopy\0", L"C:\\Temp\\arenamed\0", 0));
    printf("rename onto existing %d\n", Op(FO_RENAME, L"C:\\Temp\\one.txt\0", L"C:\\Temp\\two.txt\0", 0));
    printf("move dst\\1.txt -> a\\b %d\n", Op(FO_MOVE, L"C:\\Temp\\dst\\1.txt\0", L"C:\\Temp\\a\\b\0", 0));
    printf("delete arenamed %d\n", Op(FO_DELETE, L"C:\\Temp\\arenamed\0", NULL, FOF_ALLOWUNDO));
    printf("delete *.log files only %d\n", Op(FO_DELETE, L"C:\\Temp\\a\\d\\*\0", NULL, FOF_FILESONLY));
    printf("delete missing %d\n", Op(FO_DELETE, L"C:\\Temp\\nothing.txt\0", NULL, 0));
    printf("copy missing %d\n", Op(FO_COPY, L"C:\\Temp\\nothing.txt\0", L"C:\\Temp\\dst\0", 0));
    printf("bad func %d, no source %d\n", Op(9, L"C:\\Temp\\a\0", NULL, 0), Op(FO_DELETE, L"\0", NULL, 0));
    SHFILEOPSTRUCTA opa = {NULL, FO_COPY, "C:\\Temp\\two.txt\0", "C:\\Temp\\three.txt\0", FOF_SILENT | FOF_NOCONFIRMATION, FALSE, NULL, NULL};
    printf("SHFileOperationA copy %d\n", SHFileOperationA(&opa));
    WCHAR unique[MAX_PATH];
    printf("PathYetAnotherMakeUniqueName %d", PathYetAnotherMakeUniqueName(unique, L"C:\\Temp", NULL, L"two.txt"));
    printf(" [%ls]", unique);
    printf(" %d", PathYetAnotherMakeUniqueName(unique, L"C:\\Temp", NULL, L"fresh.txt"));
    printf(" [%ls]\n", unique);
    printf("SHPathPrepareForWrite %08lX %08lX", SHPathPrepareForWriteW(NULL, NULL, L"C:\\Temp\\a", SHPPFW_NONE),
           SHPathPrepareForWriteW(NULL, NULL, L"C:\\Temp\\p\\q", SHPPFW_NONE));
    printf(" create %08lX", SHPathPrepareForWriteW(NULL, NULL, L"C:\\Temp\\p\\q\\f.txt", SHPPFW_DIRCREATE | SHPPFW_IGNOREFILENAME));
    printf(" then %08lX\n", SHPathPrepareForWriteW(NULL, NULL, L"C:\\Temp\\p\\q", SHPPFW_NONE));
    printf("C:\\Temp\n");
    Tree(L"C:\\Temp", 0);

    /* ShellExecute. */
    char self[MAX_PATH];
    GetModuleFileNameA(NULL, self, MAX_PATH);
    SHELLEXECUTEINFOA info = {sizeof(info)};
    info.fMask = SEE_MASK_NOCLOSEPROCESS;
    info.lpFile = self;
    info.lpParameters = "hello";
    info.nShow = SW_SHOWNORMAL;
    BOOL ok = ShellExecuteExA(&info);
    DWORD code = 0;
    WaitForSingleObject(info.hProcess, INFINITE);
    GetExitCodeProcess(info.hProcess, &code);
    CloseHandle(info.hProcess);
    printf("ShellExecuteExA self %d hInstApp %d exit %lu\n", ok, (int)(INT_PTR)info.hInstApp, code);
    Touch(L"C:\\Temp\\t.bat", "@exit /b 5\r\n");
    SHELLEXECUTEINFOW wi = {sizeof(wi)};
    wi.fMask = SEE_MASK_NOCLOSEPROCESS;
    wi.lpVerb = L"open";
    wi.lpFile = L"t.bat";
    wi.lpDirectory = L"C:\\Temp";
    ok = ShellExecuteExW(&wi);
    WaitForSingleObject(wi.hProcess, INFINITE);
    GetExitCodeProcess(wi.hProcess, &code);
    CloseHandle(wi.hProcess);
    printf("ShellExecuteExW t.bat %d exit %lu\n", ok, code);
    printf("missing file %d, missing path %d\n",
           (int)(INT_PTR)ShellExecuteW(NULL, NULL, L"C:\\Temp\\nothing.exe", NULL, NULL, SW_SHOW),
           (int)(INT_PTR)ShellExecuteW(NULL, NULL, L"C:\\Temp\\nodir\\x.exe", NULL, NULL, SW_SHOW));
    printf("no association %d\n", (int)(INT_PTR)ShellExecuteA(NULL, "open", "C:\\Temp\\two.txt", NULL, NULL, SW_SHOW));
    wi.fMask = 0;
    wi.lpVerb = NULL;
    wi.lpFile = L"C:\\Temp\\two.txt";
    SetLastError(0);
    ok = ShellExecuteExW(&wi);
    printf("ShellExecuteExW txt %d error %lu hInstApp %d\n", ok, GetLastError(), (int)(INT_PTR)wi.hInstApp);
    wi.lpFile = L"C:\\Temp";
    ok = ShellExecuteExW(&wi);
    printf("a folder %d error %lu\n", ok, GetLastError());
    printf("an URL %d\n", (int)(INT_PTR)ShellExecuteW(NULL, L"open", L"https://example.com/", NULL, NULL, SW_SHOW));
    wi.lpVerb = L"runas";
    wi.lpFile = L"t.bat";
    wi.lpDirectory = L"C:\\Temp";
    ok = ShellExecuteExW(&wi);
    printf("runas %d error %lu hInstApp %d\n", ok, GetLastError(), (int)(INT_PTR)wi.hInstApp);
    char exe[MAX_PATH];
    INT_PTR r = (INT_PTR)FindExecutableA("C:\\Temp\\t.bat", NULL, exe);
    printf("FindExecutable bat %d %s\n", r > 32, exe);
    printf("FindExecutable txt %d, missing %d\n", (int)(INT_PTR)FindExecutableA("C:\\Temp\\two.txt", NULL, exe),
           (int)(INT_PTR)FindExecutableA("C:\\Temp\\none.txt", NULL, exe));
    return 0;
}
