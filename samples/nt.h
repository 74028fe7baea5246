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
