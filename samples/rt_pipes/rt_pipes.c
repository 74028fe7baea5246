/* Anonymous pipes as Rust std makes them. Rust >= 1.87: NtOpenFile of \Device\NamedPipe\, then
 * NtCreateNamedPipeFile with an empty name relative to that handle (an unnamed byte-stream pipe),
 * then NtOpenFile with an empty name relative to the server end for the client end. Older Rust
 * (1.75-1.86) and Command's stdio: CreateNamedPipeW(\\.\pipe\__rust_anonymous_pipe1__.<pid>.<n>,
 * FILE_FLAG_FIRST_PIPE_INSTANCE | FILE_FLAG_OVERLAPPED | PIPE_ACCESS_INBOUND, byte mode,
 * PIPE_REJECT_REMOTE_CLIENTS, one instance), then CreateFileW of the client with share mode 0.
 * Exit code: failed checks. */
#include "../k32.h"

typedef LONG NTSTATUS;
typedef struct { USHORT Length, MaximumLength; PWSTR Buffer; } USTR;
typedef struct { ULONG Length; HANDLE RootDirectory; USTR *ObjectName; ULONG Attributes; PVOID sd, qos; } OA;
typedef struct { NTSTATUS Status; ULONG_PTR Information; } IOSB;
__declspec(dllimport) NTSTATUS NTAPI NtOpenFile(HANDLE *, ACCESS_MASK, OA *, IOSB *, ULONG, ULONG);
__declspec(dllimport) NTSTATUS NTAPI NtCreateNamedPipeFile(HANDLE *, ULONG, OA *, IOSB *, ULONG, ULONG, ULONG, ULONG,
                                                         ULONG, ULONG, ULONG, ULONG, ULONG, LARGE_INTEGER *);
#define FILE_CREATE_ 2
#define FILE_CREATED_ 2
#define OBJ_CASE_INSENSITIVE 0x40
#define OBJ_INHERIT 0x2

static void PrintStatus(NTSTATUS s) { Print("     status "); PrintNum((ULONG)s, 1); Print("\n"); }

/* Write through one end, read through the other. */
static int Carries(HANDLE w, HANDLE r, const char *what)
{
    OVERLAPPED ov = {0};
    DWORD n = 0;
    char buf[16] = {0};
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    BOOL wrote = WriteFile(w, "hello", 5, &n, &ov) || GetLastError() == ERROR_IO_PENDING;
    wrote = wrote && GetOverlappedResult(w, &ov, &n, TRUE) && n == 5;
    ResetEvent(ov.hEvent);
    BOOL read = ReadFile(r, buf, sizeof buf, &n, &ov) || GetLastError() == ERROR_IO_PENDING;
    read = read && GetOverlappedResult(r, &ov, &n, TRUE) && n == 5 && lstrcmpA(buf, "hello") == 0;
    CloseHandle(ov.hEvent);
    Check(wrote && read, what);
    return wrote && read;
}

