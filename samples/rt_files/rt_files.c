/* Rust std's fs calls (1.75-1.90) and Go's os package on Windows: metadata through
 * GetFileInformationByHandleEx (FileBasicInfo, FileStandardInfo, FileAttributeTagInfo, FileIdInfo),
 * fs::canonicalize's GetFinalPathNameByHandleW, hard and symbolic links, POSIX-semantics delete and
 * rename (FileDispositionInfoEx, FileRenameInfoEx), and remove_dir_all's walk: NtOpenFile relative
 * to a directory handle, then FileIdBothDirectoryInfo / FileFullDirectoryInfo enumeration.
 * Exit code: failed checks. */
#include "../k32.h"

typedef LONG NTSTATUS;
typedef struct { USHORT Length, MaximumLength; PWSTR Buffer; } USTR;
typedef struct { ULONG Length; HANDLE RootDirectory; USTR *ObjectName; ULONG Attributes; PVOID sd, qos; } OA;
typedef struct { NTSTATUS Status; ULONG_PTR Information; } IOSB;
__declspec(dllimport) NTSTATUS NTAPI NtOpenFile(HANDLE *, ACCESS_MASK, OA *, IOSB *, ULONG, ULONG);
#define FILE_OPEN_REPARSE_POINT 0x00200000
#ifndef FILE_DISPOSITION_FLAG_DELETE
#define FILE_DISPOSITION_FLAG_DELETE 0x1
#define FILE_DISPOSITION_FLAG_POSIX_SEMANTICS 0x2
#define FILE_DISPOSITION_FLAG_IGNORE_READONLY_ATTRIBUTE 0x10
#endif
#ifndef FILE_RENAME_FLAG_REPLACE_IF_EXISTS
#define FILE_RENAME_FLAG_REPLACE_IF_EXISTS 0x1
#define FILE_RENAME_FLAG_POSIX_SEMANTICS 0x2
#endif
#define FileDispositionInfoEx_ 21
#define FileRenameInfoEx_ 22
typedef struct { DWORD Flags; } DISPOSITION_EX;

static WCHAR base[MAX_PATH];

static const WCHAR *In(const WCHAR *leaf)
{
    static WCHAR paths[4][MAX_PATH];
    static int next;
    WCHAR *p = paths[next++ & 3];
    lstrcpyW(p, base);
    lstrcatW(p, leaf);
    return p;
}

