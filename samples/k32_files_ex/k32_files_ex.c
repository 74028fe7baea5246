/* The file calls runtimes such as Rust's std import beyond the basic ones: ReadFileEx/WriteFileEx
 * (completion routines as APCs at an alertable wait), CopyFileExW's progress routine and cancel
 * answers, CreateHardLinkW, CreateSymbolicLinkW for a standard user, DeviceIoControl's errors,
 * CreateNamedPipeW, the LockFile family, GetTempPath2W, and the API-set module that the wait-on-address functions are looked up in. Works in C:\Temp.
 * Exit code: failed checks. */
#include "../k32.h"
#include <winioctl.h>

__declspec(dllimport) DWORD WINAPI GetTempPath2W(DWORD, LPWSTR);

static DWORD calls, last_error = 0xFFFF, last_bytes;
static LPOVERLAPPED last_ov;

static VOID WINAPI Done(DWORD error, DWORD bytes, LPOVERLAPPED ov)
{
    calls++;
    last_error = error;
    last_bytes = bytes;
    last_ov = ov;
}

static DWORD progress_calls, progress_reasons, answer = PROGRESS_CONTINUE;
static LARGE_INTEGER progress_total, progress_done;

static DWORD CALLBACK Progress(LARGE_INTEGER total, LARGE_INTEGER done, LARGE_INTEGER stream_total,
                               LARGE_INTEGER stream_done, DWORD stream, DWORD reason, HANDLE src, HANDLE dst,
                               LPVOID data)
{
    progress_calls++;
    progress_reasons |= 1u << reason;
    progress_total = total;
    progress_done = done;
    *(DWORD *)data = stream;
    return answer;
}

