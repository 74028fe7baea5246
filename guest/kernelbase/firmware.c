/* Family 8 (system information), the firmware: GetFirmwareType from the kernel's boot environment
 * (NtQuerySystemInformation(SystemBootEnvironmentInformation): this machine boots from a legacy
 * BIOS), and the UEFI variable calls, GetFirmwareEnvironmentVariable(Ex)A/W and
 * SetFirmwareEnvironmentVariable(Ex)A/W, which on a BIOS machine have no variables to reach and
 * fail with ERROR_INVALID_FUNCTION, as documented (the usual test for "is this UEFI"). No variable
 * is ever read or written, so the A forms need not convert the names they pass on. */
#include "kernelbase.h"

NTDLL NTSTATUS NTAPI NtQuerySystemInformation(ULONG, PVOID, ULONG, ULONG *);

#define SystemBootEnvironmentInformation_ 90

typedef struct { GUID BootIdentifier; FIRMWARE_TYPE FirmwareType; ULONGLONG BootFlags; } SYSTEM_BOOT_ENVIRONMENT_INFORMATION_;

KBAPI BOOL WINAPI GetFirmwareType(PFIRMWARE_TYPE type)
{
    SYSTEM_BOOT_ENVIRONMENT_INFORMATION_ info;
    if (!type) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    NTSTATUS status = NtQuerySystemInformation(SystemBootEnvironmentInformation_, &info, sizeof info, NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    *type = info.FirmwareType;
    return TRUE;
}

/* The common step of every variable call: only UEFI firmware has variables. */
static BOOL HaveVariables(void)
{
    FIRMWARE_TYPE type;
    if (GetFirmwareType(&type) && type == FirmwareTypeUefi)
        return TRUE;
    SetLastError(ERROR_INVALID_FUNCTION);
    return FALSE;
}

KBAPI DWORD WINAPI GetFirmwareEnvironmentVariableExW(LPCWSTR name, LPCWSTR guid, PVOID buffer, DWORD size,
                                                     PDWORD attributes)
{
    (void)name; (void)guid; (void)buffer; (void)size; (void)attributes;
    if (HaveVariables())
        SetLastError(ERROR_ENVVAR_NOT_FOUND);   /* a UEFI store with none of ours */
    return 0;
}

KBAPI DWORD WINAPI GetFirmwareEnvironmentVariableExA(LPCSTR name, LPCSTR guid, PVOID buffer, DWORD size,
                                                     PDWORD attributes)
{
    (void)name; (void)guid;
    return GetFirmwareEnvironmentVariableExW(NULL, NULL, buffer, size, attributes);
}

KBAPI DWORD WINAPI GetFirmwareEnvironmentVariableW(LPCWSTR name, LPCWSTR guid, PVOID buffer, DWORD size)
{
    return GetFirmwareEnvironmentVariableExW(name, guid, buffer, size, NULL);
}

KBAPI DWORD WINAPI GetFirmwareEnvironmentVariableA(LPCSTR name, LPCSTR guid, PVOID buffer, DWORD size)
{
    return GetFirmwareEnvironmentVariableExA(name, guid, buffer, size, NULL);
}

KBAPI BOOL WINAPI SetFirmwareEnvironmentVariableExW(LPCWSTR name, LPCWSTR guid, PVOID value, DWORD size,
                                                    DWORD attributes)
{
    (void)name; (void)guid; (void)value; (void)size; (void)attributes;
    if (HaveVariables())
        SetLastError(ERROR_PRIVILEGE_NOT_HELD); /* SE_SYSTEM_ENVIRONMENT_NAME is not enabled */
    return FALSE;
}

KBAPI BOOL WINAPI SetFirmwareEnvironmentVariableExA(LPCSTR name, LPCSTR guid, PVOID value, DWORD size,
                                                    DWORD attributes)
{
    (void)name; (void)guid;
    return SetFirmwareEnvironmentVariableExW(NULL, NULL, value, size, attributes);
}

KBAPI BOOL WINAPI SetFirmwareEnvironmentVariableW(LPCWSTR name, LPCWSTR guid, PVOID value, DWORD size)
{
    return SetFirmwareEnvironmentVariableExW(name, guid, value, size, 0);
}

KBAPI BOOL WINAPI SetFirmwareEnvironmentVariableA(LPCSTR name, LPCSTR guid, PVOID value, DWORD size)
{
    return SetFirmwareEnvironmentVariableExA(name, guid, value, size, 0);
}
