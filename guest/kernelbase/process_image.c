/* Family 2, a process's image name: QueryFullProcessImageNameW/A (the Win32 path, or with
 * PROCESS_NAME_NATIVE the NT device path) over ProcessImageFileNameWin32 / ProcessImageFileName,
 * K32GetProcessImageFileNameW/A (the NT path, psapi's GetProcessImageFileName), and WinExec. */
#include "kernelbase.h"

#define ProcessImageFileName_ 27
#define ProcessImageFileNameWin32_ 43

/* The image name into a caller's buffer of *size characters; *size becomes its length. */
static BOOL BaseProcessImageName(HANDLE process, BOOL native, LPWSTR out, DWORD *size)
{
    BYTE buffer[sizeof(UNICODE_STRING) + (MAX_PATH * 2 + 1) * 2];
    ULONG got = 0;
    NTSTATUS status = NtQueryInformationProcess(process, native ? ProcessImageFileName_ : ProcessImageFileNameWin32_,
                                                buffer, sizeof(buffer), &got);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    const UNICODE_STRING *name = (const UNICODE_STRING *)buffer;
    DWORD chars = name->Length / 2;
    if (chars + 1 > *size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(out, name->Buffer, chars * 2);
    out[chars] = 0;
    *size = chars;
    return TRUE;
}

KBAPI BOOL WINAPI QueryFullProcessImageNameW(HANDLE process, DWORD flags, LPWSTR out, PDWORD size)
{
    if (flags & ~PROCESS_NAME_NATIVE || out == NULL || size == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return BaseProcessImageName(process, flags & PROCESS_NAME_NATIVE, out, size);
}

KBAPI BOOL WINAPI QueryFullProcessImageNameA(HANDLE process, DWORD flags, LPSTR out, PDWORD size)
{
    WCHAR wide[MAX_PATH * 2 + 1];
    DWORD n = MAX_PATH * 2 + 1;
    if (out == NULL || size == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!QueryFullProcessImageNameW(process, flags, wide, &n))
        return FALSE;
    int bytes = WideCharToMultiByte(CP_ACP, 0, wide, (int)n, NULL, 0, NULL, NULL);
    if ((DWORD)bytes + 1 > *size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    WideCharToMultiByte(CP_ACP, 0, wide, (int)n, out, bytes, NULL, NULL);
    out[bytes] = 0;
    *size = (DWORD)bytes;
    return TRUE;
}

/* GetProcessImageFileName: the NT path, truncated to the buffer with ERROR_INSUFFICIENT_BUFFER. */
KBAPI DWORD WINAPI K32GetProcessImageFileNameW(HANDLE process, LPWSTR out, DWORD size)
{
    DWORD n = size;
    return BaseProcessImageName(process, TRUE, out, &n) ? n : 0;
}

KBAPI DWORD WINAPI K32GetProcessImageFileNameA(HANDLE process, LPSTR out, DWORD size)
{
    DWORD n = size;
    return QueryFullProcessImageNameA(process, PROCESS_NAME_NATIVE, out, &n) ? n : 0;
}

/* WinExec: CreateProcessA of the command line, with nShow in STARTUPINFO; > 31 on success, else
 * 0 (out of resources), ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND or ERROR_BAD_FORMAT (11). */
KBAPI UINT WINAPI WinExec(LPCSTR command_line, UINT show)
{
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESHOWWINDOW;
    si.wShowWindow = (WORD)show;
    SIZE_T n = strlen(command_line);
    char *cl = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, n + 1);
    if (cl == NULL) return 0;
    memcpy(cl, command_line, n + 1);
    BOOL ok = CreateProcessA(NULL, cl, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    DWORD error = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, cl);
    if (!ok) {
        if (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND) return error;
        return error == ERROR_BAD_EXE_FORMAT ? ERROR_BAD_FORMAT : 0;
    }
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return 33;
}
