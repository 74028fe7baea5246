/* Change notifications through kernel32 in a folder of %TEMP%: FindFirst/Next/CloseChangeNotification
 * (the handle signalled by a change), ReadDirectoryChangesW waiting, overlapped with an event, with a
 * completion routine and through a completion port, a buffer too small, CancelIo, and
 * CancelSynchronousIo ending another thread's waiting ReadDirectoryChangesW and pipe ReadFile.
 * Exit code: failed checks. */
#include "../k32.h"

static WCHAR dir[MAX_PATH];
static WCHAR file_a[MAX_PATH], file_b[MAX_PATH], file_c[MAX_PATH];
static DWORD records[256];

static void Join(WCHAR *out, const WCHAR *name)
{
    lstrcpyW(out, dir);
    lstrcatW(out, L"\\");
    lstrcatW(out, name);
}

static void Touch(const WCHAR *path)
{
    HANDLE h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(h);
}

static int Record(const BYTE *at, DWORD action, const WCHAR *name)
{
    const FILE_NOTIFY_INFORMATION *r = (const FILE_NOTIFY_INFORMATION *)at;
    int n = lstrlenW(name);
    if (r->Action != action || r->FileNameLength != (DWORD)n * 2) return 0;
    for (int i = 0; i < n; i++) if (r->FileName[i] != name[i]) return 0;
    return 1;
}

static DWORD WINAPI Creator(LPVOID arg)
{
    Sleep(20);
    Touch((const WCHAR *)arg);
    return 0;
}

static void FindFirst(void)
{
    HANDLE h = FindFirstChangeNotificationW(dir, FALSE, FILE_NOTIFY_CHANGE_FILE_NAME);
    Check(h != INVALID_HANDLE_VALUE && WaitForSingleObject(h, 0) == WAIT_TIMEOUT,
          "FindFirstChangeNotificationW: a handle, not signalled yet");
    Touch(file_a);
    Check(WaitForSingleObject(h, 0) == WAIT_OBJECT_0, "a file created: signalled");
    Check(FindNextChangeNotification(h) && WaitForSingleObject(h, 0) == WAIT_TIMEOUT, "FindNextChangeNotification: waiting again");
    DeleteFileW(file_a);
    Check(WaitForSingleObject(h, 0) == WAIT_OBJECT_0, "the file deleted: signalled");
    Check(FindCloseChangeNotification(h), "FindCloseChangeNotification");
    CheckError(FindFirstChangeNotificationW(dir, FALSE, 0) == INVALID_HANDLE_VALUE, ERROR_INVALID_PARAMETER,
               "no filter -> ERROR_INVALID_PARAMETER");
    CheckError(FindFirstChangeNotificationA("C:\\Temp\\no such folder", FALSE, 1) == INVALID_HANDLE_VALUE,
               ERROR_FILE_NOT_FOUND, "a missing folder -> ERROR_FILE_NOT_FOUND");
    Touch(file_c);
    CheckError(FindFirstChangeNotificationW(file_c, FALSE, 1) == INVALID_HANDLE_VALUE, ERROR_DIRECTORY,
               "a file -> ERROR_DIRECTORY");
    DeleteFileW(file_c);
}

static DWORD routine_error = 99, routine_bytes;
static LPOVERLAPPED routine_ov;
static void WINAPI Routine(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    routine_error = error, routine_bytes = bytes, routine_ov = ov;
}

