/* Family 7, LoadLibraryEx's data mappings: LOAD_LIBRARY_AS_DATAFILE(_EXCLUSIVE) and
 * LOAD_LIBRARY_AS_IMAGE_RESOURCE map the file read-only as a flat view, found in the DLL search
 * order, and hand back its base tagged in the low bits as Windows does (1 for a data file, 2 for an
 * image resource), which GetModuleHandle never finds, FindResource and LoadString read through
 * (ntdll translates the RVAs through the section table), GetProcAddress refuses and FreeLibrary
 * unmaps. The file stays open while it is mapped (its sharing holds: _EXCLUSIVE opens it without
 * write sharing). A module already loaded as an image is
 * returned as it is, as Windows does. Unlike Windows, AS_IMAGE_RESOURCE is a flat view too. */
#include "kernelbase.h"

NTDLL IMAGE_NT_HEADERS *NTAPI RtlImageNtHeader(PVOID);
NTDLL void NTAPI RtlAcquireSRWLockExclusive(SRWLOCK *);
NTDLL void NTAPI RtlReleaseSRWLockExclusive(SRWLOCK *);

/* The open file behind each data mapping, closed by FreeLibrary. */
#define MAX_DATA_FILES 64
static struct { PVOID view; HANDLE file; } data_files[MAX_DATA_FILES];
static SRWLOCK lock = SRWLOCK_INIT;

static BOOL Remember(PVOID view, HANDLE file)
{
    BOOL ok = FALSE;
    RtlAcquireSRWLockExclusive(&lock);
    for (int i = 0; i < MAX_DATA_FILES && !ok; i++)
        if (data_files[i].view == NULL) {
            data_files[i].view = view;
            data_files[i].file = file;
            ok = TRUE;
        }
    RtlReleaseSRWLockExclusive(&lock);
    return ok;
}

static HANDLE Forget(PVOID view)
{
    HANDLE file = NULL;
    RtlAcquireSRWLockExclusive(&lock);
    for (int i = 0; i < MAX_DATA_FILES && !file; i++)
        if (data_files[i].view == view) {
            file = data_files[i].file;
            data_files[i].view = NULL;
        }
    RtlReleaseSRWLockExclusive(&lock);
    return file;
}

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
    DWORD share = (flags & LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE) ? FILE_SHARE_READ
                                                               : FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
    HANDLE file = CreateFileW(name, GENERIC_READ, share, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        if (GetLastError() == ERROR_PATH_NOT_FOUND || GetLastError() == ERROR_FILE_NOT_FOUND)
            SetLastError(ERROR_MOD_NOT_FOUND);
        return NULL;
    }

    /* Step 2: a read-only view of the whole file, which must be a PE image. */
    HANDLE section = CreateFileMappingW(file, NULL, PAGE_READONLY, 0, 0, NULL);
    DWORD error = GetLastError();
    if (section == NULL) {
        CloseHandle(file);
        SetLastError(error == ERROR_FILE_INVALID ? ERROR_BAD_EXE_FORMAT : error);
        return NULL;
    }
    BYTE *view = MapViewOfFile(section, FILE_MAP_READ, 0, 0, 0);
    error = GetLastError();
    CloseHandle(section);                       /* the view keeps the section */
    if (view == NULL || RtlImageNtHeader(view) == NULL || !Remember(view, file)) {
        if (view) {
            UnmapViewOfFile(view);
            error = ERROR_BAD_EXE_FORMAT;
        }
        CloseHandle(file);
        SetLastError(error);
        return NULL;
    }

    /* Step 3: the tagged handle. */
    ULONG_PTR tag = (flags & LOAD_LIBRARY_AS_IMAGE_RESOURCE) ? 2 : 1;
    return (HMODULE)((ULONG_PTR)view | tag);
}

/* FreeLibrary of a tagged handle: the view goes. */
BOOL BaseFreeDataFile(HMODULE module)
{
    PVOID view = (PVOID)((ULONG_PTR)module & ~(ULONG_PTR)3);
    HANDLE file = Forget(view);
    if (file == NULL || !UnmapViewOfFile(view)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    CloseHandle(file);
    return TRUE;
}
