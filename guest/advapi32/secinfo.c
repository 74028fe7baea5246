/* The security-information calls of aclapi.h: GetSecurityInfo / SetSecurityInfo on a handle (files,
 * kernel objects and registry keys alike go to NtQuerySecurityObject / NtSetSecurityObject), and
 * GetNamedSecurityInfoA/W / SetNamedSecurityInfoW, which open a file (SE_FILE_OBJECT) or a registry
 * key (SE_REGISTRY_KEY: "MACHINE\...", "CURRENT_USER\...", "CLASSES_ROOT\...", "USERS\...") first.
 * They return a Win32 error code; the descriptor comes in one LocalAlloc block the pointers point into. */
#include "advapi32.h"
#include <aclapi.h>

NTDLL NTSTATUS NTAPI NtQuerySecurityObject(HANDLE, SECURITY_INFORMATION, PSECURITY_DESCRIPTOR, ULONG, PULONG);
NTDLL NTSTATUS NTAPI NtSetSecurityObject(HANDLE, SECURITY_INFORMATION, PSECURITY_DESCRIPTOR);

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

ADVAPI DWORD WINAPI GetSecurityInfo(HANDLE h, SE_OBJECT_TYPE type, SECURITY_INFORMATION information, PSID *owner,
                                    PSID *group, PACL *dacl, PACL *sacl, PSECURITY_DESCRIPTOR *sd)
{
    if (type == SE_UNKNOWN_OBJECT_TYPE || (!sd && (owner || group || dacl || sacl)))
        return ERROR_INVALID_PARAMETER;
    if (h == NULL || h == INVALID_HANDLE_VALUE)
        return ERROR_INVALID_HANDLE;
    ULONG needed = 0;
    NTSTATUS status = NtQuerySecurityObject(h, information, NULL, 0, &needed);
    if (status != STATUS_BUFFER_TOO_SMALL_ && !NT_SUCCESS(status))
        return RtlNtStatusToDosError(status);
    PSECURITY_DESCRIPTOR block = LocalAlloc(LMEM_FIXED, needed ? needed : 20);
    if (block == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    status = NtQuerySecurityObject(h, information, block, needed, &needed);
    if (!NT_SUCCESS(status)) {
        LocalFree(block);
        return RtlNtStatusToDosError(status);
    }
    BOOL present, defaulted;
    if (owner) { *owner = NULL; if (information & OWNER_SECURITY_INFORMATION) GetSecurityDescriptorOwner(block, owner, &defaulted); }
    if (group) { *group = NULL; if (information & GROUP_SECURITY_INFORMATION) GetSecurityDescriptorGroup(block, group, &defaulted); }
    if (dacl) { *dacl = NULL; if (information & DACL_SECURITY_INFORMATION) GetSecurityDescriptorDacl(block, &present, dacl, &defaulted); }
    if (sacl) { *sacl = NULL; if (information & SACL_SECURITY_INFORMATION) GetSecurityDescriptorSacl(block, &present, sacl, &defaulted); }
    if (sd) *sd = block;
    else LocalFree(block);
    return ERROR_SUCCESS;
}

ADVAPI DWORD WINAPI SetSecurityInfo(HANDLE h, SE_OBJECT_TYPE type, SECURITY_INFORMATION information, PSID owner,
                                    PSID group, PACL dacl, PACL sacl)
{
    if (type == SE_UNKNOWN_OBJECT_TYPE)
        return ERROR_INVALID_PARAMETER;
    if (h == NULL || h == INVALID_HANDLE_VALUE)
        return ERROR_INVALID_HANDLE;
    SECURITY_DESCRIPTOR sd;
    InitializeSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION);
    if (information & OWNER_SECURITY_INFORMATION) SetSecurityDescriptorOwner(&sd, owner, FALSE);
    if (information & GROUP_SECURITY_INFORMATION) SetSecurityDescriptorGroup(&sd, group, FALSE);
    if (information & DACL_SECURITY_INFORMATION) SetSecurityDescriptorDacl(&sd, TRUE, dacl, FALSE);
    if (information & SACL_SECURITY_INFORMATION) SetSecurityDescriptorSacl(&sd, TRUE, sacl, FALSE);
    NTSTATUS status = NtSetSecurityObject(h, information, &sd);
    return NT_SUCCESS(status) ? ERROR_SUCCESS : RtlNtStatusToDosError(status);
}

