/* The loader's small helpers: its memory (the process heap), and DLL-name strings compared
 * as the loader compares them (case-insensitively, upcased). */
#include "ldrp.h"

PVOID NTAPI RtlAllocateHeap(PVOID heap, ULONG flags, SIZE_T size);
BOOLEAN NTAPI RtlFreeHeap(PVOID heap, ULONG flags, PVOID p);

PVOID LdrpAlloc(SIZE_T size)
{
    return RtlAllocateHeap(LdrpPeb()->ProcessHeap, HEAP_ZERO_MEMORY, size);
}

void LdrpFree(PVOID p)
{
    if (p)
        RtlFreeHeap(LdrpPeb()->ProcessHeap, 0, p);
}

/* RtlUpcaseUnicodeChar for the characters file names use: ASCII and Latin-1. */
WCHAR LdrpUpcase(WCHAR c)
{
    if (c >= 'a' && c <= 'z')
        return c - 0x20;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
        return c - 0x20;
    if (c == 0xFF)
        return 0x178;
    return c;
}

BOOLEAN LdrpEqualNames(const WCHAR *a, SIZE_T alen, const WCHAR *b, SIZE_T blen)
{
    if (alen != blen)
        return 0;
    for (SIZE_T i = 0; i < alen; i++)
        if (LdrpUpcase(a[i]) != LdrpUpcase(b[i]))
            return 0;
    return 1;
}

SIZE_T LdrpWcsLen(const WCHAR *s)
{
    SIZE_T n = 0;
    while (s[n])
        n++;
    return n;
}

/* RtlHashUnicodeString(HASH_STRING_ALGORITHM_X65599, case-insensitive): BaseNameHashValue. */
ULONG LdrpHashName(const WCHAR *name, SIZE_T len)
{
    ULONG hash = 0;
    for (SIZE_T i = 0; i < len; i++)
        hash = hash * 65599 + LdrpUpcase(name[i]);
    return hash;
}

BOOLEAN LdrpMakeString(UNICODE_STRING *out, const WCHAR *text, SIZE_T len)
{
    WCHAR *buffer = LdrpAlloc((len + 1) * sizeof(WCHAR));
    if (buffer == NULL)
        return 0;
    __builtin_memcpy(buffer, text, len * sizeof(WCHAR));
    buffer[len] = 0;
    out->Buffer = buffer;
    out->Length = (USHORT)(len * sizeof(WCHAR));
    out->MaximumLength = (USHORT)((len + 1) * sizeof(WCHAR));
    return 1;
}

/* Import names are ANSI; as a file name, each byte is its own character (code page 1252's
 * printable range maps to the same Unicode values for the names DLLs have). */
int LdrpAnsiToWide(const char *in, WCHAR *out, int max)
{
    int n = 0;
    while (in[n] && n < max - 1) {
        out[n] = (UCHAR)in[n];
        n++;
    }
    out[n] = 0;
    return in[n] ? -1 : n;
}
