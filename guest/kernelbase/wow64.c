/* WOW64 as a native 64-bit process sees it: it is not a WOW64 process (IsWow64Process2: no
 * emulated machine, AMD64 native), there is no 32-bit subsystem here to run x86 code
 * (IsWow64GuestMachineSupported: not supported), file-system redirection exists only inside
 * WOW64 processes (the Wow64*FsRedirection calls fail as RtlWow64EnableFsRedirectionEx does in
 * a native process: STATUS_NOT_IMPLEMENTED), and a native thread has no WOW64 context. */
#include "kernelbase.h"

#define STATUS_NOT_IMPLEMENTED_ ((NTSTATUS)0xC0000002)

KBAPI BOOL WINAPI IsWow64Process2(HANDLE process, USHORT *process_machine, USHORT *native_machine)
{
    BOOL wow64;
    if (!IsWow64Process(process, &wow64)) return FALSE;
    *process_machine = IMAGE_FILE_MACHINE_UNKNOWN;
    if (native_machine) *native_machine = IMAGE_FILE_MACHINE_AMD64;
    return TRUE;
}

KBAPI HRESULT WINAPI IsWow64GuestMachineSupported(USHORT machine, BOOL *supported)
{
    (void)machine;
    *supported = FALSE;
    return S_OK;
}

KBAPI BOOL WINAPI Wow64DisableWow64FsRedirection(PVOID *old)
{
    (void)old;
    return BaseFail(STATUS_NOT_IMPLEMENTED_);
}

KBAPI BOOL WINAPI Wow64RevertWow64FsRedirection(PVOID old)
{
    (void)old;
    return BaseFail(STATUS_NOT_IMPLEMENTED_);
}

KBAPI BOOLEAN WINAPI Wow64EnableWow64FsRedirection(BOOLEAN enable)
{
    (void)enable;
    BaseSetLastNTError(STATUS_NOT_IMPLEMENTED_);
    return FALSE;
}

/* The 32-bit system folder's name, as the system's answer for x86 images. */
static UINT Answer(const WCHAR *text, UINT len, LPWSTR out, UINT size)
{
    if (size <= len) return len + 1;
    memcpy(out, text, (len + 1) * sizeof(WCHAR));
    return len;
}

KBAPI UINT WINAPI GetSystemWow64DirectoryW(LPWSTR out, UINT size)
{
    return Answer(L"C:\\Windows\\SysWOW64", 19, out, size);
}

KBAPI UINT WINAPI GetSystemWow64DirectoryA(LPSTR out, UINT size)
{
    static const char text[] = "C:\\Windows\\SysWOW64";
    if (size <= sizeof(text) - 1) return sizeof(text);
    memcpy(out, text, sizeof(text));
    return sizeof(text) - 1;
}

/* A native thread has no WOW64 context or selectors: STATUS_INVALID_PARAMETER as Windows answers. */
KBAPI BOOL WINAPI Wow64GetThreadContext(HANDLE thread, PWOW64_CONTEXT context)
{
    (void)thread; (void)context;
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

KBAPI BOOL WINAPI Wow64SetThreadContext(HANDLE thread, const WOW64_CONTEXT *context)
{
    (void)thread; (void)context;
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}
