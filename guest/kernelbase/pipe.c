/* Family 4 (files), anonymous pipes: CreatePipe makes an unnamed pipe as Windows does, a server end
 * created without a name relative to the named-pipe file system's root (\Device\NamedPipe\, opened
 * once) and read from, and a client end opened relative to it and written to. A size of 0 means the
 * default buffer (4 KB); the handles are inheritable when the SECURITY_ATTRIBUTES say so. */
#include "kernelbase.h"

#define FILE_CREATE_ 0x00000002
#define FILE_PIPE_BYTE_STREAM_TYPE 0
#define FILE_PIPE_BYTE_STREAM_MODE 0
#define FILE_PIPE_QUEUE_OPERATION 0
#define DEFAULT_PIPE_SIZE 4096

NTDLL NTSTATUS NTAPI NtCreateNamedPipeFile(HANDLE *, ULONG, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *, ULONG, ULONG,
                                           ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, LARGE_INTEGER *);

static HANDLE npfs_root;                /* \Device\NamedPipe\, opened at the first CreatePipe */

static NTSTATUS OpenRoot(HANDLE *root)
{
    if (npfs_root) {
        *root = npfs_root;
        return STATUS_SUCCESS;
    }
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, L"\\Device\\NamedPipe\\");
    OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, &name, 0, NULL, NULL};
    IO_STATUS_BLOCK iosb;
    HANDLE h;
    NTSTATUS status = NtOpenFile(&h, GENERIC_READ | SYNCHRONIZE, &oa, &iosb, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                 FILE_SYNCHRONOUS_IO_NONALERT_);
    if (!NT_SUCCESS(status))
        return status;
    if (InterlockedCompareExchangePointer(&npfs_root, h, NULL) != NULL)
        NtClose(h);                     /* another thread opened it first */
    *root = npfs_root;
    return STATUS_SUCCESS;
}

KBAPI BOOL WINAPI CreatePipe(PHANDLE read, PHANDLE write, LPSECURITY_ATTRIBUTES sa, DWORD size)
{
    HANDLE root, server, client;
    NTSTATUS status = OpenRoot(&root);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    UNICODE_STRING empty = {0, 0, NULL};
    ULONG attributes = (sa && sa->bInheritHandle) ? OBJ_INHERIT : 0;
    OBJECT_ATTRIBUTES oa = {sizeof(oa), root, &empty, attributes, sa ? sa->lpSecurityDescriptor : NULL, NULL};
    IO_STATUS_BLOCK iosb;
    LARGE_INTEGER timeout = {.QuadPart = -1200000000LL};   /* 120 s, the default wait of a pipe */
    ULONG quota = size ? size : DEFAULT_PIPE_SIZE;
    status = NtCreateNamedPipeFile(&server, GENERIC_READ | FILE_WRITE_ATTRIBUTES | SYNCHRONIZE, &oa, &iosb,
                                   FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_CREATE_, FILE_SYNCHRONOUS_IO_NONALERT_,
                                   FILE_PIPE_BYTE_STREAM_TYPE, FILE_PIPE_BYTE_STREAM_MODE, FILE_PIPE_QUEUE_OPERATION,
                                   1, quota, quota, &timeout);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    oa.RootDirectory = server;
    status = NtOpenFile(&client, GENERIC_WRITE | FILE_READ_ATTRIBUTES | SYNCHRONIZE, &oa, &iosb, FILE_SHARE_READ,
                        FILE_SYNCHRONOUS_IO_NONALERT_ | FILE_NON_DIRECTORY_FILE_);
    if (!NT_SUCCESS(status)) {
        NtClose(server);
        return BaseFail(status);
    }
    *read = server;
    *write = client;
    return TRUE;
}
