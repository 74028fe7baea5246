/* The process status calls (K32*, behind psapi.dll) for any process the caller can read: its
 * loaded modules in load order from PEB->Ldr (ldr_remote.c), a module's base name, file name and
 * extent. */
#include "ldr_remote.h"
#include <psapi.h>

/* The process's modules in a heap array (free it), or NULL with the error set. */
static BASE_MODULE *Modules(HANDLE process, LONG *count)
{
    LONG n = BaseReadProcessModules(process, NULL, 0);
    if (n < 0) return NULL;
    BASE_MODULE *all = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)(n ? n : 1) * sizeof(BASE_MODULE));
    if (all == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    LONG got = BaseReadProcessModules(process, all, n);
    if (got < 0) { RtlFreeHeap(PEB_PROCESS_HEAP(), 0, all); return NULL; }
    *count = got < n ? got : n;
    return all;
}

KBAPI BOOL WINAPI K32EnumProcessModules(HANDLE process, HMODULE *modules, DWORD cb, LPDWORD needed)
{
    LONG n = 0;
    BASE_MODULE *all = Modules(process, &n);
    if (all == NULL) return FALSE;
    for (LONG i = 0; i < n && (DWORD)(i + 1) * sizeof(HMODULE) <= cb; i++)
        modules[i] = all[i].DllBase;
    *needed = (DWORD)n * sizeof(HMODULE);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, all);
    return TRUE;
}

KBAPI BOOL WINAPI K32EnumProcessModulesEx(HANDLE process, HMODULE *modules, DWORD cb, LPDWORD needed, DWORD filter)
{
    if (filter > LIST_MODULES_ALL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return K32EnumProcessModules(process, modules, cb, needed);
}

/* The module at `module` (NULL: the image, the list's first), copied to *out. */
static BOOL Find(HANDLE process, HMODULE module, BASE_MODULE *out)
{
    LONG n = 0;
    BASE_MODULE *all = Modules(process, &n);
    if (all == NULL) return FALSE;
    BOOL found = FALSE;
    for (LONG i = 0; i < n && !found; i++)
        if (module ? all[i].DllBase == (PVOID)module : i == 0) {
            *out = all[i];
            found = TRUE;
        }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, all);
    if (!found) SetLastError(ERROR_INVALID_HANDLE);
    return found;
}

/* Copies what fits (NUL-terminated); returns the characters copied. */
static DWORD Copy(const WCHAR *s, LPWSTR out, DWORD size)
{
    if (size == 0) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    DWORD len = (DWORD)wcslen(s);
    DWORD n = len < size - 1 ? len : size - 1;
    memcpy(out, s, n * 2);
    out[n] = 0;
    return n;
}

static DWORD CopyA(const WCHAR *s, LPSTR out, DWORD size)
{
    if (size == 0) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    int n = WideCharToMultiByte(CP_ACP, 0, s, (int)wcslen(s), out, (int)size - 1, NULL, NULL);
    out[n] = 0;
    return (DWORD)n;
}

KBAPI DWORD WINAPI K32GetModuleBaseNameW(HANDLE process, HMODULE module, LPWSTR out, DWORD size)
{
    BASE_MODULE m;
    return Find(process, module, &m) ? Copy(m.BaseName, out, size) : 0;
}

KBAPI DWORD WINAPI K32GetModuleBaseNameA(HANDLE process, HMODULE module, LPSTR out, DWORD size)
{
    BASE_MODULE m;
    return Find(process, module, &m) ? CopyA(m.BaseName, out, size) : 0;
}

KBAPI DWORD WINAPI K32GetModuleFileNameExW(HANDLE process, HMODULE module, LPWSTR out, DWORD size)
{
    BASE_MODULE m;
    return Find(process, module, &m) ? Copy(m.FullName, out, size) : 0;
}

KBAPI DWORD WINAPI K32GetModuleFileNameExA(HANDLE process, HMODULE module, LPSTR out, DWORD size)
{
    BASE_MODULE m;
    return Find(process, module, &m) ? CopyA(m.FullName, out, size) : 0;
}

KBAPI BOOL WINAPI K32GetModuleInformation(HANDLE process, HMODULE module, LPMODULEINFO info, DWORD cb)
{
    if (cb < sizeof(MODULEINFO)) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    BASE_MODULE m;
    if (!Find(process, module, &m)) return FALSE;
    info->lpBaseOfDll = m.DllBase;
    info->SizeOfImage = m.SizeOfImage;
    info->EntryPoint = m.EntryPoint;
    return TRUE;
}