void Entry(void)
{
    const WCHAR *a = L"C:\\Temp\\ex_a.txt", *b = L"C:\\Temp\\ex_b.txt", *c = L"C:\\Temp\\ex_c.txt";
    HANDLE h = CreateFileW(a, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, NULL);
    Check(h != INVALID_HANDLE_VALUE, "an overlapped file");
    OVERLAPPED ov = {0};
    static const char text[] = "0123456789abcdef";
    Check(WriteFileEx(h, text, 16, &ov, Done), "WriteFileEx queues");
    Check(calls == 0, "the routine waits for an alertable wait");
    Check(SleepEx(0, TRUE) == WAIT_IO_COMPLETION && calls == 1 && last_error == 0 && last_bytes == 16
          && last_ov == &ov, "SleepEx(alertable) runs it: no error, 16 bytes, the OVERLAPPED");
    char got[16] = {0};
    OVERLAPPED ov2 = {0};
    ov2.Offset = 4;
    Check(ReadFileEx(h, got, 8, &ov2, Done) && SleepEx(0, TRUE) == WAIT_IO_COMPLETION && calls == 2
          && last_bytes == 8 && got[0] == '4' && got[7] == 'b', "ReadFileEx at an offset");
    ov2.Offset = 100;
    BOOL queued = ReadFileEx(h, got, 8, &ov2, Done);
    Check(queued && SleepEx(0, TRUE) == WAIT_IO_COMPLETION && last_error == ERROR_HANDLE_EOF && last_bytes == 0,
          "a read past the end: the routine gets ERROR_HANDLE_EOF");
    Check(SleepEx(0, TRUE) == 0, "nothing more queued");
    CloseHandle(h);

    DWORD stream = 0;
    Check(CopyFileExW(a, b, Progress, &stream, NULL, 0) && stream == 1 && progress_calls >= 2
          && progress_reasons == ((1u << CALLBACK_STREAM_SWITCH) | (1u << CALLBACK_CHUNK_FINISHED))
          && progress_total.QuadPart == 16 && progress_done.QuadPart == 16,
          "CopyFileExW: a stream switch, then chunks, up to the size");
    CheckError(!CopyFileExW(a, b, NULL, NULL, NULL, COPY_FILE_FAIL_IF_EXISTS), ERROR_FILE_EXISTS,
               "COPY_FILE_FAIL_IF_EXISTS -> ERROR_FILE_EXISTS");
    answer = PROGRESS_CANCEL;
    CheckError(!CopyFileExW(a, c, Progress, &stream, NULL, 0), ERROR_REQUEST_ABORTED,
               "PROGRESS_CANCEL -> ERROR_REQUEST_ABORTED");
    Check(GetFileAttributesW(c) == INVALID_FILE_ATTRIBUTES, "and the partial copy is deleted");
    answer = PROGRESS_STOP;
    CheckError(!CopyFileExW(a, c, Progress, &stream, NULL, 0), ERROR_REQUEST_ABORTED,
               "PROGRESS_STOP -> ERROR_REQUEST_ABORTED");
    Check(GetFileAttributesW(c) != INVALID_FILE_ATTRIBUTES && DeleteFileW(c), "and the partial copy stays");
    BOOL cancel = TRUE;
    CheckError(!CopyFileExW(a, c, NULL, NULL, &cancel, 0), ERROR_REQUEST_ABORTED, "the cancel flag");

    DeleteFileW(b);
    Check(CreateHardLinkW(b, a, NULL), "CreateHardLinkW");
    BY_HANDLE_FILE_INFORMATION info;
    h = CreateFileW(b, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    Check(GetFileInformationByHandle(h, &info) && info.nNumberOfLinks == 2 && info.nFileSizeLow == 16,
          "the new name: the same file, two links");
    CloseHandle(h);
    CheckError(!CreateHardLinkW(b, a, NULL), ERROR_ALREADY_EXISTS, "an existing name -> ERROR_ALREADY_EXISTS");
    CheckError(!CreateHardLinkW(c, L"C:\\Temp\\none.txt", NULL), ERROR_FILE_NOT_FOUND,
               "a missing file -> ERROR_FILE_NOT_FOUND");
    CheckError(!CreateSymbolicLinkW(c, a, 0), ERROR_PRIVILEGE_NOT_HELD, "CreateSymbolicLinkW -> ERROR_PRIVILEGE_NOT_HELD");
    CheckError(!CreateSymbolicLinkW(c, a, SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE), ERROR_PRIVILEGE_NOT_HELD,
               "also unprivileged (no Developer Mode)");
    CheckError(!CreateSymbolicLinkW(c, a, 0x100), ERROR_INVALID_PARAMETER, "unknown flags -> ERROR_INVALID_PARAMETER");

    h = CreateFileW(a, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    BYTE reparse[64];
    DWORD returned = 7;
    CheckError(!DeviceIoControl(h, FSCTL_GET_REPARSE_POINT, NULL, 0, reparse, sizeof(reparse), &returned, NULL)
               && returned == 0, ERROR_NOT_A_REPARSE_POINT, "FSCTL_GET_REPARSE_POINT of a file -> ERROR_NOT_A_REPARSE_POINT");
    CloseHandle(h);
    CheckError(!DeviceIoControl(INVALID_HANDLE_VALUE, FSCTL_GET_REPARSE_POINT, NULL, 0, reparse, 64, &returned, NULL),
               ERROR_INVALID_HANDLE, "an invalid handle -> ERROR_INVALID_HANDLE");
    HANDLE one = CreateFileW(a, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                             0, NULL);
    HANDLE two = CreateFileW(a, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                             0, NULL);
    OVERLAPPED at4 = {0};
    at4.Offset = 4;
    Check(LockFileEx(one, LOCKFILE_EXCLUSIVE_LOCK, 0, 8, 0, &at4), "LockFileEx: bytes 4-11 exclusively");
    CheckError(!LockFile(two, 6, 0, 2, 0), ERROR_LOCK_VIOLATION, "LockFile of bytes inside -> ERROR_LOCK_VIOLATION");
    CheckError(!LockFileEx(two, LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at4), ERROR_LOCK_VIOLATION,
               "a shared request that fails at once -> ERROR_LOCK_VIOLATION");
    Check(LockFile(two, 12, 0, 4, 0), "the bytes after are free");
    CheckError(!LockFileEx(one, 0, 1, 1, 0, &at4), ERROR_INVALID_PARAMETER, "reserved not 0 -> ERROR_INVALID_PARAMETER");
    Check(UnlockFileEx(one, 0, 8, 0, &at4) && LockFile(two, 4, 0, 8, 0), "UnlockFileEx frees them");
    Check(UnlockFile(two, 4, 0, 8, 0) && UnlockFile(two, 12, 0, 4, 0), "UnlockFile");
    CheckError(!UnlockFile(two, 4, 0, 8, 0), ERROR_NOT_LOCKED, "unlocked twice -> ERROR_NOT_LOCKED");
    CloseHandle(one);
    CloseHandle(two);
    DeleteFileW(a);
    DeleteFileW(b);

    const WCHAR *pipe = L"\\\\.\\pipe\\k32_files_ex";
    HANDLE server = CreateNamedPipeW(pipe, PIPE_ACCESS_INBOUND | FILE_FLAG_FIRST_PIPE_INSTANCE,
                                     PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS, 1,
                                     4096, 4096, 0, NULL);
    Check(server != INVALID_HANDLE_VALUE && GetLastError() == 0, "CreateNamedPipeW: an inbound server end");
    CheckError(CreateNamedPipeW(pipe, PIPE_ACCESS_INBOUND | FILE_FLAG_FIRST_PIPE_INSTANCE, 0, 1, 0, 0, 0, NULL)
               == INVALID_HANDLE_VALUE, ERROR_ACCESS_DENIED, "FILE_FLAG_FIRST_PIPE_INSTANCE again -> ERROR_ACCESS_DENIED");
    CheckError(CreateNamedPipeW(pipe, PIPE_ACCESS_INBOUND, 0, 1, 0, 0, 0, NULL) == INVALID_HANDLE_VALUE,
               ERROR_PIPE_BUSY, "a second instance of a one-instance pipe -> ERROR_PIPE_BUSY");
    HANDLE client = CreateFileW(pipe, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    DWORD n = 0;
    Check(client != INVALID_HANDLE_VALUE && WriteFile(client, "through", 7, &n, NULL) && n == 7,
          "a client writes");
    char piped[8] = {0};
    Check(ReadFile(server, piped, sizeof(piped), &n, NULL) && n == 7 && piped[0] == 't' && piped[6] == 'h',
          "the server reads it");
    CloseHandle(client);
    CloseHandle(server);
    CheckError(CreateNamedPipeW(pipe, PIPE_ACCESS_INBOUND, 0, 0, 0, 0, 0, NULL) == INVALID_HANDLE_VALUE,
               ERROR_INVALID_PARAMETER, "no instances -> ERROR_INVALID_PARAMETER");
    CheckError(CreateNamedPipeW(pipe, 0, 0, 1, 0, 0, 0, NULL) == INVALID_HANDLE_VALUE, ERROR_INVALID_PARAMETER,
               "no direction -> ERROR_INVALID_PARAMETER");
    CheckError(CreateNamedPipeW(pipe, PIPE_ACCESS_DUPLEX, PIPE_READMODE_MESSAGE, 1, 0, 0, 0, NULL)
               == INVALID_HANDLE_VALUE, ERROR_INVALID_PARAMETER, "message reads of a byte pipe -> ERROR_INVALID_PARAMETER");

    HMODULE set = GetModuleHandleA("api-ms-win-core-synch-l1-2-0");
    Check(set != NULL && GetProcAddress(set, "WaitOnAddress") && GetProcAddress(set, "WakeByAddressSingle"),
          "WaitOnAddress through api-ms-win-core-synch-l1-2-0");
    Check(GetProcAddress(GetModuleHandleA("kernel32"), "SetThreadDescription") != NULL
          && GetProcAddress(GetModuleHandleA("kernel32"), "GetSystemTimePreciseAsFileTime") != NULL,
          "kernel32's SetThreadDescription, GetSystemTimePreciseAsFileTime");
    WCHAR t1[MAX_PATH + 1], t2[MAX_PATH + 1];
    DWORD n1 = GetTempPathW(MAX_PATH + 1, t1), n2 = GetTempPath2W(MAX_PATH + 1, t2);
    Check(n1 && n1 == n2 && CompareStringOrdinal(t1, -1, t2, -1, FALSE) == CSTR_EQUAL && t2[n2 - 1] == L'\\',
          "GetTempPath2W: GetTempPathW's folder for a process that is not SYSTEM");
    Check(GetTempPath2W(2, t2) == n1 + 1, "a short buffer: the length needed, with the terminator");
    ExitProcess(failures);
}
