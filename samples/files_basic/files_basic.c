/* Files through the native API in %TEMP% (C:\Temp): create, write, seek, read, share modes,
 * rename, enumerate with wildcards, asynchronous I/O with an event, delete; the system folder
 * refusing writes; Windows' statuses for each mistake. Exits with the number of failed checks. */
#include "../nt.h"

static int failures;

static void Check(int ok, const char *what) {
    Print(ok ? "ok   " : "FAIL ");
    Print(what);
    Print("\n");
    if (!ok) failures++;
}

static int Same(const char *a, const char *b, ULONG n) {
    for (ULONG i = 0; i < n; i++) if (a[i] != b[i]) return 0;
    return 1;
}

static int SameW(const unsigned short *w, ULONG bytes, const char *s) {
    ULONG n = bytes / 2, i = 0;
    for (; i < n; i++) if (!s[i] || w[i] != (unsigned char)s[i]) return 0;
    return s[i] == 0;
}

static NTSTATUS Attr(const char *path, FILE_BASIC_INFORMATION *info) {
    NtString us; unsigned short buf[260]; OBJECT_ATTRIBUTES oa;
    return NtQueryAttributesFile(Attributes(&oa, 0, NtName(&us, buf, path)), info);
}

static NTSTATUS Delete(const char *path) {
    NtString us; unsigned short buf[260]; OBJECT_ATTRIBUTES oa;
    return NtDeleteFile(Attributes(&oa, 0, NtName(&us, buf, path)));
}

static NTSTATUS Write(HANDLE h, const char *s, LARGE_INTEGER *at, IO_STATUS_BLOCK *iosb) {
    return NtWriteFile(h, 0, 0, 0, iosb, s, Length(s), at, 0);
}

#define RW (GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE | DELETE)
#define SYNC_FILE (FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE)
#define DIR "\\??\\C:\\Temp\\files_basic"

/* The names NtQueryDirectoryFile returns for `mask`, one call per entry, joined by spaces. */
static NTSTATUS List(HANDLE dir, const char *mask, char *out, int restart) {
    UCHAR buffer[512]; IO_STATUS_BLOCK iosb; NtString us; unsigned short mbuf[64];
    NTSTATUS s = 0; int n = 0, first = 1;
    for (;;) {
        s = NtQueryDirectoryFile(dir, 0, 0, 0, &iosb, buffer, sizeof(buffer), FileNamesInformation, 1,
                                 mask ? NtName(&us, mbuf, mask) : 0, (UCHAR)(first && restart));
        first = 0;
        if (s != 0) break;
        FILE_NAMES_INFORMATION *e = (FILE_NAMES_INFORMATION *)buffer;
        if (n) out[n++] = ' ';
        for (ULONG i = 0; i < e->FileNameLength / 2; i++) out[n++] = (char)e->FileName[i];
    }
    out[n] = 0;
    return s;
}

