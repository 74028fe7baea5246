/* What the samples need of the native API (they import ntdll only). */
#pragma once
typedef unsigned char UCHAR;
typedef unsigned short USHORT;
typedef unsigned int ULONG;
typedef int NTSTATUS;
typedef unsigned long long SIZE_T, ULONG_PTR;
typedef void *PVOID, *HANDLE;
#define NTAPI __stdcall
#define NtCurrentProcess() ((HANDLE)(long long)-1)

typedef struct { NTSTATUS Status; ULONG_PTR Information; } IO_STATUS_BLOCK;
typedef struct {
    PVOID BaseAddress, AllocationBase; ULONG AllocationProtect; USHORT PartitionId;
    SIZE_T RegionSize; ULONG State, Protect, Type;
} MEMORY_BASIC_INFORMATION;

NTSTATUS NTAPI NtWriteFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, const void *, ULONG, PVOID, PVOID);
NTSTATUS NTAPI NtTerminateProcess(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtYieldExecution(void);
NTSTATUS NTAPI NtAllocateVirtualMemory(HANDLE, PVOID *, ULONG_PTR, SIZE_T *, ULONG, ULONG);
NTSTATUS NTAPI NtFreeVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG);
NTSTATUS NTAPI NtProtectVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG, ULONG *);
NTSTATUS NTAPI NtQueryVirtualMemory(HANDLE, PVOID, int, PVOID, SIZE_T, SIZE_T *);

/* The PEB's ProcessParameters->StandardOutput, found as real code finds it: gs:[0x60]. */
static inline HANDLE StdOut(void) {
    UCHAR *peb, *params;
    __asm__ volatile ("mov %%gs:0x60, %0" : "=r"(peb));
    params = *(UCHAR **)(peb + 0x20);
    return *(HANDLE *)(params + 0x28);
}

static inline ULONG Length(const char *s) { ULONG n = 0; while (s[n]) n++; return n; }

static inline void Print(const char *s) {
    IO_STATUS_BLOCK iosb;
    NtWriteFile(StdOut(), 0, 0, 0, &iosb, s, Length(s), 0, 0);
}

static inline void PrintHex(const char *label, unsigned long long v) {
    char buf[64]; int i = 0;
    while (*label) buf[i++] = *label++;
    buf[i++] = '0'; buf[i++] = 'x';
    int started = 0;
    for (int shift = 60; shift >= 0; shift -= 4) {
        int d = (v >> shift) & 0xF;
        if (d || started || shift == 0) { buf[i++] = "0123456789abcdef"[d]; started = 1; }
    }
    buf[i++] = '\n'; buf[i] = 0;
    Print(buf);
}

