/* Family 7, modules and the process: GetModuleHandle(Ex), GetModuleFileName (and its truncation
 * rule), LoadLibrary / FreeLibrary, GetProcAddress through kernel32's forwarders, API set names,
 * and the errors: ERROR_MOD_NOT_FOUND, ERROR_PROC_NOT_FOUND, ERROR_INSUFFICIENT_BUFFER.
 * Exit code: failed checks. */
#include "../k32.h"

static void PrintWide(const WCHAR *w)
{
    char a[MAX_PATH];
    WideCharToMultiByte(CP_UTF8, 0, w, -1, a, sizeof(a), NULL, NULL);
    Print(a);
}

void Entry(void)
{
    BYTE *peb;
    __asm__ ("mov %%gs:0x60, %0" : "=r"(peb));
    HMODULE image = GetModuleHandleW(NULL);
    Check(image == *(HMODULE *)(peb + 0x10), "GetModuleHandle(NULL) is PEB.ImageBaseAddress");
    HMODULE k32 = GetModuleHandleW(L"kernel32.dll"), kb = GetModuleHandleA("KERNELBASE");
    Check(k32 != NULL && kb != NULL && k32 != kb, "kernel32 and kernelbase are both loaded");
    Check(GetModuleHandleW(L"KERNEL32") == k32, "names are case-insensitive and .dll is implied");
    SetLastError(0);
    CheckError(GetModuleHandleW(L"nosuch.dll") == NULL, ERROR_MOD_NOT_FOUND, "a module not loaded -> ERROR_MOD_NOT_FOUND");

    WCHAR path[MAX_PATH];
    DWORD n = GetModuleFileNameW(NULL, path, MAX_PATH);
    Print("image: ");
    PrintWide(path);
    Print("\n");
    Check(n == (DWORD)lstrlenW(path), "GetModuleFileNameW returns the length");
    n = GetModuleFileNameW(k32, path, MAX_PATH);
    Print("kernel32: ");
    PrintWide(path);
    Print("\n");
    char small[8];
    SetLastError(0);
    n = GetModuleFileNameA(k32, small, sizeof(small));
    Check(n == sizeof(small) && small[7] == 0 && GetLastError() == ERROR_INSUFFICIENT_BUFFER,
          "a short buffer: truncated, the size returned, ERROR_INSUFFICIENT_BUFFER");

    FARPROC viaK32 = GetProcAddress(k32, "GetLastError"), viaKb = GetProcAddress(kb, "GetLastError");
    BYTE *stub = (BYTE *)viaK32;
    Check(viaK32 && viaKb && stub[0] == 0xFF && stub[1] == 0x25 && *(FARPROC *)(stub + 6 + *(INT *)(stub + 2)) == viaKb,
          "kernel32!GetLastError is a stub jumping to kernelbase's");
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    Check(GetProcAddress(k32, "EnterCriticalSection") == GetProcAddress(ntdll, "RtlEnterCriticalSection"),
          "kernel32!EnterCriticalSection is NTDLL.RtlEnterCriticalSection");
    CheckError(GetProcAddress(k32, "NoSuchFunction") == NULL, ERROR_PROC_NOT_FOUND, "a missing name -> ERROR_PROC_NOT_FOUND");

    HMODULE owner = NULL;
    Check(GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                             (LPCWSTR)viaKb, &owner) && owner == kb, "GetModuleHandleEx(FROM_ADDRESS) finds the owner");
    CheckError(!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_PIN | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, L"kernel32",
                                   &owner), ERROR_INVALID_PARAMETER, "PIN with UNCHANGED_REFCOUNT -> ERROR_INVALID_PARAMETER");

    HMODULE again = LoadLibraryW(L"kernel32.dll");
    Check(again == k32 && FreeLibrary(again), "LoadLibrary of a loaded DLL gives its handle; FreeLibrary");
    Check(LoadLibraryA("api-ms-win-core-synch-l1-2-0.dll") == kb, "an API set name loads its host, kernelbase");
    SetLastError(0);
    CheckError(LoadLibraryW(L"nosuch.dll") == NULL, ERROR_MOD_NOT_FOUND, "LoadLibrary(missing) -> ERROR_MOD_NOT_FOUND");
    CheckError(LoadLibraryW(L"") == NULL, ERROR_INVALID_PARAMETER, "LoadLibrary(\"\") -> ERROR_INVALID_PARAMETER");
    Check(DisableThreadLibraryCalls(k32), "DisableThreadLibraryCalls");
    ExitProcess(failures);
}
