/* Change notifications on a folder in C:\Temp: a thread waits in NtNotifyChangeDirectoryFile until
 * the main thread creates a file; an asynchronous request with an event sees a rename as its old
 * and new names; changes collected between requests are returned at once, or as
 * STATUS_NOTIFY_ENUM_DIR when they do not fit; closing the folder ends a waiting request with
 * STATUS_NOTIFY_CLEANUP. Exits with the number of failed checks. */
#include "../nt.h"

typedef struct { ULONG NextEntryOffset, Action, FileNameLength; unsigned short FileName[1]; } FILE_NOTIFY_INFORMATION;
#define FILE_NOTIFY_CHANGE_FILE_NAME 0x1
#define FILE_NOTIFY_CHANGE_LAST_WRITE 0x10

static int failures;
static HANDLE folder;
static ULONG records[64];
static volatile NTSTATUS waited = -1;

static void Check(int ok, const char *what) {
    Print(ok ? "ok   " : "FAIL ");
    Print(what);
    Print("\n");
    if (!ok) failures++;
}

static int Named(const FILE_NOTIFY_INFORMATION *e, ULONG action, const char *name) {
    ULONG n = e->FileNameLength / 2, i = 0;
    if (e->Action != action) return 0;
    for (; i < n; i++) if (!name[i] || e->FileName[i] != (unsigned char)name[i]) return 0;
    return name[i] == 0;
}

static ULONG Watcher(PVOID unused) {
    IO_STATUS_BLOCK iosb;
    (void)unused;
    Print("     watcher: waiting for a change\n");
    waited = NtNotifyChangeDirectoryFile(folder, 0, 0, 0, &iosb, records, sizeof(records), FILE_NOTIFY_CHANGE_FILE_NAME, 0);
    Print("     watcher: notified\n");
    return 0;
}

static NTSTATUS Touch(const char *path) {
    HANDLE h;
    NTSTATUS s = CreateFileNt(&h, path, GENERIC_WRITE | SYNCHRONIZE, 7, FILE_CREATE, FILE_SYNCHRONOUS_IO_NONALERT);
    if (s == 0) NtClose(h);
    return s;
}

void Entry(void) {
    HANDLE thread, ev, async_folder, file;
    IO_STATUS_BLOCK iosb;
    NTSTATUS s;
    ULONG small[4];

    s = CreateFileNt(&folder, "\\??\\C:\\Temp\\watched", FILE_LIST_DIRECTORY | SYNCHRONIZE, 7, FILE_CREATE,
                     FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    Check(s == 0, "a folder to watch, C:\\Temp\\watched");
    thread = StartThread(Watcher, 0, 0);
    LARGE_INTEGER t = Ms(20);
    NtDelayExecution(0, &t);
    Check(waited == -1, "the watcher waits while nothing changes");
    Check(Touch("\\??\\C:\\Temp\\watched\\new.txt") == 0, "the main thread creates new.txt");
    NtWaitForSingleObject(thread, 0, 0);
    Check(waited == 0 && Named((FILE_NOTIFY_INFORMATION *)records, 1, "new.txt") &&
          ((FILE_NOTIFY_INFORMATION *)records)->NextEntryOffset == 0, "the watcher gets FILE_ACTION_ADDED new.txt");

    Touch("\\??\\C:\\Temp\\watched\\a.txt");
    Touch("\\??\\C:\\Temp\\watched\\b.txt");
    s = NtNotifyChangeDirectoryFile(folder, 0, 0, 0, &iosb, records, sizeof(records), FILE_NOTIFY_CHANGE_FILE_NAME, 0);
    FILE_NOTIFY_INFORMATION *first = (FILE_NOTIFY_INFORMATION *)records;
    FILE_NOTIFY_INFORMATION *second = (FILE_NOTIFY_INFORMATION *)((UCHAR *)records + first->NextEntryOffset);
    Check(s == 0 && Named(first, 1, "a.txt") && Named(second, 1, "b.txt") && first->NextEntryOffset == 24,
          "changes made between requests come at once: a.txt, b.txt");
    Touch("\\??\\C:\\Temp\\watched\\c-with-a-long-name.txt");
    s = NtNotifyChangeDirectoryFile(folder, 0, 0, 0, &iosb, small, sizeof(small), FILE_NOTIFY_CHANGE_FILE_NAME, 0);
    Check(s == 0x10C && iosb.Information == 0, "too many for the buffer: STATUS_NOTIFY_ENUM_DIR");

    s = CreateFileNt(&async_folder, "\\??\\C:\\Temp\\watched", FILE_LIST_DIRECTORY, 7, FILE_OPEN, FILE_DIRECTORY_FILE);
    NtCreateEvent(&ev, 0x1F0003, 0, 0, 0);
    s |= NtNotifyChangeDirectoryFile(async_folder, ev, 0, 0, &iosb, records, sizeof(records),
                                     FILE_NOTIFY_CHANGE_FILE_NAME, 0) != STATUS_PENDING;
    Check(s == 0, "an asynchronous request on another open: STATUS_PENDING");
    s = CreateFileNt(&file, "\\??\\C:\\Temp\\watched\\a.txt", DELETE | SYNCHRONIZE, 7, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT);
    {
        struct { UCHAR Replace; HANDLE Root; ULONG Length; unsigned short Name[8]; } ren = {0, 0, 10, {'z', '.', 't', 'x', 't'}};
        s |= NtSetInformationFile(file, &iosb, &ren, sizeof(ren), FileRenameInformation);
    }
    NtClose(file);
    s |= NtWaitForSingleObject(ev, 0, 0);
    first = (FILE_NOTIFY_INFORMATION *)records;
    second = (FILE_NOTIFY_INFORMATION *)((UCHAR *)records + first->NextEntryOffset);
    Check(s == 0 && Named(first, 4, "a.txt") && Named(second, 5, "z.txt"),
          "a rename: FILE_ACTION_RENAMED_OLD_NAME a.txt, FILE_ACTION_RENAMED_NEW_NAME z.txt");
    iosb.Status = -1;
    s = NtNotifyChangeDirectoryFile(async_folder, ev, 0, 0, &iosb, records, sizeof(records), FILE_NOTIFY_CHANGE_LAST_WRITE, 0);
    NtClose(async_folder);
    Check(s == STATUS_PENDING && iosb.Status == 0x10B, "closing the folder ends the waiting request: STATUS_NOTIFY_CLEANUP");
    NtClose(folder);
    NtTerminateProcess(NtCurrentProcess(), failures);
}
