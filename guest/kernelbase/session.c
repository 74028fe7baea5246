/* Which session a process runs in and what product this is: ProcessIdToSessionId
 * (ProcessSessionInformation of the process opened by id), WTSGetActiveConsoleSessionId
 * (KUSER_SHARED_DATA.ActiveConsoleId), GetProductInfo (Windows 10 Pro, as the registry's
 * EditionID says), and the cycle counts of the virtual clock (ProcessCycleTime, ThreadCycleTime). */
#include "kernelbase.h"

#define ProcessSessionInformation_ 24
#define ProcessCycleTime_ 64
#define ThreadCycleTime_ 23
#define KUSER_ACTIVE_CONSOLE_ID 0x2D8

NTDLL NTSTATUS NTAPI NtOpenProcess(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, CLIENT_ID *);

KBAPI BOOL WINAPI ProcessIdToSessionId(DWORD pid, DWORD *session)
{
    if (session == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    OBJECT_ATTRIBUTES oa = { sizeof(oa), NULL, NULL, 0, NULL, NULL };
    CLIENT_ID cid = { (HANDLE)(ULONG_PTR)pid, NULL };
    HANDLE process;
    NTSTATUS status = NtOpenProcess(&process, PROCESS_QUERY_LIMITED_INFORMATION, &oa, &cid);
    if (NT_SUCCESS(status)) {
        ULONG id = 0;
        status = NtQueryInformationProcess(process, ProcessSessionInformation_, &id, sizeof(id), NULL);
        NtClose(process);
        if (NT_SUCCESS(status)) { *session = id; return TRUE; }
    }
    return BaseFail(status);
}

KBAPI DWORD WINAPI WTSGetActiveConsoleSessionId(void)
{
    return *(volatile ULONG *)(ULONG_PTR)(0x7FFE0000 + KUSER_ACTIVE_CONSOLE_ID);
}

/* The product type for the version asked about: every version from 6.0 on knows Professional;
 * one before Vista has no product types (PRODUCT_UNDEFINED, FALSE). */
KBAPI BOOL WINAPI GetProductInfo(DWORD major, DWORD minor, DWORD sp_major, DWORD sp_minor, PDWORD type)
{
    (void)minor; (void)sp_major; (void)sp_minor;
    if (type == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (major < 6) { *type = PRODUCT_UNDEFINED; return FALSE; }
    *type = PRODUCT_PROFESSIONAL;
    return TRUE;
}

KBAPI BOOL WINAPI QueryProcessCycleTime(HANDLE process, PULONG64 cycles)
{
    ULONG64 info[2];
    NTSTATUS status = NtQueryInformationProcess(process, ProcessCycleTime_, info, sizeof(info), NULL);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    *cycles = info[0];
    return TRUE;
}

KBAPI BOOL WINAPI QueryThreadCycleTime(HANDLE thread, PULONG64 cycles)
{
    ULONG64 info[2];
    NTSTATUS status = NtQueryInformationThread(thread, ThreadCycleTime_, info, sizeof(info), NULL);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    *cycles = info[0];
    return TRUE;
}

/* A critical process ends the system when it exits; setting one needs SeDebugPrivilege, so none is. */
KBAPI BOOL WINAPI IsProcessCritical(HANDLE process, PBOOL critical)
{
    ULONG value = 0;
    NTSTATUS status = NtQueryInformationProcess(process, 29 /* ProcessBreakOnTermination */, &value, sizeof(value), NULL);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    *critical = value != 0;
    return TRUE;
}

/* The order the system shuts processes down in (0x100-0x3FF for applications; 0x280 by default)
 * and the SHUTDOWN_NORETRY flag, kept for the process. */
static DWORD ShutdownLevel = 0x280, ShutdownFlags;

KBAPI BOOL WINAPI SetProcessShutdownParameters(DWORD level, DWORD flags)
{
    if (level < 0x100 || level > 0x3FF || (flags & ~SHUTDOWN_NORETRY)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ShutdownLevel = level;
    ShutdownFlags = flags;
    return TRUE;
}

KBAPI BOOL WINAPI GetProcessShutdownParameters(LPDWORD level, LPDWORD flags)
{
    *level = ShutdownLevel;
    *flags = ShutdownFlags;
    return TRUE;
}
