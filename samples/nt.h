/* What the samples need of the native API (they import ntdll only); the services' prototypes are
 * generated from their declarations into nt_services.h by tools/build_samples.py. */
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
typedef struct { long long QuadPart; } LARGE_INTEGER;
/* UNICODE_STRING under a tag and another name: peb_walk.c declares its own UNICODE_STRING. */
struct _UNICODE_STRING { USHORT Length, MaximumLength; unsigned short *Buffer; };
typedef struct _UNICODE_STRING NtString;
typedef struct {
    ULONG Length; HANDLE RootDirectory; NtString *ObjectName; ULONG Attributes;
    PVOID SecurityDescriptor, SecurityQualityOfService;
} OBJECT_ATTRIBUTES;

/* Every implemented system service, as kernel/ex/services.py declares it (generated). */
#include "nt_services.h"
typedef struct {
    PVOID BaseAddress, AllocationBase; ULONG AllocationProtect; USHORT PartitionId;
    SIZE_T RegionSize; ULONG State, Protect, Type;
} MEMORY_BASIC_INFORMATION;


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

/* A sample that shows one processor's scheduling keeps its process on processor 0
 * (ProcessAffinityMask), as such a test does on Windows, so it reads the same with --cpus N. */
static inline void OnProcessorZero(void) {
    ULONG_PTR mask = 1;
    NtSetInformationProcess(NtCurrentProcess(), 21, &mask, sizeof(mask));
}

/* A thread of this process at `start(parameter)`, suspended if asked; small stacks. */
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

/* Files (the files_* samples). */
#define OBJ_CASE_INSENSITIVE 0x40
#define FILE_READ_DATA 0x1
#define FILE_LIST_DIRECTORY 0x1
#define FILE_WRITE_DATA 0x2
#define FILE_APPEND_DATA 0x4
#define FILE_READ_ATTRIBUTES 0x80
#define FILE_WRITE_ATTRIBUTES 0x100
#define DELETE 0x10000
#define SYNCHRONIZE 0x100000
#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define FILE_SHARE_READ 1
#define FILE_SHARE_WRITE 2
#define FILE_SHARE_DELETE 4
#define FILE_SUPERSEDE 0
#define FILE_OPEN 1
#define FILE_CREATE 2
#define FILE_OPEN_IF 3
#define FILE_OVERWRITE 4
#define FILE_OVERWRITE_IF 5
#define FILE_DIRECTORY_FILE 0x1
#define FILE_SYNCHRONOUS_IO_NONALERT 0x20
#define FILE_NON_DIRECTORY_FILE 0x40
#define FILE_DELETE_ON_CLOSE 0x1000
#define FILE_ATTRIBUTE_READONLY 0x1
#define FILE_ATTRIBUTE_DIRECTORY 0x10
#define FILE_ATTRIBUTE_NORMAL 0x80
#define STATUS_PENDING 0x103
#define STATUS_NO_MORE_FILES ((NTSTATUS)0x80000006)
#define STATUS_END_OF_FILE ((NTSTATUS)0xC0000011)
typedef struct { LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime; ULONG FileAttributes; } FILE_BASIC_INFORMATION;
typedef struct { LARGE_INTEGER AllocationSize, EndOfFile; ULONG NumberOfLinks; UCHAR DeletePending, Directory; } FILE_STANDARD_INFORMATION;
typedef struct { LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime, AllocationSize, EndOfFile;
                 ULONG FileAttributes; } FILE_NETWORK_OPEN_INFORMATION;
typedef struct { ULONG NextEntryOffset, FileIndex, FileNameLength; unsigned short FileName[1]; } FILE_NAMES_INFORMATION;
typedef struct {
    ULONG NextEntryOffset, FileIndex; LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime, EndOfFile,
    AllocationSize; ULONG FileAttributes, FileNameLength; unsigned short FileName[1];
} FILE_DIRECTORY_INFORMATION;
typedef struct { ULONG DeviceType, Characteristics; } FILE_FS_DEVICE_INFORMATION;
typedef struct { UCHAR ReplaceIfExists; HANDLE RootDirectory; ULONG FileNameLength; unsigned short FileName[1]; } FILE_RENAME_INFORMATION;
#define FileDirectoryInformation 1
#define FileBasicInformation 4
#define FileStandardInformation 5
#define FileNameInformation 9
#define FileRenameInformation 10
#define FileNamesInformation 12
#define FileDispositionInformation 13
#define FilePositionInformation 14
#define FileEndOfFileInformation 20
#define FileFsDeviceInformation 4

/* A NUL-terminated ASCII path as a UNICODE_STRING in `buf` (at most 259 characters). */
static inline NtString *NtName(NtString *us, unsigned short *buf, const char *s) {
    int n = 0;
    while (s[n] && n < 259) { buf[n] = (unsigned char)s[n]; n++; }
    buf[n] = 0;
    us->Length = (USHORT)(n * 2); us->MaximumLength = (USHORT)(n * 2 + 2); us->Buffer = buf;
    return us;
}

static inline OBJECT_ATTRIBUTES *Attributes(OBJECT_ATTRIBUTES *oa, HANDLE root, NtString *name) {
    oa->Length = sizeof(*oa); oa->RootDirectory = root; oa->ObjectName = name;
    oa->Attributes = OBJ_CASE_INSENSITIVE; oa->SecurityDescriptor = 0; oa->SecurityQualityOfService = 0;
    return oa;
}

/* NtCreateFile by ASCII NT path; returns the status, the handle in *h. */
static inline NTSTATUS CreateFileNt(HANDLE *h, const char *path, ULONG access, ULONG share, ULONG disposition,
                                    ULONG options) {
    NtString us; unsigned short buf[260]; OBJECT_ATTRIBUTES oa; IO_STATUS_BLOCK iosb;
    *h = 0;
    return NtCreateFile(h, access, Attributes(&oa, 0, NtName(&us, buf, path)), &iosb, 0, FILE_ATTRIBUTE_NORMAL, share,
                        disposition, options, 0, 0);
}

/* The PEB's ProcessParameters->StandardInput. */
static inline HANDLE StdIn(void) {
    UCHAR *peb, *params;
    __asm__ volatile ("mov %%gs:0x60, %0" : "=r"(peb));
    params = *(UCHAR **)(peb + 0x20);
    return *(HANDLE *)(params + 0x20);
}

/* Pipes (the files_pipe sample). */
#define FSCTL_PIPE_PEEK 0x11400C

/* Byte-range locks (the files_lock sample). */

/* The object namespace (the files_namespace sample). */
#define DIRECTORY_QUERY 0x1
#define SYMBOLIC_LINK_QUERY 0x1
#define OBJ_PERMANENT 0x10
#define OBJ_OPENIF 0x80
typedef struct { NtString Name, TypeName; } OBJECT_DIRECTORY_INFORMATION;

/* I/O completion ports (the files_iocp sample). */
typedef struct { PVOID KeyContext, ApcContext; IO_STATUS_BLOCK IoStatusBlock; } FILE_IO_COMPLETION_INFORMATION;
#define FileCompletionInformation 30
