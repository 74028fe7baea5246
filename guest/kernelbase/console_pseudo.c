/* Family 2, pseudo consoles: CreatePseudoConsole (a console whose terminal is the caller's pair of
 * pipes, kernel/io/console_pseudo.py says which VT it writes), ResizePseudoConsole and
 * ClosePseudoConsole. The HPCON is a handle to \Device\ConDrv\Pseudo; CreateProcess with
 * PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE passes it on as the child's ConsoleHandle (create_process.c).
 * Failures are HRESULTs: E_INVALIDARG for a bad size or pointer, else the Win32 error's HRESULT. */
#include "console_io.h"

#ifndef PSEUDOCONSOLE_INHERIT_CURSOR                 /* wincon.h declares it for NTDDI 10.0.17763 on */
typedef VOID *HPCON;
#endif

static HRESULT LastHresult(void)
{
    DWORD error = GetLastError();
    return error ? HRESULT_FROM_WIN32(error) : E_FAIL;
}

KBAPI HRESULT WINAPI CreatePseudoConsole(COORD size, HANDLE input, HANDLE output, DWORD flags, HPCON *pc)
{
    if (!pc) return E_INVALIDARG;
    *pc = NULL;
    if (size.X <= 0 || size.Y <= 0 || (flags & ~7u)) return E_INVALIDARG;
    if (!input || input == INVALID_HANDLE_VALUE || !output || output == INVALID_HANDLE_VALUE)
        return HRESULT_FROM_WIN32(ERROR_INVALID_HANDLE);
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES oa;
    IO_STATUS_BLOCK iosb = {{0}, 0};
    HANDLE h = NULL;
    RtlInitUnicodeString(&name, L"\\Device\\ConDrv\\Pseudo");
    memset(&oa, 0, sizeof(oa));
    oa.Length = sizeof(oa);
    oa.ObjectName = &name;
    oa.Attributes = OBJ_CASE_INSENSITIVE_;
    NTSTATUS status = NtCreateFile(&h, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, &oa, &iosb, NULL, 0,
                                   FILE_SHARE_READ | FILE_SHARE_WRITE, 1 /* FILE_OPEN */,
                                   FILE_SYNCHRONOUS_IO_NONALERT_, NULL, 0);
    if (!NT_SUCCESS(status)) { BaseFail(status); return LastHresult(); }
    struct { ULONG64 input, output; COORD size; } request = {(ULONG64)(ULONG_PTR)input, (ULONG64)(ULONG_PTR)output, size};
    if (!BaseConsoleCall(h, CON_CREATE_PSEUDO, &request, sizeof(request), NULL, 0, NULL)) {
        HRESULT hr = LastHresult();
        NtClose(h);
        return hr;
    }
    *pc = (HPCON)h;
    return S_OK;
}

KBAPI HRESULT WINAPI ResizePseudoConsole(HPCON pc, COORD size)
{
    if (!pc || size.X <= 0 || size.Y <= 0) return E_INVALIDARG;
    return BaseConsoleCall((HANDLE)pc, CON_RESIZE_PSEUDO, &size, sizeof(size), NULL, 0, NULL) ? S_OK : LastHresult();
}

KBAPI VOID WINAPI ClosePseudoConsole(HPCON pc)
{
    if (!pc) return;
    BaseConsoleCall((HANDLE)pc, CON_CLOSE_PSEUDO, NULL, 0, NULL, 0, NULL);
    NtClose((HANDLE)pc);
}
