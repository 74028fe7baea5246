/* The service fuzzer's guest driver: COUNT system calls (second argument, default 10000) with
 * arguments drawn by a PRNG seeded with SEED (first argument, default 1): service numbers from
 * the implemented ones and from the whole 22H2 table, handles, lengths and pointers at
 * boundaries (NULL, unmapped, read-only, kernel, non-canonical, straddling a page end) and into
 * a scratch area whose bytes are themselves random values of the same kinds. The services that
 * would end or wreck the driver itself (terminate, continue, set context, suspend, free, protect,
 * unmap, write virtual memory, raise) are left out; a wait or delay never waits without a
 * timeout. The driver prints through its standard output at the end, so it keeps the
 * standard handles as they were at its start (the process parameters, at 0x10000, are in
 * reach of the pointers it draws) and never closes them (NtClose, or NtDuplicateObject's
 * DUPLICATE_CLOSE_SOURCE): the small handle values it draws are theirs (0x4, 0x8, 0xC).
 * Prints the number of calls made; the kernel must answer every one with a status. */
#include "../nt.h"

#define MEM_COMMIT 0x1000
#define MEM_RESERVE 0x2000
#define PAGE_READWRITE 0x04
#define SCRATCH 0x10000

static const unsigned short services[] = {
    0x0008, /* NtWriteFile */            0x000F, /* NtClose */
    0x0019, /* NtQueryInformationProcess */ 0x0025, /* NtQueryInformationThread */
    0x000D, /* NtSetInformationThread */ 0x0046, /* NtYieldExecution */
    0x001C, /* NtSetInformationProcess */ 0x003C, /* NtDuplicateObject */
    0x0052, /* NtResumeThread */         0x00F3, /* NtGetContextThread */
    0x0048, /* NtCreateEvent */          0x000E, /* NtSetEvent */
    0x017A, /* NtResetEvent */           0x003E, /* NtClearEvent */
    0x013E, /* NtPulseEvent */           0x00B4, /* NtCreateMutant */
    0x0020, /* NtReleaseMutant */        0x00C0, /* NtCreateSemaphore */
    0x000A, /* NtReleaseSemaphore */     0x0004, /* NtWaitForSingleObject */
    0x005B, /* NtWaitForMultipleObjects */ 0x0034, /* NtDelayExecution */
    0x0031, /* NtQueryPerformanceCounter */ 0x005A, /* NtQuerySystemTime */
    0x00F4, /* NtGetCurrentProcessorNumber */ 0x0018, /* NtAllocateVirtualMemory */
    0x0023, /* NtQueryVirtualMemory */   0x0055, /* NtCreateFile */
    0x0033, /* NtOpenFile */             0x0006, /* NtReadFile */
    0x004A, /* NtCreateSection */        0x0028, /* NtMapViewOfSection */
    0x0011, /* NtQueryInformationFile */ 0x0027, /* NtSetInformationFile */
    0x0012, /* NtOpenKey */              0x0017, /* NtQueryValueKey */
    0x0036, /* NtQuerySystemInformation */ 0x0026, /* NtOpenProcess */
    0x012F, /* NtOpenThread */           0x0010, /* NtQueryObject */
    0x00AD, /* NtCreateIoCompletion */   0x003D, /* NtQueryAttributesFile */
    0x0035, /* NtQueryDirectoryFile */   0x0039, /* NtFsControlFile */
    0x0007, /* NtDeviceIoControlFile */  0x0037, /* NtOpenSection */
    0x0051, /* NtQuerySection */         0x0058, /* NtOpenDirectoryObject */
    0x012E, /* NtOpenSymbolicLinkObject */ 0x015F, /* NtQuerySymbolicLinkObject */
    0x00C3, /* NtCreateTimer */          0x0062, /* NtSetTimer */
    0x0061, /* NtCancelTimer */          0x0038, /* NtQueryTimer */
    0x003F, /* NtReadVirtualMemory */    0x00E9, /* NtFlushInstructionCache */
    0x0015, /* NtQueryDefaultLocale */   0x0021, /* NtQueryInformationToken */
    0x0129, /* NtOpenProcessToken */
};
/* Left out wherever they are drawn from the whole table. */
static const unsigned short excluded[] = {
    0x002C, /* NtTerminateProcess */ 0x0053, /* NtTerminateThread */ 0x0043, /* NtContinue */
    0x018D, /* NtSetContextThread */ 0x01BE, /* NtSuspendThread */ 0x01BD, /* NtSuspendProcess */
    0x001E, /* NtFreeVirtualMemory */ 0x0050, /* NtProtectVirtualMemory */ 0x002A, /* NtUnmapViewOfSection */
    0x003A, /* NtWriteVirtualMemory */ 0x0168, /* NtRaiseException */ 0x00C2, /* NtCreateThreadEx */
    0x004E, /* NtCreateThread */ 0x00A1, /* NtContinueEx */ 0x01CE, /* NtUnmapViewOfSectionEx */
};

unsigned int fuzz_number;
NTSTATUS FuzzStub(ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR,
                  ULONG_PTR, ULONG_PTR, ULONG_PTR);
