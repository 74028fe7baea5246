/* The Windows 8+ file calls the C++ runtimes' filesystem code imports (CreateFile2, CopyFile2), the
 * file APIs' ANSI/OEM switch, the volume of a path and its GUID name, SetFileValidData without its
 * privilege, the dynamic time zone and GetBinaryType. Exit code: failed checks. */
#include "../k32.h"

static int Same(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

void Entry(void)
{
    CREATEFILE2_EXTENDED_PARAMETERS p = {sizeof(p), FILE_ATTRIBUTE_NORMAL, FILE_FLAG_SEQUENTIAL_SCAN, 0, NULL, NULL};
    HANDLE h = CreateFile2(L"C:\\Temp\\w8.txt", GENERIC_WRITE, 0, CREATE_ALWAYS, &p);
    DWORD done;
    Check(h != INVALID_HANDLE_VALUE && WriteFile(h, "eight", 5, &done, NULL) && done == 5, "CreateFile2: created and written");
    CloseHandle(h);
    p.dwSize = 8;
    CheckError(CreateFile2(L"C:\\Temp\\w8.txt", GENERIC_READ, 0, OPEN_EXISTING, &p) == INVALID_HANDLE_VALUE,
               ERROR_INVALID_PARAMETER, "a wrong dwSize: ERROR_INVALID_PARAMETER");
    h = CreateFile2(L"C:\\Temp\\w8.txt", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, NULL);
    Check(h != INVALID_HANDLE_VALUE && GetFileSize(h, NULL) == 5, "CreateFile2 without parameters: opened, 5 bytes");
    CloseHandle(h);
    CheckError(CreateFile2(L"C:\\Temp\\none.txt", GENERIC_READ, 0, OPEN_EXISTING, NULL) == INVALID_HANDLE_VALUE,
               ERROR_FILE_NOT_FOUND, "CreateFile2 of a missing file: ERROR_FILE_NOT_FOUND");

    Check(CopyFile2(L"C:\\Temp\\w8.txt", L"C:\\Temp\\w8copy.txt", NULL) == S_OK, "CopyFile2: S_OK");
    COPYFILE2_EXTENDED_PARAMETERS c = {sizeof(c), COPY_FILE_FAIL_IF_EXISTS, NULL, NULL, NULL};
    Check(CopyFile2(L"C:\\Temp\\w8.txt", L"C:\\Temp\\w8copy.txt", &c) == HRESULT_FROM_WIN32(ERROR_FILE_EXISTS),
          "COPY_FILE_FAIL_IF_EXISTS onto a file: HRESULT_FROM_WIN32(ERROR_FILE_EXISTS)");
    Check(CopyFile2(L"C:\\Temp\\none.txt", L"C:\\Temp\\x.txt", NULL) == HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND),
          "a missing source: HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)");

    Check(AreFileApisANSI(), "AreFileApisANSI: TRUE at start");
    SetFileApisToOEM();
    Check(!AreFileApisANSI(), "after SetFileApisToOEM: FALSE");
    SetFileApisToANSI();
    Check(AreFileApisANSI(), "after SetFileApisToANSI: TRUE");

    WCHAR root[MAX_PATH];
    Check(GetVolumePathNameW(L"C:\\Temp\\w8.txt", root, MAX_PATH) && Same(root, L"C:\\"), "GetVolumePathNameW: C:\\");
    Check(GetVolumePathNameW(L"w8.txt", root, MAX_PATH) && Same(root, L"C:\\"), "a relative name: C:\\");
    CheckError(!GetVolumePathNameW(L"C:\\Temp", root, 2), ERROR_FILENAME_EXCED_RANGE,
               "a short buffer: ERROR_FILENAME_EXCED_RANGE");
    WCHAR volume[64];
    Check(GetVolumeNameForVolumeMountPointW(L"C:\\", volume, 64) && volume[0] == L'\\' && volume[4] == L'V' &&
          volume[lstrlenW(volume) - 1] == L'\\', "GetVolumeNameForVolumeMountPointW(C:\\): \\\\?\\Volume{...}\\");
    CheckError(!GetVolumeNameForVolumeMountPointW(L"C:\\Temp\\", root, MAX_PATH), ERROR_NOT_A_REPARSE_POINT,
               "a folder is no mount point: ERROR_NOT_A_REPARSE_POINT");
    WCHAR through[MAX_PATH];
    lstrcpyW(through, volume);
    lstrcatW(through, L"Temp\\w8.txt");
    h = CreateFileW(through, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    Check(h != INVALID_HANDLE_VALUE && GetFileSize(h, NULL) == 5, "the file opened through the volume's GUID name");
    CloseHandle(h);
    WCHAR names[16];
    DWORD returned = 0;
    Check(GetVolumePathNamesForVolumeNameW(volume, names, 16, &returned) && Same(names, L"C:\\") && returned == 5,
          "GetVolumePathNamesForVolumeNameW: C:\\ and the list's end");

    h = CreateFileW(L"C:\\Temp\\w8.txt", GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    CheckError(!SetFileValidData(h, 4096), ERROR_PRIVILEGE_NOT_HELD, "SetFileValidData: ERROR_PRIVILEGE_NOT_HELD");
    CloseHandle(h);

    DYNAMIC_TIME_ZONE_INFORMATION tz;
    Check(GetDynamicTimeZoneInformation(&tz) == TIME_ZONE_ID_UNKNOWN && Same(tz.TimeZoneKeyName, L"UTC") && tz.Bias == 0,
          "GetDynamicTimeZoneInformation: UTC");

    WCHAR self[MAX_PATH];
    GetModuleFileNameW(NULL, self, MAX_PATH);
    DWORD type = 99;
    Check(GetBinaryTypeW(self, &type) && type == SCS_64BIT_BINARY, "GetBinaryTypeW of this program: SCS_64BIT_BINARY");
    CheckError(!GetBinaryTypeW(L"C:\\Temp\\w8.txt", &type), ERROR_BAD_EXE_FORMAT, "of a text file: ERROR_BAD_EXE_FORMAT");
    CheckError(!GetBinaryTypeW(L"C:\\Temp\\none.exe", &type), ERROR_FILE_NOT_FOUND, "of a missing file: ERROR_FILE_NOT_FOUND");
    ExitProcess((UINT)failures);
}
