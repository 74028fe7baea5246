/* The object namespace through the native API: \?? listed with NtQueryDirectoryObject (all at once,
 * one at a time, too small a buffer), the \??\C: link read back, a directory and a drive link of
 * the guest's own that go with their last handle, and that a link of its own still reaches files
 * only through the mounts. Exits with the number of failed checks. */
#include "../nt.h"

static int failures;

static void Check(int ok, const char *what) {
    Print(ok ? "ok   " : "FAIL ");
    Print(what);
    Print("\n");
    if (!ok) failures++;
}

static int SameW(const NtString *s, const char *a) {
    ULONG n = s->Length / 2, i = 0;
    for (; i < n; i++) if (!a[i] || s->Buffer[i] != (unsigned char)a[i]) return 0;
    return a[i] == 0;
}

static NtString name_us;
static unsigned short name_buf[260];
static OBJECT_ATTRIBUTES name_oa;

static OBJECT_ATTRIBUTES *Named(const char *path, ULONG attributes) {
    Attributes(&name_oa, 0, NtName(&name_us, name_buf, path));
    name_oa.Attributes |= attributes;
    return &name_oa;
}

static void PrintW(const NtString *s) {
    char text[128]; ULONG i = 0;
    for (; i < s->Length / 2 && i < 120; i++) text[i] = (char)s->Buffer[i];
    text[i] = 0;
    Print(text);
}

