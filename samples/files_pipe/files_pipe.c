/* Pipes through the native API: an anonymous pipe made as CreatePipe makes it (the NPFS root,
 * a server end relative to it, the client end relative to the server), a reader thread that
 * waits in NtReadFile until the main thread writes, the end of the pipe when the writer closes;
 * a named pipe opened by name (FSCTL_PIPE_WAIT first), both directions, FSCTL_PIPE_PEEK, an asynchronous read
 * completed by a later write. Exits with the number of failed checks. */
#include "../nt.h"

static int failures;
static HANDLE reader_end;
static char received[64];
static volatile ULONG received_bytes;
static volatile NTSTATUS reader_status;

static void Check(int ok, const char *what) {
    Print(ok ? "ok   " : "FAIL ");
    Print(what);
    Print("\n");
    if (!ok) failures++;
}

static int Same(const char *a, const char *b, ULONG n) {
    for (ULONG i = 0; i < n; i++) if (a[i] != b[i]) return 0;
    return 1;
}

static ULONG Reader(PVOID unused) {
    IO_STATUS_BLOCK iosb;
    (void)unused;
    Print("     reader: waiting in NtReadFile\n");
    reader_status = NtReadFile(reader_end, 0, 0, 0, &iosb, received, sizeof(received), 0, 0);
    received_bytes = (ULONG)iosb.Information;
    Print("     reader: got data\n");
    return 0;
}

static NTSTATUS Pipe(HANDLE *h, HANDLE root, const char *name, ULONG options) {
    NtString us; unsigned short buf[64]; OBJECT_ATTRIBUTES oa; IO_STATUS_BLOCK iosb; LARGE_INTEGER timeout = Ms(50);
    return NtCreateNamedPipeFile(h, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, Attributes(&oa, root, NtName(&us, buf, name)),
                                 &iosb, FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_CREATE, options, 0, 0, 0, 1, 4096, 4096,
                                 &timeout);
}

static NTSTATUS OpenRelative(HANDLE *h, HANDLE root, const char *name, ULONG access, ULONG options) {
    NtString us; unsigned short buf[64]; OBJECT_ATTRIBUTES oa; IO_STATUS_BLOCK iosb;
    return NtOpenFile(h, access | SYNCHRONIZE, Attributes(&oa, root, NtName(&us, buf, name)), &iosb,
                      FILE_SHARE_READ | FILE_SHARE_WRITE, options);
}

/* WaitNamedPipe's request: FSCTL_PIPE_WAIT on the NPFS root with FILE_PIPE_WAIT_FOR_BUFFER. */
static NTSTATUS WaitPipe(HANDLE npfs, const char *name) {
    struct { LARGE_INTEGER Timeout; ULONG NameLength; UCHAR TimeoutSpecified, pad; unsigned short Name[32]; } w;
    IO_STATUS_BLOCK iosb;
    ULONG n = 0;
    while (name[n]) { w.Name[n] = (unsigned char)name[n]; n++; }
    w.Timeout.QuadPart = 0; w.NameLength = n * 2; w.TimeoutSpecified = 1; w.pad = 0;
    return NtFsControlFile(npfs, 0, 0, 0, &iosb, 0x110018, &w, 14 + n * 2, 0, 0);
}

