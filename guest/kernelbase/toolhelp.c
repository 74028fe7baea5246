/* Family 7, the Toolhelp snapshots: CreateToolhelp32Snapshot copies the processes and threads of
 * NtQuerySystemInformation(SystemProcessInformation), the current process's modules from PEB->Ldr
 * and its heaps (RtlGetProcessHeaps) into a page-file section, as Windows does; Process32First/Next,
 * Thread32First/Next, Module32First/Next and Heap32ListFirst/Next walk that section with the cursor
 * kept in its header, so the handle alone is the snapshot. ERROR_BAD_LENGTH for a dwSize that is too
 * small, ERROR_NO_MORE_FILES past the last entry. Another process's modules and heaps are read from
 * its PEB through NtReadVirtualMemory (ldr_remote.c). */
#include "ldr_remote.h"
#include <tlhelp32.h>

NTDLL NTSTATUS NTAPI NtQuerySystemInformation(ULONG, PVOID, ULONG, ULONG *);
#define SystemProcessInformation 5
#define STATUS_INFO_LENGTH_MISMATCH_ ((NTSTATUS)0xC0000004)

typedef struct {                            /* SYSTEM_PROCESS_INFORMATION's head, x64 */
    ULONG NextEntryOffset, NumberOfThreads;
    LARGE_INTEGER Reserved[3], CreateTime, UserTime, KernelTime;
    UNICODE_STRING ImageName;
    LONG BasePriority;
    HANDLE UniqueProcessId, InheritedFromUniqueProcessId;
    ULONG HandleCount, SessionId;
    BYTE rest[0x100 - 0x6C];
} SPI;
typedef struct {                            /* SYSTEM_THREAD_INFORMATION, x64 */
    LARGE_INTEGER KernelTime, UserTime, CreateTime;
    ULONG WaitTime;
    PVOID StartAddress;
    CLIENT_ID ClientId;
    LONG Priority, BasePriority;
    ULONG ContextSwitches, ThreadState, WaitReason;
} STI;

/* The section's layout: counts, cursors and offsets, then the arrays. */
typedef struct { LONG count, cursor; ULONG offset; } TH_LIST;
typedef struct { TH_LIST list[4]; } TH_HEADER;
enum { L_PROCESS, L_THREAD, L_MODULE, L_HEAP };
static const ULONG entry_size[4] = { sizeof(PROCESSENTRY32W), sizeof(THREADENTRY32), sizeof(MODULEENTRY32W),
                                     sizeof(HEAPLIST32) };

static void CopyName(WCHAR *out, SIZE_T size, const WCHAR *in, SIZE_T len)
{
    if (len >= size) len = size - 1;
    memcpy(out, in, len * 2);
    out[len] = 0;
}

/* The SystemProcessInformation list in a heap buffer, or NULL with the last error set
 * (process_info.c uses it too). */
BYTE *BaseQueryProcesses(void)
{
    ULONG size = 0x10000;
    for (;;) {
        BYTE *buffer = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, size);
        if (buffer == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
        ULONG needed = 0;
        NTSTATUS s = NtQuerySystemInformation(SystemProcessInformation, buffer, size, &needed);
        if (NT_SUCCESS(s)) return buffer;
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, buffer);
        if (s != STATUS_INFO_LENGTH_MISMATCH_) { BaseSetLastNTError(s); return NULL; }
        size = needed + 0x1000;
    }
}