void Entry(void) {
    HANDLE dir, a, a2, b, c, d, e, ev, sys;
    IO_STATUS_BLOCK iosb;
    char text[64];
    LARGE_INTEGER pos;
    FILE_STANDARD_INFORMATION std;
    FILE_BASIC_INFORMATION basic;
    NTSTATUS s;

    /* A folder and a file in it */
    s = CreateFileNt(&dir, DIR, FILE_LIST_DIRECTORY | SYNCHRONIZE | DELETE, 7, FILE_CREATE,
                     FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    Check(s == 0, "FILE_CREATE makes a folder in C:\\Temp");
    s = CreateFileNt(&a, DIR "\\a.txt", RW, 0, FILE_CREATE, SYNC_FILE);
    Check(s == 0, "FILE_CREATE makes a file, shared with nobody");
    s = Write(a, "hello, world\n", 0, &iosb);
    Check(s == 0 && iosb.Status == 0 && iosb.Information == 13, "NtWriteFile writes 13 bytes at the file pointer");
    s = NtQueryInformationFile(a, &iosb, &pos, sizeof(pos), FilePositionInformation);
    Check(s == 0 && pos.QuadPart == 13 && iosb.Information == 8, "the file pointer follows the write");
    pos.QuadPart = 7;
    s = NtSetInformationFile(a, &iosb, &pos, sizeof(pos), FilePositionInformation);
    s |= NtReadFile(a, 0, 0, 0, &iosb, text, 5, 0, 0);
    Check(s == 0 && iosb.Information == 5 && Same(text, "world", 5), "seek to 7, read 5: \"world\"");
    pos.QuadPart = 0;
    s = NtReadFile(a, 0, 0, 0, &iosb, text, sizeof(text), &pos, 0);
    Check(s == 0 && iosb.Information == 13 && Same(text, "hello, world\n", 13), "a read at offset 0 reads it all");
    s = NtReadFile(a, 0, 0, 0, &iosb, text, sizeof(text), 0, 0);
    Check(s == STATUS_END_OF_FILE && iosb.Status == STATUS_END_OF_FILE && iosb.Information == 0,
          "reading at the end: STATUS_END_OF_FILE");

    /* Share modes, dispositions, case */
    s = CreateFileNt(&a2, DIR "\\a.txt", GENERIC_READ | SYNCHRONIZE, 7, FILE_OPEN, SYNC_FILE);
    Check(s == (NTSTATUS)0xC0000043, "a second open of an unshared file: STATUS_SHARING_VIOLATION");
    s = CreateFileNt(&a2, DIR "\\a.txt", GENERIC_READ | SYNCHRONIZE, 7, FILE_CREATE, SYNC_FILE);
    Check(s == (NTSTATUS)0xC0000035, "FILE_CREATE of an existing file: STATUS_OBJECT_NAME_COLLISION");
    s = CreateFileNt(&a2, DIR "\\A.TXT", FILE_READ_ATTRIBUTES | SYNCHRONIZE, 0, FILE_OPEN, SYNC_FILE);
    Check(s == 0, "an open for attributes only takes no part in sharing; names ignore case");
    s = NtQueryInformationFile(a2, &iosb, &std, sizeof(std), FileStandardInformation);
    Check(s == 0 && std.EndOfFile.QuadPart == 13 && std.AllocationSize.QuadPart == 4096 && !std.Directory,
          "FileStandardInformation: 13 bytes, one cluster");
    s = NtQueryInformationFile(a2, &iosb, &basic, 4, FileBasicInformation);
    Check(s == (NTSTATUS)0xC0000004, "a buffer too small for the class: STATUS_INFO_LENGTH_MISMATCH");
    s = NtReadFile(a2, 0, 0, 0, &iosb, text, 1, 0, 0);
    Check(s == (NTSTATUS)0xC0000022, "reading through a handle without FILE_READ_DATA: STATUS_ACCESS_DENIED");
    NtClose(a2);
    {
        struct { ULONG Length; unsigned short Name[64]; } name;
        s = NtQueryInformationFile(a, &iosb, &name, sizeof(name), FileNameInformation);
        Check(s == 0 && SameW(name.Name, name.Length, "\\Temp\\files_basic\\a.txt"),
              "FileNameInformation: \\Temp\\files_basic\\a.txt");
        s = NtQueryInformationFile(a, &iosb, &name, 12, FileNameInformation);
        Check(s == (NTSTATUS)0x80000005 && name.Length == 46 && iosb.Information == 12,
              "a name that does not fit: STATUS_BUFFER_OVERFLOW, the full length, what fits");
    }
    s = CreateFileNt(&a2, DIR "\\a.txt\\", GENERIC_READ | SYNCHRONIZE, 7, FILE_OPEN, 0);
    Check(s == (NTSTATUS)0xC0000033, "a file named with a trailing backslash: STATUS_OBJECT_NAME_INVALID");
    s = CreateFileNt(&a2, DIR, GENERIC_READ | SYNCHRONIZE, 7, FILE_OPEN, FILE_NON_DIRECTORY_FILE);
    Check(s == (NTSTATUS)0xC00000BA, "a folder opened as a file: STATUS_FILE_IS_A_DIRECTORY");
    s = CreateFileNt(&a2, DIR "\\a.txt", FILE_READ_ATTRIBUTES, 7, FILE_OPEN, FILE_DIRECTORY_FILE);
    Check(s == (NTSTATUS)0xC0000103, "a file opened as a folder: STATUS_NOT_A_DIRECTORY");
    s = CreateFileNt(&a2, DIR "\\none\\x.txt", GENERIC_READ, 7, FILE_OPEN, 0);
    Check(s == (NTSTATUS)0xC000003A, "a missing folder on the way: STATUS_OBJECT_PATH_NOT_FOUND");
    s = CreateFileNt(&a2, DIR "\\none.txt", GENERIC_READ, 7, FILE_OPEN, 0);
    Check(s == (NTSTATUS)0xC0000034, "a missing file: STATUS_OBJECT_NAME_NOT_FOUND");
    s = CreateFileNt(&a2, DIR "\\..\\files_basic\\a.txt", GENERIC_READ, 7, FILE_OPEN, 0);
    Check(s == (NTSTATUS)0xC0000033, "'..' in an NT name: STATUS_OBJECT_NAME_INVALID");
    s = CreateFileNt(&a2, DIR "\\a*.txt", GENERIC_READ, 7, FILE_OPEN, 0);
    Check(s == (NTSTATUS)0xC0000033, "a wildcard in a name to open: STATUS_OBJECT_NAME_INVALID");
    s = CreateFileNt(&a2, DIR "\\x.txt", GENERIC_READ | SYNCHRONIZE, 7, 6, SYNC_FILE);
    Check(s == (NTSTATUS)0xC000000D, "disposition 6: STATUS_INVALID_PARAMETER");
    s = CreateFileNt(&a2, DIR "\\x.txt", GENERIC_READ, 7, FILE_OPEN_IF, FILE_SYNCHRONOUS_IO_NONALERT);
    Check(s == (NTSTATUS)0xC000000D, "synchronous I/O without SYNCHRONIZE: STATUS_INVALID_PARAMETER");

    /* Overwrite, supersede, rename */
    s = CreateFileNt(&b, DIR "\\a.txt", RW, 0, FILE_OVERWRITE, SYNC_FILE);
    Check(s == (NTSTATUS)0xC0000043, "FILE_OVERWRITE while another open shares nothing: STATUS_SHARING_VIOLATION");
    {
        struct { UCHAR Replace; HANDLE Root; ULONG Length; unsigned short Name[8]; } ren = {0, 0, 10, {'b', '.', 't', 'x', 't'}};
        s = NtSetInformationFile(a, &iosb, &ren, sizeof(ren), FileRenameInformation);
        Check(s == 0, "FileRenameInformation: a.txt becomes b.txt");
    }
    Check(Attr(DIR "\\a.txt", &basic) == (NTSTATUS)0xC0000034, "a.txt is gone");
    s = Attr(DIR "\\b.txt", &basic);
    Check(s == 0 && basic.FileAttributes == 0x20, "b.txt is there, FILE_ATTRIBUTE_ARCHIVE");
    NtClose(a);
    s = CreateFileNt(&c, DIR "\\c.log", RW, 7, FILE_OVERWRITE_IF, SYNC_FILE);
    s |= Write(c, "log", 0, &iosb);
    Check(s == 0, "FILE_OVERWRITE_IF creates c.log");
    NtClose(c);
    s = CreateFileNt(&c, DIR "\\C.LOG", RW, 7, FILE_OVERWRITE_IF, SYNC_FILE);
    Check(s == 0 && NtQueryInformationFile(c, &iosb, &std, sizeof(std), FileStandardInformation) == 0 &&
          std.EndOfFile.QuadPart == 0, "FILE_OVERWRITE_IF of C.LOG empties c.log");
    s = CreateFileNt(&d, DIR "\\d.txt", RW, 7, FILE_SUPERSEDE, SYNC_FILE);
    Check(s == 0, "FILE_SUPERSEDE creates d.txt");

    /* Enumeration */
    {
        char names[256];
        s = List(dir, "*.txt", names, 0);
        Check(s == STATUS_NO_MORE_FILES && Same(names, "b.txt d.txt", 12), "'*.txt' lists b.txt d.txt");
        s = List(dir, 0, names, 1);
        Check(s == STATUS_NO_MORE_FILES && Same(names, "b.txt d.txt", 12),
              "a restart keeps the first query's mask");
        HANDLE dir2;
        s = CreateFileNt(&dir2, DIR, FILE_LIST_DIRECTORY | SYNCHRONIZE, 7, FILE_OPEN,
                         FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
        s |= List(dir2, 0, names, 0) != STATUS_NO_MORE_FILES;
        Check(s == 0 && Same(names, ". .. b.txt c.log d.txt", 23), "no mask: . .. b.txt c.log d.txt");
        NtClose(dir2);
        s = CreateFileNt(&dir2, DIR, FILE_LIST_DIRECTORY | SYNCHRONIZE, 7, FILE_OPEN,
                         FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
        s = List(dir2, "?.LOG", names, 0);
        Check(s == STATUS_NO_MORE_FILES && Same(names, "c.log", 6), "'?.LOG' lists c.log");
        NtClose(dir2);
        s = CreateFileNt(&dir2, DIR, FILE_LIST_DIRECTORY | SYNCHRONIZE, 7, FILE_OPEN,
                         FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
        s = List(dir2, "nothing*", names, 0);
        Check(s == (NTSTATUS)0xC000000F, "no match at all: STATUS_NO_SUCH_FILE");
        NtClose(dir2);
        UCHAR buffer[1024];
        s = CreateFileNt(&dir2, DIR, FILE_LIST_DIRECTORY | SYNCHRONIZE, 7, FILE_OPEN,
                         FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
        NtString us; unsigned short mbuf[8];
        s = NtQueryDirectoryFile(dir2, 0, 0, 0, &iosb, buffer, sizeof(buffer), FileDirectoryInformation, 0,
                                 NtName(&us, mbuf, "<.txt"), 0);
        FILE_DIRECTORY_INFORMATION *e1 = (FILE_DIRECTORY_INFORMATION *)buffer;
        FILE_DIRECTORY_INFORMATION *e2 = (FILE_DIRECTORY_INFORMATION *)(buffer + e1->NextEntryOffset);
        Check(s == 0 && e1->NextEntryOffset == 80 && e2->NextEntryOffset == 0 && SameW(e1->FileName, e1->FileNameLength, "b.txt")
              && SameW(e2->FileName, e2->FileNameLength, "d.txt") && e1->EndOfFile.QuadPart == 13
              && e1->FileAttributes == 0x20 && iosb.Information == 80 + 64 + 10,
              "'<.txt' in one FileDirectoryInformation call: b.txt (13 bytes), d.txt, 8-byte aligned");
        NtClose(dir2);
    }

    /* Asynchronous I/O: no file pointer, an offset for each transfer, the event signalled */
    s = CreateFileNt(&e, DIR "\\e.bin", GENERIC_READ | GENERIC_WRITE | DELETE, 7, FILE_CREATE, FILE_NON_DIRECTORY_FILE);
    Check(s == 0, "an asynchronous open (no FILE_SYNCHRONOUS_IO_*)");
    s = Write(e, "async data", 0, &iosb);
    Check(s == (NTSTATUS)0xC000000D, "an asynchronous write without ByteOffset: STATUS_INVALID_PARAMETER");
    NtCreateEvent(&ev, 0x1F0003, 0, 0, 0);
    pos.QuadPart = 0;
    iosb.Status = -1; iosb.Information = 0;
    s = NtWriteFile(e, ev, 0, 0, &iosb, "async data", 10, &pos, 0);
    Check(s == STATUS_PENDING, "an asynchronous write: STATUS_PENDING");
    s = NtWaitForSingleObject(ev, 0, 0);
    Check(s == 0 && iosb.Status == 0 && iosb.Information == 10, "the event is signalled and the IO_STATUS_BLOCK says 10 bytes");
    pos.QuadPart = 6;
    s = NtReadFile(e, ev, 0, 0, &iosb, text, sizeof(text), &pos, 0);
    s = s == STATUS_PENDING ? NtWaitForSingleObject(ev, 0, 0) : s;
    Check(s == 0 && iosb.Information == 4 && Same(text, "data", 4), "an asynchronous read at offset 6: \"data\"");
    s = NtWaitForSingleObject(e, 0, 0);
    Check(s == 0, "the file handle itself is signalled when a transfer completes");
    NtClose(e);

    /* The system folder is read-only; the C:\ root lists the mounts */
    s = CreateFileNt(&sys, "\\??\\C:\\Windows\\System32\\ntdll.dll", GENERIC_READ | SYNCHRONIZE, 7, FILE_OPEN, SYNC_FILE);
    s |= NtReadFile(sys, 0, 0, 0, &iosb, text, 2, 0, 0);
    Check(s == 0 && Same(text, "MZ", 2), "C:\\Windows\\System32\\ntdll.dll reads \"MZ\"");
    NtClose(sys);
    s = CreateFileNt(&sys, "\\??\\C:\\Windows\\System32\\ntdll.dll", GENERIC_WRITE | SYNCHRONIZE, 7, FILE_OPEN, SYNC_FILE);
    Check(s == (NTSTATUS)0xC0000022, "opening a system DLL for writing: STATUS_ACCESS_DENIED");
    s = CreateFileNt(&sys, "\\??\\C:\\Windows\\System32\\new.txt", GENERIC_WRITE, 7, FILE_CREATE, 0);
    Check(s == (NTSTATUS)0xC0000022, "creating a file in the system folder: STATUS_ACCESS_DENIED");
    s = CreateFileNt(&sys, "\\??\\C:\\new.txt", GENERIC_WRITE, 7, FILE_CREATE, 0);
    Check(s == (NTSTATUS)0xC0000022, "creating a file in C:\\: STATUS_ACCESS_DENIED");
    s = Attr("\\??\\C:\\Windows", &basic);
    Check(s == 0 && basic.FileAttributes == FILE_ATTRIBUTE_DIRECTORY, "C:\\Windows is a folder");

    /* Deleting */
    {
        UCHAR yes = 1;
        s = NtSetInformationFile(dir, &iosb, &yes, 1, FileDispositionInformation);
        Check(s == (NTSTATUS)0xC0000101, "deleting a folder with files in it: STATUS_DIRECTORY_NOT_EMPTY");
        s = NtSetInformationFile(c, &iosb, &yes, 1, FileDispositionInformation);
        Check(s == 0, "FileDispositionInformation marks c.log for deletion");
        s = CreateFileNt(&a2, DIR "\\c.log", GENERIC_READ, 7, FILE_OPEN, 0);
        Check(s == (NTSTATUS)0xC0000056, "opening a file marked for deletion: STATUS_DELETE_PENDING");
        NtClose(c);
        Check(Attr(DIR "\\c.log", &basic) == (NTSTATUS)0xC0000034, "c.log goes with its last handle");
    }
    NtClose(d);
    s = CreateFileNt(&d, DIR "\\d.txt", DELETE | SYNCHRONIZE, 7, FILE_OPEN, FILE_DELETE_ON_CLOSE | SYNC_FILE);
    Check(s == 0, "FILE_DELETE_ON_CLOSE open of d.txt");
    NtClose(d);
    Check(Attr(DIR "\\d.txt", &basic) == (NTSTATUS)0xC0000034, "d.txt goes when it is closed");
    Check(Delete(DIR "\\b.txt") == 0 && Delete(DIR "\\e.bin") == 0, "NtDeleteFile deletes b.txt and e.bin");
    NtClose(dir);
    Check(Delete(DIR) == 0 && Attr(DIR, &basic) == (NTSTATUS)0xC0000034, "NtDeleteFile deletes the empty folder");
    Check(NtCreateFile(&a2, GENERIC_READ, (OBJECT_ATTRIBUTES *)0xFFFFF78000000000ull, &iosb, 0, 0, 7, FILE_OPEN, 0, 0, 0)
          == (NTSTATUS)0xC0000005, "OBJECT_ATTRIBUTES in kernel space: STATUS_ACCESS_VIOLATION");

    NtTerminateProcess(NtCurrentProcess(), failures);
}
