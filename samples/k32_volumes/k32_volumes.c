/* Volumes and DOS devices: FindFirst/Next/CloseVolume (the one volume's GUID name), its mount points
 * (none below it), the A forms of the volume name calls, QueryDosDevice (a link's target, the list of
 * \??), DefineDosDevice (a drive letter made, used, hidden by a second definition and removed), the
 * changes only an administrator may make, and GetDiskSpaceInformation. Exit code: failed checks. */
#include "../k32.h"

#define VOLUME "\\\\?\\Volume{6e6f6e6d-696e-6900-0000-000000000001}\\"
#define VOLUMEW L"\\\\?\\Volume{6e6f6e6d-696e-6900-0000-000000000001}\\"

typedef struct {
    ULONGLONG ActualTotal, ActualAvailable, ActualPoolUnavailable, CallerTotal, CallerAvailable, CallerPoolUnavailable;
    ULONGLONG Used, TotalReserved, VolumeStorageReserve, AvailableCommitted, PoolAvailable;
    DWORD SectorsPerAllocationUnit, BytesPerSector;
} DISK_SPACE;
HRESULT WINAPI GetDiskSpaceInformationA(LPCSTR, DISK_SPACE *);

static int Same(const char *a, const char *b) { while (*a && *a == *b) a++, b++; return *a == *b; }
static int SameW(const WCHAR *a, const WCHAR *b) { while (*a && *a == *b) a++, b++; return *a == *b; }

static void Volumes(void)
{
    WCHAR name[64];
    char nameA[64];
    HANDLE h = FindFirstVolumeW(name, 64);
    Check(h != INVALID_HANDLE_VALUE && SameW(name, VOLUMEW), "FindFirstVolumeW: " VOLUME);
    CheckError(!FindNextVolumeW(h, name, 64), ERROR_NO_MORE_FILES, "FindNextVolumeW -> ERROR_NO_MORE_FILES");
    Check(FindVolumeClose(h), "FindVolumeClose");
    CheckError(FindFirstVolumeW(name, 10) == INVALID_HANDLE_VALUE, ERROR_FILENAME_EXCED_RANGE,
               "FindFirstVolumeW into 10 characters -> ERROR_FILENAME_EXCED_RANGE");
    h = FindFirstVolumeA(nameA, 64);
    Check(h != INVALID_HANDLE_VALUE && Same(nameA, VOLUME) && FindVolumeClose(h), "FindFirstVolumeA: the same name");
    Check(GetVolumeNameForVolumeMountPointA("C:\\", nameA, 64) && Same(nameA, VOLUME),
          "GetVolumeNameForVolumeMountPointA(C:\\)");
    DWORD returned = 0;
    char paths[16];
    Check(GetVolumePathNamesForVolumeNameA(VOLUME, paths, 16, &returned) && returned == 5 && Same(paths, "C:\\") &&
          paths[4] == 0, "GetVolumePathNamesForVolumeNameA: C:\\ and the list's end, 5");
    CheckError(FindFirstVolumeMountPointW(VOLUMEW, name, 64) == INVALID_HANDLE_VALUE, ERROR_NO_MORE_FILES,
               "FindFirstVolumeMountPointW: no mounted folders -> ERROR_NO_MORE_FILES");
    CheckError(FindFirstVolumeMountPointA("C:\\", nameA, 64) == INVALID_HANDLE_VALUE, ERROR_NO_MORE_FILES,
               "FindFirstVolumeMountPointA(C:\\) -> ERROR_NO_MORE_FILES");
    CheckError(FindFirstVolumeMountPointA("C:", nameA, 64) == INVALID_HANDLE_VALUE, ERROR_INVALID_NAME,
               "without the trailing backslash -> ERROR_INVALID_NAME");
    CheckError(!SetVolumeLabelA("C:\\", "NEW"), ERROR_ACCESS_DENIED, "SetVolumeLabelA -> ERROR_ACCESS_DENIED");
    CheckError(!SetVolumeMountPointA("C:\\Temp\\mnt\\", VOLUME), ERROR_ACCESS_DENIED,
               "SetVolumeMountPointA -> ERROR_ACCESS_DENIED");
    CheckError(!DeleteVolumeMountPointA("C:\\"), ERROR_ACCESS_DENIED, "DeleteVolumeMountPointA -> ERROR_ACCESS_DENIED");
    DISK_SPACE space;
    ULARGE_INTEGER avail, total, free;
    DWORD spc, bps, freec, totalc;
    GetDiskFreeSpaceExA("C:\\", &avail, &total, &free);
    GetDiskFreeSpaceA("C:\\", &spc, &bps, &freec, &totalc);
    Check(GetDiskSpaceInformationA("C:\\", &space) == S_OK && space.ActualTotal == totalc &&
          space.CallerAvailable == freec && space.Used == (ULONGLONG)totalc - freec &&
          space.ActualTotal * space.SectorsPerAllocationUnit * space.BytesPerSector == total.QuadPart,
          "GetDiskSpaceInformationA: GetDiskFreeSpace's figures in clusters");
}

