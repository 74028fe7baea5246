/* The legacy file calls: _lcreat/_lwrite/_llseek/_lread/_lclose and a 0-byte _hwrite ending the
 * file, OpenFile (OF_PARSE, OF_EXIST, OF_DELETE, OF_CREATE and its OFSTRUCT), the transacted calls
 * without a transaction, CheckNameLegalDOS8Dot3, SetFileShortName without SeRestorePrivilege, and
 * the comm and tape calls on a file (no serial port, no tape here). Exit code: failed checks. */
#include "../k32.h"

static int Same(const char *a, const char *b) { while (*a && *a == *b) a++, b++; return *a == *b; }

void Entry(void)
{
    char path[MAX_PATH], buf[16];
    DWORD n = GetTempPathA(MAX_PATH, path);
    lstrcpyA(path + n, "k32_lfile.txt");

    HFILE f = _lcreat(path, 0);
    Check(f != HFILE_ERROR && _lwrite(f, "hello world", 11) == 11, "_lcreat and _lwrite: 11 bytes");
    Check(_llseek(f, 0, FILE_BEGIN) == 0 && _lread(f, buf, 5) == 5 && buf[0] == 'h' && buf[4] == 'o', "_llseek and _lread");
    Check(_llseek(f, 5, FILE_BEGIN) == 5 && _hwrite(f, buf, 0) == 0 && _llseek(f, 0, FILE_END) == 5,
          "_hwrite of 0 bytes ends the file at the pointer");
    Check(_lclose(f) == 0, "_lclose");
    Check(_lclose(f) == HFILE_ERROR, "_lclose again: HFILE_ERROR");
    f = _lopen(path, OF_READ | OF_SHARE_DENY_WRITE);
    Check(f != HFILE_ERROR && _lread(f, buf, 16) == 5 && _lwrite(f, "x", 1) == (UINT)HFILE_ERROR,
          "_lopen OF_READ: reads 5, a write fails");
    _lclose(f);
    CheckError(_lopen("C:\\Temp\\no_such_file", OF_READ) == HFILE_ERROR, ERROR_FILE_NOT_FOUND,
               "_lopen of a missing file -> ERROR_FILE_NOT_FOUND");

    OFSTRUCT of;
    Check(OpenFile("C:\\Temp\\.\\k32_lfile.txt", &of, OF_PARSE) == 0 && of.cBytes == sizeof(of) &&
          Same(of.szPathName, "C:\\Temp\\k32_lfile.txt"), "OpenFile OF_PARSE: the full name in the OFSTRUCT");
    Check(OpenFile(path, &of, OF_EXIST) == 1 && of.nErrCode == 0, "OpenFile OF_EXIST: 1");
    HFILE h = OpenFile(path, &of, OF_READWRITE);
    Check(h != HFILE_ERROR && _lread(h, buf, 16) == 5, "OpenFile OF_READWRITE: a handle");
    CloseHandle((HANDLE)(LONG_PTR)h);
    Check(OpenFile(path, &of, OF_DELETE) == 1 && GetFileAttributesA(path) == INVALID_FILE_ATTRIBUTES,
          "OpenFile OF_DELETE deletes it");
    Check(OpenFile(path, &of, OF_EXIST) == HFILE_ERROR && of.nErrCode == ERROR_FILE_NOT_FOUND,
          "OF_EXIST of a missing file: HFILE_ERROR, nErrCode ERROR_FILE_NOT_FOUND");
    h = OpenFile(path, &of, OF_CREATE | OF_WRITE);
    Check(h != HFILE_ERROR && GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES, "OpenFile OF_CREATE makes it");

    HANDLE file = (HANDLE)(LONG_PTR)h;
    _lwrite(h, "abc", 3);
    WCHAR wpath[MAX_PATH], link[MAX_PATH];
    MultiByteToWideChar(CP_ACP, 0, path, -1, wpath, MAX_PATH);
    WIN32_FIND_STREAM_DATA stream;
    HANDLE fs = FindFirstStreamW(wpath, FindStreamInfoStandard, &stream, 0);
    Check(fs != INVALID_HANDLE_VALUE && stream.StreamSize.QuadPart == 3 && lstrcmpW(stream.cStreamName, L"::$DATA") == 0,
          "FindFirstStreamW: ::$DATA, 3 bytes");
    CheckError(!FindNextStreamW(fs, &stream), ERROR_HANDLE_EOF, "FindNextStreamW -> ERROR_HANDLE_EOF");
    Check(FindClose(fs), "FindClose closes it");
    CheckError(FindFirstStreamW(L"C:\\Temp", FindStreamInfoStandard, &stream, 0) == INVALID_HANDLE_VALUE,
               ERROR_HANDLE_EOF, "a folder has no stream -> ERROR_HANDLE_EOF");
    DWORD len = 4;
    CheckError(FindFirstFileNameW(wpath, 0, &len, link) == INVALID_HANDLE_VALUE && len == 20, ERROR_MORE_DATA,
               "FindFirstFileNameW into 4 -> ERROR_MORE_DATA, 20 needed (with the NUL)");
    len = MAX_PATH;
    fs = FindFirstFileNameW(wpath, 0, &len, link);
    Check(fs != INVALID_HANDLE_VALUE && len == 20 && lstrcmpW(link, L"\\Temp\\k32_lfile.txt") == 0,
          "FindFirstFileNameW: \\Temp\\k32_lfile.txt, without the drive");
    CheckError(!FindNextFileNameW(fs, &len, link), ERROR_HANDLE_EOF, "FindNextFileNameW -> ERROR_HANDLE_EOF");
    FindClose(fs);
    DCB dcb = {sizeof(dcb)};
    COMMTIMEOUTS timeouts;
    DWORD errors, mask;
    CheckError(!GetCommState(file, &dcb), ERROR_INVALID_FUNCTION, "GetCommState on a file -> ERROR_INVALID_FUNCTION");
    CheckError(!SetCommState(file, &dcb), ERROR_INVALID_FUNCTION, "SetCommState on a file -> ERROR_INVALID_FUNCTION");
    CheckError(!GetCommTimeouts(file, &timeouts), ERROR_INVALID_FUNCTION, "GetCommTimeouts -> ERROR_INVALID_FUNCTION");
    CheckError(!ClearCommError(file, &errors, NULL), ERROR_INVALID_FUNCTION, "ClearCommError -> ERROR_INVALID_FUNCTION");
    CheckError(!GetCommModemStatus(file, &mask), ERROR_INVALID_FUNCTION, "GetCommModemStatus -> ERROR_INVALID_FUNCTION");
    CheckError(!EscapeCommFunction(file, SETDTR), ERROR_INVALID_FUNCTION, "EscapeCommFunction -> ERROR_INVALID_FUNCTION");
    CheckError(!GetCommState((HANDLE)(ULONG_PTR)0x1230, &dcb), ERROR_INVALID_HANDLE, "GetCommState of a bad handle -> ERROR_INVALID_HANDLE");
    Check(GetTapeStatus(file) == ERROR_INVALID_FUNCTION && PrepareTape(file, TAPE_LOAD, FALSE) == ERROR_INVALID_FUNCTION,
          "GetTapeStatus and PrepareTape on a file: ERROR_INVALID_FUNCTION");
    CheckError(!SetFileShortNameA(file, "SHORT.TXT"), ERROR_PRIVILEGE_NOT_HELD,
               "SetFileShortNameA -> ERROR_PRIVILEGE_NOT_HELD");
    CloseHandle(file);
    DeleteFileA(path);

    CheckError(CreateFileTransactedA(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL, (HANDLE)(ULONG_PTR)0x44, NULL,
                                     NULL) == INVALID_HANDLE_VALUE, ERROR_INVALID_HANDLE,
               "CreateFileTransactedA with no transaction -> ERROR_INVALID_HANDLE");
    CheckError(!DeleteFileTransactedA(path, NULL), ERROR_INVALID_HANDLE, "DeleteFileTransactedA -> ERROR_INVALID_HANDLE");

    BOOL legal = 7, spaces = 7;
    char oem[16];
    Check(CheckNameLegalDOS8Dot3A("readme.txt", oem, sizeof(oem), &spaces, &legal) && legal && !spaces &&
          Same(oem, "README.TXT"), "CheckNameLegalDOS8Dot3A(readme.txt): legal, README.TXT");
    Check(CheckNameLegalDOS8Dot3A("a b.c", NULL, 0, &spaces, &legal) && legal && spaces, "\"a b.c\": legal, with spaces");
    Check(CheckNameLegalDOS8Dot3A("toolongname.txt", NULL, 0, &spaces, &legal) && !legal, "a 11-character base: not legal");
    Check(CheckNameLegalDOS8Dot3A("a.html", NULL, 0, &spaces, &legal) && !legal, "a 4-character extension: not legal");
    Check(CheckNameLegalDOS8Dot3A("a+b.txt", NULL, 0, &spaces, &legal) && !legal, "a '+': not legal");
    CheckError(!CheckNameLegalDOS8Dot3A(NULL, NULL, 0, &spaces, &legal), ERROR_INVALID_PARAMETER,
               "no name -> ERROR_INVALID_PARAMETER");
    ExitProcess(failures);
}
