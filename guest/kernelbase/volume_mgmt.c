/* Volume management: FindFirst/Next/Close Volume (the machine's one volume, by its GUID name),
 * FindFirst/Next/Close VolumeMountPoint (no folder has a volume mounted on it), the A forms of
 * GetVolumeNameForVolumeMountPoint and GetVolumePathNamesForVolumeName, GetDiskSpaceInformation,
 * and the changes a standard user may not make (SetVolumeLabel, Set/DeleteVolumeMountPoint:
 * ERROR_ACCESS_DENIED, as the mount manager answers one without administrator rights). */
#include "kernelbase.h"

#define VOLUME_FIND_MAGIC 0x566F6C46            /* "FloV" */
typedef struct { DWORD Magic, Next; } VOLUME_FIND;

KBAPI HANDLE WINAPI FindFirstVolumeW(LPWSTR lpszVolumeName, DWORD cchBufferLength)
{
    if (!GetVolumeNameForVolumeMountPointW(L"C:\\", lpszVolumeName, cchBufferLength))
        return INVALID_HANDLE_VALUE;            /* ERROR_FILENAME_EXCED_RANGE for a short buffer */
    VOLUME_FIND *find = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, sizeof(*find));
    if (!find) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return INVALID_HANDLE_VALUE; }
    find->Magic = VOLUME_FIND_MAGIC;
    find->Next = 1;
    return find;
}

static VOLUME_FIND *VolumeFind(HANDLE h)
{
    VOLUME_FIND *find = h;
    if (!find || h == INVALID_HANDLE_VALUE || IsBadReadPtr(find, sizeof(*find)) || find->Magic != VOLUME_FIND_MAGIC) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return find;
}

KBAPI BOOL WINAPI FindNextVolumeW(HANDLE hFindVolume, LPWSTR lpszVolumeName, DWORD cchBufferLength)
{
    (void)lpszVolumeName; (void)cchBufferLength;
    if (!VolumeFind(hFindVolume)) return FALSE;
    SetLastError(ERROR_NO_MORE_FILES);          /* there is one volume */
    return FALSE;
}

KBAPI BOOL WINAPI FindVolumeClose(HANDLE hFindVolume)
{
    VOLUME_FIND *find = VolumeFind(hFindVolume);
    if (!find) return FALSE;
    find->Magic = 0;
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, find);
    return TRUE;
}

/* The W result as ANSI into out (length characters), ERROR_FILENAME_EXCED_RANGE if it does not fit. */
static BOOL VolumeNarrow(const WCHAR *w, int chars, LPSTR out, DWORD length)
{
    if ((DWORD)chars > length) { SetLastError(ERROR_FILENAME_EXCED_RANGE); return FALSE; }
    WideCharToMultiByte(CP_ACP, 0, w, chars, out, (int)length, NULL, NULL);
    return TRUE;
}

KBAPI HANDLE WINAPI FindFirstVolumeA(LPSTR lpszVolumeName, DWORD cchBufferLength)
{
    WCHAR name[64];
    HANDLE h = FindFirstVolumeW(name, 64);
    if (h != INVALID_HANDLE_VALUE && !VolumeNarrow(name, lstrlenW(name) + 1, lpszVolumeName, cchBufferLength)) {
        FindVolumeClose(h);
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return INVALID_HANDLE_VALUE;
    }
    return h;
}

KBAPI BOOL WINAPI FindNextVolumeA(HANDLE hFindVolume, LPSTR lpszVolumeName, DWORD cchBufferLength)
{
    WCHAR name[64];
    (void)lpszVolumeName; (void)cchBufferLength;
    return FindNextVolumeW(hFindVolume, name, 64);
}

KBAPI BOOL WINAPI GetVolumeNameForVolumeMountPointA(LPCSTR lpszVolumeMountPoint, LPSTR lpszVolumeName,
                                                    DWORD cchBufferLength)
{
    WCHAR name[64];
    WCHAR *mount = BaseWideName(lpszVolumeMountPoint);
    if (!mount) return FALSE;
    BOOL ok = GetVolumeNameForVolumeMountPointW(mount, name, 64);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, mount);
    return ok && VolumeNarrow(name, lstrlenW(name) + 1, lpszVolumeName, cchBufferLength);
}

