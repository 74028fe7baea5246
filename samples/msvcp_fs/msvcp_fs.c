/* std::filesystem's system layer is not in msvcp140.dll: the Microsoft STL links filesystem.cpp
 * (the __std_fs_* functions) into the program from its import library. This sample makes the
 * kernel32 calls those functions make, with their access rights, share modes, flags and
 * information classes, and checks the results they rely on (including the errors they test
 * for). CreateFile2, CopyFile2 and AreFileApisANSI, which the STL also imports, are not in this
 * project's kernel32 yet: CreateFileW and CopyFileW stand in for them. Works in the guest's
 * temporary folder. Exit code: failed checks. */
#include "../k32.h"

#define SHARE_ALL (FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)
#define GENERIC_WRITE_STL 0x00120116                    /* __std_access_rights::_File_generic_write */
#define FileDispositionInfoEx_ 21
#define DISPOSITION_DELETE_POSIX_IGNORE_READONLY (0x1 | 0x2 | 0x10)

/* _Fs_file: OPEN_EXISTING with every share mode */
static HANDLE Open(const WCHAR *path, DWORD access, DWORD flags)
{
    return CreateFileW(path, access, SHARE_ALL, NULL, OPEN_EXISTING, flags, NULL);
}

static void MakeFile(const WCHAR *path, const char *text)
{
    HANDLE h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    WriteFile(h, text, (DWORD)Len(text), &done, NULL);
    CloseHandle(h);
}

/* __std_fs_remove: DELETE | read/write attributes, backup semantics, the reparse point itself,
 * then the POSIX delete disposition (a directory as well as a file) */
static BOOL Remove(const WCHAR *path)
{
    HANDLE h = Open(path, DELETE | FILE_READ_ATTRIBUTES | FILE_WRITE_ATTRIBUTES,
                    FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT);
    if (h == INVALID_HANDLE_VALUE)
        return FALSE;
    ULONG flags = DISPOSITION_DELETE_POSIX_IGNORE_READONLY;
    BOOL ok = SetFileInformationByHandle(h, FileDispositionInfoEx_, &flags, sizeof flags);
    CloseHandle(h);
    return ok;
}

