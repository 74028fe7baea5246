/* Family 7, LoadLibraryEx's data mappings: LOAD_LIBRARY_AS_DATAFILE(_EXCLUSIVE) and
 * LOAD_LIBRARY_AS_IMAGE_RESOURCE map the file read-only as a flat view, found in the DLL search
 * order, and hand back its base tagged in the low bits as Windows does (1 for a data file, 2 for an
 * image resource), which GetModuleHandle never finds, FindResource and LoadString read through
 * (ntdll translates the RVAs through the section table), GetProcAddress refuses and FreeLibrary
 * unmaps. _EXCLUSIVE opens the file without write sharing. A module already loaded as an image is
 * returned as it is, as Windows does. Unlike Windows, AS_IMAGE_RESOURCE is a flat view too. */
#include "kernelbase.h"

NTDLL IMAGE_NT_HEADERS *NTAPI RtlImageNtHeader(PVOID);

/* dllpath.c: the folders of the standard search order (SetDllDirectory's folder included). */
SIZE_T BaseStandardDllPath(WCHAR *out, SIZE_T size);

HMODULE BaseLoadLibraryAsData(LPCWSTR name, DWORD flags)
{
    /* Step 1: the file, by the search order when the name has no folder. */
    WCHAR folders[MAX_PATH * 4], path[MAX_PATH];
    BOOL bare = TRUE;
    for (LPCWSTR p = name; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':') bare = FALSE;
    if (bare) {
        BaseStandardDllPath(folders, sizeof(folders) / sizeof(folders[0]));
        if (!SearchPathW(folders, name, L".dll", MAX_PATH, path, NULL)) {
            SetLastError(ERROR_MOD_NOT_FOUND);
            return NULL;
        }
        name = path;
    }
    DWORD share = (flags & LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE) ? FILE_SHARE_READ : FILE_SHARE_READ | FILE_SHARE_DELETE;
    HANDLE file = CreateFileW(name, GENERIC_READ, share, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        if (GetLastError() == ERROR_PATH_NOT_FOUND || GetLastError() == ERROR_FILE_NOT_FOUND)
            SetLastError(ERROR_MOD_NOT_FOUND);
        return NULL;
    }

    /* Step 2: a read-only view of the whole file, which must be a PE image. */
    HANDLE section = CreateFileMappingW(file, NULL, PAGE_READONLY, 0, 0, NULL);
    DWORD error = GetLastError();
    CloseHandle(file);
    if (section == NULL) {
        SetLastError(error == ERROR_FILE_INVALID ? ERROR_BAD_EXE_FORMAT : error);
        return NULL;
    }
    BYTE *view = MapViewOfFile(section, FILE_MAP_READ, 0, 0, 0);
    error = GetLastError();
    CloseHandle(section);                       /* the view keeps the section */
    if (view == NULL) {
        SetLastError(error);
        return NULL;
    }
    if (RtlImageNtHeader(view) == NULL) {
        UnmapViewOfFile(view);
        SetLastError(ERROR_BAD_EXE_FORMAT);
        return NULL;
    }

    /* Step 3: the tagged handle. */
    ULONG_PTR tag = (flags & LOAD_LIBRARY_AS_IMAGE_RESOURCE) ? 2 : 1;
    return (HMODULE)((ULONG_PTR)view | tag);
}

/* FreeLibrary of a tagged handle: the view goes. */
BOOL BaseFreeDataFile(HMODULE module)
{
    if (!UnmapViewOfFile((PVOID)((ULONG_PTR)module & ~(ULONG_PTR)3))) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}
