/* Family 7 (modules): GetModuleHandle(Ex)A/W, GetModuleFileNameA/W, LoadLibrary(Ex)A/W,
 * FreeLibrary(AndExitThread), GetProcAddress (by name or ordinal), DisableThreadLibraryCalls,
 * all over ntdll's Ldr* loader. LOAD_LIBRARY_AS_DATAFILE/AS_IMAGE_RESOURCE map the file as data
 * (module_data.c) unless it is loaded already; SetDllDirectory's order is dllpath.c's. */
#include "kernelbase.h"

#define LDR_GET_DLL_HANDLE_EX_UNCHANGED_REFCOUNT 1
#define LDR_GET_DLL_HANDLE_EX_PIN 2
#define LDR_ADDREF_DLL_PIN 1
#define STATUS_DLL_NOT_FOUND_ ((NTSTATUS)0xC0000135)

static WCHAR *Wide(LPCSTR a, WCHAR *buffer, int size)
{
    if (a == NULL) return NULL;
    if (!MultiByteToWideChar(CP_ACP, 0, a, -1, buffer, size)) {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return (WCHAR *)-1;
    }
    return buffer;
}

KBAPI BOOL WINAPI GetModuleHandleExW(DWORD flags, LPCWSTR name, HMODULE *module)
{
    DWORD valid = GET_MODULE_HANDLE_EX_FLAG_PIN | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT
                  | GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS;
    if (module) *module = NULL;
    if (module == NULL || (flags & ~valid) || (flags & GET_MODULE_HANDLE_EX_FLAG_PIN
                                              && flags & GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (name == NULL) {
        *module = PEB_IMAGE_BASE();
        return TRUE;
    }
    if (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) {
        LDR_ENTRY *e = NULL;
        NTSTATUS status = LdrFindEntryForAddress((PVOID)name, &e);
        if (!NT_SUCCESS(status)) {
            SetLastError(ERROR_MOD_NOT_FOUND);
            return FALSE;
        }
        if (!(flags & GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT))
            LdrAddRefDll((flags & GET_MODULE_HANDLE_EX_FLAG_PIN) ? LDR_ADDREF_DLL_PIN : 0, e->DllBase);
        *module = e->DllBase;
        return TRUE;
    }
    UNICODE_STRING us;
    RtlInitUnicodeString(&us, name);
    ULONG ldr_flags = (flags & GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT) ? LDR_GET_DLL_HANDLE_EX_UNCHANGED_REFCOUNT
                    : (flags & GET_MODULE_HANDLE_EX_FLAG_PIN) ? LDR_GET_DLL_HANDLE_EX_PIN : 0;
    PVOID base = NULL;
    NTSTATUS status = LdrGetDllHandleEx(ldr_flags, NULL, NULL, &us, &base);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    *module = base;
    return TRUE;
}

KBAPI BOOL WINAPI GetModuleHandleExA(DWORD flags, LPCSTR name, HMODULE *module)
{
    if (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS)
        return GetModuleHandleExW(flags, (LPCWSTR)name, module);
    WCHAR buffer[MAX_PATH];
    WCHAR *w = Wide(name, buffer, MAX_PATH);
    return w == (WCHAR *)-1 ? FALSE : GetModuleHandleExW(flags, w, module);
}

KBAPI HMODULE WINAPI GetModuleHandleW(LPCWSTR name)
{
    HMODULE module;
    return GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, name, &module) ? module : NULL;
}

KBAPI HMODULE WINAPI GetModuleHandleA(LPCSTR name)
{
    HMODULE module;
    return GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, name, &module) ? module : NULL;
}

/* The loader entry of a module handle (NULL: the image). */
static LDR_ENTRY *EntryOf(HMODULE module)
{
    LDR_ENTRY *e = NULL;
    PVOID base = module ? (PVOID)module : PEB_IMAGE_BASE();
    if (!NT_SUCCESS(LdrFindEntryForAddress(base, &e)) || e->DllBase != base)
        return NULL;
    return e;
}

KBAPI DWORD WINAPI GetModuleFileNameW(HMODULE module, LPWSTR buffer, DWORD size)
{
    ULONG_PTR cookie;
    LdrLockLoaderLock(0, NULL, &cookie);
    LDR_ENTRY *e = EntryOf(module);
    DWORD n = 0;
    if (e == NULL) {
        SetLastError(ERROR_MOD_NOT_FOUND);
    } else if (size) {
        DWORD len = e->FullDllName.Length / 2;
        n = len < size ? len : size - 1;
        memcpy(buffer, e->FullDllName.Buffer, n * 2);
        buffer[n] = 0;
        if (len >= size) {
            n = size;                           /* truncated: the size, and the error says so */
            SetLastError(ERROR_INSUFFICIENT_BUFFER);
        }
    }
    LdrUnlockLoaderLock(0, cookie);
    return n;
}