static void ReadChanges(void)
{
    DWORD bytes = 0;
    HANDLE h = CreateFileW(dir, FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    HANDLE t = CreateThread(NULL, 0, Creator, file_a, 0, NULL);
    Check(ReadDirectoryChangesW(h, records, sizeof(records), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME, &bytes, NULL, NULL) &&
          bytes == 22 && Record((BYTE *)records, FILE_ACTION_ADDED, L"a.txt") && records[0] == 0,
          "ReadDirectoryChangesW waits: one record, ADDED a.txt, 22 bytes");
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    DWORD small[2];
    DeleteFileW(file_a);
    Check(ReadDirectoryChangesW(h, small, sizeof(small), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME, &bytes, NULL, NULL) &&
          bytes == 0, "a change that does not fit in 8 bytes: TRUE and 0 bytes");
    CloseHandle(h);

    h = CreateFileW(dir, FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                    OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OVERLAPPED, NULL);
    OVERLAPPED ov = {0};
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    Touch(file_b);          /* before the handle's first request: not seen */
    DeleteFileW(file_b);
    Check(ReadDirectoryChangesW(h, records, sizeof(records), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME, NULL, &ov, NULL) &&
          WaitForSingleObject(ov.hEvent, 0) == WAIT_TIMEOUT, "changes before a handle's first request are not seen");
    Touch(file_a);
    Check(WaitForSingleObject(ov.hEvent, 0) == WAIT_OBJECT_0 && GetOverlappedResult(h, &ov, &bytes, FALSE) &&
          bytes == 22 && Record((BYTE *)records, FILE_ACTION_ADDED, L"a.txt"), "the next one completes it");
    Check(ReadDirectoryChangesW(h, records, sizeof(records), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME, NULL, &ov, NULL) &&
          WaitForSingleObject(ov.hEvent, 0) == WAIT_TIMEOUT && ov.Internal == STATUS_PENDING,
          "overlapped: TRUE, pending, the event not set");
    MoveFileW(file_a, file_b);
    Check(WaitForSingleObject(ov.hEvent, 0) == WAIT_OBJECT_0 && GetOverlappedResult(h, &ov, &bytes, FALSE) &&
          bytes == 46 && records[0] == 24 && Record((BYTE *)records, FILE_ACTION_RENAMED_OLD_NAME, L"a.txt") &&
          Record((BYTE *)records + 24, FILE_ACTION_RENAMED_NEW_NAME, L"b.txt"),
          "a rename: the event set, OLD_NAME a.txt and NEW_NAME b.txt, 46 bytes");

    OVERLAPPED ov2 = {0};
    Check(ReadDirectoryChangesW(h, records, sizeof(records), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME, NULL, &ov2, Routine),
          "with a completion routine: TRUE");
    DeleteFileW(file_b);
    Check(routine_error == 99 && SleepEx(1000, TRUE) == WAIT_IO_COMPLETION && routine_error == 0 &&
          routine_bytes == 22 && routine_ov == &ov2 && Record((BYTE *)records, FILE_ACTION_REMOVED, L"b.txt"),
          "the routine runs at the next alertable wait: REMOVED b.txt, 22 bytes");

    Check(ReadDirectoryChangesW(h, records, sizeof(records), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME, NULL, &ov, NULL) &&
          CancelIo(h) && !GetOverlappedResult(h, &ov, &bytes, FALSE) && GetLastError() == ERROR_OPERATION_ABORTED,
          "CancelIo: the request ends with ERROR_OPERATION_ABORTED");

    HANDLE port = CreateIoCompletionPort(h, NULL, 7, 0);
    OVERLAPPED ov3 = {0};
    ULONG_PTR key = 0;
    LPOVERLAPPED got = NULL;
    Check(port && ReadDirectoryChangesW(h, records, sizeof(records), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME, NULL, &ov3, NULL),
          "associated with a completion port: TRUE");
    Touch(file_c);
    Check(GetQueuedCompletionStatus(port, &bytes, &key, &got, 1000) && key == 7 && got == &ov3 && bytes == 22 &&
          Record((BYTE *)records, FILE_ACTION_ADDED, L"c.txt"), "the port's packet: key 7, the OVERLAPPED, ADDED c.txt");
    DeleteFileW(file_c);
    CloseHandle(port);
    CloseHandle(h);
    CloseHandle(ov.hEvent);
}

static volatile DWORD worker_result = 7, worker_error;
static HANDLE worker_dir, pipe_read;

static DWORD WINAPI WaitsInNotify(LPVOID arg)
{
    DWORD bytes;
    (void)arg;
    worker_result = ReadDirectoryChangesW(worker_dir, records, sizeof(records), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME,
                                          &bytes, NULL, NULL);
    worker_error = GetLastError();
    return 0;
}

static DWORD WINAPI WaitsInPipe(LPVOID arg)
{
    char c;
    DWORD got;
    (void)arg;
    worker_result = ReadFile(pipe_read, &c, 1, &got, NULL);
    worker_error = GetLastError();
    return 0;
}

static void CancelSync(void)
{
    CheckError(!CancelSynchronousIo(GetCurrentThread()), ERROR_NOT_FOUND,
               "CancelSynchronousIo of a thread in no I/O -> ERROR_NOT_FOUND");
    worker_dir = CreateFileW(dir, FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                             OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    HANDLE t = CreateThread(NULL, 0, WaitsInNotify, NULL, 0, NULL);
    Sleep(50);
    Check(worker_result == 7 && CancelSynchronousIo(t), "CancelSynchronousIo of a thread waiting for changes: TRUE");
    WaitForSingleObject(t, INFINITE);
    Check(worker_result == FALSE && worker_error == ERROR_OPERATION_ABORTED,
          "its ReadDirectoryChangesW fails with ERROR_OPERATION_ABORTED");
    CloseHandle(t);
    CloseHandle(worker_dir);

    HANDLE pipe_write;
    CreatePipe(&pipe_read, &pipe_write, NULL, 0);
    worker_result = 7;
    t = CreateThread(NULL, 0, WaitsInPipe, NULL, 0, NULL);
    Sleep(50);
    Check(worker_result == 7 && CancelSynchronousIo(t), "CancelSynchronousIo of a thread reading an empty pipe: TRUE");
    WaitForSingleObject(t, INFINITE);
    Check(worker_result == FALSE && worker_error == ERROR_OPERATION_ABORTED, "its ReadFile fails with ERROR_OPERATION_ABORTED");
    CheckError(!CancelSynchronousIo(t), ERROR_NOT_FOUND, "again, after it ended -> ERROR_NOT_FOUND");
    CloseHandle(t);
    CloseHandle(pipe_read);
    CloseHandle(pipe_write);
}

void Entry(void)
{
    DWORD n = GetTempPathW(MAX_PATH, dir);
    lstrcpyW(dir + n, L"k32_notify");
    CreateDirectoryW(dir, NULL);
    Join(file_a, L"a.txt");
    Join(file_b, L"b.txt");
    Join(file_c, L"c.txt");
    FindFirst();
    ReadChanges();
    CancelSync();
    RemoveDirectoryW(dir);
    ExitProcess(failures);
}
