/* Family 4, anonymous pipes: CreatePipe's two ends, bytes written on one read on the other, a
 * reader waiting for a writer thread, the end of the pipe once the write end is closed
 * (ERROR_BROKEN_PIPE), writing with no reader left, CancelIo(Ex) with nothing waiting, and an
 * inheritable pair. Exit code: failed checks. */
#include "../k32.h"

static HANDLE write_end;

static DWORD WINAPI Writer(LPVOID p)
{
    DWORD done;
    Sleep(20);
    WriteFile(write_end, "late", 4, &done, NULL);
    CloseHandle(write_end);
    return (DWORD)(ULONG_PTR)p;
}

void Entry(void)
{
    HANDLE r, w;
    char buf[16];
    DWORD done = 0;
    Check(CreatePipe(&r, &w, NULL, 0), "CreatePipe");
    Check(GetFileType(r) == FILE_TYPE_PIPE && GetFileType(w) == FILE_TYPE_PIPE, "both ends are FILE_TYPE_PIPE");
    Check(WriteFile(w, "hello", 5, &done, NULL) && done == 5, "5 bytes written");
    Check(ReadFile(r, buf, sizeof(buf), &done, NULL) && done == 5 && buf[0] == 'h' && buf[4] == 'o',
          "and read on the other end");
    CheckError(!WriteFile(r, "x", 1, &done, NULL), ERROR_ACCESS_DENIED, "the read end is not for writing");

    write_end = w;
    HANDLE t = CreateThread(NULL, 0, Writer, NULL, 0, NULL);
    Check(ReadFile(r, buf, sizeof(buf), &done, NULL) && done == 4 && buf[0] == 'l', "a read waits for a writer");
    CheckError(!ReadFile(r, buf, sizeof(buf), &done, NULL), ERROR_BROKEN_PIPE,
               "the write end closed: ERROR_BROKEN_PIPE");
    Check(done == 0, "with nothing read");
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    CloseHandle(r);

    Check(CreatePipe(&r, &w, NULL, 64), "CreatePipe with a 64-byte buffer");
    CloseHandle(r);
    CheckError(!WriteFile(w, "x", 1, &done, NULL), ERROR_NO_DATA, "no reader left: ERROR_NO_DATA");
    CloseHandle(w);

    /* Nothing waits on the pipe: CancelIoEx finds nothing, CancelIo has nothing to do. */
    Check(CreatePipe(&r, &w, NULL, 0), "another pipe");
    CheckError(!CancelIoEx(r, NULL), ERROR_NOT_FOUND, "CancelIoEx with nothing waiting -> ERROR_NOT_FOUND");
    Check(CancelIo(r), "CancelIo succeeds");
    CloseHandle(r);
    CloseHandle(w);

    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, TRUE};
    Check(CreatePipe(&r, &w, &sa, 0), "an inheritable pair");
    CloseHandle(r);
    CloseHandle(w);
    ExitProcess(failures);
}
