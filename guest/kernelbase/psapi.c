/* The process status calls (K32*, behind psapi.dll) for the current process: the loaded modules
 * from PEB->Ldr in load order, a module's base name, file name and extent. Another process's
 * modules are not reachable yet (no NtReadVirtualMemory): ERROR_NOT_SUPPORTED. */
#include "kernelbase.h"
#include <psapi.h>

static BOOL IsSelf(HANDLE process)
{
    if (process == GetCurrentProcess() || GetProcessId(process) == GetCurrentProcessId())
        return TRUE;
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}

KBAPI BOOL WINAPI K32EnumProcessModules(HANDLE process, HMODULE *modules, DWORD cb, LPDWORD needed)
{
    if (!IsSelf(process)) return FALSE;
    ULONG_PTR cookie;
    LdrLockLoaderLock(0, NULL, &cookie);
    LIST_ENTRY *head = (LIST_ENTRY *)(*(BYTE **)(PEB_() + 0x18) + 0x10);   /* PEB->Ldr->InLoadOrderModuleList */
    DWORD count = 0;
    for (LIST_ENTRY *le = head->Flink; le != head; le = le->Flink, count++)
        if ((count + 1) * sizeof(HMODULE) <= cb)
            modules[count] = ((LDR_ENTRY *)le)->DllBase;
    LdrUnlockLoaderLock(0, cookie);
    *needed = count * sizeof(HMODULE);
    return TRUE;
}

KBAPI BOOL WINAPI K32EnumProcessModulesEx(HANDLE process, HMODULE *modules, DWORD cb, LPDWORD needed, DWORD filter)
{
    if (filter > LIST_MODULES_ALL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return K32EnumProcessModules(process, modules, cb, needed);
}

static LDR_ENTRY *Entry(HANDLE process, HMODULE module)
{
    if (!IsSelf(process)) return NULL;
    LDR_ENTRY *e = NULL;
    PVOID base = module ? (PVOID)module : PEB_IMAGE_BASE();
    if (!NT_SUCCESS(LdrFindEntryForAddress(base, &e)) || e->DllBase != base) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return e;
}

/* Copies what fits (NUL-terminated); returns the characters copied. */
static DWORD Copy(const UNICODE_STRING *s, LPWSTR out, DWORD size)
{
    if (size == 0) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    DWORD n = s->Length / 2 < size - 1 ? s->Length / 2 : size - 1;
    memcpy(out, s->Buffer, n * 2);
    out[n] = 0;
    return n;
}

static DWORD CopyA(const UNICODE_STRING *s, LPSTR out, DWORD size)
{
    if (size == 0) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    int n = WideCharToMultiByte(CP_ACP, 0, s->Buffer, s->Length / 2, out, (int)size - 1, NULL, NULL);
    out[n] = 0;
    return (DWORD)n;
}

KBAPI DWORD WINAPI K32GetModuleBaseNameW(HANDLE process, HMODULE module, LPWSTR out, DWORD size)
{
    LDR_ENTRY *e = Entry(process, module);
    return e ? Copy(&e->BaseDllName, out, size) : 0;
}

KBAPI DWORD WINAPI K32GetModuleBaseNameA(HANDLE process, HMODULE module, LPSTR out, DWORD size)
{
    LDR_ENTRY *e = Entry(process, module);
    return e ? CopyA(&e->BaseDllName, out, size) : 0;
}

KBAPI DWORD WINAPI K32GetModuleFileNameExW(HANDLE process, HMODULE module, LPWSTR out, DWORD size)
{
    LDR_ENTRY *e = Entry(process, module);
    return e ? Copy(&e->FullDllName, out, size) : 0;
}

KBAPI DWORD WINAPI K32GetModuleFileNameExA(HANDLE process, HMODULE module, LPSTR out, DWORD size)
{
    LDR_ENTRY *e = Entry(process, module);
    return e ? CopyA(&e->FullDllName, out, size) : 0;
}

KBAPI BOOL WINAPI K32GetModuleInformation(HANDLE process, HMODULE module, LPMODULEINFO info, DWORD cb)
{
    if (cb < sizeof(MODULEINFO)) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    LDR_ENTRY *e = Entry(process, module);
    if (e == NULL) return FALSE;
    info->lpBaseOfDll = e->DllBase;
    info->SizeOfImage = e->SizeOfImage;
    info->EntryPoint = e->EntryPoint;
    return TRUE;
}
