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
