/* Family 4, I/O completion ports through kernel32: CreateIoCompletionPort (a new port, a file
 * associated with one), PostQueuedCompletionStatus, GetQueuedCompletionStatus and its Ex form
 * (several entries at once, timeouts, an alertable wait that a user APC ends), a packet of an
 * overlapped write, and the documented errors. Exit code: failed checks. */
#include "../k32.h"

static volatile LONG apcs;
static void CALLBACK Apc(ULONG_PTR data) { apcs += (LONG)data; }

static HANDLE port_for_worker;
static DWORD WINAPI Poster(LPVOID p)
{
    Sleep(20);
    PostQueuedCompletionStatus(port_for_worker, 7, 0x77, (LPOVERLAPPED)p);
    return 0;
}

void Entry(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    Check(port != NULL, "CreateIoCompletionPort(INVALID_HANDLE_VALUE): a new port");
    Check(PostQueuedCompletionStatus(port, 12, 0x1234, (LPOVERLAPPED)0x5678), "PostQueuedCompletionStatus");
    DWORD bytes = 0;
    ULONG_PTR key = 0;
    LPOVERLAPPED ov = NULL;
    Check(GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0) && bytes == 12 && key == 0x1234
          && ov == (LPOVERLAPPED)0x5678, "GetQueuedCompletionStatus gives the packet back");
    ov = (LPOVERLAPPED)1;
    CheckError(!GetQueuedCompletionStatus(port, &bytes, &key, &ov, 30), WAIT_TIMEOUT,
               "an empty port times out -> WAIT_TIMEOUT");
    Check(ov == NULL, "and the OVERLAPPED pointer is NULL");

    for (int i = 1; i <= 3; i++)
        PostQueuedCompletionStatus(port, (DWORD)i * 100, (ULONG_PTR)i, NULL);
    OVERLAPPED_ENTRY entries[4];
    ULONG removed = 0;
    Check(GetQueuedCompletionStatusEx(port, entries, 4, &removed, 0, FALSE) && removed == 3,
          "GetQueuedCompletionStatusEx takes three at once");
    Check(entries[0].lpCompletionKey == 1 && entries[2].dwNumberOfBytesTransferred == 300,
          "in the order posted");
    CheckError(!GetQueuedCompletionStatusEx(port, entries, 4, &removed, 10, FALSE), WAIT_TIMEOUT,
               "...Ex on an empty port -> WAIT_TIMEOUT");
    Check(removed == 0, "with nothing removed");

    /* A thread posts while this one waits. */
    port_for_worker = port;
    HANDLE t = CreateThread(NULL, 0, Poster, (LPVOID)0x99, 0, NULL);
    Check(GetQueuedCompletionStatus(port, &bytes, &key, &ov, INFINITE) && key == 0x77 && bytes == 7,
          "a waiting thread gets a packet posted later");
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);

    /* An alertable wait ends with a user APC. */
    QueueUserAPC(Apc, GetCurrentThread(), 5);
    CheckError(!GetQueuedCompletionStatusEx(port, entries, 4, &removed, INFINITE, TRUE), WAIT_IO_COMPLETION,
               "an alertable ...Ex runs a queued APC -> WAIT_IO_COMPLETION");
    Check(apcs == 5, "the APC ran");

    /* A file opened for overlapped I/O posts its completions to the port it is associated with. */
    HANDLE f = CreateFileA("k32_iocp.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    Check(f != INVALID_HANDLE_VALUE, "CreateFile(FILE_FLAG_OVERLAPPED)");
    Check(CreateIoCompletionPort(f, port, 0xF11E, 0) == port, "associate it with the port");
    OVERLAPPED w = {0};
    BOOL done = WriteFile(f, "completion", 10, NULL, &w);
    Check(done || GetLastError() == ERROR_IO_PENDING, "an overlapped write");
    Check(GetQueuedCompletionStatus(port, &bytes, &key, &ov, 1000) && key == 0xF11E && ov == &w && bytes == 10,
          "its packet: the file's key, the OVERLAPPED, 10 bytes");
    HANDLE port2 = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    CheckError(CreateIoCompletionPort(f, port2, 1, 0) == NULL, ERROR_INVALID_PARAMETER,
               "a second association -> ERROR_INVALID_PARAMETER");
    CloseHandle(port2);
    CloseHandle(f);

    CheckError(CreateIoCompletionPort(INVALID_HANDLE_VALUE, port, 0, 0) == NULL, ERROR_INVALID_PARAMETER,
               "no file but an existing port -> ERROR_INVALID_PARAMETER");
    HANDLE e = CreateEventW(NULL, FALSE, FALSE, NULL);
    CheckError(!PostQueuedCompletionStatus(e, 0, 0, NULL), ERROR_INVALID_HANDLE,
               "posting to an event -> ERROR_INVALID_HANDLE");
    CloseHandle(e);
    CloseHandle(port);
    ExitProcess(failures);
}