void Entry(void) {
    HANDLE dosdevices, link, dir, dir2, qlink, file;
    ULONG context = 0, returned = 0, count = 0;
    static UCHAR buffer[4096];
    NTSTATUS s;

    s = NtOpenDirectoryObject(&dosdevices, DIRECTORY_QUERY, Named("\\??", 0));
    Check(s == 0, "NtOpenDirectoryObject \\??");
    s = NtQueryDirectoryObject(dosdevices, buffer, sizeof(buffer), 0, 1, &context, &returned);
    Check(s == 0 && context == 8, "NtQueryDirectoryObject returns its 8 entries at once");
    for (OBJECT_DIRECTORY_INFORMATION *e = (OBJECT_DIRECTORY_INFORMATION *)buffer; e->Name.Length; e++) {
        Print("     \\??\\"); PrintW(&e->Name); Print(" ("); PrintW(&e->TypeName); Print(")\n");
    }
    context = 0;
    while (NtQueryDirectoryObject(dosdevices, buffer, sizeof(buffer), 1, 0, &context, &returned) == 0) count++;
    Check(count == 8, "one at a time, then STATUS_NO_MORE_ENTRIES");
    s = NtQueryDirectoryObject(dosdevices, buffer, 40, 0, 1, &context, &returned);
    Check(s == (NTSTATUS)0xC0000023 && returned > 40, "a buffer too small for one entry: STATUS_BUFFER_TOO_SMALL and the size");
    s = NtQueryDirectoryObject(dosdevices, buffer, 200, 0, 1, &context, &returned);
    Check(s == 0x105 && context >= 1 && context < 8, "room for some: STATUS_MORE_ENTRIES");

    s = NtOpenSymbolicLinkObject(&link, SYMBOLIC_LINK_QUERY, Named("\\??\\c:", 0));
    {
        unsigned short target[64]; NtString t = {0, sizeof(target), target};
        s |= NtQuerySymbolicLinkObject(link, &t, &returned);
        Check(s == 0 && SameW(&t, "\\Device\\HarddiskVolume1") && returned == 48, "\\??\\C: is a link to \\Device\\HarddiskVolume1");
        t.MaximumLength = 10;
        s = NtQuerySymbolicLinkObject(link, &t, &returned);
        Check(s == (NTSTATUS)0xC0000023 && returned == 48, "too small a buffer for its target: STATUS_BUFFER_TOO_SMALL");
    }
    s = NtOpenDirectoryObject(&dir, DIRECTORY_QUERY, Named("\\??\\C:", 0));
    Check(s == (NTSTATUS)0xC0000024, "\\??\\C: opened as a directory: STATUS_OBJECT_TYPE_MISMATCH");
    s = NtOpenDirectoryObject(&dir, DIRECTORY_QUERY, Named("\\KnownDlls", 0));
    Check(s == 0, "\\KnownDlls exists");
    NtClose(dir);

    s = NtCreateDirectoryObject(&dir, 0xF000F, Named("\\BaseNamedObjects\\ntmini", 0));
    Check(s == 0, "a directory of its own in \\BaseNamedObjects");
    s = NtCreateDirectoryObject(&dir2, 0xF000F, Named("\\BaseNamedObjects\\NTMINI", OBJ_OPENIF));
    Check(s == 0x40000000, "again with OBJ_OPENIF: STATUS_OBJECT_NAME_EXISTS");
    NtClose(dir2);
    s = NtCreateDirectoryObject(&dir2, 0xF000F, Named("\\BaseNamedObjects\\ntmini", 0));
    Check(s == (NTSTATUS)0xC0000035, "again without: STATUS_OBJECT_NAME_COLLISION");
    NtClose(dir);
    s = NtOpenDirectoryObject(&dir, DIRECTORY_QUERY, Named("\\BaseNamedObjects\\ntmini", 0));
    Check(s == (NTSTATUS)0xC0000034, "its last handle closed, it is gone");
    s = NtCreateDirectoryObject(&dir, 0xF000F, Named("\\ntmini", 0));
    Check(s == (NTSTATUS)0xC0000022, "a directory in \\ itself: STATUS_ACCESS_DENIED");
    s = NtCreateDirectoryObject(&dir, 0xF000F, Named("\\BaseNamedObjects\\kept", OBJ_PERMANENT));
    Check(s == (NTSTATUS)0xC0000061, "OBJ_PERMANENT without the privilege: STATUS_PRIVILEGE_NOT_HELD");

    {
        unsigned short tbuf[64]; NtString target;
        NtName(&target, tbuf, "\\Device\\HarddiskVolume1\\Temp");
        s = NtCreateSymbolicLinkObject(&qlink, 0xF0001, Named("\\??\\Q:", 0), &target);
        Check(s == 0, "a drive link of its own: \\??\\Q: -> \\Device\\HarddiskVolume1\\Temp");
        s = CreateFileNt(&file, "\\??\\Q:\\via_link.txt", GENERIC_WRITE | SYNCHRONIZE, 7, FILE_CREATE,
                         FILE_SYNCHRONOUS_IO_NONALERT);
        NtClose(file);
        FILE_BASIC_INFORMATION info;
        s |= NtQueryAttributesFile(Named("\\??\\C:\\Temp\\via_link.txt", 0), &info);
        Check(s == 0, "a file made through Q: is C:\\Temp\\via_link.txt");
        s = CreateFileNt(&file, "\\??\\Q:\\..\\app\\files_namespace.exe", GENERIC_READ, 7, FILE_OPEN, 0);
        Check(s == (NTSTATUS)0xC0000033, "Q:\\.. is no way up: STATUS_OBJECT_NAME_INVALID");
        NtClose(qlink);
        s = CreateFileNt(&file, "\\??\\Q:\\via_link.txt", GENERIC_READ, 7, FILE_OPEN, 0);
        Check(s == (NTSTATUS)0xC000003A, "the link closed, Q: is gone: STATUS_OBJECT_PATH_NOT_FOUND");
        NtName(&target, tbuf, "\\??\\Q:");
        s = NtCreateSymbolicLinkObject(&qlink, 0xF0001, Named("\\??\\Q:", 0), &target);
        s |= CreateFileNt(&file, "\\??\\Q:\\x", GENERIC_READ, 7, FILE_OPEN, 0) != (NTSTATUS)0xC0000280;
        Check(s == 0, "a link to itself ends: STATUS_REPARSE_POINT_NOT_RESOLVED");
        NtClose(qlink);
    }
    NtTerminateProcess(NtCurrentProcess(), failures);
}