KBAPI HANDLE WINAPI CreateToolhelp32Snapshot(DWORD flags, DWORD pid)
{
    /* Step 1: what is asked for; the modules and heaps of one process (0: the caller). */
    BOOL modules = (flags & (TH32CS_SNAPMODULE | TH32CS_SNAPMODULE32)) != 0, heaps = (flags & TH32CS_SNAPHEAPLIST) != 0;
    DWORD self = GetCurrentProcessId();
    if (pid == 0) pid = self;
    BYTE *spi = NULL;
    if (flags & (TH32CS_SNAPPROCESS | TH32CS_SNAPTHREAD) || ((modules || heaps) && pid != self)) {
        spi = BaseQueryProcesses();
        if (spi == NULL) return INVALID_HANDLE_VALUE;
    }
    /* Another process's modules and heaps: read from its PEB; a process that is not there is
     * ERROR_INVALID_PARAMETER. */
    HANDLE target = GetCurrentProcess();
    if ((modules || heaps) && pid != self) {
        target = OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, FALSE, pid);
        if (target == NULL) {
            if (spi) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, spi);
            SetLastError(ERROR_INVALID_PARAMETER);
            return INVALID_HANDLE_VALUE;
        }
    }
    BASE_MODULE *mods = NULL;
    LONG mod_count = 0;
    HANDLE heap_handles[64];
    ULONG heap_count = 0;
    BOOL ok = TRUE;
    if (modules) {
        mod_count = BaseReadProcessModules(target, NULL, 0);
        mods = mod_count >= 0 ? RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)(mod_count + 1) * sizeof(*mods)) : NULL;
        LONG got = mods ? BaseReadProcessModules(target, mods, mod_count) : -1;
        ok = got >= 0;
        if (ok && got < mod_count) mod_count = got;
    }
    PVOID default_heap = NULL;
    if (ok && heaps) {
        if (target == GetCurrentProcess()) {
            heap_count = RtlGetProcessHeaps(64, heap_handles);
            default_heap = PEB_PROCESS_HEAP();
        } else {                        /* PEB.NumberOfHeaps, .ProcessHeaps, .ProcessHeap */
            struct { NTSTATUS e; BYTE *peb; ULONG_PTR rest[4]; } bi;
            PVOID *array = NULL;
            ok = NT_SUCCESS(NtQueryInformationProcess(target, 0, &bi, sizeof(bi), NULL)) &&
                 ReadProcessMemory(target, bi.peb + 0xE8, &heap_count, 4, NULL) &&
                 ReadProcessMemory(target, bi.peb + 0xF0, &array, 8, NULL) &&
                 ReadProcessMemory(target, bi.peb + 0x30, &default_heap, 8, NULL);
            if (heap_count > 64) heap_count = 64;
            if (ok && heap_count) ok = ReadProcessMemory(target, array, heap_handles, heap_count * 8, NULL);
        }
    }
    if (target != GetCurrentProcess()) CloseHandle(target);
    if (!ok) {
        DWORD error = GetLastError();
        if (mods) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, mods);
        if (spi) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, spi);
        SetLastError(error);
        return INVALID_HANDLE_VALUE;
    }
    /* Step 2: count, to size the section. */
    TH_HEADER h = {0};
    if (spi)
        for (SPI *p = (SPI *)spi; ; p = (SPI *)((BYTE *)p + p->NextEntryOffset)) {
            if (flags & TH32CS_SNAPPROCESS) h.list[L_PROCESS].count++;
            if (flags & TH32CS_SNAPTHREAD) h.list[L_THREAD].count += p->NumberOfThreads;
            if (!p->NextEntryOffset) break;
        }
    h.list[L_MODULE].count = mod_count;
    if (heap_count > 64) heap_count = 64;
    h.list[L_HEAP].count = (LONG)heap_count;
    ULONG size = sizeof(h);
    for (int i = 0; i < 4; i++) {
        h.list[i].offset = size;
        size += h.list[i].count * entry_size[i];
    }

    /* Step 3: the section, filled through a view. */
    HANDLE section = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, size, NULL);
    BYTE *view = section ? MapViewOfFile(section, FILE_MAP_WRITE, 0, 0, 0) : NULL;
    if (view == NULL) {
        if (mods) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, mods);
        if (section) CloseHandle(section);
        if (spi) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, spi);
        return INVALID_HANDLE_VALUE;
    }
    memcpy(view, &h, sizeof(h));
    PROCESSENTRY32W *pe = (PROCESSENTRY32W *)(view + h.list[L_PROCESS].offset);
    THREADENTRY32 *te = (THREADENTRY32 *)(view + h.list[L_THREAD].offset);
    if (spi)
        for (SPI *p = (SPI *)spi; ; p = (SPI *)((BYTE *)p + p->NextEntryOffset)) {
            if (flags & TH32CS_SNAPPROCESS) {
                pe->dwSize = sizeof(*pe);
                pe->th32ProcessID = (DWORD)(ULONG_PTR)p->UniqueProcessId;
                pe->cntThreads = p->NumberOfThreads;
                pe->th32ParentProcessID = (DWORD)(ULONG_PTR)p->InheritedFromUniqueProcessId;
                pe->pcPriClassBase = p->BasePriority;
                if (p->ImageName.Length)
                    CopyName(pe->szExeFile, MAX_PATH, p->ImageName.Buffer, p->ImageName.Length / 2);
                else
                    CopyName(pe->szExeFile, MAX_PATH, L"[System Process]", 16);
                pe++;
            }
            if (flags & TH32CS_SNAPTHREAD) {
                STI *t = (STI *)(p + 1);
                for (ULONG i = 0; i < p->NumberOfThreads; i++, te++) {
                    te->dwSize = sizeof(*te);
                    te->th32ThreadID = (DWORD)(ULONG_PTR)t[i].ClientId.UniqueThread;
                    te->th32OwnerProcessID = (DWORD)(ULONG_PTR)p->UniqueProcessId;
                    te->tpBasePri = t[i].BasePriority;
                }
            }
            if (!p->NextEntryOffset) break;
        }
    MODULEENTRY32W *me = (MODULEENTRY32W *)(view + h.list[L_MODULE].offset);
    for (LONG i = 0; i < mod_count; i++, me++) {
        me->dwSize = sizeof(*me);
        me->th32ModuleID = 1;
        me->th32ProcessID = pid;
        me->GlblcntUsage = me->ProccntUsage = 0xFFFF;
        me->modBaseAddr = mods[i].DllBase;
        me->modBaseSize = mods[i].SizeOfImage;
        me->hModule = mods[i].DllBase;
        CopyName(me->szModule, MAX_MODULE_NAME32 + 1, mods[i].BaseName, wcslen(mods[i].BaseName));
        CopyName(me->szExePath, MAX_PATH, mods[i].FullName, wcslen(mods[i].FullName));
    }
    if (mods) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, mods);
    HEAPLIST32 *hl = (HEAPLIST32 *)(view + h.list[L_HEAP].offset);
    for (ULONG i = 0; i < heap_count; i++, hl++) {
        hl->dwSize = sizeof(*hl);
        hl->th32ProcessID = pid;
        hl->th32HeapID = (ULONG_PTR)heap_handles[i];
        hl->dwFlags = heap_handles[i] == default_heap ? HF32_DEFAULT : 0;
    }
    UnmapViewOfFile(view);
    if (spi) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, spi);
    return section;
}

