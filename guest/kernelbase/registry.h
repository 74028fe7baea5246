/* What kernelbase's registry and security-base sources share (registry*.c, security.c): the
 * key and token services of the native API, the key information records they read, and small
 * helpers. advapi32 forwards these families here, as on Windows 10 (api-ms-win-core-registry,
 * api-ms-win-security-base). */
#pragma once
#define _ADVAPI32_                      /* windows.h: declare the advapi32 API without dllimport */
#include "kernelbase.h"

#include "../common/nt_keys.h"

#define STATUS_BUFFER_OVERFLOW_ ((NTSTATUS)0x80000005)
#define STATUS_BUFFER_TOO_SMALL_ ((NTSTATUS)0xC0000023)
#define STATUS_OBJECT_NAME_NOT_FOUND_ ((NTSTATUS)0xC0000034)
#define STATUS_NOT_ALL_ASSIGNED_ ((NTSTATUS)0x00000106)

static inline void *RegpAlloc(SIZE_T n) { return RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, n); }
static inline void RegpFree(void *p) { if (p) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, p); }
static inline BOOL RegpFailError(DWORD error) { SetLastError(error); return FALSE; }
static inline void RegpInitString(UNICODE_STRING *s, const WCHAR *text)
{
    size_t n = text ? wcslen(text) * sizeof(WCHAR) : 0;
    s->Length = (USHORT)n;
    s->MaximumLength = (USHORT)(text ? n + sizeof(WCHAR) : 0);
    s->Buffer = (PWSTR)text;
}

/* registry_a.c: an ANSI string as a heap copy in UTF-16 (NULL stays NULL); RegpFree frees it. */
WCHAR *RegpAnsiToWide(const char *text);
/* registry.c: the key handle a call works on (a predefined HKEY_* opened on first use). */
NTSTATUS RegpMapKey(HKEY key, HANDLE *out);
