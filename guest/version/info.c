/* GetFileVersionInfoSize(Ex)A/W and GetFileVersionInfo(Ex)A/W: the file is mapped as a data file
 * (LoadLibraryEx with LOAD_LIBRARY_AS_DATAFILE, found as LoadLibrary finds a DLL) and its
 * RT_VERSION resource VS_VERSION_INFO is copied out. The size asked for is twice the resource's
 * plus four: the block, the "FE2X" signature after it and room for the ANSI copies VerQueryValueA
 * makes. Errors: ERROR_FILE_NOT_FOUND for a missing file, then the resource
 * lookup's (ERROR_RESOURCE_DATA_NOT_FOUND, ERROR_RESOURCE_TYPE_NOT_FOUND, _NAME_NOT_FOUND). */
#include "version.h"

/* The file's VS_VERSION_INFO resource: its data and size in a data mapping the caller frees. */
static HMODULE OpenVersion(LPCWSTR file, const void **data, DWORD *size)
{
    if (file == NULL || file[0] == 0) {
        SetLastError(file ? ERROR_FILE_NOT_FOUND : ERROR_INVALID_PARAMETER);
        return NULL;
    }
    HMODULE module = LoadLibraryExW(file, NULL, LOAD_LIBRARY_AS_DATAFILE);
    if (module == NULL) {
        /* The loader's "no such module" is a missing file here; a file that is no PE image has
         * no resources. */
        DWORD error = GetLastError();
        SetLastError(error == ERROR_MOD_NOT_FOUND ? ERROR_FILE_NOT_FOUND
                     : error == ERROR_BAD_EXE_FORMAT ? ERROR_RESOURCE_DATA_NOT_FOUND : error);
        return NULL;
    }
    HRSRC res = FindResourceW(module, MAKEINTRESOURCEW(VS_VERSION_INFO), (LPCWSTR)RT_VERSION);
    HGLOBAL mem = res ? LoadResource(module, res) : NULL;
    *data = mem ? LockResource(mem) : NULL;
    *size = res ? SizeofResource(module, res) : 0;
    if (*data == NULL || *size < 6) {
        DWORD error = GetLastError();
        FreeLibrary(module);
        SetLastError(error ? error : ERROR_RESOURCE_DATA_NOT_FOUND);
        return NULL;
    }
    return module;
}

static LPWSTR Wide(LPCSTR s)
{
    if (s == NULL)
        return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    LPWSTR w = HeapAlloc(GetProcessHeap(), 0, (SIZE_T)n * sizeof(WCHAR));
    if (w)
        MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
    return w;
}

VERAPI DWORD WINAPI GetFileVersionInfoSizeExW(DWORD flags, LPCWSTR file, LPDWORD handle)
{
    (void)flags;                                        /* no MUI files: localised = neutral */
    if (handle)
        *handle = 0;
    const void *data;
    DWORD size;
    HMODULE module = OpenVersion(file, &data, &size);
    if (module == NULL)
        return 0;
    FreeLibrary(module);
    SetLastError(ERROR_SUCCESS);
    return size * 2 + 4;
}

VERAPI BOOL WINAPI GetFileVersionInfoExW(DWORD flags, LPCWSTR file, DWORD handle, DWORD len, LPVOID out)
{
    (void)flags; (void)handle;
    if (out == NULL) {
        SetLastError(ERROR_INVALID_DATA);
        return FALSE;
    }
    const void *data;
    DWORD size;
    HMODULE module = OpenVersion(file, &data, &size);
    if (module == NULL)
        return FALSE;
    /* Step 1: the block, as much of it as fits. */
    DWORD n = size < len ? size : len;
    for (DWORD i = 0; i < n; i++)
        ((BYTE *)out)[i] = ((const BYTE *)data)[i];
    FreeLibrary(module);
    /* Step 2: the signature after it, when there is room, marking the ANSI half as free. */
    VERSION_NODE *root = out;
    if (n >= 6 && len >= (DWORD)root->wLength + 4) {
        BYTE *sig = (BYTE *)out + root->wLength;
        sig[0] = 'F'; sig[1] = 'E'; sig[2] = '2'; sig[3] = 'X';
    }
    SetLastError(ERROR_SUCCESS);
    return TRUE;
}

VERAPI DWORD WINAPI GetFileVersionInfoSizeW(LPCWSTR file, LPDWORD handle)
{
    return GetFileVersionInfoSizeExW(FILE_VER_GET_LOCALISED, file, handle);
}

VERAPI BOOL WINAPI GetFileVersionInfoW(LPCWSTR file, DWORD handle, DWORD len, LPVOID out)
{
    return GetFileVersionInfoExW(FILE_VER_GET_LOCALISED, file, handle, len, out);
}

VERAPI DWORD WINAPI GetFileVersionInfoSizeExA(DWORD flags, LPCSTR file, LPDWORD handle)
{
    LPWSTR w = Wide(file);
    DWORD r = GetFileVersionInfoSizeExW(flags, w, handle);
    DWORD error = GetLastError();
    HeapFree(GetProcessHeap(), 0, w);
    SetLastError(error);
    return r;
}

VERAPI BOOL WINAPI GetFileVersionInfoExA(DWORD flags, LPCSTR file, DWORD handle, DWORD len, LPVOID out)
{
    LPWSTR w = Wide(file);
    BOOL r = GetFileVersionInfoExW(flags, w, handle, len, out);
    DWORD error = GetLastError();
    HeapFree(GetProcessHeap(), 0, w);
    SetLastError(error);
    return r;
}

VERAPI DWORD WINAPI GetFileVersionInfoSizeA(LPCSTR file, LPDWORD handle)
{
    return GetFileVersionInfoSizeExA(FILE_VER_GET_LOCALISED, file, handle);
}

VERAPI BOOL WINAPI GetFileVersionInfoA(LPCSTR file, DWORD handle, DWORD len, LPVOID out)
{
    return GetFileVersionInfoExA(FILE_VER_GET_LOCALISED, file, handle, len, out);
}