/* The object a name gives, opened for access; the error when it cannot be. */
static DWORD OpenNamed(LPCWSTR name, SE_OBJECT_TYPE type, DWORD access, HANDLE *h, BOOL *is_key)
{
    *is_key = FALSE;
    if (name == NULL) return ERROR_INVALID_PARAMETER;
    if (type == SE_FILE_OBJECT) {
        *h = CreateFileW(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                         FILE_FLAG_BACKUP_SEMANTICS, NULL);
        return *h == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
    }
    if (type == SE_REGISTRY_KEY) {
        static const struct { const WCHAR *prefix; HKEY root; } roots[] = {
            {L"MACHINE", HKEY_LOCAL_MACHINE}, {L"CURRENT_USER", HKEY_CURRENT_USER},
            {L"CLASSES_ROOT", HKEY_CLASSES_ROOT}, {L"USERS", HKEY_USERS},
        };
        for (unsigned i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
            size_t n = wcslen(roots[i].prefix);
            if (wcsncmp(name, roots[i].prefix, n) == 0 && (name[n] == 0 || name[n] == '\\')) {
                HKEY key;
                LONG error = RegOpenKeyExW(roots[i].root, name[n] ? name + n + 1 : L"", 0, access, &key);
                if (error) return (DWORD)error;
                *h = key;
                *is_key = TRUE;
                return ERROR_SUCCESS;
            }
        }
        return ERROR_INVALID_PARAMETER;
    }
    return ERROR_INVALID_PARAMETER;             /* services, printers, shares ...: not here */
}

static void CloseNamed(HANDLE h, BOOL is_key)
{
    if (is_key) RegCloseKey((HKEY)h);
    else CloseHandle(h);
}

ADVAPI DWORD WINAPI GetNamedSecurityInfoW(LPCWSTR name, SE_OBJECT_TYPE type, SECURITY_INFORMATION information,
                                          PSID *owner, PSID *group, PACL *dacl, PACL *sacl, PSECURITY_DESCRIPTOR *sd)
{
    if (!sd && (owner || group || dacl || sacl)) return ERROR_INVALID_PARAMETER;
    HANDLE h;
    BOOL is_key;
    DWORD error = OpenNamed(name, type, AccessFor(information, FALSE), &h, &is_key);
    if (error) return error;
    error = GetSecurityInfo(h, type, information, owner, group, dacl, sacl, sd);
    CloseNamed(h, is_key);
    return error;
}

ADVAPI DWORD WINAPI GetNamedSecurityInfoA(LPCSTR name, SE_OBJECT_TYPE type, SECURITY_INFORMATION information,
                                          PSID *owner, PSID *group, PACL *dacl, PACL *sacl, PSECURITY_DESCRIPTOR *sd)
{
    WCHAR wide[MAX_PATH + 1];
    if (name == NULL || !MultiByteToWideChar(CP_ACP, 0, name, -1, wide, MAX_PATH + 1)) return ERROR_INVALID_PARAMETER;
    return GetNamedSecurityInfoW(wide, type, information, owner, group, dacl, sacl, sd);
}

ADVAPI DWORD WINAPI SetNamedSecurityInfoW(LPWSTR name, SE_OBJECT_TYPE type, SECURITY_INFORMATION information,
                                          PSID owner, PSID group, PACL dacl, PACL sacl)
{
    HANDLE h;
    BOOL is_key;
    DWORD error = OpenNamed(name, type, AccessFor(information, TRUE), &h, &is_key);
    if (error) return error;
    error = SetSecurityInfo(h, type, information, owner, group, dacl, sacl);
    CloseNamed(h, is_key);
    return error;
}
