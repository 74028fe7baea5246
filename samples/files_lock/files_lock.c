/* Byte-range locks between two opens of one file in C:\Temp: an exclusive lock keeps the other
 * open's reads, writes and locks out of its bytes, a shared lock keeps every write out, a
 * request that may wait does so until the unlock. Exits with the number of failed checks. */
#include "../nt.h"

static int failures;
static HANDLE second;
static volatile NTSTATUS waited = -1;

static void Check(int ok, const char *what) {
    Print(ok ? "ok   " : "FAIL ");
    Print(what);
    Print("\n");
    if (!ok) failures++;
}

static NTSTATUS Lock(HANDLE h, long long at, long long n, int fail_now, int exclusive) {
    IO_STATUS_BLOCK iosb; LARGE_INTEGER o = {at}, l = {n};
    return NtLockFile(h, 0, 0, 0, &iosb, &o, &l, 0, (UCHAR)fail_now, (UCHAR)exclusive);
}

static NTSTATUS Unlock(HANDLE h, long long at, long long n) {
    IO_STATUS_BLOCK iosb; LARGE_INTEGER o = {at}, l = {n};
    return NtUnlockFile(h, &iosb, &o, &l, 0);
}

static NTSTATUS ReadAt(HANDLE h, long long at, char *buf, ULONG n) {
    IO_STATUS_BLOCK iosb; LARGE_INTEGER o = {at};
    return NtReadFile(h, 0, 0, 0, &iosb, buf, n, &o, 0);
}

static NTSTATUS WriteAt(HANDLE h, long long at, const char *s, ULONG n) {
    IO_STATUS_BLOCK iosb; LARGE_INTEGER o = {at};
    return NtWriteFile(h, 0, 0, 0, &iosb, s, n, &o, 0);
}

static ULONG Waiter(PVOID unused) {
    (void)unused;
    Print("     waiter: NtLockFile waits for bytes 0-9\n");
    waited = Lock(second, 0, 10, 0, 1);
    Print("     waiter: granted\n");
    return 0;
}

void Entry(void) {
    OnProcessorZero();                  /* its output orders one processor's threads */
    HANDLE first, thread;
    char buf[16];
    ULONG rw = GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE | DELETE, sync = FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE;
    NTSTATUS s = CreateFileNt(&first, "\\??\\C:\\Temp\\locked.bin", rw, 7, FILE_CREATE, sync | FILE_DELETE_ON_CLOSE);
    s |= CreateFileNt(&second, "\\??\\C:\\Temp\\locked.bin", rw, 7, FILE_OPEN, sync);
    s |= WriteAt(first, 0, "0123456789abcdefghijklmnopqrstuvwxyz", 36);
    Check(s == 0, "two opens of C:\\Temp\\locked.bin, 36 bytes");
    Check(Lock(first, 0, 10, 1, 1) == 0, "the first locks bytes 0-9 exclusively");
    Check(ReadAt(second, 5, buf, 2) == (NTSTATUS)0xC0000054, "the second cannot read them: STATUS_FILE_LOCK_CONFLICT");
    Check(WriteAt(second, 0, "X", 1) == (NTSTATUS)0xC0000054, "nor write them");
    Check(Lock(second, 8, 4, 1, 0) == (NTSTATUS)0xC0000055, "nor lock them: STATUS_LOCK_NOT_GRANTED");
    Check(ReadAt(second, 10, buf, 4) == 0 && buf[0] == 'a', "bytes past the lock read as before");
    Check(ReadAt(first, 0, buf, 4) == 0 && WriteAt(first, 0, "A", 1) == 0, "the owner reads and writes its bytes");
    Check(Lock(second, 20, 10, 1, 0) == 0 && Lock(first, 25, 2, 1, 0) == 0, "shared locks on 20-29 and 25-26 coexist");
    Check(WriteAt(second, 22, "Y", 1) == (NTSTATUS)0xC0000054 && ReadAt(first, 22, buf, 1) == 0,
          "a shared lock lets everyone read and nobody write");
    Check(Unlock(first, 0, 9) == (NTSTATUS)0xC000007E, "unlocking a range that was not locked: STATUS_RANGE_NOT_LOCKED");
    thread = StartThread(Waiter, 0, 0);
    LARGE_INTEGER t = Ms(20);
    NtDelayExecution(0, &t);
    Check(waited == -1, "a lock request that may wait waits");
    Check(Unlock(first, 0, 10) == 0, "the first unlocks 0-9");
    NtWaitForSingleObject(thread, 0, 0);
    Check(waited == 0, "and the waiting request is granted");
    Check(ReadAt(first, 0, buf, 1) == (NTSTATUS)0xC0000054, "now the first is the one kept out");
    NtClose(second);
    Check(ReadAt(first, 0, buf, 1) == 0, "closing an open releases its locks");
    NtClose(first);
    NtTerminateProcess(NtCurrentProcess(), failures);
}
