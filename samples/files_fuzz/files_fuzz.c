/* Calls the file services many times with arguments drawn from a fixed pseudo-random sequence:
 * handles (real, stale, pseudo, absurd), pointers (a scratch area, NULL, unmapped, kernel space,
 * misaligned), lengths, classes, options and names (only below C:\Temp, the read-only mounts and
 * nowhere). Whatever it passes, each call must return a status: tests/test_files.py checks that the
 * run ends with exit code 0 and no line from the executive. Prints the count of each status class.
 * A number on the command line picks another sequence. */
#include "../nt.h"

static unsigned long long seed = 0x9E3779B97F4A7C15ull;
static unsigned long long Next(void) { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed; }
static ULONG Pick(ULONG n) { return (ULONG)(Next() % n); }

static UCHAR scratch[16384] __attribute__((aligned(16)));
static HANDLE handles[16];
static const char *names[] = {
    "\\??\\C:\\Temp\\f1", "\\??\\C:\\Temp\\f2.txt", "\\??\\C:\\Temp\\d1", "\\??\\C:\\Temp\\d1\\f3", "\\??\\C:\\Temp",
    "\\??\\C:\\Windows\\System32\\ntdll.dll", "\\??\\C:\\app\\files_fuzz.exe", "\\??\\C:\\", "\\??\\C:",
    "\\??\\C:\\Temp\\..\\x", "\\??\\C:\\Temp\\f1:s", "\\Device\\Null", "\\??\\CONOUT$", "\\Device\\NamedPipe\\",
    "\\??\\UNC\\a\\b", "\\??\\C:\\Temp\\*", "", "\\", "\\??", "\\SystemRoot\\System32", "\\??\\C:\\Temp\\F1",
};
static unsigned short wname[300];
static NtString us;
static OBJECT_ATTRIBUTES oa;
static long counts[4];

static ULONG_PTR Pointer(ULONG size) {
    switch (Pick(8)) {
    case 0: return 0;
    case 1: return 0x10;                                    /* unmapped */
    case 2: return 0xFFFFF78000000000ull;                   /* kernel space */
    case 3: return (ULONG_PTR)scratch + 1;                  /* misaligned */
    case 4: return 0x7FFFFFFFFFF0ull;                       /* the top of user space */
    default: return (ULONG_PTR)scratch + (size < sizeof(scratch) ? Pick(sizeof(scratch) - size) & ~7u : 0);
    }
}

static ULONG Size(void) {
    static const ULONG lengths[] = {0, 1, 4, 7, 8, 16, 24, 40, 56, 64, 72, 96, 104, 112, 200, 4096, 16384, 0xFFFFFFFF};
    return lengths[Pick(sizeof(lengths) / sizeof(lengths[0]))];
}

static HANDLE Handle(void) {
    switch (Pick(6)) {
    case 0: return (HANDLE)(ULONG_PTR)(Pick(40) * 4);
    case 1: return (HANDLE)(long long)-1 - (long long)Pick(3);
    case 2: return (HANDLE)0x123456789ull;
    default: return handles[Pick(16)];
    }
}

/* A handle for a transfer: not the standard ones (the output is the test's, the input may be a terminal). */
static HANDLE TransferHandle(void) {
    HANDLE h = Handle();
    return (ULONG_PTR)h >= 4 && (ULONG_PTR)h <= 0xC ? (HANDLE)0x123456789ull : h;
}

static OBJECT_ATTRIBUTES *Name(void) {
    const char *s = names[Pick(sizeof(names) / sizeof(names[0]))];
    NtName(&us, wname, s);
    if (Pick(8) == 0) us.Length = (USHORT)Pick(us.Length + 2);          /* cut, maybe odd */
    Attributes(&oa, Pick(6) == 0 ? Handle() : 0, &us);
    if (Pick(12) == 0) oa.Length = Pick(100);
    if (Pick(12) == 0) oa.Attributes = Next();
    if (Pick(16) == 0) return (OBJECT_ATTRIBUTES *)Pointer(48);
    return &oa;
}

static void Count(NTSTATUS s) { counts[((ULONG)s) >> 30]++; }