KBAPI BOOL WINAPI GetVolumePathNamesForVolumeNameA(LPCSTR lpszVolumeName, LPCH lpszVolumePathNames,
                                                   DWORD cchBufferLength, PDWORD lpcchReturnLength)
{
    WCHAR names[16];
    WCHAR *volume = BaseWideName(lpszVolumeName);
    if (!volume) return FALSE;
    DWORD returned = 0;
    BOOL ok = GetVolumePathNamesForVolumeNameW(volume, names, 16, &returned);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, volume);
    if (lpcchReturnLength) *lpcchReturnLength = returned;
    if (!ok) return FALSE;
    if (!lpszVolumePathNames || cchBufferLength < returned) { SetLastError(ERROR_MORE_DATA); return FALSE; }
    WideCharToMultiByte(CP_ACP, 0, names, (int)returned, lpszVolumePathNames, (int)cchBufferLength, NULL, NULL);
    return TRUE;
}

/* A volume root: the GUID name or a drive's root, with its trailing backslash; the error if not. */
static BOOL VolumeRoot(LPCWSTR root)
{
    WCHAR name[64];
    if (!root) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    int n = lstrlenW(root);
    if (!n || root[n - 1] != '\\') { SetLastError(ERROR_INVALID_NAME); return FALSE; }
    if (GetVolumeNameForVolumeMountPointW(L"C:\\", name, 64) &&
        CompareStringOrdinal(root, -1, name, -1, TRUE) == CSTR_EQUAL)
        return TRUE;
    return GetVolumeNameForVolumeMountPointW(root, name, 64);
}

/* No folder of the volume is a mount point: nothing to list. */
KBAPI HANDLE WINAPI FindFirstVolumeMountPointW(LPCWSTR lpszRootPathName, LPWSTR lpszVolumeMountPoint,
                                               DWORD cchBufferLength)
{
    (void)lpszVolumeMountPoint; (void)cchBufferLength;
    if (VolumeRoot(lpszRootPathName)) SetLastError(ERROR_NO_MORE_FILES);
    return INVALID_HANDLE_VALUE;
}

KBAPI HANDLE WINAPI FindFirstVolumeMountPointA(LPCSTR lpszRootPathName, LPSTR lpszVolumeMountPoint,
                                               DWORD cchBufferLength)
{
    (void)lpszVolumeMountPoint; (void)cchBufferLength;
    WCHAR *root = BaseWideName(lpszRootPathName);
    if (!root) return INVALID_HANDLE_VALUE;
    if (VolumeRoot(root)) SetLastError(ERROR_NO_MORE_FILES);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, root);
    return INVALID_HANDLE_VALUE;
}

