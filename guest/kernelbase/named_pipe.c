/* CreateNamedPipeW/A: the server end of a named pipe (\\.\pipe\NAME, in the NT namespace
 * \??\pipe\NAME) through NtCreateNamedPipeFile. The open mode's direction gives the access and
 * the share mode (inbound: the server reads, clients write), FILE_FLAG_OVERLAPPED an asynchronous
 * handle, FILE_FLAG_FIRST_PIPE_INSTANCE FILE_CREATE (ERROR_ACCESS_DENIED if the name exists),
 * FILE_FLAG_WRITE_THROUGH FILE_WRITE_THROUGH; the pipe mode's type, read mode and PIPE_NOWAIT map
 * to the pipe's type, read mode and completion mode (PIPE_REJECT_REMOTE_CLIENTS: this machine has
 * no remote clients). Instances: 1 to PIPE_UNLIMITED_INSTANCES (255: no limit), the default
 * time-out 50 ms when 0; an invalid combination is ERROR_INVALID_PARAMETER, a pipe with all its
 * instances in use ERROR_PIPE_BUSY. */
#include "kernelbase.h"

NTDLL NTSTATUS NTAPI NtCreateNamedPipeFile(HANDLE *, ULONG, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *, ULONG, ULONG,
                                           ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, LARGE_INTEGER *);

#define FILE_CREATE_ 2
#define FILE_OPEN_IF_ 3
#define PIPE_MODE_BITS (PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_NOWAIT | PIPE_REJECT_REMOTE_CLIENTS)
#define OPEN_MODE_BITS (PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE | FILE_FLAG_WRITE_THROUGH \
                        | FILE_FLAG_OVERLAPPED | WRITE_DAC | WRITE_OWNER | ACCESS_SYSTEM_SECURITY)

static HANDLE Invalid(DWORD error)
{
    SetLastError(error);
    return INVALID_HANDLE_VALUE;
}

KBAPI HANDLE WINAPI CreateNamedPipeW(LPCWSTR name, DWORD open_mode, DWORD pipe_mode, DWORD instances, DWORD out_size,
                                     DWORD in_size, DWORD timeout_ms, LPSECURITY_ATTRIBUTES sa)
{
    DWORD direction = open_mode & PIPE_ACCESS_DUPLEX;
    if (!direction || (open_mode & ~(DWORD)OPEN_MODE_BITS) || (pipe_mode & ~(DWORD)PIPE_MODE_BITS)
        || instances == 0 || instances > PIPE_UNLIMITED_INSTANCES
        || ((pipe_mode & PIPE_READMODE_MESSAGE) && !(pipe_mode & PIPE_TYPE_MESSAGE)))
        return Invalid(ERROR_INVALID_PARAMETER);
    if (!name)
        return Invalid(ERROR_PATH_NOT_FOUND);
    UNICODE_STRING nt;
    NTSTATUS status = RtlDosPathNameToNtPathName_U_WithStatus(name, &nt, NULL, NULL);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return INVALID_HANDLE_VALUE;
    }
    ACCESS_MASK access = SYNCHRONIZE | (open_mode & (WRITE_DAC | WRITE_OWNER | ACCESS_SYSTEM_SECURITY));
    ULONG share = 0;
    if (direction & PIPE_ACCESS_INBOUND) { access |= GENERIC_READ | FILE_WRITE_ATTRIBUTES; share |= FILE_SHARE_WRITE; }
    if (direction & PIPE_ACCESS_OUTBOUND) { access |= GENERIC_WRITE | FILE_READ_ATTRIBUTES; share |= FILE_SHARE_READ; }
    ULONG options = (open_mode & FILE_FLAG_OVERLAPPED) ? 0 : FILE_SYNCHRONOUS_IO_NONALERT_;
    if (open_mode & FILE_FLAG_WRITE_THROUGH) options |= FILE_WRITE_THROUGH_;
    ULONG attributes = OBJ_CASE_INSENSITIVE_ | ((sa && sa->bInheritHandle) ? OBJ_INHERIT : 0);
    OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, &nt, attributes, sa ? sa->lpSecurityDescriptor : NULL, NULL};
    LARGE_INTEGER timeout = {.QuadPart = -10000LL * (timeout_ms ? timeout_ms : 50)};
    IO_STATUS_BLOCK iosb;
    HANDLE h = NULL;
    status = NtCreateNamedPipeFile(&h, access, &oa, &iosb, share,
                                   (open_mode & FILE_FLAG_FIRST_PIPE_INSTANCE) ? FILE_CREATE_ : FILE_OPEN_IF_, options,
                                   (pipe_mode & PIPE_TYPE_MESSAGE) ? 1 : 0, (pipe_mode & PIPE_READMODE_MESSAGE) ? 1 : 0,
                                   (pipe_mode & PIPE_NOWAIT) ? 1 : 0,
                                   instances == PIPE_UNLIMITED_INSTANCES ? 0xFFFFFFFF : instances, in_size, out_size,
                                   &timeout);
    RtlFreeUnicodeString(&nt);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return INVALID_HANDLE_VALUE;
    }
    SetLastError(NO_ERROR);
    return h;
}

