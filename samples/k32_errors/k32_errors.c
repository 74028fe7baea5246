/* Family 1, errors: SetLastError/GetLastError in the TEB, the NTSTATUS -> Win32 codes kernel32
 * calls give (ERROR_INVALID_HANDLE from CloseHandle, ERROR_TOO_MANY_POSTS, ERROR_NOT_OWNER,
 * WAIT_FAILED), FormatMessage, the error mode. Exit code: failed checks. */
#include "../k32.h"

void Entry(void)
{
    SetLastError(1234);
    Check(GetLastError() == 1234, "SetLastError / GetLastError round-trip");
    BYTE *teb;
    __asm__ ("mov %%gs:0x30, %0" : "=r"(teb));
    Check(*(DWORD *)(teb + 0x68) == 1234, "the value lives in TEB.LastErrorValue");

    SetLastError(0);
    CheckError(!CloseHandle((HANDLE)(ULONG_PTR)0x1234), ERROR_INVALID_HANDLE, "CloseHandle(bad) -> ERROR_INVALID_HANDLE");
    CheckError(!CloseHandle(NULL), ERROR_INVALID_HANDLE, "CloseHandle(NULL) -> ERROR_INVALID_HANDLE");
    CheckError(WaitForSingleObject((HANDLE)(ULONG_PTR)0x5678, 0) == WAIT_FAILED, ERROR_INVALID_HANDLE,
               "WaitForSingleObject(bad) -> WAIT_FAILED, ERROR_INVALID_HANDLE");

    HANDLE sem = CreateSemaphoreW(NULL, 1, 1, NULL);
    Check(sem != NULL && GetLastError() == 0, "CreateSemaphore succeeds and clears the last error");
    CheckError(!ReleaseSemaphore(sem, 1, NULL), ERROR_TOO_MANY_POSTS, "ReleaseSemaphore past the maximum -> ERROR_TOO_MANY_POSTS");
    CheckError(CreateSemaphoreW(NULL, 2, 1, NULL) == NULL, ERROR_INVALID_PARAMETER,
               "CreateSemaphore(initial > maximum) -> ERROR_INVALID_PARAMETER");
    HANDLE mutex = CreateMutexW(NULL, FALSE, NULL);
    CheckError(!ReleaseMutex(mutex), ERROR_NOT_OWNER, "ReleaseMutex not owned -> ERROR_NOT_OWNER");
    CheckError(!SetEvent(sem), ERROR_INVALID_HANDLE, "SetEvent on a semaphore -> ERROR_INVALID_HANDLE");
    CloseHandle(sem);
    CloseHandle(mutex);

    CheckError(GetStdHandle(12345) == INVALID_HANDLE_VALUE, ERROR_INVALID_HANDLE, "GetStdHandle(bad) -> ERROR_INVALID_HANDLE");
    CheckError(!TlsFree(5000), ERROR_INVALID_PARAMETER, "TlsFree(5000) -> ERROR_INVALID_PARAMETER");
    CheckError(!VirtualFree(NULL, 4096, MEM_RELEASE), ERROR_INVALID_PARAMETER,
               "VirtualFree(MEM_RELEASE, size != 0) -> ERROR_INVALID_PARAMETER");
    CheckError(WaitForMultipleObjects(0, NULL, FALSE, 0) == WAIT_FAILED, ERROR_INVALID_PARAMETER,
               "WaitForMultipleObjects(0 handles) -> ERROR_INVALID_PARAMETER");

    char msg[256];
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_ACCESS_DENIED, 0, msg, sizeof(msg), NULL);
    Check(n == 19 && lstrcmpA(msg, "Access is denied.\r\n") == 0, "FormatMessage(FROM_SYSTEM, 5): Windows' text");
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_MAX_WIDTH_MASK, NULL, ERROR_FILE_NOT_FOUND, 0, msg,
                       sizeof(msg), NULL);
    Check(lstrcmpA(msg, "The system cannot find the file specified. ") == 0, "MAX_WIDTH_MASK turns the line break into a space");
    CheckError(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 0x1234567, 0, msg, sizeof(msg), NULL) == 0,
               ERROR_MR_MID_NOT_FOUND, "an unknown message -> ERROR_MR_MID_NOT_FOUND");
    CheckError(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_ACCESS_DENIED, 0, msg, 5, NULL) == 0,
               ERROR_INSUFFICIENT_BUFFER, "a short buffer -> ERROR_INSUFFICIENT_BUFFER");
    DWORD_PTR args[] = {(DWORD_PTR)"world", 42, 255, (DWORD_PTR)-7};
    n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, "hello %1, %2!d! %3!04X! %4!d!%%%n%0",
                       0, 0, msg, sizeof(msg), (va_list *)args);
    Check(lstrcmpA(msg, "hello world, 42 00FF -7%\r\n") == 0 && n == 26, "FROM_STRING with inserts and escapes");
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, ERROR_BAD_EXE_FORMAT, 0, msg,
                       sizeof(msg), NULL);
    Check(lstrcmpA(msg, "%1 is not a valid Win32 application.\r\n") == 0, "IGNORE_INSERTS keeps %1");
    LPWSTR allocated = NULL;
    n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ALLOCATE_BUFFER, NULL, 0, 0, (LPWSTR)&allocated, 0, NULL);
    Check(n == 39 && allocated != NULL && allocated[0] == 'T' && LocalFree(allocated) == NULL,
          "ALLOCATE_BUFFER gives a LocalAlloc block");

    Check(SetErrorMode(SEM_FAILCRITICALERRORS) == 0, "the first error mode is 0");
    Check(GetErrorMode() == SEM_FAILCRITICALERRORS, "GetErrorMode gives back what was set");
    ExitProcess(failures);
}
