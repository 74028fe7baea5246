/* Runs into one limit, chosen by its first argument, and prints what the kernel answered:
 *   1  an endless loop (--max-instructions, --timeout end it)
 *   2  endless output (--max-output ends it)
 *   3  commits N MB (second argument, default 1024) at once: STATUS_COMMITMENT_LIMIT beyond --memory
 *   4  duplicates a handle until that fails (--max-handles)
 *   5  creates waiting threads until that fails (--max-threads) */
#include "../nt.h"

#define MEM_COMMIT 0x1000
#define MEM_RESERVE 0x2000
#define PAGE_READWRITE 0x04

static ULONG Wait(PVOID event)
{
    NtWaitForSingleObject((HANDLE)event, 0, 0);
    return 0;
}

int Entry(void)
{
    long long mode = ArgNumber(0, 0);
    if (mode == 1) {
        for (volatile unsigned long long n = 0;; n++) {}
    }
    if (mode == 2) {
        for (;;) Print("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n");
    }
    if (mode == 3) {
        PVOID base = 0;
        SIZE_T size = (SIZE_T)ArgNumber(1, 1024) << 20;
        NTSTATUS st = NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, MEM_RESERVE | MEM_COMMIT,
                                              PAGE_READWRITE);
        PrintHex("commit status ", (ULONG)st);
        /* A failed commit leaves nothing behind: a small one still works. */
        base = 0;
        size = 0x10000;
        st = NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        PrintHex("small commit status ", (ULONG)st);
        return 0;
    }
    if (mode == 4) {
        HANDLE event, copy;
        NtCreateEvent(&event, 0x1F0003, 0, 0, 0);
        long long count = 0;
        NTSTATUS st;
        while ((st = NtDuplicateObject(NtCurrentProcess(), event, NtCurrentProcess(), &copy, 0, 0, 2)) >= 0)
            count++;
        PrintDec("duplicates ", count);
        PrintHex("status ", (ULONG)st);
        return 0;
    }
    if (mode == 5) {
        HANDLE event, thread;
        NtCreateEvent(&event, 0x1F0003, 0, 0, 0);
        long long count = 0;
        NTSTATUS st;
        while ((st = NtCreateThreadEx(&thread, 0x1FFFFF, 0, NtCurrentProcess(), (PVOID)Wait, event, 0, 0, 0x1000,
                                      0x10000, 0)) >= 0)
            count++;
        PrintDec("threads ", count);
        PrintHex("status ", (ULONG)st);
        NtSetEvent(event, 0);
        return 0;
    }
    Print("usage: limits 1|2|3 [MB]|4|5\n");
    return 2;
}