/* One step of a walk: the entry at the cursor (first: from 0) copied into the caller's, which
 * must be at least `minimum` bytes by its dwSize. */
static BOOL Walk(HANDLE snapshot, int which, void *out, BOOL first)
{
    DWORD given = *(DWORD *)out;
    if (given < entry_size[which]) {
        SetLastError(ERROR_BAD_LENGTH);
        return FALSE;
    }
    BYTE *view = MapViewOfFile(snapshot, FILE_MAP_WRITE, 0, 0, 0);
    if (view == NULL)
        return FALSE;                           /* not a snapshot: MapViewOfFile's error */
    TH_LIST *list = &((TH_HEADER *)view)->list[which];
    LONG index = first ? 0 : list->cursor;
    BOOL ok = index < list->count;
    if (ok) {
        memcpy(out, view + list->offset + (ULONG)index * entry_size[which], entry_size[which]);
        list->cursor = index + 1;
    } else {
        list->cursor = list->count;
        SetLastError(ERROR_NO_MORE_FILES);
    }
    UnmapViewOfFile(view);
    return ok;
}

KBAPI BOOL WINAPI Process32FirstW(HANDLE s, LPPROCESSENTRY32W e) { return Walk(s, L_PROCESS, e, TRUE); }
KBAPI BOOL WINAPI Process32NextW(HANDLE s, LPPROCESSENTRY32W e) { return Walk(s, L_PROCESS, e, FALSE); }
KBAPI BOOL WINAPI Thread32First(HANDLE s, LPTHREADENTRY32 e) { return Walk(s, L_THREAD, e, TRUE); }
KBAPI BOOL WINAPI Thread32Next(HANDLE s, LPTHREADENTRY32 e) { return Walk(s, L_THREAD, e, FALSE); }
KBAPI BOOL WINAPI Module32FirstW(HANDLE s, LPMODULEENTRY32W e) { return Walk(s, L_MODULE, e, TRUE); }
KBAPI BOOL WINAPI Module32NextW(HANDLE s, LPMODULEENTRY32W e) { return Walk(s, L_MODULE, e, FALSE); }
KBAPI BOOL WINAPI Heap32ListFirst(HANDLE s, LPHEAPLIST32 e) { return Walk(s, L_HEAP, e, TRUE); }
KBAPI BOOL WINAPI Heap32ListNext(HANDLE s, LPHEAPLIST32 e) { return Walk(s, L_HEAP, e, FALSE); }

