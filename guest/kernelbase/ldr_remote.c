/* A process's loaded modules, for psapi and Toolhelp: PEB->Ldr->InLoadOrderModuleList walked
 * through NtReadVirtualMemory (the current process's under the loader lock), each
 * LDR_DATA_TABLE_ENTRY and its two names read in turn, as Windows' psapi reads another process. */
#include "ldr_remote.h"

#define MAX_MODULES 4096                /* a bound on a list that could be corrupt or changing */

typedef struct { NTSTATUS ExitStatus; BYTE *PebBaseAddress; ULONG_PTR AffinityMask; LONG BasePriority;
                 ULONG_PTR UniqueProcessId, InheritedFromUniqueProcessId; } BASIC_INFORMATION;

static BOOL Read(HANDLE process, const void *address, void *out, SIZE_T size)
{
    return ReadProcessMemory(process, address, out, size, NULL);
}

static BOOL ReadName(HANDLE process, const UNICODE_STRING *name, WCHAR *out)
{
    SIZE_T chars = name->Length / 2 < MAX_PATH - 1 ? name->Length / 2 : MAX_PATH - 1;
    if (chars && !Read(process, name->Buffer, out, chars * 2))
        return FALSE;
    out[chars] = 0;
    return TRUE;
}

static LONG Walk(HANDLE process, BASE_MODULE *out, LONG max)
{
    BASIC_INFORMATION bi;
    NTSTATUS status = NtQueryInformationProcess(process, 0, &bi, sizeof(bi), NULL);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return -1;
    }
    BYTE *ldr = NULL;
    if (!Read(process, bi.PebBaseAddress + 0x18, &ldr, sizeof(ldr)))
        return -1;
    if (ldr == NULL) {                  /* LdrInitializeThunk has not run: nothing to read there */
        SetLastError(ERROR_PARTIAL_COPY);
        return -1;
    }
    LIST_ENTRY *head = (LIST_ENTRY *)(ldr + 0x10), *link;
    if (!Read(process, &head->Flink, &link, sizeof(link)))
        return -1;
    LONG count = 0;
    while (link != head && count < MAX_MODULES) {
        LDR_ENTRY e;
        if (!Read(process, link, &e, sizeof(e)))
            return -1;
        if (out && count < max) {
            BASE_MODULE *m = &out[count];
            m->DllBase = e.DllBase;
            m->EntryPoint = e.EntryPoint;
            m->SizeOfImage = e.SizeOfImage;
            if (!ReadName(process, &e.BaseDllName, m->BaseName) || !ReadName(process, &e.FullDllName, m->FullName))
                return -1;
        }
        count++;
        link = e.InLoadOrderLinks.Flink;
    }
    return count;
}

LONG BaseReadProcessModules(HANDLE process, BASE_MODULE *out, LONG max)
{
    BOOL self = process == GetCurrentProcess() || GetProcessId(process) == GetCurrentProcessId();
    ULONG_PTR cookie = 0;
    if (self) LdrLockLoaderLock(0, NULL, &cookie);
    LONG n = Walk(process, out, max);
    if (self) LdrUnlockLoaderLock(0, cookie);
    return n;
}
