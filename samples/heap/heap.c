/* The process heap that ntdll's LdrInitializeThunk creates (PEB.ProcessHeap): allocation,
   zeroing, sizes, reuse after free, merging of free neighbours, reallocation, a request larger
   than a segment, and a bad free. Exit code: failed checks. */
#include "../nt.h"

PVOID NTAPI RtlAllocateHeap(PVOID, ULONG, SIZE_T);
UCHAR NTAPI RtlFreeHeap(PVOID, ULONG, PVOID);
PVOID NTAPI RtlReAllocateHeap(PVOID, ULONG, PVOID, SIZE_T);
SIZE_T NTAPI RtlSizeHeap(PVOID, ULONG, PVOID);
ULONG NTAPI RtlGetProcessHeaps(ULONG, PVOID *);
#define HEAP_ZERO_MEMORY 8

static int failures;

static void Check(int ok, const char *what)
{
    Print(ok ? "ok   " : "FAIL ");
    Print(what);
    Print("\n");
    failures += !ok;
}

void Entry(void)
{
    UCHAR *peb;
    __asm__ volatile ("mov %%gs:0x60, %0" : "=r"(peb));
    PVOID heap = *(PVOID *)(peb + 0x30);
    PVOID list[4] = {0};
    Check(heap != 0, "PEB.ProcessHeap is set");
    Check(RtlGetProcessHeaps(4, list) == 1 && list[0] == heap, "RtlGetProcessHeaps lists it");
    Check(*(ULONG *)(peb + 0xE8) == 1 && (*(PVOID **)(peb + 0xF0))[0] == heap, "PEB.ProcessHeaps[0] is it");

    UCHAR *a = RtlAllocateHeap(heap, HEAP_ZERO_MEMORY, 100);
    int zero = 1;
    for (int i = 0; i < 100; i++)
        zero &= a[i] == 0;
    Check(a != 0 && ((ULONG_PTR)a & 15) == 0 && zero, "100 zeroed bytes, 16-byte aligned");
    Check(RtlSizeHeap(heap, 0, a) == 100, "RtlSizeHeap gives the size asked for");
    UCHAR *b = RtlAllocateHeap(heap, 0, 200), *c = RtlAllocateHeap(heap, 0, 300);
    Check(b > a && c > b, "blocks follow one another");
    Check(RtlFreeHeap(heap, 0, b), "free succeeds");
    UCHAR *d = RtlAllocateHeap(heap, 0, 150);
    Check(d == b, "a freed block is reused");
    RtlFreeHeap(heap, 0, a);
    RtlFreeHeap(heap, 0, d);
    UCHAR *e = RtlAllocateHeap(heap, 0, 100 + 200 + 16);
    Check(e == a, "free neighbours merge into one block");
    for (int i = 0; i < 16; i++)
        e[i] = (UCHAR)i;
    UCHAR *f = RtlReAllocateHeap(heap, 0, e, 5000);
    int kept = 1;
    for (int i = 0; i < 16; i++)
        kept &= f[i] == i;
    Check(f != 0 && kept && RtlSizeHeap(heap, 0, f) == 5000, "reallocation keeps the contents");
    UCHAR *big = RtlAllocateHeap(heap, 0, 3 << 20);
    Check(big != 0 && RtlSizeHeap(heap, 0, big) == (3 << 20), "3 MB comes from a new segment");
    big[(3 << 20) - 1] = 1;
    Check(!RtlFreeHeap(heap, 0, big + 16), "freeing an address the heap never gave fails");
    Check(RtlFreeHeap(heap, 0, big) && RtlFreeHeap(heap, 0, f) && RtlFreeHeap(heap, 0, c), "the rest is freed");
    NtTerminateProcess(NtCurrentProcess(), failures);
}
