/* An I/O completion port: an asynchronous file in C:\Temp associated with it posts a packet per
 * transfer (its key, the ApcContext, the IO_STATUS_BLOCK); NtSetIoCompletion posts one directly; a
 * thread waiting on the empty port gets the next packet; NtRemoveIoCompletionEx takes several.
 * Exits with the number of failed checks. */
#include "../nt.h"

static int failures;
static HANDLE port;
static PVOID got_key, got_apc;
static IO_STATUS_BLOCK got_iosb;
static volatile NTSTATUS got = -1;

static void Check(int ok, const char *what) {
    Print(ok ? "ok   " : "FAIL ");
    Print(what);
    Print("\n");
    if (!ok) failures++;
}

static ULONG Worker(PVOID unused) {
    (void)unused;
    Print("     worker: waiting in NtRemoveIoCompletion\n");
    got = NtRemoveIoCompletion(port, &got_key, &got_apc, &got_iosb, 0);
    Print("     worker: got a packet\n");
    return 0;
}

void Entry(void) {
    HANDLE file, thread;
    IO_STATUS_BLOCK iosb;
    PVOID key, apc;
    LARGE_INTEGER zero = {0}, at = {0};
    NTSTATUS s;
    int depth = -1;

    s = NtCreateIoCompletion(&port, 0x1F0003, 0, 1);
    Check(s == 0, "NtCreateIoCompletion");
    s = CreateFileNt(&file, "\\??\\C:\\Temp\\iocp.bin", GENERIC_READ | GENERIC_WRITE | DELETE, 7, FILE_CREATE,
                     FILE_NON_DIRECTORY_FILE | FILE_DELETE_ON_CLOSE);
    struct { HANDLE Port; PVOID Key; } association = {port, (PVOID)0x42};
    s |= NtSetInformationFile(file, &iosb, &association, sizeof(association), FileCompletionInformation);
    Check(s == 0, "an asynchronous file associated with it (key 0x42)");
    s = NtWriteFile(file, 0, 0, (PVOID)0x1234, &iosb, "completion", 10, &at, 0);
    Check(s == STATUS_PENDING, "an asynchronous write: STATUS_PENDING");
    s = NtQueryIoCompletion(port, 0, &depth, sizeof(depth), 0);
    Check(s == 0 && depth == 1, "the port holds one packet");
    s = NtRemoveIoCompletion(port, &key, &apc, &iosb, &zero);
    Check(s == 0 && key == (PVOID)0x42 && apc == (PVOID)0x1234 && iosb.Status == 0 && iosb.Information == 10,
          "NtRemoveIoCompletion: key 0x42, ApcContext 0x1234, 10 bytes");
    s = NtRemoveIoCompletion(port, &key, &apc, &iosb, &zero);
    Check(s == STATUS_TIMEOUT, "the port is empty: a zero timeout is STATUS_TIMEOUT");

    thread = StartThread(Worker, 0, 0);
    LARGE_INTEGER t = Ms(20);
    NtDelayExecution(0, &t);
    Check(got == -1, "a thread waits on the empty port");
    s = NtSetIoCompletion(port, (PVOID)7, (PVOID)8, 0, 99);
    NtWaitForSingleObject(thread, 0, 0);
    Check(s == 0 && got == 0 && got_key == (PVOID)7 && got_apc == (PVOID)8 && got_iosb.Information == 99,
          "NtSetIoCompletion's packet goes straight to it");

    for (int i = 1; i <= 3; i++) NtSetIoCompletion(port, (PVOID)(ULONG_PTR)i, 0, 0, (ULONG_PTR)(i * 10));
    FILE_IO_COMPLETION_INFORMATION entries[4];
    ULONG removed = 0;
    s = NtRemoveIoCompletionEx(port, entries, 4, &removed, &zero, 0);
    Check(s == 0 && removed == 3 && entries[0].KeyContext == (PVOID)1 && entries[2].IoStatusBlock.Information == 30,
          "NtRemoveIoCompletionEx takes the three queued, in order");
    NtClose(file);
    NtTerminateProcess(NtCurrentProcess(), failures);
}