static HANDLE MakeFile(const WCHAR *path, const char *text)
{
    HANDLE h = CreateFileW(path, GENERIC_READ | GENERIC_WRITE | DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD n;
    if (h != INVALID_HANDLE_VALUE && text)
        WriteFile(h, text, (DWORD)Len(text), &n, NULL);
    return h;
}

static void Metadata(void)
{
    HANDLE h = MakeFile(In(L"meta.txt"), "twelve bytes");
    FILE_BASIC_INFO basic;
    Check(GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic)
          && (basic.FileAttributes & FILE_ATTRIBUTE_ARCHIVE) && basic.LastWriteTime.QuadPart > 0,
          "FileBasicInfo: attributes and times");
    FILE_STANDARD_INFO standard;
    Check(GetFileInformationByHandleEx(h, FileStandardInfo, &standard, sizeof standard)
          && standard.EndOfFile.QuadPart == 12 && standard.NumberOfLinks == 1 && !standard.Directory,
          "FileStandardInfo: size 12, one link, not a directory");
    FILE_ATTRIBUTE_TAG_INFO tag;
    Check(GetFileInformationByHandleEx(h, FileAttributeTagInfo, &tag, sizeof tag) && tag.ReparseTag == 0
          && tag.FileAttributes == basic.FileAttributes, "FileAttributeTagInfo: no reparse tag, the same attributes");
    FILE_ID_INFO id;
    BY_HANDLE_FILE_INFORMATION by;
    Check(GetFileInformationByHandleEx(h, FileIdInfo, &id, sizeof id) && GetFileInformationByHandle(h, &by)
          && id.VolumeSerialNumber == by.dwVolumeSerialNumber
          && *(ULONGLONG *)id.FileId.Identifier == (((ULONGLONG)by.nFileIndexHigh << 32) | by.nFileIndexLow),
          "FileIdInfo: the volume serial and file index of GetFileInformationByHandle");
    WCHAR fs[32], rootfs[32];
    DWORD serial = 0, flags = 0, rootserial = 0;
    Check(GetVolumeInformationByHandleW(h, NULL, 0, &serial, NULL, &flags, fs, 32)
          && GetVolumeInformationW(L"C:\\", NULL, 0, &rootserial, NULL, NULL, rootfs, 32)
          && serial == by.dwVolumeSerialNumber && serial == rootserial && lstrcmpW(fs, rootfs) == 0 && flags,
          "GetVolumeInformationByHandleW (Go's os): the file's volume, as GetVolumeInformationW(C:\\) says");
    SetLastError(0);
    CheckError(!GetFileInformationByHandleEx(h, FileStandardInfo, &standard, 4), ERROR_BAD_LENGTH,
               "a short buffer -> ERROR_BAD_LENGTH");

    /* fs::canonicalize. */
    WCHAR final[MAX_PATH];
    DWORD n = GetFinalPathNameByHandleW(h, final, MAX_PATH, VOLUME_NAME_DOS);
    Check(n > 4 && final[0] == L'\\' && final[1] == L'\\' && final[2] == L'?' && final[3] == L'\\'
          && lstrcmpiW(final + 4, In(L"meta.txt")) == 0, "GetFinalPathNameByHandleW(VOLUME_NAME_DOS): \\\\?\\ + the path");
    Check(GetFinalPathNameByHandleW(h, final, 3, VOLUME_NAME_DOS) == n + 1, "too short: the size with the terminator");
    n = GetFinalPathNameByHandleW(h, final, MAX_PATH, VOLUME_NAME_DOS | FILE_NAME_NORMALIZED);
    Check(n > 4 && final[2] == L'?', "FILE_NAME_NORMALIZED (0) is the same");

    /* Hard links. */
    Check(CreateHardLinkW(In(L"meta-link.txt"), In(L"meta.txt"), NULL), "CreateHardLinkW");
    Check(GetFileInformationByHandleEx(h, FileStandardInfo, &standard, sizeof standard) && standard.NumberOfLinks == 2,
          "two links now");
    SetLastError(0);
    CheckError(!CreateHardLinkW(In(L"meta-link.txt"), In(L"meta.txt"), NULL), ERROR_ALREADY_EXISTS,
               "again -> ERROR_ALREADY_EXISTS");
    CloseHandle(h);

    /* Symbolic links: a user without SeCreateSymbolicLinkPrivilege and no developer mode. */
    SetLastError(0);
    CheckError(!CreateSymbolicLinkW(In(L"sym.txt"), In(L"meta.txt"), SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE),
               ERROR_PRIVILEGE_NOT_HELD, "CreateSymbolicLinkW(ALLOW_UNPRIVILEGED_CREATE) -> ERROR_PRIVILEGE_NOT_HELD");
    SetLastError(0);
    CheckError(!CreateSymbolicLinkW(In(L"sym.txt"), In(L"meta.txt"), 0), ERROR_PRIVILEGE_NOT_HELD,
               "without the flag too");
    Check(GetFileAttributesW(In(L"sym.txt")) == INVALID_FILE_ATTRIBUTES, "and no link was made");
}

/* File::create (OPEN_ALWAYS, then truncating through FileAllocationInfo when the file existed),
 * set_len, and read_dir's FindFirstFileExW(FindExInfoBasic). */