/* The A forms: the W entry, its names in the ANSI code page. */
static BOOL ProcessA(HANDLE s, LPPROCESSENTRY32 a, BOOL first)
{
    if (a->dwSize < sizeof(*a)) { SetLastError(ERROR_BAD_LENGTH); return FALSE; }
    PROCESSENTRY32W w;
    w.dwSize = sizeof(w);
    if (!Walk(s, L_PROCESS, &w, first)) return FALSE;
    memcpy(a, &w, offsetof(PROCESSENTRY32W, szExeFile));
    a->dwSize = sizeof(*a);
    WideCharToMultiByte(CP_ACP, 0, w.szExeFile, -1, a->szExeFile, MAX_PATH, NULL, NULL);
    return TRUE;
}

static BOOL ModuleA(HANDLE s, LPMODULEENTRY32 a, BOOL first)
{
    if (a->dwSize < sizeof(*a)) { SetLastError(ERROR_BAD_LENGTH); return FALSE; }
    MODULEENTRY32W w;
    w.dwSize = sizeof(w);
    if (!Walk(s, L_MODULE, &w, first)) return FALSE;
    memcpy(a, &w, offsetof(MODULEENTRY32W, szModule));
    a->dwSize = sizeof(*a);
    WideCharToMultiByte(CP_ACP, 0, w.szModule, -1, a->szModule, MAX_MODULE_NAME32 + 1, NULL, NULL);
    WideCharToMultiByte(CP_ACP, 0, w.szExePath, -1, a->szExePath, MAX_PATH, NULL, NULL);
    return TRUE;
}

KBAPI BOOL WINAPI Process32First(HANDLE s, LPPROCESSENTRY32 e) { return ProcessA(s, e, TRUE); }
KBAPI BOOL WINAPI Process32Next(HANDLE s, LPPROCESSENTRY32 e) { return ProcessA(s, e, FALSE); }
KBAPI BOOL WINAPI Module32First(HANDLE s, LPMODULEENTRY32 e) { return ModuleA(s, e, TRUE); }
KBAPI BOOL WINAPI Module32Next(HANDLE s, LPMODULEENTRY32 e) { return ModuleA(s, e, FALSE); }
