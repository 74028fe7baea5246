/* Family 4, the named-pipe operations: ConnectNamedPipe (overlapped, then ERROR_PIPE_CONNECTED),
 * WaitNamedPipe (busy, missing, a bad name), PeekNamedPipe (on a message pipe and an anonymous
 * pipe), GetNamedPipeInfo, Get/SetNamedPipeHandleState, TransactNamedPipe and CallNamedPipe against
 * a server thread, DisconnectNamedPipe. Exit code: failed checks. */
#include "../k32.h"

#define NAME "\\\\.\\pipe\\k32_npipe"

static int Same(const char *a, const char *b, DWORD n)
{
    for (DWORD i = 0; i < n; i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

/* The server: answers each message with "re:" and the message, until the client goes. */
static DWORD WINAPI Serve(LPVOID p)
{
    HANDLE server = p;
    char buf[64], reply[80];
    DWORD n, done;
    while (ReadFile(server, buf, sizeof(buf), &n, NULL)) {
        reply[0] = 'r'; reply[1] = 'e'; reply[2] = ':';
        for (DWORD i = 0; i < n; i++) reply[3 + i] = buf[i];
        WriteFile(server, reply, n + 3, &done, NULL);
    }
    return GetLastError();
}

void Entry(void)
{
    HANDLE server = CreateNamedPipeA(NAME, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                                     PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1, 512, 256, 0, NULL);
    Check(server != INVALID_HANDLE_VALUE, "CreateNamedPipe: a message pipe, one instance");
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    OVERLAPPED ov = { 0 };
    ov.hEvent = ev;
    CheckError(!ConnectNamedPipe(server, &ov), ERROR_IO_PENDING, "ConnectNamedPipe(overlapped) -> ERROR_IO_PENDING");
    Check(WaitNamedPipeA(NAME, 0), "WaitNamedPipe: the instance is free");
    HANDLE client = CreateFileA(NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    Check(client != INVALID_HANDLE_VALUE, "the client opens it");
    DWORD n = 0;
    Check(WaitForSingleObject(ev, 1000) == WAIT_OBJECT_0 && GetOverlappedResult(server, &ov, &n, FALSE),
          "the listen completes when the client comes");
    CheckError(!ConnectNamedPipe(server, NULL), ERROR_PIPE_CONNECTED, "ConnectNamedPipe again -> ERROR_PIPE_CONNECTED");
    CheckError(!WaitNamedPipeA(NAME, 20), ERROR_SEM_TIMEOUT, "WaitNamedPipe(20 ms) with the only instance taken -> ERROR_SEM_TIMEOUT");
    CheckError(!WaitNamedPipeA("\\\\.\\pipe\\no_such_pipe", 20), ERROR_FILE_NOT_FOUND, "WaitNamedPipe of no pipe -> ERROR_FILE_NOT_FOUND");
    CheckError(!WaitNamedPipeA("C:\\pipe\\x", 20), ERROR_BAD_PATHNAME, "WaitNamedPipe of a file name -> ERROR_BAD_PATHNAME");

    DWORD flags = 0, out_size = 0, in_size = 0, max = 0;
    Check(GetNamedPipeInfo(server, &flags, &out_size, &in_size, &max) && flags == (PIPE_SERVER_END | PIPE_TYPE_MESSAGE) &&
          out_size == 512 && in_size == 256 && max == 1, "GetNamedPipeInfo: the server end of a message pipe, its sizes");
    Check(GetNamedPipeInfo(client, &flags, NULL, NULL, NULL) && flags == (PIPE_CLIENT_END | PIPE_TYPE_MESSAGE), "and the client end");
    DWORD state = 0, instances = 0;
    Check(GetNamedPipeHandleStateA(client, &state, &instances, NULL, NULL, NULL, 0) && state == PIPE_WAIT && instances == 1,
          "GetNamedPipeHandleState: the client reads bytes, blocking, one instance");
    DWORD collect = 0;
    CheckError(!GetNamedPipeHandleStateA(client, &state, NULL, &collect, NULL, NULL, 0), ERROR_INVALID_PARAMETER,
               "a collection count on a local pipe -> ERROR_INVALID_PARAMETER");

    /* Peek: what is there, without taking it. */
    DWORD done;
    OVERLAPPED wo = { 0 };
    WriteFile(server, "hello", 5, &done, &wo);
    char buf[64];
    DWORD read = 0, avail = 0, left = 0;
    Check(PeekNamedPipe(client, buf, 3, &read, &avail, &left) && read == 3 && avail == 5 && Same(buf, "hel", 3),
          "PeekNamedPipe: 3 of the 5 bytes");
    Check(PeekNamedPipe(client, NULL, 0, NULL, &avail, NULL) && avail == 5, "with no buffer: the bytes available");
    Check(ReadFile(client, buf, sizeof(buf), &read, NULL) && read == 5 && Same(buf, "hello", 5), "and the read still gets them");

    /* Transactions against the server thread. */
    DWORD mode = PIPE_READMODE_MESSAGE;
    CheckError(!TransactNamedPipe(client, "x", 1, buf, sizeof(buf), &read, NULL), ERROR_BAD_PIPE,
               "TransactNamedPipe in byte read mode -> ERROR_BAD_PIPE");
    Check(SetNamedPipeHandleState(client, &mode, NULL, NULL) && GetNamedPipeHandleStateA(client, &state, NULL, NULL, NULL, NULL, 0) &&
          state == (PIPE_WAIT | PIPE_READMODE_MESSAGE), "SetNamedPipeHandleState(PIPE_READMODE_MESSAGE)");
    mode = 0x100;
    CheckError(!SetNamedPipeHandleState(client, &mode, NULL, NULL), ERROR_INVALID_PARAMETER, "an unknown mode -> ERROR_INVALID_PARAMETER");
    HANDLE thread = CreateThread(NULL, 0, Serve, server, 0, NULL);
    Check(TransactNamedPipe(client, "ping", 4, buf, sizeof(buf), &read, NULL) && read == 7 && Same(buf, "re:ping", 7),
          "TransactNamedPipe: the request out, the reply back");
    /* (No message boundaries in this executive's pipes: a longer reply is read in pieces, not ERROR_MORE_DATA.) */
    TransactNamedPipe(client, "abcdefgh", 8, buf, 4, &read, NULL);
    Check(read == 4 && Same(buf, "re:a", 4), "a reply longer than the buffer: the first 4 bytes");
    Check(ReadFile(client, buf, sizeof(buf), &read, NULL) && read == 7, "the rest of the reply is read after");
    WriteFile(client, "z", 1, &done, NULL);
    Sleep(20);
    CheckError(!TransactNamedPipe(client, "y", 1, buf, sizeof(buf), &read, NULL), ERROR_PIPE_BUSY,
               "TransactNamedPipe with a reply still unread -> ERROR_PIPE_BUSY");
    ReadFile(client, buf, sizeof(buf), &read, NULL);

    /* The server end gone from under the client, then the instance free again. */
    CloseHandle(client);
    WaitForSingleObject(thread, 1000);
    DWORD code = 0;
    GetExitCodeThread(thread, &code);
    Check(code == ERROR_BROKEN_PIPE, "the server's read ends with ERROR_BROKEN_PIPE when the client closes");
    CloseHandle(thread);
    Check(DisconnectNamedPipe(server), "DisconnectNamedPipe");
    Check(WaitNamedPipeA(NAME, NMPWAIT_USE_DEFAULT_WAIT), "the instance is free again");
    ResetEvent(ev);
    CheckError(!ConnectNamedPipe(server, &ov), ERROR_IO_PENDING, "listening again");
    thread = CreateThread(NULL, 0, Serve, server, CREATE_SUSPENDED, NULL);
    client = CreateFileA(NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    GetOverlappedResult(server, &ov, &n, TRUE);
    ResumeThread(thread);
    mode = PIPE_READMODE_MESSAGE;
    SetNamedPipeHandleState(client, &mode, NULL, NULL);
    Check(TransactNamedPipe(client, "two", 3, buf, sizeof(buf), &read, NULL) && read == 6 && Same(buf, "re:two", 6),
          "a second client is served");
    CheckError(!CallNamedPipeA(NAME, "c", 1, buf, sizeof(buf), &read, 20), ERROR_SEM_TIMEOUT,
               "CallNamedPipe while the instance is taken -> ERROR_SEM_TIMEOUT");
    Check(DisconnectNamedPipe(server), "DisconnectNamedPipe with a client connected");
    CheckError(!ReadFile(client, buf, sizeof(buf), &read, NULL), ERROR_PIPE_NOT_CONNECTED,
               "the disconnected client's read -> ERROR_PIPE_NOT_CONNECTED");
    CloseHandle(client);
    WaitForSingleObject(thread, 1000);
    CloseHandle(thread);
    CloseHandle(server);
    CheckError(!CallNamedPipeA(NAME, "c", 1, buf, sizeof(buf), &read, 20), ERROR_FILE_NOT_FOUND,
               "CallNamedPipe of a pipe that is gone -> ERROR_FILE_NOT_FOUND");

    /* PeekNamedPipe on an anonymous pipe, as a child's output reader polls it. */
    HANDLE r, w;
    CreatePipe(&r, &w, NULL, 0);
    Check(PeekNamedPipe(r, NULL, 0, NULL, &avail, NULL) && avail == 0, "an anonymous pipe: nothing yet");
    WriteFile(w, "data", 4, &done, NULL);
    Check(PeekNamedPipe(r, buf, sizeof(buf), &read, &avail, &left) && avail == 4 && read == 4 && left == 0,
          "then the 4 bytes written, nothing left of a message in a byte pipe");
    CloseHandle(w);
    ReadFile(r, buf, 4, &read, NULL);
    CheckError(!PeekNamedPipe(r, NULL, 0, NULL, &avail, NULL), ERROR_BROKEN_PIPE, "the writer gone and nothing left -> ERROR_BROKEN_PIPE");
    CloseHandle(r);
    ExitProcess(failures);
}