KBAPI HANDLE WINAPI CreateNamedPipeA(LPCSTR name, DWORD open_mode, DWORD pipe_mode, DWORD instances, DWORD out_size,
                                     DWORD in_size, DWORD timeout_ms, LPSECURITY_ATTRIBUTES sa)
{
    WCHAR *w = name ? BaseWideName(name) : NULL;
    if (name && !w)
        return INVALID_HANDLE_VALUE;
    HANDLE h = CreateNamedPipeW(w, open_mode, pipe_mode, instances, out_size, in_size, timeout_ms, sa);
    DWORD e = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    SetLastError(e);
    return h;
}

/* -- The pipe operations: ConnectNamedPipe (FSCTL_PIPE_LISTEN), DisconnectNamedPipe
 * (FSCTL_PIPE_DISCONNECT), PeekNamedPipe (FSCTL_PIPE_PEEK), WaitNamedPipe (FSCTL_PIPE_WAIT on the
 * NPFS root, asked again every millisecond until the time-out: the file system answers at once),
 * GetNamedPipeInfo and Get/SetNamedPipeHandleState (FilePipeLocalInformation, FilePipeInformation),
 * TransactNamedPipe (a write, then a read of the reply) and CallNamedPipe. The executive's pipes
 * keep no message boundaries: a message pipe reads like a byte pipe, so PeekNamedPipe's bytes left
 * of the message are 0 and a reply longer than the buffer is not ERROR_MORE_DATA. */
NTDLL NTSTATUS NTAPI NtFsControlFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, ULONG, PVOID, ULONG, PVOID, ULONG);

#define FSCTL_PIPE_DISCONNECT_ 0x110004
#define FSCTL_PIPE_LISTEN_ 0x110008
#define FSCTL_PIPE_PEEK_ 0x11400C
#define FSCTL_PIPE_WAIT_ 0x110018
#define FilePipeInformation_ 23
#define FilePipeLocalInformation_ 24
#define STATUS_BUFFER_OVERFLOW_ ((NTSTATUS)0x80000005)
#define STATUS_IO_TIMEOUT_ ((NTSTATUS)0xC00000B5)

typedef struct { ULONG ReadMode, CompletionMode; } PIPE_INFO;
typedef struct {
    ULONG Type, Configuration, MaximumInstances, CurrentInstances, InboundQuota, ReadDataAvailable, OutboundQuota,
          WriteQuotaAvailable, State, End;
} PIPE_LOCAL_INFO;

/* A control on a pipe handle: with an OVERLAPPED, its status (STATUS_PENDING is ERROR_IO_PENDING);
 * without one, waited for on a handle that is asynchronous. */