/* FindFirstVolumeMountPoint never returns a handle, so none is one of its. */
KBAPI BOOL WINAPI FindNextVolumeMountPointW(HANDLE h, LPWSTR name, DWORD length)
{
    (void)h; (void)name; (void)length;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

KBAPI BOOL WINAPI FindNextVolumeMountPointA(HANDLE h, LPSTR name, DWORD length)
{
    (void)h; (void)name; (void)length;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

KBAPI BOOL WINAPI FindVolumeMountPointClose(HANDLE h)
{
    (void)h;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

/* The volume's label and mount points are the administrator's to change. */
KBAPI BOOL WINAPI SetVolumeLabelW(LPCWSTR lpRootPathName, LPCWSTR lpVolumeName)
{
    DWORD a, b, c, d;
    (void)lpVolumeName;
    if (!GetDiskFreeSpaceW(lpRootPathName, &a, &b, &c, &d)) return FALSE;
    SetLastError(ERROR_ACCESS_DENIED);
    return FALSE;
}

KBAPI BOOL WINAPI SetVolumeLabelA(LPCSTR lpRootPathName, LPCSTR lpVolumeName)
{
    DWORD a, b, c, d;
    (void)lpVolumeName;
    if (!GetDiskFreeSpaceA(lpRootPathName, &a, &b, &c, &d)) return FALSE;
    SetLastError(ERROR_ACCESS_DENIED);
    return FALSE;
}

static BOOL VolumeMountChange(LPCWSTR mount)
{
    if (!mount) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    int n = lstrlenW(mount);
    if (!n || mount[n - 1] != '\\') { SetLastError(ERROR_INVALID_NAME); return FALSE; }
    SetLastError(ERROR_ACCESS_DENIED);
    return FALSE;
}

KBAPI BOOL WINAPI SetVolumeMountPointW(LPCWSTR lpszVolumeMountPoint, LPCWSTR lpszVolumeName)
{
    if (!lpszVolumeName) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return VolumeMountChange(lpszVolumeMountPoint);
}

KBAPI BOOL WINAPI DeleteVolumeMountPointW(LPCWSTR lpszVolumeMountPoint)
{
    return VolumeMountChange(lpszVolumeMountPoint);
}

KBAPI BOOL WINAPI SetVolumeMountPointA(LPCSTR lpszVolumeMountPoint, LPCSTR lpszVolumeName)
{
    WCHAR *mount = lpszVolumeMountPoint ? BaseWideName(lpszVolumeMountPoint) : NULL;
    BOOL ok = SetVolumeMountPointW(mount, lpszVolumeName ? L"" : NULL);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, mount);
    return ok;
}

KBAPI BOOL WINAPI DeleteVolumeMountPointA(LPCSTR lpszVolumeMountPoint)
{
    WCHAR *mount = lpszVolumeMountPoint ? BaseWideName(lpszVolumeMountPoint) : NULL;
    BOOL ok = DeleteVolumeMountPointW(mount);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, mount);
    return ok;
}

typedef struct {
    ULONGLONG ActualTotalAllocationUnits, ActualAvailableAllocationUnits, ActualPoolUnavailableAllocationUnits;
    ULONGLONG CallerTotalAllocationUnits, CallerAvailableAllocationUnits, CallerPoolUnavailableAllocationUnits;
    ULONGLONG UsedAllocationUnits, TotalReservedAllocationUnits, VolumeStorageReserveAllocationUnits;
    ULONGLONG AvailableCommittedAllocationUnits, PoolAvailableAllocationUnits;
    DWORD SectorsPerAllocationUnit, BytesPerSector;
} DISK_SPACE_INFORMATION_;

/* The volume's size in clusters, from the figures GetDiskFreeSpace gives (no quotas, no reserves,
 * no storage pool). */
KBAPI HRESULT WINAPI GetDiskSpaceInformationW(LPCWSTR rootPath, DISK_SPACE_INFORMATION_ *info)
{
    DWORD sectors, bytes, free_clusters, total_clusters;
    if (!info) return E_INVALIDARG;
    if (!GetDiskFreeSpaceW(rootPath, &sectors, &bytes, &free_clusters, &total_clusters))
        return HRESULT_FROM_WIN32(GetLastError());
    memset(info, 0, sizeof(*info));
    info->ActualTotalAllocationUnits = info->CallerTotalAllocationUnits = total_clusters;
    info->ActualAvailableAllocationUnits = info->CallerAvailableAllocationUnits = free_clusters;
    info->UsedAllocationUnits = total_clusters - free_clusters;
    info->SectorsPerAllocationUnit = sectors;
    info->BytesPerSector = bytes;
    return S_OK;
}

KBAPI HRESULT WINAPI GetDiskSpaceInformationA(LPCSTR rootPath, DISK_SPACE_INFORMATION_ *info)
{
    WCHAR *root = rootPath ? BaseWideName(rootPath) : NULL;
    if (rootPath && !root) return HRESULT_FROM_WIN32(GetLastError());
    HRESULT hr = GetDiskSpaceInformationW(root, info);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, root);
    return hr;
}