KBAPI DWORD WINAPI GetModuleFileNameA(HMODULE module, LPSTR buffer, DWORD size)
{
    WCHAR wide[MAX_PATH * 4];
    DWORD n = GetModuleFileNameW(module, wide, MAX_PATH * 4);
    if (n == 0 || size == 0)
        return 0;
    int bytes = WideCharToMultiByte(CP_ACP, 0, wide, (int)n, NULL, 0, NULL, NULL);
    if ((DWORD)bytes < size) {
        WideCharToMultiByte(CP_ACP, 0, wide, (int)n, buffer, bytes, NULL, NULL);
        buffer[bytes] = 0;
        return (DWORD)bytes;
    }
    WideCharToMultiByte(CP_ACP, 0, wide, (int)n, buffer, (int)size - 1, NULL, NULL);
    buffer[size - 1] = 0;
    SetLastError(ERROR_INSUFFICIENT_BUFFER);
    return size;
}

#define DATAFILE_FLAGS (LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE | LOAD_LIBRARY_AS_IMAGE_RESOURCE)
/* dlldir.c: the folders the LOAD_LIBRARY_SEARCH_* flags (or SetDefaultDllDirectories) name. */
BOOL BaseDllSearchPath(LPCWSTR name, DWORD *flags, WCHAR *out, SIZE_T size, BOOL *invalid);
HMODULE BaseLoadLibraryAsData(LPCWSTR name, DWORD flags);      /* module_data.c */
BOOL BaseFreeDataFile(HMODULE module);
SIZE_T BaseStandardDllPath(WCHAR *out, SIZE_T size);            /* dllpath.c */
BOOL BaseDllDirectorySet(void);
#define IS_DATA_MODULE(m) (((ULONG_PTR)(m) & 3) != 0)

KBAPI HMODULE WINAPI LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags)
{
    if (name == NULL || file != NULL || name[0] == 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    UNICODE_STRING us;
    RtlInitUnicodeString(&us, name);
    PVOID base = NULL;
    NTSTATUS status;
    if (flags & DATAFILE_FLAGS) {
        status = LdrGetDllHandleEx(0, NULL, NULL, &us, &base);
        if (status == STATUS_DLL_NOT_FOUND_)
            return BaseLoadLibraryAsData(name, flags);      /* not loaded: mapped as data */
    } else {
        WCHAR search[MAX_PATH * 4];
        BOOL invalid;
        BOOL searched = BaseDllSearchPath(name, &flags, search, sizeof(search) / sizeof(search[0]), &invalid);
        if (invalid) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return NULL;
        }
        if (!searched && BaseDllDirectorySet()) {   /* SetDllDirectory's standard order */
            BaseStandardDllPath(search, sizeof(search) / sizeof(search[0]));
            searched = TRUE;
        }
        ULONG characteristics = (flags & DONT_RESOLVE_DLL_REFERENCES) ? IMAGE_FILE_EXECUTABLE_IMAGE : 0;
        status = LdrLoadDll(searched ? search : NULL, &characteristics, &us, &base);
    }
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    return base;
}

KBAPI HMODULE WINAPI LoadLibraryW(LPCWSTR name)
{
    return LoadLibraryExW(name, NULL, 0);
}

KBAPI HMODULE WINAPI LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags)
{
    WCHAR buffer[MAX_PATH];
    WCHAR *w = Wide(name, buffer, MAX_PATH);
    return w == (WCHAR *)-1 ? NULL : LoadLibraryExW(w, file, flags);
}

KBAPI HMODULE WINAPI LoadLibraryA(LPCSTR name)
{
    return LoadLibraryExA(name, NULL, 0);
}

KBAPI BOOL WINAPI FreeLibrary(HMODULE module)
{
    if (IS_DATA_MODULE(module))
        return BaseFreeDataFile(module);
    NTSTATUS status = LdrUnloadDll(module);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI __attribute__((noreturn)) VOID WINAPI FreeLibraryAndExitThread(HMODULE module, DWORD code)
{
    LdrUnloadDll(module);
    RtlExitUserThread((NTSTATUS)code);
}

KBAPI FARPROC WINAPI GetProcAddress(HMODULE module, LPCSTR name)
{
    PVOID address = NULL;
    NTSTATUS status;
    if (module == NULL)
        module = PEB_IMAGE_BASE();
    if (IS_DATA_MODULE(module)) {               /* a data mapping has no exports to call */
        SetLastError(ERROR_MOD_NOT_FOUND);
        return NULL;
    }
    if ((ULONG_PTR)name >> 16 == 0) {
        status = LdrGetProcedureAddress(module, NULL, (ULONG)(ULONG_PTR)name, &address);
    } else {
        ANSI_STRING as = {(USHORT)strlen(name), (USHORT)(strlen(name) + 1), (PSTR)name};
        status = LdrGetProcedureAddress(module, &as, 0, &address);
    }
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    return (FARPROC)address;
}

KBAPI BOOL WINAPI DisableThreadLibraryCalls(HMODULE module)
{
    NTSTATUS status = LdrDisableThreadCalloutsForDll(module);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}
