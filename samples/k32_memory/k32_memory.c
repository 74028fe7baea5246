/* Family 5, memory: VirtualAlloc/Protect/Query/Free, the process heap and private heaps
 * (HeapAlloc flags, HeapReAlloc in place, HeapSize, HeapFree, GetProcessHeaps), and Local* /
 * Global* fixed and moveable blocks. Exit code: failed checks. */
#include "../k32.h"

void Entry(void)
{
    BYTE *p = VirtualAlloc(NULL, 0x3000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    Check(p != NULL && ((ULONG_PTR)p & 0xFFFF) == 0, "VirtualAlloc on a 64 KB boundary");
    p[0] = 1; p[0x2FFF] = 2;
    MEMORY_BASIC_INFORMATION mbi;
    Check(VirtualQuery(p + 0x1000, &mbi, sizeof(mbi)) == sizeof(mbi) && mbi.BaseAddress == p + 0x1000
          && mbi.AllocationBase == p && mbi.State == MEM_COMMIT && mbi.Protect == PAGE_READWRITE
          && mbi.Type == MEM_PRIVATE, "VirtualQuery describes the region");
    DWORD old = 0;
    Check(VirtualProtect(p, 0x1000, PAGE_READONLY, &old) && old == PAGE_READWRITE, "VirtualProtect gives the old protection");
    Check(VirtualQuery(p, &mbi, sizeof(mbi)) && mbi.Protect == PAGE_READONLY && mbi.RegionSize == 0x1000,
          "the first page is now read-only");
    CheckError(!VirtualProtect(p, 0x1000, 0x12345, &old), ERROR_INVALID_PARAMETER,
               "VirtualProtect(bad protection) -> ERROR_INVALID_PARAMETER");
    Check(VirtualFree(p + 0x2000, 0x1000, MEM_DECOMMIT), "VirtualFree(MEM_DECOMMIT) of one page");
    Check(VirtualQuery(p + 0x2000, &mbi, sizeof(mbi)) && mbi.State == MEM_RESERVE, "it is reserved again");
    Check(VirtualFree(p, 0, MEM_RELEASE), "VirtualFree(MEM_RELEASE)");
    Check(VirtualQuery(p, &mbi, sizeof(mbi)) && mbi.State == MEM_FREE, "the region is free");
    CheckError(!VirtualFree(p, 0, MEM_RELEASE), ERROR_INVALID_ADDRESS, "releasing it twice -> ERROR_INVALID_ADDRESS");

    HANDLE heap = GetProcessHeap();
    HANDLE heaps[8];
    Check(heap != NULL && GetProcessHeaps(8, heaps) >= 1 && heaps[0] == heap, "GetProcessHeap is the first of GetProcessHeaps");
    BYTE *a = HeapAlloc(heap, HEAP_ZERO_MEMORY, 100);
    int zero = 1;
    for (int i = 0; i < 100; i++) zero &= a[i] == 0;
    Check(a && zero && HeapSize(heap, 0, a) == 100, "HeapAlloc(HEAP_ZERO_MEMORY), HeapSize");
    a[0] = 'x';
    BYTE *b = HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, a, 90);
    Check(b == a && HeapSize(heap, 0, a) == 90, "HeapReAlloc shrinks in place");
    Check(HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, a, 100000) == NULL, "HEAP_REALLOC_IN_PLACE_ONLY cannot grow far");
    b = HeapReAlloc(heap, 0, a, 100000);
    Check(b && b[0] == 'x' && HeapSize(heap, 0, b) == 100000, "HeapReAlloc moves and keeps the contents");
    Check(HeapFree(heap, 0, b), "HeapFree");

    HANDLE mine = HeapCreate(0, 0x10000, 0);
    Check(mine != NULL && mine != heap, "HeapCreate makes a private heap");
    void *c = HeapAlloc(mine, 0, 5000);
    Check(c != NULL && HeapSize(mine, 0, c) == 5000, "allocating from it");
    Check(HeapFree(mine, 0, c) && HeapDestroy(mine), "HeapDestroy");
    CheckError(!HeapDestroy(heap), ERROR_INVALID_PARAMETER, "the process heap cannot be destroyed");
    ULONG lfh = 2;
    Check(HeapSetInformation(heap, HeapCompatibilityInformation, &lfh, sizeof(lfh)), "HeapSetInformation(LFH)");

    HLOCAL fixed = LocalAlloc(LPTR, 64);
    Check(fixed != NULL && LocalLock(fixed) == fixed && LocalSize(fixed) == 64, "LocalAlloc(LPTR): a fixed block is its pointer");
    Check(LocalFree(fixed) == NULL, "LocalFree gives NULL on success");
    HGLOBAL moveable = GlobalAlloc(GHND, 32);
    BYTE *m = GlobalLock(moveable);
    Check(moveable != NULL && m != NULL && (void *)m != (void *)moveable && m[31] == 0, "GlobalAlloc(GHND) is a handle");
    Check(GlobalFlags(moveable) == 1 && GlobalSize(moveable) == 32, "one lock, 32 bytes");
    m[0] = 'q';
    Check(!GlobalUnlock(moveable) && GetLastError() == NO_ERROR, "the last unlock returns FALSE with NO_ERROR");
    CheckError(!GlobalUnlock(moveable), ERROR_NOT_LOCKED, "unlocking again -> ERROR_NOT_LOCKED");
    moveable = GlobalReAlloc(moveable, 4096, GMEM_MOVEABLE);
    m = GlobalLock(moveable);
    Check(m && m[0] == 'q' && GlobalSize(moveable) == 4096, "GlobalReAlloc keeps the handle and the contents");
    GlobalUnlock(moveable);
    Check(GlobalFree(moveable) == NULL, "GlobalFree");
    ExitProcess(failures);
}
