/* OpenProcessToken: a handle to the process's primary token with the access asked, from
 * NtOpenProcessToken; a failure's NTSTATUS becomes the last error. Rust's std imports it (for
 * env::home_dir when USERPROFILE is not set), so an image linking it must load. */
#define _ADVAPI32_                      /* windows.h: declare the calls without dllimport */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

typedef LONG NTSTATUS;
__declspec(dllimport) NTSTATUS NTAPI NtOpenProcessToken(HANDLE, ACCESS_MASK, HANDLE *);
__declspec(dllimport) ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);

__declspec(dllexport) BOOL WINAPI OpenProcessToken(HANDLE process, DWORD access, HANDLE *token)
{
    NTSTATUS status = NtOpenProcessToken(process, access, token);
    if (status < 0) {
        SetLastError(RtlNtStatusToDosError(status));
        return FALSE;
    }
    return TRUE;
}