static void NtPipes(void)
{
    WCHAR dir_name[] = L"\\Device\\NamedPipe\\";
    USTR name = { sizeof dir_name - 2, sizeof dir_name, dir_name };
    OA oa = { sizeof oa, NULL, &name, OBJ_CASE_INSENSITIVE, NULL, NULL };
    IOSB io;
    HANDLE dir = NULL;
    NTSTATUS s = NtOpenFile(&dir, GENERIC_READ | SYNCHRONIZE, &oa, &io, FILE_SHARE_READ | FILE_SHARE_WRITE,
                            FILE_SYNCHRONOUS_IO_NONALERT);
    Check(s == 0 && dir, "NtOpenFile(\\Device\\NamedPipe\\)");
    if (s) PrintStatus(s);

    USTR empty = { 0, 0, NULL };
    OA rel = { sizeof rel, dir, &empty, 0, NULL, NULL };
    LARGE_INTEGER timeout;
    timeout.QuadPart = -50 * 10000LL;
    HANDLE ours = NULL;
    s = NtCreateNamedPipeFile(&ours, GENERIC_READ | FILE_WRITE_ATTRIBUTES | SYNCHRONIZE, &rel, &io,
                              FILE_SHARE_WRITE, FILE_CREATE_, 0, 0 /* FILE_PIPE_BYTE_STREAM_TYPE */,
                              0 /* FILE_PIPE_BYTE_STREAM_MODE */, 0 /* FILE_PIPE_QUEUE_OPERATION */, 1,
                              65536, 65536, &timeout);
    Check(s == 0 && ours, "NtCreateNamedPipeFile, empty name relative to the pipe device: the server end");
    if (s) PrintStatus(s);
    Check(io.Information == FILE_CREATED_, "IoStatus.Information = FILE_CREATED");

    OA client = { sizeof client, ours, &empty, OBJ_INHERIT, NULL, NULL };
    HANDLE theirs = NULL;
    s = NtOpenFile(&theirs, GENERIC_WRITE | FILE_READ_ATTRIBUTES | SYNCHRONIZE, &client, &io, FILE_SHARE_READ,
                   FILE_NON_DIRECTORY_FILE);
    Check(s == 0 && theirs, "NtOpenFile, empty name relative to the server end: the client end");
    if (s) PrintStatus(s);
    DWORD flags = 0;
    Check(GetHandleInformation(theirs, &flags) && (flags & HANDLE_FLAG_INHERIT), "OBJ_INHERIT: inheritable");
    Check(GetFileType(ours) == FILE_TYPE_PIPE && GetFileType(theirs) == FILE_TYPE_PIPE, "both FILE_TYPE_PIPE");
    DWORD mode = 0, instances = 0;
    Check(GetNamedPipeHandleStateW(ours, &mode, &instances, NULL, NULL, NULL, 0) && mode == PIPE_WAIT
          && instances == 1, "the server end: byte mode, blocking, one instance");
    DWORD pflags = 0, out = 0, in = 0, max = 0;
    Check(GetNamedPipeInfo(ours, &pflags, &out, &in, &max) && pflags == PIPE_SERVER_END && max == 1,
          "GetNamedPipeInfo: the server end of a byte pipe");
    Carries(theirs, ours, "bytes written at the client end are read at the server end");
    CloseHandle(theirs);
    char c;
    DWORD n;
    OVERLAPPED ov = {0};
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    BOOL r = ReadFile(ours, &c, 1, &n, &ov);
    DWORD e = r ? 0 : GetLastError();
    if (!r && e == ERROR_IO_PENDING)
        e = GetOverlappedResult(ours, &ov, &n, TRUE) ? 0 : GetLastError();
    Check(!r && e == ERROR_BROKEN_PIPE, "the client closed: a read -> ERROR_BROKEN_PIPE (Rust's EOF)");
    CloseHandle(ov.hEvent);
    CloseHandle(ours);
    CloseHandle(dir);
}

static void AppendNum(WCHAR *s, unsigned v)
{
    WCHAR digits[16];
    int i = 15;
    digits[i] = 0;
    do { digits[--i] = (WCHAR)(L'0' + v % 10); v /= 10; } while (v);
    lstrcatW(s, digits + i);
}

static void Win32Pipes(void)
{
    WCHAR name[96];
    lstrcpyW(name, L"\\\\.\\pipe\\__rust_anonymous_pipe1__.");
    AppendNum(name, GetCurrentProcessId());
    lstrcatW(name, L".");
    AppendNum(name, 12345u);
    DWORD flags = FILE_FLAG_FIRST_PIPE_INSTANCE | FILE_FLAG_OVERLAPPED | PIPE_ACCESS_INBOUND;
    DWORD mode = PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS;
    HANDLE ours = CreateNamedPipeW(name, flags, mode, 1, 4096, 4096, 0, NULL);
    Check(ours != INVALID_HANDLE_VALUE, "CreateNamedPipeW(FIRST_PIPE_INSTANCE | OVERLAPPED | INBOUND)");
    SetLastError(0);
    HANDLE again = CreateNamedPipeW(name, flags, mode, 1, 4096, 4096, 0, NULL);
    CheckError(again == INVALID_HANDLE_VALUE, ERROR_ACCESS_DENIED,
               "the same name again with FIRST_PIPE_INSTANCE -> ERROR_ACCESS_DENIED (Rust retries)");
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    HANDLE theirs = CreateFileW(name, GENERIC_WRITE, 0, &sa, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    Check(theirs != INVALID_HANDLE_VALUE, "CreateFileW of the client end, share mode 0");
    SetLastError(0);
    HANDLE second = CreateFileW(name, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    CheckError(second == INVALID_HANDLE_VALUE, ERROR_PIPE_BUSY, "a second client of the one instance -> ERROR_PIPE_BUSY");
    Carries(theirs, ours, "the client's bytes reach the server end");
    CloseHandle(theirs);
    CloseHandle(ours);
    ours = CreateNamedPipeW(name, flags, mode, 1, 4096, 4096, 0, NULL);
    Check(ours != INVALID_HANDLE_VALUE, "once both ends are closed the name is free again");
    CloseHandle(ours);
}

void Entry(void)
{
    NtPipes();
    Win32Pipes();
    ExitProcess(failures);
}