/* An ntdll-style stub: the arguments past the fourth are where the kernel reads them. */
__asm__(".text\n.globl FuzzStub\nFuzzStub:\n\tmov %rcx, %r10\n\tmov fuzz_number(%rip), %eax\n\tsyscall\n\tret\n");

static unsigned long long state;
static unsigned long long Next(void)
{
    state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
    return state * 0x2545F4914F6CDD1DULL;
}

static unsigned char *scratch;

static ULONG_PTR Value(void)
{
    static const ULONG_PTR edges[] = {
        0, 1, 2, 3, 4, 8, 0xC, 0x10, 0x18, 0x20, 0x28, 0x30, 0x40, 0x100, 0x1000, 0x10000, 0x7FFFFFFF,
        0x80000000, 0xFFFFFFFF, 0x100000000ULL, (ULONG_PTR)-1, (ULONG_PTR)-2, (ULONG_PTR)-3,
        0x7FFE0000, 0x7FFE0FFF, 0x1000, 0x7FFFFFFEFFFFULL, 0x7FFFFFFFFFFFULL, 0x800000000000ULL,
        0xFFFF800000000000ULL, 0xFFFFF78000000000ULL, 0x8000000000000000ULL, 0x140000000ULL,
    };
    switch (Next() % 8) {
    case 0: case 1: return edges[Next() % (sizeof(edges) / sizeof(edges[0]))];
    case 2: case 3: return (ULONG_PTR)(scratch + (Next() % SCRATCH));         /* into the scratch area */
    case 4: return (ULONG_PTR)(scratch + SCRATCH - (Next() % 16));             /* straddling its end */
    case 5: return (Next() % 0x40) * 4;                                         /* a handle value */
    case 6: return Next() % 0x100000;
    default: return Next();
    }
}

/* The standard handles at the start: StandardInput, StandardOutput, StandardError. */
static ULONG_PTR standard[3];

static int Standard(ULONG_PTR h)
{
    return h == standard[0] || h == standard[1] || h == standard[2];
}

/* "calls N\n" to the standard output kept at the start. */
static void Report(long long calls)
{
    char text[32], digits[24];
    int i = 0, n = 0;
    for (const char *p = "calls "; *p; p++)
        text[i++] = *p;
    do { digits[n++] = '0' + (char)(calls % 10); calls /= 10; } while (calls);
    while (n)
        text[i++] = digits[--n];
    text[i++] = '\n';
    IO_STATUS_BLOCK iosb;
    NtWriteFile((HANDLE)standard[1], 0, 0, 0, &iosb, text, i, 0, 0);
}

static int Excluded(unsigned n)
{
    for (unsigned i = 0; i < sizeof(excluded) / sizeof(excluded[0]); i++)
        if (excluded[i] == n)
            return 1;
    return 0;
}

int Entry(void)
{
    UCHAR *peb, *params;
    __asm__ volatile ("mov %%gs:0x60, %0" : "=r"(peb));
    params = *(UCHAR **)(peb + 0x20);
    for (int i = 0; i < 3; i++)
        standard[i] = *(ULONG_PTR *)(params + 0x20 + 8 * i);
    state = (unsigned long long)ArgNumber(0, 1) * 0x9E3779B97F4A7C15ULL + 1;
    long long count = ArgNumber(1, 10000);
    PVOID base = 0;
    SIZE_T size = SCRATCH;
    if (NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE) < 0)
        return 3;
    scratch = base;
    long long timeout = -10000;         /* 1 ms, relative */
    long long calls = 0;
    for (; calls < count; calls++) {
        for (int i = 0; i < 4; i++)     /* the scratch bytes are values of the same kinds */
            *(ULONG_PTR *)(scratch + (Next() % (SCRATCH - 8) & ~7ULL)) = Value();
        unsigned n = Next() % 8 ? services[Next() % (sizeof(services) / sizeof(services[0]))] : Next() % 0x1D9;
        if (Excluded(n))
            continue;
        ULONG_PTR a[11];
        for (int i = 0; i < 11; i++)
            a[i] = Value();
        /* Waits and delays time out soon, but for one in 64 that takes whatever it was given. */
        int as_drawn = Next() % 64 == 0;
        if (n == 0x0004 && !as_drawn) a[2] = (ULONG_PTR)&timeout;
        if (n == 0x005B && !as_drawn) a[4] = (ULONG_PTR)&timeout;
        if (n == 0x0034 && !as_drawn) a[1] = (ULONG_PTR)&timeout;
        if (n == 0x01B8 && !as_drawn) a[3] = (ULONG_PTR)&timeout;         /* NtSignalAndWaitForSingleObject */
        if ((n == 0x01D4 || n == 0x0170) && !as_drawn) a[3] = (ULONG_PTR)&timeout;     /* keyed events */
        /* A handle the call would close is drawn again while it is a standard one. */
        while (n == 0x000F && Standard(a[0]))
            a[0] = Value();
        while (n == 0x003C && (a[6] & 1) && Standard(a[1]))     /* DUPLICATE_CLOSE_SOURCE */
            a[1] = Value();
        fuzz_number = n;
        FuzzStub(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10]);
        timeout = -(long long)(Next() % 100000);    /* up to 10 ms; a service may have written over it */
    }
    Report(calls);
    return 0;
}