static BOOL PipeControl(HANDLE h, ULONG code, void *in, ULONG in_size, void *out, ULONG out_size, LPOVERLAPPED ov,
                        ULONG_PTR *information)
{
    if (ov) {
        ov->Internal = STATUS_PENDING_;
        NTSTATUS status = NtFsControlFile(h, ov->hEvent, NULL, ov, (IO_STATUS_BLOCK *)ov, code, in, in_size, out, out_size);
        if (status == STATUS_PENDING_ || !NT_SUCCESS(status)) return BaseFail(status);
        if (information) *information = ov->InternalHigh;
        return TRUE;
    }
    IO_STATUS_BLOCK iosb = {{0}, 0};
    NTSTATUS status = NtFsControlFile(h, NULL, NULL, NULL, &iosb, code, in, in_size, out, out_size);
    if (status == STATUS_PENDING_) {
        NtWaitForSingleObject(h, FALSE, NULL);
        status = iosb.Status;
    }
    if (information) *information = iosb.Information;
    if (status == STATUS_BUFFER_OVERFLOW_) return TRUE;          /* a peek of part of the data */
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI ConnectNamedPipe(HANDLE pipe, LPOVERLAPPED ov)
{
    return PipeControl(pipe, FSCTL_PIPE_LISTEN_, NULL, 0, NULL, 0, ov, NULL);
}

KBAPI BOOL WINAPI DisconnectNamedPipe(HANDLE pipe)
{
    return PipeControl(pipe, FSCTL_PIPE_DISCONNECT_, NULL, 0, NULL, 0, NULL, NULL);
}

KBAPI BOOL WINAPI PeekNamedPipe(HANDLE pipe, LPVOID buffer, DWORD size, LPDWORD read, LPDWORD available, LPDWORD left)
{
    ULONG out_size = 16 + (buffer ? size : 0);
    BYTE *out = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, out_size);
    if (out == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    ULONG_PTR got = 0;
    BOOL ok = PipeControl(pipe, FSCTL_PIPE_PEEK_, NULL, 0, out, out_size, NULL, &got);
    if (ok) {
        /* FILE_PIPE_PEEK_BUFFER: NamedPipeState, ReadDataAvailable, NumberOfMessages, MessageLength, Data. */
        DWORD copied = got > 16 ? (DWORD)(got - 16) : 0;
        DWORD message = ((ULONG *)out)[3];
        if (buffer) memcpy(buffer, out + 16, copied);
        if (read) *read = copied;
        if (available) *available = ((ULONG *)out)[1];
        if (left) *left = message > copied ? message - copied : 0;
    }
    DWORD error = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, out);
    SetLastError(error);
    return ok;
}

/* \\.\pipe\NAME -> NAME; NULL (ERROR_BAD_PATHNAME, or ERROR_BAD_NETPATH for another machine) otherwise. */
static LPCWSTR LocalPipeName(LPCWSTR name)
{
    static const WCHAR prefix[] = L"\\\\.\\pipe\\";
    for (int i = 0; prefix[i]; i++) {
        WCHAR c = name[i];
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        if (c != prefix[i]) {
            SetLastError(name[0] == '\\' && name[1] == '\\' && i >= 2 ? ERROR_BAD_NETPATH : ERROR_BAD_PATHNAME);
            return NULL;
        }
    }
    return name + 9;
}