void Entry(void) {
    IO_STATUS_BLOCK *iosb;
    seed += (unsigned long long)ArgNumber(0, 0) * 0x100000001B3ull;     /* another sequence per argument */
    for (int i = 0; i < 20000; i++) {
        iosb = (IO_STATUS_BLOCK *)(Pick(10) ? (ULONG_PTR)scratch + 16000 : Pointer(16));
        ULONG call = Pick(14);
        NTSTATUS s = 0;
        HANDLE h = 0;
        LARGE_INTEGER *offset = (LARGE_INTEGER *)(Pick(3) ? Pointer(8) : 0);
        if (offset == (LARGE_INTEGER *)(ULONG_PTR)scratch + 0) offset = 0;
        switch (call) {
        case 0: case 1: case 2:
            s = NtCreateFile(Pick(10) ? &h : (HANDLE *)Pointer(8), Pick(2) ? (ULONG)Next() : 0x12019F | DELETE,
                             Name(), iosb, (LARGE_INTEGER *)(Pick(4) ? 0 : Pointer(8)), Pick(3) ? 0 : (ULONG)Next(),
                             Pick(8), Pick(7), Pick(3) ? 0x20 | Pick(2) * 0x40 : (ULONG)Next(), 0, 0);
            if (s >= 0 && h) { NtClose(handles[Pick(16)]); handles[Pick(16)] = h; }
            break;
        case 3: {
            ULONG_PTR buffer = Pointer(64);
            ULONG n = Size();
            if (buffer == (ULONG_PTR)scratch + 1 || n > 64) n = 64;
            s = NtReadFile(TransferHandle(), 0, 0, 0, iosb, (PVOID)buffer, n, offset, 0);
            break;
        }
        case 4: s = NtWriteFile(TransferHandle(), 0, 0, 0, iosb, (PVOID)Pointer(64), Size() & 63, offset, 0); break;
        case 5: s = NtQueryInformationFile(Handle(), iosb, (PVOID)Pointer(4096), Size() & 4095, Pick(80)); break;
        case 6: {
            UCHAR *p = scratch + 8192;
            for (int k = 0; k < 64; k++) p[k] = (UCHAR)Next();
            if (Pick(2)) { *(ULONG *)(p + 16) = Pick(40); *(HANDLE *)(p + 8) = Pick(4) ? 0 : Handle(); }
            ULONG cls = Pick(3) ? 10 + Pick(11) : Pick(80);
            if (cls == 13 || cls == 64) break;              /* deleting whatever it holds: not this test's point */
            s = NtSetInformationFile(Handle(), iosb, p, Size() & 255, cls);
            break;
        }
        case 7:
            s = NtQueryDirectoryFile(Handle(), 0, 0, 0, iosb, (PVOID)Pointer(4096), Size() & 4095, Pick(40), Pick(2),
                                     Pick(3) ? 0 : (NtString *)Pointer(16), Pick(2));
            break;
        case 8: s = NtQueryAttributesFile(Name(), (FILE_BASIC_INFORMATION *)Pointer(40)); break;
        case 9: s = NtQueryFullAttributesFile(Name(), (FILE_NETWORK_OPEN_INFORMATION *)Pointer(56)); break;
        case 10: s = NtQueryVolumeInformationFile(Handle(), iosb, (PVOID)Pointer(4096), Size() & 4095, Pick(16)); break;
        case 11: s = NtFlushBuffersFile(Handle(), iosb); break;
        case 12: s = NtLockFile(Handle(), 0, 0, 0, iosb, (LARGE_INTEGER *)Pointer(8), (LARGE_INTEGER *)Pointer(8), 0, 1,
                                Pick(2));
            break;
        default: s = NtFsControlFile(Handle(), 0, 0, 0, iosb, Pick(2) ? 0x11400C : (ULONG)Next(), (PVOID)Pointer(64),
                                     Size() & 63, (PVOID)Pointer(64), Size() & 63);
        }
        Count(s);
    }
    PrintDec("success ", counts[0]);
    PrintDec("information ", counts[1]);
    PrintDec("warning ", counts[2]);
    PrintDec("error ", counts[3]);
    NtTerminateProcess(NtCurrentProcess(), 0);
}
