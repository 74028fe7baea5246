/* The process status calls about the kernel's images (K32EnumDeviceDrivers,
 * K32GetDeviceDriverBaseName/FileName): the entries of PsLoadedModuleList as
 * NtQuerySystemInformation(SystemModuleInformation) lists them, ntoskrnl.exe first. */
#include "kernelbase.h"

#define SystemModuleInformation_ 11
#define STATUS_INFO_LENGTH_MISMATCH_ ((NTSTATUS)0xC0000004)

NTDLL NTSTATUS NTAPI NtQuerySystemInformation(ULONG, PVOID, ULONG, ULONG *);

typedef struct {
    HANDLE Section;
    PVOID MappedBase, ImageBase;
    ULONG ImageSize, Flags;
    USHORT LoadOrderIndex, InitOrderIndex, LoadCount, OffsetToFileName;
    CHAR FullPathName[256];
} MODULE_INFO;

typedef struct { ULONG NumberOfModules; MODULE_INFO Modules[1]; } MODULES;

/* The list in a heap buffer (free it), or NULL with the error set. */
static MODULES *QueryModules(void)
{
    ULONG size = sizeof(MODULES);
    for (;;) {
        MODULES *m = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, size);
        if (m == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
        ULONG needed = 0;
        NTSTATUS status = NtQuerySystemInformation(SystemModuleInformation_, m, size, &needed);
        if (NT_SUCCESS(status)) return m;
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, m);
        if (status != STATUS_INFO_LENGTH_MISMATCH_ || needed <= size) { BaseSetLastNTError(status); return NULL; }
        size = needed;
    }
}

KBAPI BOOL WINAPI K32EnumDeviceDrivers(LPVOID *drivers, DWORD cb, LPDWORD needed)
{
    MODULES *m = QueryModules();
    if (m == NULL) return FALSE;
    for (ULONG i = 0; i < m->NumberOfModules && (i + 1) * sizeof(LPVOID) <= cb; i++)
        drivers[i] = m->Modules[i].ImageBase;
    *needed = m->NumberOfModules * sizeof(LPVOID);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, m);
    return TRUE;
}

/* The driver at `base`'s path (or just its file name), as much as fits with a NUL; the characters copied. */
static DWORD DriverName(LPVOID base, BOOL file_name_only, LPSTR out, LPWSTR wout, DWORD size)
{
    MODULES *m = QueryModules();
    if (m == NULL) return 0;
    DWORD copied = 0;
    BOOL found = FALSE;
    for (ULONG i = 0; i < m->NumberOfModules && !found; i++) {
        MODULE_INFO *mi = &m->Modules[i];
        if (mi->ImageBase != base) continue;
        found = TRUE;
        const CHAR *name = file_name_only ? mi->FullPathName + mi->OffsetToFileName : mi->FullPathName;
        DWORD len = (DWORD)strlen(name);
        if (size == 0) { SetLastError(ERROR_INSUFFICIENT_BUFFER); break; }
        copied = len < size - 1 ? len : size - 1;
        for (DWORD k = 0; k < copied; k++) {
            if (out) out[k] = name[k]; else wout[k] = (BYTE)name[k];
        }
        if (out) out[copied] = 0; else wout[copied] = 0;
        if (copied < len) SetLastError(ERROR_INSUFFICIENT_BUFFER);
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, m);
    if (!found) SetLastError(ERROR_INVALID_HANDLE);
    return copied;
}

KBAPI DWORD WINAPI K32GetDeviceDriverBaseNameA(LPVOID base, LPSTR name, DWORD size)
{
    return DriverName(base, TRUE, name, NULL, size);
}

KBAPI DWORD WINAPI K32GetDeviceDriverBaseNameW(LPVOID base, LPWSTR name, DWORD size)
{
    return DriverName(base, TRUE, NULL, name, size);
}

KBAPI DWORD WINAPI K32GetDeviceDriverFileNameA(LPVOID base, LPSTR name, DWORD size)
{
    return DriverName(base, FALSE, name, NULL, size);
}

KBAPI DWORD WINAPI K32GetDeviceDriverFileNameW(LPVOID base, LPWSTR name, DWORD size)
{
    return DriverName(base, FALSE, NULL, name, size);
}
