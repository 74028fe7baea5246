/* What shlwapi's files share: the export marker, the heap the COM task allocator uses (the process
 * heap, as CoTaskMemAlloc), and per-character helpers. The A and W families are each written
 * once, in a *_t.h template included twice: TCH is the character type, FN(Name) the suffixed
 * name. The ANSI code page here is 1252, one byte a character, so the ANSI forms walk bytes. */
#ifndef SHLWAPI_H_GUEST
#define SHLWAPI_H_GUEST
#define _SHLWAPI_
#define _WIN32_WINNT 0x0A00
#define NTDDI_VERSION 0x0A000000
#define WIN32_LEAN_AND_MEAN
#ifndef LW_NO_COBJMACROS
#define COBJMACROS
#endif
#include <windows.h>
#include <objbase.h>
/* The SDK's older prototypes return nothing where Windows 10 returns BOOL: renamed away here. */
#define PathQuoteSpacesA SdkPathQuoteSpacesA
#define PathQuoteSpacesW SdkPathQuoteSpacesW
#define PathUnquoteSpacesA SdkPathUnquoteSpacesA
#define PathUnquoteSpacesW SdkPathUnquoteSpacesW
#include <shlwapi.h>
#undef PathQuoteSpacesA
#undef PathQuoteSpacesW
#undef PathUnquoteSpacesA
#undef PathUnquoteSpacesW

#define SHLAPI __declspec(dllexport)

#ifndef PMSF_MULTIPLE
#define PMSF_NORMAL 0x00000000
#define PMSF_MULTIPLE 0x00000001
#define PMSF_DONT_STRIP_SPACES 0x00010000
#endif

static inline void *TaskAlloc(SIZE_T n) { return HeapAlloc(GetProcessHeap(), 0, n); }
static inline void TaskFree(void *p) { if (p) HeapFree(GetProcessHeap(), 0, p); }

/* Upper case of a character for case-insensitive comparison (ASCII and Latin-1, as code page 1252's
 * letters are). */
static inline unsigned Up(unsigned c)
{
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    return c;
}
#endif