void Entry(void)
{
    /* __std_fs_get_temp_path (GetTempPath2W found by GetProcAddress, then a directory check) and
     * __std_fs_set_current_path / get_current_path */
    FARPROC p = GetProcAddress(GetModuleHandleW(L"kernel32.dll"), "GetTempPath2W");
    Check(p != NULL, "GetTempPath2W is found through GetProcAddress");
    WCHAR temp[261], cwd[261];
    DWORD n = p ? ((DWORD(WINAPI *)(DWORD, LPWSTR))p)(261, temp) : 0;
    DWORD attrs = GetFileAttributesW(temp);
    Check(n > 0 && n < 261 && attrs != INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_DIRECTORY),
          "temp_directory_path: a directory");
    Check(SetCurrentDirectoryW(temp), "current_path(temp)");
    n = GetCurrentDirectoryW(261, cwd);
    Check(n > 0 && n <= 261, "current_path(): GetCurrentDirectoryW fits");

    /* __std_fs_get_stats: GetFileAttributesExW, then by handle FileBasicInfo/FileStandardInfo */
    MakeFile(L"fs_a.txt", "hello");
    WIN32_FILE_ATTRIBUTE_DATA data;
    Check(GetFileAttributesExW(L"fs_a.txt", GetFileExInfoStandard, &data) && data.nFileSizeLow == 5 &&
              !(data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY),
          "file_size / status: GetFileAttributesExW");
    HANDLE h = Open(L"fs_a.txt", FILE_READ_ATTRIBUTES, FILE_FLAG_BACKUP_SEMANTICS);
    FILE_BASIC_INFO basic;
    FILE_STANDARD_INFO standard;
    Check(h != INVALID_HANDLE_VALUE && GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic) &&
              basic.LastWriteTime.QuadPart != 0,
          "last_write_time: FileBasicInfo through a FILE_READ_ATTRIBUTES handle");
    Check(GetFileInformationByHandleEx(h, FileStandardInfo, &standard, sizeof standard) &&
              standard.NumberOfLinks == 1 && standard.EndOfFile.QuadPart == 5,
          "hard_link_count: FileStandardInfo");
    /* __std_fs_equivalent / get_file_id: FileIdInfo (or GetFileInformationByHandle's index) */
    FILE_ID_INFO id1, id2;
    HANDLE h2 = Open(L"fs_a.txt", FILE_READ_ATTRIBUTES, FILE_FLAG_BACKUP_SEMANTICS);
    Check(GetFileInformationByHandleEx(h, FileIdInfo, &id1, sizeof id1) &&
              GetFileInformationByHandleEx(h2, FileIdInfo, &id2, sizeof id2) &&
              id1.VolumeSerialNumber == id2.VolumeSerialNumber &&
              __builtin_memcmp(&id1.FileId, &id2.FileId, sizeof id1.FileId) == 0,
          "equivalent: two handles of one file have one FileIdInfo");
    CloseHandle(h2);
    /* __std_fs_get_final_path_name_by_handle (canonical) */
    WCHAR final[300];
    n = GetFinalPathNameByHandleW(h, final, 300, 0 /* VOLUME_NAME_DOS */);
    Check(n > 0 && n < 300 && final[n - 1] == L't', "canonical: GetFinalPathNameByHandleW");
    CloseHandle(h);

    /* __std_fs_resize_file: FILE_GENERIC_WRITE, FileEndOfFileInfo */
    h = Open(L"fs_a.txt", GENERIC_WRITE_STL, 0);
    FILE_END_OF_FILE_INFO eof;
    eof.EndOfFile.QuadPart = 2;
    Check(h != INVALID_HANDLE_VALUE && SetFileInformationByHandle(h, FileEndOfFileInfo, &eof, sizeof eof),
          "resize_file: FileEndOfFileInfo");
    CloseHandle(h);
    Check(GetFileAttributesExW(L"fs_a.txt", GetFileExInfoStandard, &data) && data.nFileSizeLow == 2,
          "the file is 2 bytes after resize_file(2)");

    /* __std_fs_copy_file: fail-if-exists first, ERROR_FILE_EXISTS tells the options apart */
    Check(CopyFileW(L"fs_a.txt", L"fs_b.txt", TRUE), "copy_file to a new name");
    CheckError(!CopyFileW(L"fs_a.txt", L"fs_b.txt", TRUE), ERROR_FILE_EXISTS,
               "copy_file onto an existing file: ERROR_FILE_EXISTS");
    /* __std_fs_rename */
    Check(MoveFileExW(L"fs_b.txt", L"fs_c.txt", MOVEFILE_COPY_ALLOWED | MOVEFILE_REPLACE_EXISTING),
          "rename: MoveFileExW with MOVEFILE_REPLACE_EXISTING");
    /* __std_fs_create_directory: ERROR_ALREADY_EXISTS then a stat of what is there */
    Check(CreateDirectoryW(L"fs_dir", NULL), "create_directory");
    CheckError(!CreateDirectoryW(L"fs_dir", NULL), ERROR_ALREADY_EXISTS,
               "create_directory again: ERROR_ALREADY_EXISTS");
    CheckError(!CreateDirectoryW(L"fs_a.txt", NULL), ERROR_ALREADY_EXISTS,
               "create_directory over a file: ERROR_ALREADY_EXISTS");
    /* __std_fs_directory_iterator_open/advance: FindFirstFileExW(FindExInfoBasic), "." and ".." */
    MakeFile(L"fs_dir\\one.txt", "1");
    WIN32_FIND_DATAW find;
    HANDLE f = FindFirstFileExW(L"fs_dir\\*", FindExInfoBasic, &find, FindExSearchNameMatch, NULL, 0);
    int entries = f != INVALID_HANDLE_VALUE, named = 0;
    while (f != INVALID_HANDLE_VALUE && FindNextFileW(f, &find))
        entries++, named += find.cFileName[0] == L'o';
    DWORD end = GetLastError();
    Check(entries == 3 && named == 1 && end == ERROR_NO_MORE_FILES,
          "directory_iterator: ., .., one.txt, then ERROR_NO_MORE_FILES");
    FindClose(f);
    CheckError(FindFirstFileExW(L"fs_missing\\*", FindExInfoBasic, &find, FindExSearchNameMatch, NULL, 0) ==
                   INVALID_HANDLE_VALUE,
               ERROR_PATH_NOT_FOUND, "directory_iterator of a missing directory: ERROR_PATH_NOT_FOUND");

    /* __std_fs_remove: files and an emptied directory go; a missing one is not-found */
    Check(Remove(L"fs_dir\\one.txt") && Remove(L"fs_dir") && GetFileAttributesW(L"fs_dir") == INVALID_FILE_ATTRIBUTES,
          "remove: FileDispositionInfoEx (POSIX semantics) on a file and a directory");
    CheckError(Open(L"fs_dir", DELETE, FILE_FLAG_BACKUP_SEMANTICS) == INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND,
               "remove of what is gone: ERROR_FILE_NOT_FOUND (reported as false, no error)");
    Check(Remove(L"fs_a.txt") && Remove(L"fs_c.txt"), "remove the files");

    /* __std_fs_space, __std_fs_get_full_path_name, the code page conversions */
    ULARGE_INTEGER avail, total, freeb;
    Check(GetDiskFreeSpaceExW(L".", &avail, &total, &freeb) && total.QuadPart >= freeb.QuadPart,
          "space: GetDiskFreeSpaceExW");
    WCHAR full[300];
    n = GetFullPathNameW(L"x\\..\\y.txt", 300, full, NULL);
    Check(n > 0 && full[n - 1] == L't' && full[n - 5] == L'y', "absolute: GetFullPathNameW folds x\\..");
    char narrow[16];
    int len = WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, L"\u00e9t\u00e9", 3, narrow, 16, NULL, NULL);
    WCHAR back[8];
    int wlen = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, narrow, len, back, 8);
    Check(len == 5 && wlen == 3 && back[0] == 0xE9, "path::u8string: UTF-8 both ways, strict");
    static const WCHAR lone[] = {0xD800, 0};
    CheckError(WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, lone, 1, narrow, 16, NULL, NULL) == 0,
               ERROR_NO_UNICODE_TRANSLATION, "a lone surrogate: ERROR_NO_UNICODE_TRANSLATION");
    ExitProcess(failures);
}
