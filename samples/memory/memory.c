/* Reserves, commits, writes, protects, queries, decommits and releases memory through the
 * NtXxxVirtualMemory services, printing what each returned. */
#include "../nt.h"

#define MEM_COMMIT 0x1000
#define MEM_RESERVE 0x2000
#define MEM_DECOMMIT 0x4000
#define MEM_RELEASE 0x8000
#define PAGE_NOACCESS 0x01
#define PAGE_READONLY 0x02
#define PAGE_READWRITE 0x04

int Entry(void)
{
    PVOID base = 0;
    SIZE_T size = 0x20000;
    NTSTATUS st = NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, MEM_RESERVE, PAGE_READWRITE);
    PrintHex("reserve status ", (ULONG)st);
    PrintHex("reserved size ", size);

    PVOID commit = (UCHAR *)base + 0x1000;
    SIZE_T csize = 0x1800;
    st = NtAllocateVirtualMemory(NtCurrentProcess(), &commit, 0, &csize, MEM_COMMIT, PAGE_READWRITE);
    PrintHex("commit status ", (ULONG)st);
    PrintHex("commit offset ", (UCHAR *)commit - (UCHAR *)base);
    PrintHex("commit size ", csize);

    volatile unsigned int *p = commit;
    p[0] = 0x1234;
    PrintHex("value ", p[0]);

    ULONG old = 0;
    PVOID pbase = commit;
    SIZE_T psize = 0x1000;
    st = NtProtectVirtualMemory(NtCurrentProcess(), &pbase, &psize, PAGE_READONLY, &old);
    PrintHex("protect status ", (ULONG)st);
    PrintHex("old protection ", old);

    MEMORY_BASIC_INFORMATION mbi;
    SIZE_T ret = 0;
    st = NtQueryVirtualMemory(NtCurrentProcess(), commit, 0, &mbi, sizeof(mbi), &ret);
    PrintHex("query status ", (ULONG)st);
    PrintHex("state ", mbi.State);
    PrintHex("protect ", mbi.Protect);
    PrintHex("region size ", mbi.RegionSize);
    PrintHex("type ", mbi.Type);
    st = NtQueryVirtualMemory(NtCurrentProcess(), base, 0, &mbi, sizeof(mbi), &ret);
    PrintHex("reserved state ", mbi.State);
    PrintHex("reserved region ", mbi.RegionSize);

    /* Errors Windows gives. */
    PVOID bad = (UCHAR *)base + 0x10000;
    SIZE_T bsize = 0x1000;
    st = NtProtectVirtualMemory(NtCurrentProcess(), &bad, &bsize, PAGE_READONLY, &old);
    PrintHex("protect uncommitted ", (ULONG)st);
    PVOID mid = (UCHAR *)base + 0x1000;
    SIZE_T zero = 0;
    st = NtFreeVirtualMemory(NtCurrentProcess(), &mid, &zero, MEM_RELEASE);
    PrintHex("release not at base ", (ULONG)st);
    PVOID b2 = 0;
    SIZE_T s2 = 0x1000;
    st = NtAllocateVirtualMemory(NtCurrentProcess(), &b2, 0, &s2, MEM_COMMIT, 0x12345);
    PrintHex("bad protection ", (ULONG)st);

    PVOID dbase = commit;
    SIZE_T dsize = 0x1000;
    st = NtFreeVirtualMemory(NtCurrentProcess(), &dbase, &dsize, MEM_DECOMMIT);
    PrintHex("decommit status ", (ULONG)st);
    st = NtQueryVirtualMemory(NtCurrentProcess(), commit, 0, &mbi, sizeof(mbi), &ret);
    PrintHex("after decommit ", mbi.State);

    PVOID rbase = base;
    SIZE_T rsize = 0;
    st = NtFreeVirtualMemory(NtCurrentProcess(), &rbase, &rsize, MEM_RELEASE);
    PrintHex("release status ", (ULONG)st);
    PrintHex("released size ", rsize);
    st = NtQueryVirtualMemory(NtCurrentProcess(), base, 0, &mbi, sizeof(mbi), &ret);
    PrintHex("after release ", mbi.State);
    return 0;
}
