/* Family 9 (security), an object's security descriptor: GetKernelObjectSecurity /
 * SetKernelObjectSecurity over NtQuerySecurityObject / NtSetSecurityObject, and GetFileSecurityA/W /
 * SetFileSecurityA/W, which open the file (or directory) for just the access the parts need. */
#include "registry.h"                   /* the advapi32 half of the API, declared for export */

NTDLL NTSTATUS NTAPI NtQuerySecurityObject(HANDLE, SECURITY_INFORMATION, PSECURITY_DESCRIPTOR, ULONG, PULONG);
NTDLL NTSTATUS NTAPI NtSetSecurityObject(HANDLE, SECURITY_INFORMATION, PSECURITY_DESCRIPTOR);

KBAPI BOOL WINAPI GetKernelObjectSecurity(HANDLE h, SECURITY_INFORMATION information, PSECURITY_DESCRIPTOR sd,
                                          DWORD length, LPDWORD needed)
{
    ULONG n = 0;
    NTSTATUS status = NtQuerySecurityObject(h, information, sd, length, &n);
    if (needed) *needed = n;
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI SetKernelObjectSecurity(HANDLE h, SECURITY_INFORMATION information, PSECURITY_DESCRIPTOR sd)
{
    NTSTATUS status = NtSetSecurityObject(h, information, sd);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

/* The access reading (or writing) these parts takes. */
static DWORD AccessFor(SECURITY_INFORMATION information, BOOL writing)
{
    DWORD access = 0;
    if (information & (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | LABEL_SECURITY_INFORMATION))
        access |= writing ? WRITE_OWNER : READ_CONTROL;
    if (information & DACL_SECURITY_INFORMATION)
        access |= writing ? WRITE_DAC : READ_CONTROL;
    if (information & SACL_SECURITY_INFORMATION)
        access |= ACCESS_SYSTEM_SECURITY;
    return access;
}

static HANDLE OpenFor(LPCWSTR name, DWORD access)
{
    return CreateFileW(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                       FILE_FLAG_BACKUP_SEMANTICS, NULL);
}

KBAPI BOOL WINAPI GetFileSecurityW(LPCWSTR name, SECURITY_INFORMATION information, PSECURITY_DESCRIPTOR sd,
                                   DWORD length, LPDWORD needed)
{
    HANDLE h = OpenFor(name, AccessFor(information, FALSE));
    if (h == INVALID_HANDLE_VALUE) return FALSE;
    BOOL ok = GetKernelObjectSecurity(h, information, sd, length, needed);
    DWORD error = GetLastError();
    CloseHandle(h);
    SetLastError(error);
    return ok;
}

KBAPI BOOL WINAPI SetFileSecurityW(LPCWSTR name, SECURITY_INFORMATION information, PSECURITY_DESCRIPTOR sd)
{
    HANDLE h = OpenFor(name, AccessFor(information, TRUE));
    if (h == INVALID_HANDLE_VALUE) return FALSE;
    BOOL ok = SetKernelObjectSecurity(h, information, sd);
    DWORD error = GetLastError();
    CloseHandle(h);
    SetLastError(error);
    return ok;
}

static BOOL Wide(LPCSTR name, WCHAR *out)
{
    if (MultiByteToWideChar(CP_ACP, 0, name, -1, out, MAX_PATH + 1)) return TRUE;
    SetLastError(ERROR_FILENAME_EXCED_RANGE);
    return FALSE;
}

KBAPI BOOL WINAPI GetFileSecurityA(LPCSTR name, SECURITY_INFORMATION information, PSECURITY_DESCRIPTOR sd,
                                   DWORD length, LPDWORD needed)
{
    WCHAR wide[MAX_PATH + 1];
    return Wide(name, wide) && GetFileSecurityW(wide, information, sd, length, needed);
}

KBAPI BOOL WINAPI SetFileSecurityA(LPCSTR name, SECURITY_INFORMATION information, PSECURITY_DESCRIPTOR sd)
{
    WCHAR wide[MAX_PATH + 1];
    return Wide(name, wide) && SetFileSecurityW(wide, information, sd);
}
