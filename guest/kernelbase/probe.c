/* IsBadReadPtr, IsBadWritePtr, IsBadCodePtr, IsBadStringPtr (obsolete, still imported): whether
 * each page of a range is committed with an access that allows the read or write, asked of the
 * memory manager (VirtualQuery) page by page rather than by touching the pages, so that a guard
 * page is reported bad without being consumed. A zero length is never bad; NULL with a length is. */
#include "kernelbase.h"

#define READABLE (PAGE_READONLY | PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READ | \
                  PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)
#define WRITABLE (PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)

/* TRUE when every byte of [p, p + size) lies in committed pages whose protection has one of mask's bits. */
static BOOL RangeAllows(ULONG_PTR p, ULONG_PTR size, DWORD mask)
{
    ULONG_PTR last = p + size - 1;
    if (last < p)
        return FALSE;                                   /* wraps around the address space */
    while (1) {
        MEMORY_BASIC_INFORMATION mbi;
        DWORD error = GetLastError();
        SIZE_T got = VirtualQuery((LPCVOID)p, &mbi, sizeof(mbi));
        SetLastError(error);
        if (got == 0 || mbi.State != MEM_COMMIT || (mbi.Protect & (PAGE_GUARD | PAGE_NOACCESS)) ||
            !(mbi.Protect & mask))
            return FALSE;
        ULONG_PTR end = (ULONG_PTR)mbi.BaseAddress + mbi.RegionSize;   /* the region's pages all alike */
        if (end == 0 || end - 1 >= last)
            return TRUE;
        p = end;
    }
}

KBAPI BOOL WINAPI IsBadReadPtr(LPCVOID p, UINT_PTR size)
{
    if (size == 0) return FALSE;
    if (p == NULL) return TRUE;
    return !RangeAllows((ULONG_PTR)p, size, READABLE);
}

KBAPI BOOL WINAPI IsBadHugeReadPtr(LPCVOID p, UINT_PTR size) { return IsBadReadPtr(p, size); }

KBAPI BOOL WINAPI IsBadWritePtr(LPVOID p, UINT_PTR size)
{
    if (size == 0) return FALSE;
    if (p == NULL) return TRUE;
    return !RangeAllows((ULONG_PTR)p, size, WRITABLE);
}

KBAPI BOOL WINAPI IsBadHugeWritePtr(LPVOID p, UINT_PTR size) { return IsBadWritePtr(p, size); }

KBAPI BOOL WINAPI IsBadCodePtr(FARPROC p)
{
    if (p == NULL) return TRUE;
    return !RangeAllows((ULONG_PTR)p, 1, READABLE);
}

/* The string up to its NUL or max characters, whichever comes first, checked a page at a time. */
KBAPI BOOL WINAPI IsBadStringPtrA(LPCSTR s, UINT_PTR max)
{
    if (max == 0) return FALSE;
    if (s == NULL) return TRUE;
    for (UINT_PTR i = 0; i < max; i++) {
        if (i == 0 || (((ULONG_PTR)(s + i)) & 0xFFF) == 0)
            if (!RangeAllows((ULONG_PTR)(s + i), 1, READABLE))
                return TRUE;
        if (s[i] == 0) break;
    }
    return FALSE;
}

KBAPI BOOL WINAPI IsBadStringPtrW(LPCWSTR s, UINT_PTR max)
{
    if (max == 0) return FALSE;
    if (s == NULL) return TRUE;
    for (UINT_PTR i = 0; i < max; i++) {
        ULONG_PTR at = (ULONG_PTR)(s + i);
        if (i == 0 || (at & 0xFFF) == 0 || ((at + 1) & 0xFFF) == 0)     /* a character starting a page or across one */
            if (!RangeAllows(at, 2, READABLE))
                return TRUE;
        if (s[i] == 0) break;
    }
    return FALSE;
}