KBAPI BOOL WINAPI WaitNamedPipeW(LPCWSTR name, DWORD timeout_ms)
{
    LPCWSTR pipe = name ? LocalPipeName(name) : NULL;
    if (pipe == NULL) {
        if (name == NULL) SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    SIZE_T n = wcslen(pipe);
    ULONG size = (ULONG)(16 + n * 2);
    BYTE *wait = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, size);
    if (wait == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    /* FILE_PIPE_WAIT_FOR_BUFFER: Timeout, NameLength, TimeoutSpecified, Name. */
    *(ULONG *)(wait + 8) = (ULONG)(n * 2);
    wait[12] = 1;
    memcpy(wait + 14, pipe, n * 2);
    UNICODE_STRING root;
    RtlInitUnicodeString(&root, L"\\Device\\NamedPipe\\");
    OBJECT_ATTRIBUTES oa = { sizeof(oa), NULL, &root, OBJ_CASE_INSENSITIVE_, NULL, NULL };
    IO_STATUS_BLOCK iosb;
    HANDLE npfs = NULL;
    NTSTATUS status = NtOpenFile(&npfs, GENERIC_READ | SYNCHRONIZE, &oa, &iosb, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                 FILE_SYNCHRONOUS_IO_NONALERT_);
    if (NT_SUCCESS(status)) {
        /* NMPWAIT_USE_DEFAULT_WAIT: the 50 ms CreateNamedPipe gives a pipe created with 0. */
        DWORD limit = timeout_ms == NMPWAIT_USE_DEFAULT_WAIT ? 50 : timeout_ms;
        ULONGLONG start = GetTickCount64();
        for (;;) {
            status = NtFsControlFile(npfs, NULL, NULL, NULL, &iosb, FSCTL_PIPE_WAIT_, wait, size, NULL, 0);
            if (status != STATUS_IO_TIMEOUT_ || (limit != NMPWAIT_WAIT_FOREVER && GetTickCount64() - start >= limit))
                break;
            Sleep(1);
        }
        NtClose(npfs);
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wait);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI WaitNamedPipeA(LPCSTR name, DWORD timeout_ms)
{
    WCHAR *w = BaseWideName(name);
    if (w == NULL) return FALSE;
    BOOL ok = WaitNamedPipeW(w, timeout_ms);
    DWORD e = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    SetLastError(e);
    return ok;
}

static BOOL PipeQuery(HANDLE pipe, ULONG cls, void *out, ULONG size)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtQueryInformationFile(pipe, &iosb, out, size, cls);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI GetNamedPipeInfo(HANDLE pipe, LPDWORD flags, LPDWORD out_size, LPDWORD in_size, LPDWORD max_instances)
{
    PIPE_LOCAL_INFO info;
    if (!PipeQuery(pipe, FilePipeLocalInformation_, &info, sizeof(info))) return FALSE;
    if (flags) *flags = (info.End ? PIPE_SERVER_END : PIPE_CLIENT_END) | (info.Type ? PIPE_TYPE_MESSAGE : 0);
    if (out_size) *out_size = info.OutboundQuota;
    if (in_size) *in_size = info.InboundQuota;
    if (max_instances) *max_instances = info.MaximumInstances == 0xFFFFFFFF ? PIPE_UNLIMITED_INSTANCES : info.MaximumInstances;
    return TRUE;
}

/* The collection count and time-out belong to pipes between machines: with both ends here they
 * must be NULL (ERROR_INVALID_PARAMETER otherwise); the client's user name needs impersonation,
 * which this system does not do (ERROR_CANNOT_IMPERSONATE). */
KBAPI BOOL WINAPI GetNamedPipeHandleStateW(HANDLE pipe, LPDWORD state, LPDWORD instances, LPDWORD max_collection,
                                           LPDWORD collect_timeout, LPWSTR user, DWORD user_size)
{
    (void)user_size;
    PIPE_INFO mode;
    PIPE_LOCAL_INFO info;
    if (!PipeQuery(pipe, FilePipeInformation_, &mode, sizeof(mode)) ||
        !PipeQuery(pipe, FilePipeLocalInformation_, &info, sizeof(info)))
        return FALSE;
    if (max_collection || collect_timeout) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (user) { SetLastError(ERROR_CANNOT_IMPERSONATE); return FALSE; }
    if (state) *state = (mode.CompletionMode ? PIPE_NOWAIT : PIPE_WAIT) | (mode.ReadMode ? PIPE_READMODE_MESSAGE : 0);
    if (instances) *instances = info.CurrentInstances > 255 ? 255 : info.CurrentInstances;
    return TRUE;
}

KBAPI BOOL WINAPI GetNamedPipeHandleStateA(HANDLE pipe, LPDWORD state, LPDWORD instances, LPDWORD max_collection,
                                           LPDWORD collect_timeout, LPSTR user, DWORD user_size)
{
    (void)user_size;
    if (user) {
        if (!GetNamedPipeHandleStateW(pipe, state, instances, max_collection, collect_timeout, NULL, 0)) return FALSE;
        SetLastError(ERROR_CANNOT_IMPERSONATE);
        return FALSE;
    }
    return GetNamedPipeHandleStateW(pipe, state, instances, max_collection, collect_timeout, NULL, 0);
}

KBAPI BOOL WINAPI SetNamedPipeHandleState(HANDLE pipe, LPDWORD mode, LPDWORD max_collection, LPDWORD collect_timeout)
{
    if (max_collection || collect_timeout) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (mode == NULL) return TRUE;
    if (*mode & ~(DWORD)(PIPE_READMODE_MESSAGE | PIPE_NOWAIT)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    PIPE_LOCAL_INFO info;
    if (!PipeQuery(pipe, FilePipeLocalInformation_, &info, sizeof(info))) return FALSE;
    if ((*mode & PIPE_READMODE_MESSAGE) && !info.Type) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    PIPE_INFO set = { (*mode & PIPE_READMODE_MESSAGE) ? 1 : 0, (*mode & PIPE_NOWAIT) ? 1 : 0 };
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtSetInformationFile(pipe, &iosb, &set, sizeof(set), FilePipeInformation_);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

/* TransactNamedPipe: a message-mode pipe with nothing unread (ERROR_BAD_PIPE in byte read mode,
 * ERROR_PIPE_BUSY with data waiting); the request written, then the reply read (ERROR_MORE_DATA
 * when it is longer than the buffer). */
KBAPI BOOL WINAPI TransactNamedPipe(HANDLE pipe, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, LPDWORD read,
                                    LPOVERLAPPED ov)
{
    PIPE_INFO mode;
    PIPE_LOCAL_INFO info;
    if (!PipeQuery(pipe, FilePipeInformation_, &mode, sizeof(mode)) ||
        !PipeQuery(pipe, FilePipeLocalInformation_, &info, sizeof(info)))
        return FALSE;
    if (!mode.ReadMode) { SetLastError(ERROR_BAD_PIPE); return FALSE; }        /* STATUS_INVALID_READ_MODE */
    if (info.ReadDataAvailable) { SetLastError(ERROR_PIPE_BUSY); return FALSE; }  /* STATUS_PIPE_BUSY */
    DWORD written;
    if (ov) {
        OVERLAPPED wo = { 0 };
        wo.hEvent = ov->hEvent;
        if (!WriteFile(pipe, in, in_size, &written, &wo) &&
            (GetLastError() != ERROR_IO_PENDING || !GetOverlappedResult(pipe, &wo, &written, TRUE)))
            return FALSE;
        if (ov->hEvent) ResetEvent(ov->hEvent);
        return ReadFile(pipe, out, out_size, read, ov);
    }
    if (!WriteFile(pipe, in, in_size, &written, NULL)) return FALSE;
    return ReadFile(pipe, out, out_size, read, NULL);
}

KBAPI BOOL WINAPI CallNamedPipeW(LPCWSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, LPDWORD read,
                                 DWORD timeout_ms)
{
    HANDLE h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        if (GetLastError() != ERROR_PIPE_BUSY || !WaitNamedPipeW(name, timeout_ms)) return FALSE;
        h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
        if (h == INVALID_HANDLE_VALUE) return FALSE;
    }
    DWORD mode = PIPE_READMODE_MESSAGE;
    BOOL ok = SetNamedPipeHandleState(h, &mode, NULL, NULL) && TransactNamedPipe(h, in, in_size, out, out_size, read, NULL);
    DWORD e = GetLastError();
    CloseHandle(h);
    SetLastError(ok ? NO_ERROR : e);
    if (!ok && e == ERROR_MORE_DATA) { SetLastError(ERROR_MORE_DATA); return FALSE; }
    return ok;
}

KBAPI BOOL WINAPI CallNamedPipeA(LPCSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, LPDWORD read,
                                 DWORD timeout_ms)
{
    WCHAR *w = BaseWideName(name);
    if (w == NULL) return FALSE;
    BOOL ok = CallNamedPipeW(w, in, in_size, out, out_size, read, timeout_ms);
    DWORD e = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    SetLastError(e);
    return ok;
}