void Entry(void) {
    OnProcessorZero();                  /* its output orders one processor's threads */
    HANDLE npfs, server, client, thread, ev, named, named_client;
    IO_STATUS_BLOCK iosb;
    NTSTATUS s;
    char text[64];

    /* CreatePipe's way */
    s = CreateFileNt(&npfs, "\\Device\\NamedPipe\\", GENERIC_READ | SYNCHRONIZE, 3, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT);
    Check(s == 0, "open the NPFS root \\Device\\NamedPipe\\");
    s = Pipe(&server, npfs, "", FILE_SYNCHRONOUS_IO_NONALERT);
    Check(s == 0, "NtCreateNamedPipeFile: an anonymous server end relative to it");
    s = OpenRelative(&client, server, "", GENERIC_WRITE, FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE);
    Check(s == 0, "the client end: NtOpenFile of the empty name relative to the server end");
    {
        FILE_FS_DEVICE_INFORMATION info;
        s = NtQueryVolumeInformationFile(client, &iosb, &info, sizeof(info), FileFsDeviceInformation);
        Check(s == 0 && info.DeviceType == 0x11, "its device: FILE_DEVICE_NAMED_PIPE");
    }
    reader_end = server;
    thread = StartThread(Reader, 0, 0);
    LARGE_INTEGER t = Ms(20);
    NtDelayExecution(0, &t);
    Check(received_bytes == 0, "the reader waits while the pipe is empty");
    s = NtWriteFile(client, 0, 0, 0, &iosb, "through the pipe", 16, 0, 0);
    Check(s == 0 && iosb.Information == 16, "the main thread writes 16 bytes");
    NtWaitForSingleObject(thread, 0, 0);
    Check(reader_status == 0 && received_bytes == 16 && Same(received, "through the pipe", 16),
          "the waiting read completes with them");
    NtWriteFile(client, 0, 0, 0, &iosb, "abc", 3, 0, 0);
    {
        struct { ULONG State, Available, Messages, Length; char Data[8]; } peek;
        s = NtFsControlFile(server, 0, 0, 0, &iosb, FSCTL_PIPE_PEEK, 0, 0, &peek, sizeof(peek));
        Check(s == 0 && peek.Available == 3 && Same(peek.Data, "abc", 3), "FSCTL_PIPE_PEEK sees 3 bytes and leaves them");
    }
    {
        ULONG local[10], mode[2] = {1, 0};
        s = NtQueryInformationFile(server, &iosb, local, sizeof(local), 24);
        Check(s == 0 && local[5] == 3 && local[8] == 3 && local[9] == 1,
              "FilePipeLocalInformation: 3 bytes to read, connected, the server end");
        s = NtSetInformationFile(server, &iosb, mode, sizeof(mode), 23);
        mode[0] = 2;
        Check(s == 0 && NtSetInformationFile(server, &iosb, mode, sizeof(mode), 23) == (NTSTATUS)0xC000000D,
              "FilePipeInformation takes read mode 0 or 1, not 2");
    }
    s = NtReadFile(server, 0, 0, 0, &iosb, text, 2, 0, 0);
    s |= NtReadFile(server, 0, 0, 0, &iosb, text + 2, 10, 0, 0);
    Check(s == 0 && iosb.Information == 1 && Same(text, "abc", 3), "reads take what is there, in order");
    NtClose(client);
    s = NtReadFile(server, 0, 0, 0, &iosb, text, sizeof(text), 0, 0);
    Check(s == (NTSTATUS)0xC000014B, "the writer closed: STATUS_PIPE_BROKEN");
    NtClose(server);

    /* A named pipe, both ways, an asynchronous read */
    s = Pipe(&named, 0, "\\??\\pipe\\ntmini_sample", 0);
    Check(s == 0, "NtCreateNamedPipeFile \\??\\pipe\\ntmini_sample (asynchronous)");
    Check(WaitPipe(npfs, "ntmini_sample") == 0, "FSCTL_PIPE_WAIT: an instance is free");
    Check(WaitPipe(npfs, "nothing") == (NTSTATUS)0xC0000034, "FSCTL_PIPE_WAIT for no such pipe: STATUS_OBJECT_NAME_NOT_FOUND");
    s = CreateFileNt(&named_client, "\\??\\PIPE\\NTMINI_SAMPLE", GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, 3, FILE_OPEN,
                     FILE_SYNCHRONOUS_IO_NONALERT);
    Check(s == 0, "a client opens it by name (names ignore case)");
    Check(WaitPipe(npfs, "ntmini_sample") == (NTSTATUS)0xC00000B5, "then none is free: STATUS_IO_TIMEOUT");
    s = CreateFileNt(&client, "\\??\\pipe\\ntmini_sample", GENERIC_READ | SYNCHRONIZE, 3, FILE_OPEN,
                     FILE_SYNCHRONOUS_IO_NONALERT);
    Check(s == (NTSTATUS)0xC00000AC, "a second client of its one instance: STATUS_PIPE_NOT_AVAILABLE");
    s = CreateFileNt(&client, "\\??\\pipe\\nothing", GENERIC_READ | SYNCHRONIZE, 3, FILE_OPEN, 0);
    Check(s == (NTSTATUS)0xC0000034, "a pipe nobody made: STATUS_OBJECT_NAME_NOT_FOUND");
    NtCreateEvent(&ev, 0x1F0003, 0, 0, 0);
    iosb.Status = -1;
    s = NtReadFile(named, ev, 0, 0, &iosb, text, sizeof(text), 0, 0);
    Check(s == STATUS_PENDING && iosb.Status == -1, "an asynchronous read of the empty pipe: STATUS_PENDING");
    NtWriteFile(named_client, 0, 0, 0, &iosb, "hello server", 12, 0, 0);
    s = NtWaitForSingleObject(ev, 0, 0);
    Check(s == 0, "the client's write signals the reader's event");
    s = NtWriteFile(named, 0, 0, 0, &iosb, "hello client", 12, 0, 0);
    s |= NtReadFile(named_client, 0, 0, 0, &iosb, text + 12, 12, 0, 0);
    Check(s == 0 && Same(text, "hello serverhello client", 24), "and the server writes back");
    NtClose(named);
    s = NtWriteFile(named_client, 0, 0, 0, &iosb, "x", 1, 0, 0);
    Check(s == (NTSTATUS)0xC00000B1, "writing when the other end is gone: STATUS_PIPE_CLOSING");
    NtClose(named_client);
    NtTerminateProcess(NtCurrentProcess(), failures);
}
