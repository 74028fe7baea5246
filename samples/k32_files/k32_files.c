/* Family 4, files and directories in %TEMP% (C:\Temp): CreateFile's dispositions and their last
 * errors, reads and writes, file pointers, sizes, sharing, overlapped writes, attributes,
 * directories, FindFirstFile wildcards, moving, copying, deleting, full paths and the current
 * directory, volumes; the documented error for each mistake. Exit code: failed checks. */
#include "../k32.h"

static int Equals(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static HANDLE Open(const char *name, DWORD access, DWORD share, DWORD disposition)
{
    return CreateFileA(name, access, share, NULL, disposition, FILE_ATTRIBUTE_NORMAL, NULL);
}

void Entry(void)
{
    char buf[MAX_PATH];
    DWORD n = GetTempPathA(sizeof(buf), buf), done = 0;
    Check(n == 8 && Equals(buf, "C:\\Temp\\"), "GetTempPath is C:\\Temp\\");

    HANDLE h = Open("C:\\Temp\\a.txt", GENERIC_READ | GENERIC_WRITE, 0, CREATE_NEW);
    Check(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "CREATE_NEW makes a file, last error 0");
    Check(GetFileType(h) == FILE_TYPE_DISK, "GetFileType: FILE_TYPE_DISK");
    Check(WriteFile(h, "hello world", 11, &done, NULL) && done == 11, "WriteFile");
    LARGE_INTEGER size;
    Check(GetFileSizeEx(h, &size) && size.QuadPart == 11 && GetFileSize(h, NULL) == 11, "GetFileSize(Ex)");
    Check(SetFilePointer(h, 6, NULL, FILE_BEGIN) == 6, "SetFilePointer(FILE_BEGIN)");
    char in[32] = {0};
    Check(ReadFile(h, in, sizeof(in), &done, NULL) && done == 5 && Equals(in, "world"), "ReadFile reads the rest");
    Check(ReadFile(h, in, sizeof(in), &done, NULL) && done == 0, "ReadFile at the end: TRUE, 0 bytes");
    CheckError(SetFilePointer(h, -20, NULL, FILE_CURRENT) == INVALID_SET_FILE_POINTER, ERROR_NEGATIVE_SEEK,
               "seeking before the start -> ERROR_NEGATIVE_SEEK");
    LARGE_INTEGER to = {.QuadPart = 5}, now;
    Check(SetFilePointerEx(h, to, &now, FILE_BEGIN) && SetEndOfFile(h) && GetFileSize(h, NULL) == 5, "SetEndOfFile truncates");
    Check(SetFilePointerEx(h, (LARGE_INTEGER){.QuadPart = 0}, &now, FILE_END) && now.QuadPart == 5, "FILE_END");
    Check(FlushFileBuffers(h), "FlushFileBuffers");
    BY_HANDLE_FILE_INFORMATION info;
    Check(GetFileInformationByHandle(h, &info) && info.nFileSizeLow == 5 && info.nNumberOfLinks == 1
          && !(info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY), "GetFileInformationByHandle");
    WCHAR final[MAX_PATH];
    n = GetFinalPathNameByHandleW(h, final, MAX_PATH, 0);
    WideCharToMultiByte(CP_ACP, 0, final, -1, buf, sizeof(buf), NULL, NULL);
    Print("final path: ");
    Print(buf);
    Print("\n");
    SetLastError(0);
    CheckError(Open("C:\\Temp\\a.txt", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING) == INVALID_HANDLE_VALUE,
               ERROR_SHARING_VIOLATION, "opened without sharing -> ERROR_SHARING_VIOLATION");
    CloseHandle(h);

    CheckError(Open("C:\\Temp\\a.txt", GENERIC_WRITE, 0, CREATE_NEW) == INVALID_HANDLE_VALUE, ERROR_FILE_EXISTS,
               "CREATE_NEW on a file -> ERROR_FILE_EXISTS");
    h = Open("C:\\Temp\\a.txt", GENERIC_WRITE, 0, OPEN_ALWAYS);
    Check(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "OPEN_ALWAYS on a file: ERROR_ALREADY_EXISTS");
    CloseHandle(h);
    h = Open("C:\\Temp\\a.txt", GENERIC_WRITE, 0, CREATE_ALWAYS);
    Check(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS && GetFileSize(h, NULL) == 0,
          "CREATE_ALWAYS on a file: emptied, ERROR_ALREADY_EXISTS");
    WriteFile(h, "abc", 3, &done, NULL);
    CloseHandle(h);
    CheckError(Open("C:\\Temp\\none.txt", GENERIC_READ, 0, OPEN_EXISTING) == INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND,
               "OPEN_EXISTING on nothing -> ERROR_FILE_NOT_FOUND");
    CheckError(Open("C:\\Temp\\nodir\\x.txt", GENERIC_READ, 0, OPEN_EXISTING) == INVALID_HANDLE_VALUE, ERROR_PATH_NOT_FOUND,
               "a missing folder -> ERROR_PATH_NOT_FOUND");
    CheckError(Open("C:\\Temp\\none.txt", GENERIC_READ, 0, TRUNCATE_EXISTING) == INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND,
               "TRUNCATE_EXISTING on nothing -> ERROR_FILE_NOT_FOUND");
    CheckError(Open("C:\\Temp\\a.txt", GENERIC_READ, 0, 99) == INVALID_HANDLE_VALUE, ERROR_INVALID_PARAMETER,
               "a bad disposition -> ERROR_INVALID_PARAMETER");
    CheckError(Open("", GENERIC_READ, 0, OPEN_EXISTING) == INVALID_HANDLE_VALUE, ERROR_PATH_NOT_FOUND,
               "an empty name -> ERROR_PATH_NOT_FOUND");
    CheckError(Open("C:\\Windows\\System32\\new.txt", GENERIC_WRITE, 0, CREATE_NEW) == INVALID_HANDLE_VALUE,
               ERROR_ACCESS_DENIED, "the system folder refuses a new file -> ERROR_ACCESS_DENIED");

    /* Overlapped I/O with an event */
    h = CreateFileA("C:\\Temp\\ov.bin", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, NULL);
    OVERLAPPED ov = {0};
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ov.Offset = 4;
    BOOL ok = WriteFile(h, "data", 4, NULL, &ov);
    Check(ok || GetLastError() == ERROR_IO_PENDING, "an overlapped WriteFile starts");
    Check(GetOverlappedResult(h, &ov, &done, TRUE) && done == 4 && GetFileSize(h, NULL) == 8,
          "GetOverlappedResult: 4 bytes at offset 4");
    CloseHandle(ov.hEvent);
    CloseHandle(h);

    /* Attributes and directories */
    CheckError(GetFileAttributesA("C:\\Temp\\none.txt") == INVALID_FILE_ATTRIBUTES, ERROR_FILE_NOT_FOUND,
               "GetFileAttributes(missing) -> ERROR_FILE_NOT_FOUND");
    Check(CreateDirectoryA("C:\\Temp\\dir", NULL), "CreateDirectory");
    CheckError(!CreateDirectoryA("C:\\Temp\\dir", NULL), ERROR_ALREADY_EXISTS, "again -> ERROR_ALREADY_EXISTS");
    Check(GetFileAttributesA("C:\\Temp\\dir") & FILE_ATTRIBUTE_DIRECTORY, "a folder's attributes say so");
    CloseHandle(Open("C:\\Temp\\dir\\one.txt", GENERIC_WRITE, 0, CREATE_NEW));
    CloseHandle(Open("C:\\Temp\\dir\\two.txt", GENERIC_WRITE, 0, CREATE_NEW));
    CloseHandle(Open("C:\\Temp\\dir\\three.dat", GENERIC_WRITE, 0, CREATE_NEW));
    Check(SetFileAttributesA("C:\\Temp\\dir\\two.txt", FILE_ATTRIBUTE_READONLY)
          && (GetFileAttributesA("C:\\Temp\\dir\\two.txt") & FILE_ATTRIBUTE_READONLY), "SetFileAttributes(READONLY)");
    SetFileAttributesA("C:\\Temp\\dir\\two.txt", FILE_ATTRIBUTE_NORMAL);
    WIN32_FIND_DATAA fd;
    int txt = 0, all = 0;
    HANDLE f = FindFirstFileA("C:\\Temp\\dir\\*.txt", &fd);
    Check(f != INVALID_HANDLE_VALUE, "FindFirstFile(*.txt)");
    do { txt++; } while (FindNextFileA(f, &fd));
    Check(GetLastError() == ERROR_NO_MORE_FILES && txt == 2, "two .txt files, then ERROR_NO_MORE_FILES");
    Check(FindClose(f), "FindClose");
    f = FindFirstFileA("C:\\Temp\\dir\\*", &fd);
    do { all++; } while (FindNextFileA(f, &fd));
    FindClose(f);
    Check(all == 5, "\"*\" lists the three files with . and ..");
    CheckError(FindFirstFileA("C:\\Temp\\dir\\*.exe", &fd) == INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND,
               "no match -> ERROR_FILE_NOT_FOUND");
    CheckError(FindFirstFileA("C:\\Temp\\nodir\\*", &fd) == INVALID_HANDLE_VALUE, ERROR_PATH_NOT_FOUND,
               "a missing folder -> ERROR_PATH_NOT_FOUND");
    CheckError(!FindClose(INVALID_HANDLE_VALUE), ERROR_INVALID_HANDLE, "FindClose(INVALID_HANDLE_VALUE) -> ERROR_INVALID_HANDLE");
    CheckError(!RemoveDirectoryA("C:\\Temp\\dir"), ERROR_DIR_NOT_EMPTY, "RemoveDirectory(not empty) -> ERROR_DIR_NOT_EMPTY");

    /* Moving, copying, deleting */
    Check(MoveFileA("C:\\Temp\\dir\\one.txt", "C:\\Temp\\dir\\uno.txt")
          && GetFileAttributesA("C:\\Temp\\dir\\one.txt") == INVALID_FILE_ATTRIBUTES, "MoveFile renames");
    CheckError(!MoveFileA("C:\\Temp\\dir\\uno.txt", "C:\\Temp\\dir\\two.txt"), ERROR_ALREADY_EXISTS,
               "MoveFile onto a file -> ERROR_ALREADY_EXISTS");
    Check(MoveFileExA("C:\\Temp\\dir\\uno.txt", "C:\\Temp\\dir\\two.txt", MOVEFILE_REPLACE_EXISTING),
          "MoveFileEx(MOVEFILE_REPLACE_EXISTING) replaces it");
    CheckError(!CopyFileA("C:\\Temp\\a.txt", "C:\\Temp\\dir\\two.txt", TRUE), ERROR_FILE_EXISTS,
               "CopyFile(fail if exists) -> ERROR_FILE_EXISTS");
    Check(CopyFileA("C:\\Temp\\a.txt", "C:\\Temp\\dir\\copy.txt", TRUE), "CopyFile");
    h = Open("C:\\Temp\\dir\\copy.txt", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING);
    Check(ReadFile(h, in, sizeof(in), &done, NULL) && done == 3 && in[0] == 'a' && in[2] == 'c', "the copy has the data");
    CloseHandle(h);
    Check(DeleteFileA("C:\\Temp\\dir\\copy.txt") && DeleteFileA("C:\\Temp\\dir\\two.txt")
          && DeleteFileA("C:\\Temp\\dir\\three.dat"), "DeleteFile");
    CheckError(!DeleteFileA("C:\\Temp\\dir\\two.txt"), ERROR_FILE_NOT_FOUND, "deleting it again -> ERROR_FILE_NOT_FOUND");
    CheckError(!DeleteFileA("C:\\Temp\\dir"), ERROR_ACCESS_DENIED, "DeleteFile on a folder -> ERROR_ACCESS_DENIED");
    Check(RemoveDirectoryA("C:\\Temp\\dir"), "RemoveDirectory once empty");
    h = CreateFileA("C:\\Temp\\gone.tmp", GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    Check(h != INVALID_HANDLE_VALUE && GetFileAttributesA("C:\\Temp\\gone.tmp") != INVALID_FILE_ATTRIBUTES, "a DELETE_ON_CLOSE file");
    CloseHandle(h);
    Check(GetFileAttributesA("C:\\Temp\\gone.tmp") == INVALID_FILE_ATTRIBUTES, "is gone once closed");

    /* Paths and the current directory */
    char *part = NULL;
    n = GetFullPathNameA("x\\..\\b.txt.", sizeof(buf), buf, &part);
    Check(n == 13 && Equals(buf, "C:\\work\\b.txt") && part == buf + 8, "GetFullPathName from C:\\work");
    n = GetFullPathNameA("/Temp//y/./z", sizeof(buf), buf, NULL);
    Check(Equals(buf, "C:\\Temp\\y\\z"), "slashes, doubled separators and . are normalised");
    Check(GetFullPathNameA("C:\\a", 3, buf, NULL) == 5, "a short buffer gets the size needed");
    Check(GetCurrentDirectoryA(sizeof(buf), buf) == 7 && Equals(buf, "C:\\work"), "the current directory starts at C:\\work");
    Check(SetCurrentDirectoryA("C:\\Temp") && GetCurrentDirectoryA(sizeof(buf), buf) == 7 && Equals(buf, "C:\\Temp"),
          "SetCurrentDirectory");
    Check(GetFileAttributesA("a.txt") != INVALID_FILE_ATTRIBUTES, "a relative name finds C:\\Temp\\a.txt");
    CheckError(!SetCurrentDirectoryA("C:\\Temp\\nodir"), ERROR_FILE_NOT_FOUND, "SetCurrentDirectory(missing) -> ERROR_FILE_NOT_FOUND");
    CheckError(!SetCurrentDirectoryA("C:\\Temp\\a.txt"), ERROR_DIRECTORY, "SetCurrentDirectory(a file) -> ERROR_DIRECTORY");
    char tmp[MAX_PATH];
    UINT unique = GetTempFileNameA("C:\\Temp", "k32", 0, tmp);
    Check(unique != 0 && GetFileAttributesA(tmp) != INVALID_FILE_ATTRIBUTES && DeleteFileA(tmp), "GetTempFileName makes a file");
    Check(DeleteFileA("C:\\Temp\\a.txt") && DeleteFileA("C:\\Temp\\ov.bin"), "clean up");

    Check(GetSystemDirectoryA(buf, sizeof(buf)) == 19 && Equals(buf, "C:\\Windows\\system32"), "GetSystemDirectory");
    Check(GetWindowsDirectoryA(buf, sizeof(buf)) == 10 && Equals(buf, "C:\\Windows"), "GetWindowsDirectory");
    Check(GetDriveTypeA("C:\\") == DRIVE_FIXED && GetDriveTypeA("Q:\\") == DRIVE_NO_ROOT_DIR, "GetDriveType");
    Check(GetLogicalDrives() == 4, "GetLogicalDrives: C: only");
    ULARGE_INTEGER avail, total, free;
    Check(GetDiskFreeSpaceExW(L"C:\\", &avail, &total, &free) && total.QuadPart >= avail.QuadPart && total.QuadPart > 0,
          "GetDiskFreeSpaceEx");
    WCHAR fs[16];
    DWORD serial = 0, maxlen = 0, flags = 0;
    Check(GetVolumeInformationW(L"C:\\", NULL, 0, &serial, &maxlen, &flags, fs, 16) && maxlen == 255, "GetVolumeInformation");
    WideCharToMultiByte(CP_ACP, 0, fs, -1, buf, sizeof(buf), NULL, NULL);
    Print("file system: ");
    Print(buf);
    Print("\n");
    ExitProcess(failures);
}
