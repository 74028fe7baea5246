/* Family 2, the file calls around the common ones: the ANSI volume and path queries, the
 * compressed size, CreateDirectoryEx's template, MoveFileWithProgress, ReOpenFile, and
 * SetFileCompletionNotificationModes (no packet and no handle signal for a pipe read that completes
 * at once) with GetOverlappedResultEx's poll, timeout and success. Exit code: failed checks. */
#include "../k32.h"

static int Same(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static void Volumes(void)
{
    DWORD spc = 0, bps = 0, fc = 0, tc = 0;
    Check(GetDiskFreeSpaceA("C:\\", &spc, &bps, &fc, &tc) && spc && bps && tc >= fc, "GetDiskFreeSpaceA(C:\\)");
    ULARGE_INTEGER avail, total, fr;
    Check(GetDiskFreeSpaceExA(NULL, &avail, &total, &fr) && total.QuadPart >= avail.QuadPart &&
          total.QuadPart == (ULONGLONG)tc * spc * bps, "GetDiskFreeSpaceExA(NULL): the current drive, the same size");
    CheckError(!GetDiskFreeSpaceA("Q:\\", &spc, &bps, &fc, &tc), ERROR_PATH_NOT_FOUND, "GetDiskFreeSpaceA(Q:\\) -> ERROR_PATH_NOT_FOUND");
    char label[64], fs[16], tiny[2];
    DWORD serial = 0, maxc = 0, flags = 0, wserial = 0;
    WCHAR wfs[16];
    Check(GetVolumeInformationA("C:\\", label, sizeof(label), &serial, &maxc, &flags, fs, sizeof(fs)) && maxc == 255,
          "GetVolumeInformationA");
    GetVolumeInformationW(L"C:\\", NULL, 0, &wserial, NULL, NULL, wfs, 16);
    int same = serial == wserial;
    for (int i = 0; same && (fs[i] || wfs[i]); i++) same = fs[i] == (char)wfs[i];
    Check(same, "the same serial and file system name as the wide form");
    CheckError(!GetVolumeInformationA("C:\\", NULL, 0, NULL, NULL, NULL, tiny, sizeof(tiny)), ERROR_BAD_LENGTH,
               "a file-system name buffer too small -> ERROR_BAD_LENGTH");
    char drives[8];
    Check(GetLogicalDriveStringsA(1, drives) == 5, "GetLogicalDriveStringsA: the size needed");
    Check(GetLogicalDriveStringsA(sizeof(drives), drives) == 4 && Same(drives, "C:\\") && drives[4] == 0,
          "GetLogicalDriveStringsA: C:\\ and the double NUL");
}

static void Paths(void)
{
    char buf[MAX_PATH], small[4];
    GetTempPathA(MAX_PATH, buf);
    char dir[MAX_PATH], file[MAX_PATH];
    lstrcpyA(dir, buf);
    lstrcatA(dir, "k32fc");
    CreateDirectoryA(dir, NULL);
    lstrcpyA(file, dir);
    lstrcatA(file, "\\data.bin");
    HANDLE h = CreateFileA(file, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    char block[3000];
    for (int i = 0; i < 3000; i++) block[i] = (char)i;
    WriteFile(h, block, sizeof(block), &done, NULL);
    char out[MAX_PATH];
    DWORD n = GetLongPathNameA(file, out, MAX_PATH);
    Check(n == (DWORD)lstrlenA(file) && Same(out, file), "GetLongPathNameA: the name as it is");
    Check(GetShortPathNameA(file, small, sizeof(small)) == n + 1, "GetShortPathNameA with a small buffer: the size needed");
    CheckError(GetLongPathNameA("C:\\no\\such\\thing", out, MAX_PATH) == 0, ERROR_PATH_NOT_FOUND,
               "GetLongPathNameA of a missing path -> ERROR_PATH_NOT_FOUND");
    n = GetFinalPathNameByHandleA(h, out, MAX_PATH, 0);
    Check(n > 4 && out[0] == '\\' && out[1] == '\\' && out[2] == '?' && Same(out + 4, file), "GetFinalPathNameByHandleA: \\\\?\\ and the path");
    Check(GetFinalPathNameByHandleA(h, small, sizeof(small), 0) == n + 1, "and the size needed when it does not fit");
    DWORD high = 7;
    Check(GetCompressedFileSizeA(file, &high) == 3000 && high == 0 && GetLastError() == NO_ERROR,
          "GetCompressedFileSizeA: the file's size");
    CheckError(GetCompressedFileSizeA("C:\\no-such-file", &high) == INVALID_FILE_SIZE, ERROR_FILE_NOT_FOUND,
               "of a missing file -> INVALID_FILE_SIZE, ERROR_FILE_NOT_FOUND");

    /* ReOpenFile: the same file through a new handle with its own position and access. */
    HANDLE ro = ReOpenFile(h, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, 0);
    Check(ro != INVALID_HANDLE_VALUE, "ReOpenFile(GENERIC_READ)");
    char back[8];
    Check(ReadFile(ro, back, 8, &done, NULL) && done == 8 && back[5] == 5, "it reads the file from the start");
    CheckError(!WriteFile(ro, back, 1, &done, NULL), ERROR_ACCESS_DENIED, "and cannot write -> ERROR_ACCESS_DENIED");
    CloseHandle(ro);
    CheckError(ReOpenFile(h, GENERIC_READ, FILE_SHARE_READ, FILE_ATTRIBUTE_HIDDEN) == INVALID_HANDLE_VALUE,
               ERROR_INVALID_PARAMETER, "ReOpenFile with an attribute -> ERROR_INVALID_PARAMETER");
    CloseHandle(h);

    /* CreateDirectoryEx copies the template's attributes. */
    char templ[MAX_PATH], made[MAX_PATH];
    lstrcpyA(templ, dir); lstrcatA(templ, "\\templ");
    lstrcpyA(made, dir); lstrcatA(made, "\\made");
    CreateDirectoryA(templ, NULL);
    SetFileAttributesA(templ, FILE_ATTRIBUTE_HIDDEN);
    Check(CreateDirectoryExA(templ, made, NULL), "CreateDirectoryExA");
    Check(GetFileAttributesA(made) == (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_HIDDEN), "with the template's hidden attribute");
    CheckError(!CreateDirectoryExA(templ, made, NULL), ERROR_ALREADY_EXISTS, "again -> ERROR_ALREADY_EXISTS");
    CheckError(!CreateDirectoryExA(file, made, NULL), ERROR_DIRECTORY, "a file as the template -> ERROR_DIRECTORY");

    /* MoveFileWithProgress: a rename. */
    char moved[MAX_PATH];
    lstrcpyA(moved, dir); lstrcatA(moved, "\\moved.bin");
    Check(MoveFileWithProgressA(file, moved, NULL, NULL, 0) && GetFileAttributesA(file) == INVALID_FILE_ATTRIBUTES &&
          GetCompressedFileSizeA(moved, NULL) == 3000, "MoveFileWithProgressA renames");
    CheckError(!MoveFileWithProgressA(moved, made, NULL, NULL, 0), ERROR_ALREADY_EXISTS,
               "onto an existing name without MOVEFILE_REPLACE_EXISTING -> ERROR_ALREADY_EXISTS");
    DeleteFileA(moved);
    RemoveDirectoryA(made);
    RemoveDirectoryA(templ);
    RemoveDirectoryA(dir);
}

/* A pipe pair: the server end overlapped, the client end overlapped and on the port. */
static void Pair(const char *name, HANDLE *server, HANDLE *client)
{
    *server = CreateNamedPipeA(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 4096, 4096, 0, NULL);
    *client = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
}

static void Completion(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    HANDLE server, client;
    DWORD done, bytes;
    ULONG_PTR key;
    LPOVERLAPPED got;
    char buf[16];

    /* Without the mode: a read that completes at once still queues a packet. */
    Pair("\\\\.\\pipe\\k32fc_plain", &server, &client);
    Check(server != INVALID_HANDLE_VALUE && client != INVALID_HANDLE_VALUE, "a named pipe, both ends overlapped");
    CreateIoCompletionPort(client, port, 1, 0);
    OVERLAPPED wo = { 0 }, ro = { 0 };
    WriteFile(server, "hello", 5, &done, &wo);
    Check(ReadFile(client, buf, 5, &done, &ro) && done == 5, "a read of waiting data completes at once");
    Check(GetQueuedCompletionStatus(port, &bytes, &key, &got, 0) && key == 1 && got == &ro && bytes == 5,
          "and its packet is queued");
    Check(WaitForSingleObject(client, 0) == WAIT_OBJECT_0, "and the file handle is signalled");
    CloseHandle(client);
    CloseHandle(server);

    /* With FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: none. */
    Pair("\\\\.\\pipe\\k32fc_skip", &server, &client);
    CreateIoCompletionPort(client, port, 2, 0);
    Check(SetFileCompletionNotificationModes(client, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE),
          "SetFileCompletionNotificationModes(SKIP_COMPLETION_PORT_ON_SUCCESS | SKIP_SET_EVENT_ON_HANDLE)");
    WriteFile(server, "again", 5, &done, &wo);
    OVERLAPPED r2 = { 0 };
    Check(ReadFile(client, buf, 5, &done, &r2) && done == 5, "the read completes at once");
    CheckError(!GetQueuedCompletionStatus(port, &bytes, &key, &got, 0) && got == NULL, WAIT_TIMEOUT,
               "no packet for it -> WAIT_TIMEOUT");
    Check(WaitForSingleObject(client, 0) == WAIT_TIMEOUT, "and the handle was not signalled");
    /* A read that has to wait still completes through the port. */
    OVERLAPPED r3 = { 0 };
    CheckError(!ReadFile(client, buf, 4, &done, &r3), ERROR_IO_PENDING, "a read of an empty pipe -> ERROR_IO_PENDING");
    CheckError(!GetOverlappedResultEx(client, &r3, &done, 0, FALSE), ERROR_IO_INCOMPLETE,
               "GetOverlappedResultEx(0): ERROR_IO_INCOMPLETE");
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    OVERLAPPED r4 = { 0 };
    r4.hEvent = ev;
    OVERLAPPED wo2 = { 0 };
    WriteFile(server, "abcd", 4, &done, &wo2);
    Check(GetQueuedCompletionStatus(port, &bytes, &key, &got, 1000) && got == &r3 && key == 2 && bytes == 4,
          "the pending read's packet arrives when data comes");
    CheckError(!ReadFile(client, buf, 4, &done, &r4), ERROR_IO_PENDING, "another pending read, with an event");
    CheckError(!GetOverlappedResultEx(client, &r4, &done, 30, FALSE), WAIT_TIMEOUT, "GetOverlappedResultEx(30 ms) -> WAIT_TIMEOUT");
    WriteFile(server, "wxyz", 4, &done, &wo2);
    Check(GetOverlappedResultEx(client, &r4, &done, 1000, FALSE) && done == 4 && buf[0] == 'w', "then it returns the bytes");
    GetQueuedCompletionStatus(port, &bytes, &key, &got, 1000);
    CheckError(!SetFileCompletionNotificationModes(client, 0x80), ERROR_INVALID_PARAMETER,
               "an unknown mode -> ERROR_INVALID_PARAMETER");
    CloseHandle(ev);
    CloseHandle(client);
    CloseHandle(server);
    CloseHandle(port);
}

void Entry(void)
{
    Volumes();
    Paths();
    Completion();
    ExitProcess(failures);
}