/* Threads, waits and time (the scheduler samples). */
typedef struct { long long QuadPart; } LARGE_INTEGER;
typedef struct {
    NTSTATUS ExitStatus; PVOID TebBaseAddress; ULONG_PTR UniqueProcess, UniqueThread, AffinityMask;
    int Priority, BasePriority;
} THREAD_BASIC_INFORMATION;
#define NtCurrentThread() ((HANDLE)(long long)-2)
#define STATUS_TIMEOUT 0x102
#define STATUS_ABANDONED_WAIT_0 0x80
#define ThreadBasicInformation 0
#define ThreadPriority 2
#define ThreadBasePriority 3
#define ThreadAffinityMask 4
#define ThreadIdealProcessor 13
NTSTATUS NTAPI NtCreateThreadEx(HANDLE *, ULONG, PVOID, HANDLE, PVOID, PVOID, ULONG, SIZE_T, SIZE_T, SIZE_T, PVOID);
NTSTATUS NTAPI NtResumeThread(HANDLE, ULONG *);
NTSTATUS NTAPI NtSuspendThread(HANDLE, ULONG *);
NTSTATUS NTAPI NtTerminateThread(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtClose(HANDLE);
NTSTATUS NTAPI NtWaitForSingleObject(HANDLE, UCHAR, LARGE_INTEGER *);
NTSTATUS NTAPI NtWaitForMultipleObjects(ULONG, HANDLE *, int, UCHAR, LARGE_INTEGER *);
NTSTATUS NTAPI NtDelayExecution(UCHAR, LARGE_INTEGER *);
NTSTATUS NTAPI NtCreateEvent(HANDLE *, ULONG, PVOID, int, UCHAR);
NTSTATUS NTAPI NtSetEvent(HANDLE, long *);
NTSTATUS NTAPI NtResetEvent(HANDLE, long *);
NTSTATUS NTAPI NtPulseEvent(HANDLE, long *);
NTSTATUS NTAPI NtCreateMutant(HANDLE *, ULONG, PVOID, UCHAR);
NTSTATUS NTAPI NtReleaseMutant(HANDLE, long *);
NTSTATUS NTAPI NtCreateSemaphore(HANDLE *, ULONG, PVOID, long, long);
NTSTATUS NTAPI NtReleaseSemaphore(HANDLE, long, long *);
NTSTATUS NTAPI NtQueryPerformanceCounter(LARGE_INTEGER *, LARGE_INTEGER *);
NTSTATUS NTAPI NtQuerySystemTime(LARGE_INTEGER *);
NTSTATUS NTAPI NtSetInformationThread(HANDLE, int, PVOID, ULONG);
NTSTATUS NTAPI NtQueryInformationThread(HANDLE, int, PVOID, ULONG, ULONG *);
NTSTATUS NTAPI NtDuplicateObject(HANDLE, HANDLE, HANDLE, HANDLE *, ULONG, ULONG, ULONG);
ULONG NTAPI NtGetCurrentProcessorNumber(void);

/* A thread of this process at `start(parameter)`, suspended if asked; small stacks. */
NTSTATUS NTAPI NtSetInformationProcess(HANDLE, int, PVOID, ULONG);
/* A sample that shows one processor's scheduling keeps its process on processor 0
 * (ProcessAffinityMask), as such a test does on Windows, so it reads the same with --cpus N. */
static inline void OnProcessorZero(void) {
    ULONG_PTR mask = 1;
    NtSetInformationProcess(NtCurrentProcess(), 21, &mask, sizeof(mask));
}

static inline HANDLE StartThread(ULONG (*start)(PVOID), PVOID parameter, int suspended) {
    HANDLE h = 0;
    NTSTATUS s = NtCreateThreadEx(&h, 0x1FFFFF, 0, NtCurrentProcess(), (PVOID)start, parameter, suspended ? 1 : 0,
                                  0, 0x1000, 0x10000, 0);
    return s < 0 ? 0 : h;
}

static inline void SetPriority(HANDLE thread, int priority) {
    NtSetInformationThread(thread, ThreadPriority, &priority, sizeof(priority));
}

static inline int Priority(HANDLE thread) {
    THREAD_BASIC_INFORMATION tbi;
    NtQueryInformationThread(thread, ThreadBasicInformation, &tbi, sizeof(tbi), 0);
    return tbi.Priority;
}

/* Milliseconds as a relative NT timeout (negative, 100 ns units). */
static inline LARGE_INTEGER Ms(long long ms) { LARGE_INTEGER t; t.QuadPart = -ms * 10000; return t; }

static inline long long NowMs(void) {
    LARGE_INTEGER c, f;
    NtQueryPerformanceCounter(&c, &f);
    return c.QuadPart * 1000 / f.QuadPart;
}

static inline void PrintDec(const char *label, long long v) {
    char buf[80]; int i = 0, n = 0; char digits[24];
    while (*label) buf[i++] = *label++;
    if (v < 0) { buf[i++] = '-'; v = -v; }
    do { digits[n++] = '0' + (char)(v % 10); v /= 10; } while (v);
    while (n) buf[i++] = digits[--n];
    buf[i++] = '\n'; buf[i] = 0;
    Print(buf);
}

/* The index-th number (from 0) on the command line (PEB->ProcessParameters->CommandLine), or
 * `fallback`; the image path (C:\app\name.exe) holds no digits. */
static inline long long ArgNumber(int index, long long fallback) {
    UCHAR *peb, *params;
    __asm__ volatile ("mov %%gs:0x60, %0" : "=r"(peb));
    params = *(UCHAR **)(peb + 0x20);
    int length = *(USHORT *)(params + 0x70) / 2;
    unsigned short *text = *(unsigned short **)(params + 0x78);
    for (int i = 0; i < length; i++) {
        if (text[i] < '0' || text[i] > '9') continue;
        long long v = 0;
        while (i < length && text[i] >= '0' && text[i] <= '9') v = v * 10 + (text[i++] - '0');
        if (index-- == 0) return v;
    }
    return fallback;
}
NTSTATUS NTAPI NtGetContextThread(HANDLE, PVOID);
NTSTATUS NTAPI NtSetContextThread(HANDLE, PVOID);