static void DosDevices(void)
{
    char target[512];
    DWORD n = QueryDosDeviceA("C:", target, sizeof(target));
    Check(n == 25 && Same(target, "\\Device\\HarddiskVolume1") && target[24] == 0,
          "QueryDosDeviceA(C:): \\Device\\HarddiskVolume1 and two NULs, 25");
    CheckError(!QueryDosDeviceA("C:", target, 10), ERROR_INSUFFICIENT_BUFFER, "into 10 -> ERROR_INSUFFICIENT_BUFFER");
    CheckError(!QueryDosDeviceA("Q:", target, sizeof(target)), ERROR_FILE_NOT_FOUND, "QueryDosDeviceA(Q:) -> ERROR_FILE_NOT_FOUND");
    n = QueryDosDeviceA(NULL, target, sizeof(target));
    int hasC = 0, hasNul = 0;
    for (char *p = target; *p; p += Len(p) + 1) { hasC |= Same(p, "C:"); hasNul |= Same(p, "NUL"); }
    Check(n > 0 && target[n - 1] == 0 && target[n - 2] == 0 && hasC && hasNul,
          "QueryDosDeviceA(NULL): the list of \\?? links, C: and NUL among them");
    CheckError(!QueryDosDeviceA(NULL, target, 8), ERROR_INSUFFICIENT_BUFFER, "the list into 8 -> ERROR_INSUFFICIENT_BUFFER");

    Check(DefineDosDeviceA(0, "Q:", "C:\\Temp"), "DefineDosDeviceA(Q:, C:\\Temp)");
    n = QueryDosDeviceA("Q:", target, sizeof(target));
    Check(n == 13 && Same(target, "\\??\\C:\\Temp"), "Q: links to \\??\\C:\\Temp");
    HANDLE f = CreateFileA("Q:\\k32_volumes.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(f);
    Check(f != INVALID_HANDLE_VALUE && GetFileAttributesA("C:\\Temp\\k32_volumes.txt") != INVALID_FILE_ATTRIBUTES,
          "a file made through Q: is in C:\\Temp");
    DeleteFileA("C:\\Temp\\k32_volumes.txt");
    Check(DefineDosDeviceA(DDD_RAW_TARGET_PATH, "Q:", "\\Device\\HarddiskVolume1\\Windows") &&
          QueryDosDeviceA("Q:", target, sizeof(target)) && Same(target, "\\Device\\HarddiskVolume1\\Windows"),
          "a raw second definition hides the first");
    Check(DefineDosDeviceA(DDD_REMOVE_DEFINITION | DDD_RAW_TARGET_PATH | DDD_EXACT_MATCH_ON_REMOVE, "Q:",
                           "\\Device\\HarddiskVolume1\\Windows") &&
          QueryDosDeviceA("Q:", target, sizeof(target)) && Same(target, "\\??\\C:\\Temp"),
          "removing it (exact match) shows the first again");
    Check(DefineDosDeviceA(DDD_REMOVE_DEFINITION, "Q:", NULL), "DDD_REMOVE_DEFINITION with no target removes the newest");
    CheckError(!QueryDosDeviceA("Q:", target, sizeof(target)), ERROR_FILE_NOT_FOUND, "Q: is gone");
    CheckError(!DefineDosDeviceA(DDD_REMOVE_DEFINITION, "Q:", NULL), ERROR_FILE_NOT_FOUND,
               "removing it again -> ERROR_FILE_NOT_FOUND");
    CheckError(!DefineDosDeviceA(0, "Q:", NULL), ERROR_INVALID_PARAMETER, "a definition without a target -> ERROR_INVALID_PARAMETER");
}

void Entry(void)
{
    Volumes();
    DosDevices();
    ExitProcess(failures);
}