static void CreateAndList(void)
{
    CloseHandle(MakeFile(In(L"create.txt"), "old contents"));
    SetLastError(0);
    HANDLE h = CreateFileW(In(L"create.txt"), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    Check(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "OPEN_ALWAYS on an existing file: ERROR_ALREADY_EXISTS");
    FILE_ALLOCATION_INFO alloc = {{{0}}};
    LARGE_INTEGER size;
    Check(SetFileInformationByHandle(h, FileAllocationInfo, &alloc, sizeof alloc) && GetFileSizeEx(h, &size)
          && size.QuadPart == 0, "FileAllocationInfo of 0 truncates it");
    FILE_END_OF_FILE_INFO eof;
    eof.EndOfFile.QuadPart = 100;
    Check(SetFileInformationByHandle(h, FileEndOfFileInfo, &eof, sizeof eof) && GetFileSizeEx(h, &size)
          && size.QuadPart == 100, "set_len: FileEndOfFileInfo of 100");
    CloseHandle(h);
    WIN32_FIND_DATAW fd;
    HANDLE f = FindFirstFileExW(In(L"*"), FindExInfoBasic, &fd, FindExSearchNameMatch, NULL, 0);
    int found = 0, alternate = 0;
    while (f != INVALID_HANDLE_VALUE) {
        found += lstrcmpW(fd.cFileName, L"create.txt") == 0 && fd.nFileSizeLow == 100;
        alternate |= fd.cAlternateFileName[0] != 0;
        if (!FindNextFileW(f, &fd)) break;
    }
    Check(f != INVALID_HANDLE_VALUE && GetLastError() == ERROR_NO_MORE_FILES && found == 1 && !alternate,
          "FindFirstFileExW(FindExInfoBasic): the file with its size, no short names");
    FindClose(f);
    DeleteFileW(In(L"create.txt"));
}

static void PosixDeleteAndRename(void)
{
    /* FileDispositionInfoEx: gone from the directory at once, the handle still usable. */
    HANDLE h = MakeFile(In(L"posix.txt"), "x");
    SetFileAttributesW(In(L"posix.txt"), FILE_ATTRIBUTE_READONLY);
    DISPOSITION_EX d = { FILE_DISPOSITION_FLAG_DELETE | FILE_DISPOSITION_FLAG_POSIX_SEMANTICS
                         | FILE_DISPOSITION_FLAG_IGNORE_READONLY_ATTRIBUTE };
    Check(SetFileInformationByHandle(h, (FILE_INFO_BY_HANDLE_CLASS)FileDispositionInfoEx_, &d, sizeof d),
          "FileDispositionInfoEx(DELETE | POSIX_SEMANTICS | IGNORE_READONLY) on a read-only file");
    Check(GetFileAttributesW(In(L"posix.txt")) == INVALID_FILE_ATTRIBUTES, "the name is gone at once");
    HANDLE again = MakeFile(In(L"posix.txt"), "y");
    Check(again != INVALID_HANDLE_VALUE, "and can be made again while the first handle is open");
    CloseHandle(again);
    CloseHandle(h);
    DeleteFileW(In(L"posix.txt"));

    h = MakeFile(In(L"ro.txt"), "x");
    SetFileAttributesW(In(L"ro.txt"), FILE_ATTRIBUTE_READONLY);
    DISPOSITION_EX plain = { FILE_DISPOSITION_FLAG_DELETE };
    SetLastError(0);
    CheckError(!SetFileInformationByHandle(h, (FILE_INFO_BY_HANDLE_CLASS)FileDispositionInfoEx_, &plain, sizeof plain),
               ERROR_ACCESS_DENIED, "a read-only file without IGNORE_READONLY -> ERROR_ACCESS_DENIED");
    SetLastError(0);
    CheckError(!SetFileInformationByHandle(h, (FILE_INFO_BY_HANDLE_CLASS)FileDispositionInfoEx_, &plain, 2),
               ERROR_BAD_LENGTH, "a 2-byte FILE_DISPOSITION_INFO_EX -> ERROR_BAD_LENGTH");
    CloseHandle(h);
    SetFileAttributesW(In(L"ro.txt"), FILE_ATTRIBUTE_NORMAL);
    DeleteFileW(In(L"ro.txt"));

    /* FileRenameInfoEx over an existing file, POSIX semantics: the target is open elsewhere. */
    HANDLE src = MakeFile(In(L"from.txt"), "source");
    HANDLE dst = MakeFile(In(L"to.txt"), "target");
    BYTE buffer[sizeof(FILE_RENAME_INFO) + MAX_PATH * 2];
    FILE_RENAME_INFO *r = (FILE_RENAME_INFO *)buffer;
    WCHAR to[MAX_PATH];
    lstrcpyW(to, In(L"to.txt"));
    r->Flags = FILE_RENAME_FLAG_REPLACE_IF_EXISTS | FILE_RENAME_FLAG_POSIX_SEMANTICS;
    r->RootDirectory = NULL;
    r->FileNameLength = (DWORD)lstrlenW(to) * 2;
    CopyMemory(r->FileName, to, r->FileNameLength + 2);
    Check(SetFileInformationByHandle(src, (FILE_INFO_BY_HANDLE_CLASS)FileRenameInfoEx_, r,
                                     sizeof(FILE_RENAME_INFO) + r->FileNameLength),
          "FileRenameInfoEx(REPLACE_IF_EXISTS | POSIX_SEMANTICS) onto an open file");
    Check(GetFileAttributesW(In(L"from.txt")) == INVALID_FILE_ATTRIBUTES, "the old name is gone");
    char text[16] = {0};
    DWORD n = 0;
    HANDLE check = CreateFileW(to, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                               OPEN_EXISTING, 0, NULL);
    Check(ReadFile(check, text, sizeof text, &n, NULL) && n == 6 && lstrcmpA(text, "source") == 0,
          "the new name has the source's bytes");
    CloseHandle(check);
    SetFilePointer(dst, 0, NULL, FILE_BEGIN);
    ZeroMemory(text, sizeof text);
    Check(ReadFile(dst, text, sizeof text, &n, NULL) && n == 6 && lstrcmpA(text, "target") == 0,
          "the replaced file's open handle still reads its old bytes");
    CloseHandle(dst);
    r->Flags = 0;
    HANDLE third = MakeFile(In(L"third.txt"), "3");
    SetLastError(0);
    CheckError(!SetFileInformationByHandle(third, (FILE_INFO_BY_HANDLE_CLASS)FileRenameInfoEx_, r,
                                           sizeof(FILE_RENAME_INFO) + r->FileNameLength),
               ERROR_ALREADY_EXISTS, "without REPLACE_IF_EXISTS onto an existing name -> ERROR_ALREADY_EXISTS");
    /* The fallback, FileRenameInfo, with a verbatim \\?\ path as Rust's maybe_verbatim makes. */
    WCHAR verbatim[MAX_PATH];
    lstrcpyW(verbatim, L"\\\\?\\");
    lstrcatW(verbatim, In(L"fourth.txt"));
    r->ReplaceIfExists = TRUE;
    r->FileNameLength = (DWORD)lstrlenW(verbatim) * 2;
    CopyMemory(r->FileName, verbatim, r->FileNameLength + 2);
    Check(SetFileInformationByHandle(third, FileRenameInfo, r, sizeof(FILE_RENAME_INFO) + r->FileNameLength),
          "FileRenameInfo to a verbatim path");
    Check(GetFileAttributesW(In(L"fourth.txt")) != INVALID_FILE_ATTRIBUTES
          && GetFileAttributesW(In(L"third.txt")) == INVALID_FILE_ATTRIBUTES, "the file has its new name");
    CloseHandle(third);
    CloseHandle(src);
    DeleteFileW(In(L"fourth.txt"));
    DeleteFileW(to);
}

/* remove_dir_all: open each child relative to its parent's handle, enumerate, delete. */
static int Children(HANDLE dir, FILE_INFO_BY_HANDLE_CLASS first, FILE_INFO_BY_HANDLE_CLASS next, int full)
{
    BYTE buf[4096] __attribute__((aligned(8)));
    int count = 0;
    FILE_INFO_BY_HANDLE_CLASS cls = first;
    while (GetFileInformationByHandleEx(dir, cls, buf, sizeof buf)) {
        BYTE *p = buf;
        for (;;) {
            DWORD next_off, len;
            const WCHAR *name;
            if (full) {
                FILE_FULL_DIR_INFO *e = (FILE_FULL_DIR_INFO *)p;
                next_off = e->NextEntryOffset; len = e->FileNameLength; name = e->FileName;
            } else {
                FILE_ID_BOTH_DIR_INFO *e = (FILE_ID_BOTH_DIR_INFO *)p;
                next_off = e->NextEntryOffset; len = e->FileNameLength; name = e->FileName;
            }
            if (!(len == 2 && name[0] == L'.') && !(len == 4 && name[0] == L'.' && name[1] == L'.'))
                count++;
            if (!next_off) break;
            p += next_off;
        }
        cls = next;
    }
    return GetLastError() == ERROR_NO_MORE_FILES ? count : -1;
}

static void RemoveDirAll(void)
{
    CreateDirectoryW(In(L"tree"), NULL);
    CreateDirectoryW(In(L"tree\\sub"), NULL);
    CloseHandle(MakeFile(In(L"tree\\a.txt"), "a"));
    CloseHandle(MakeFile(In(L"tree\\sub\\b.txt"), "b"));
    HANDLE root = CreateFileW(In(L"tree"), DELETE | FILE_LIST_DIRECTORY | SYNCHRONIZE | FILE_READ_ATTRIBUTES,
                              FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                              FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    Check(root != INVALID_HANDLE_VALUE, "open the tree's root (BACKUP_SEMANTICS | OPEN_REPARSE_POINT)");
    Check(Children(root, FileIdBothDirectoryRestartInfo, FileIdBothDirectoryInfo, 0) == 2,
          "FileIdBothDirectoryRestartInfo then ...Info: two children");
    Check(Children(root, FileFullDirectoryRestartInfo, FileFullDirectoryInfo, 1) == 2,
          "FileFullDirectoryRestartInfo then ...Info: the same two");

    WCHAR leaf[] = L"sub";
    USTR name = { sizeof leaf - 2, sizeof leaf, leaf };
    OA oa = { sizeof oa, root, &name, 0x40, NULL, NULL };
    IOSB io;
    HANDLE sub = NULL;
    NTSTATUS s = NtOpenFile(&sub, DELETE | FILE_LIST_DIRECTORY | SYNCHRONIZE | FILE_READ_ATTRIBUTES, &oa, &io,
                            FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                            FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT | FILE_OPEN_REPARSE_POINT);
    Check(s == 0 && sub, "NtOpenFile(\"sub\", RootDirectory = the root's handle)");
    Check(Children(sub, FileIdBothDirectoryRestartInfo, FileIdBothDirectoryInfo, 0) == 1, "one child in it");

    WCHAR bleaf[] = L"b.txt";
    USTR bname = { sizeof bleaf - 2, sizeof bleaf, bleaf };
    OA boa = { sizeof boa, sub, &bname, 0x40, NULL, NULL };
    HANDLE b = NULL;
    s = NtOpenFile(&b, DELETE | SYNCHRONIZE | FILE_READ_ATTRIBUTES, &boa, &io, FILE_SHARE_READ | FILE_SHARE_WRITE
                   | FILE_SHARE_DELETE, FILE_NON_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT | FILE_OPEN_REPARSE_POINT);
    Check(s == 0 && b, "NtOpenFile(\"b.txt\") relative to sub");
    DISPOSITION_EX d = { FILE_DISPOSITION_FLAG_DELETE | FILE_DISPOSITION_FLAG_POSIX_SEMANTICS
                         | FILE_DISPOSITION_FLAG_IGNORE_READONLY_ATTRIBUTE };
    Check(SetFileInformationByHandle(b, (FILE_INFO_BY_HANDLE_CLASS)FileDispositionInfoEx_, &d, sizeof d),
          "POSIX delete of the file");
    CloseHandle(b);
    Check(Children(sub, FileIdBothDirectoryRestartInfo, FileIdBothDirectoryInfo, 0) == 0, "sub is empty now");
    Check(SetFileInformationByHandle(sub, (FILE_INFO_BY_HANDLE_CLASS)FileDispositionInfoEx_, &d, sizeof d),
          "POSIX delete of the empty directory");
    CloseHandle(sub);
    SetLastError(0);
    CheckError(!SetFileInformationByHandle(root, (FILE_INFO_BY_HANDLE_CLASS)FileDispositionInfoEx_, &d, sizeof d),
               ERROR_DIR_NOT_EMPTY, "the root still holds a.txt -> ERROR_DIR_NOT_EMPTY");
    DeleteFileW(In(L"tree\\a.txt"));
    FILE_DISPOSITION_INFO old = { TRUE };
    Check(SetFileInformationByHandle(root, FileDispositionInfo, &old, sizeof old), "the fallback, FileDispositionInfo");
    CloseHandle(root);
    Check(GetFileAttributesW(In(L"tree")) == INVALID_FILE_ATTRIBUTES, "the tree is gone");
}

void Entry(void)
{
    GetTempPathW(MAX_PATH, base);
    lstrcatW(base, L"rt_files\\");
    CreateDirectoryW(base, NULL);
    Metadata();
    CreateAndList();
    PosixDeleteAndRename();
    RemoveDirAll();
    DeleteFileW(In(L"meta-link.txt"));
    DeleteFileW(In(L"meta.txt"));
    Check(RemoveDirectoryW(base), "everything made was removed");
    ExitProcess(failures);
}
