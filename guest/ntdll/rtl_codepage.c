/* The ANSI code page of ntdll's string routines: Windows-1252 (the ACP of an en-US Windows).
 * RtlMultiByteToUnicodeN / RtlUnicodeToMultiByteN and their size queries; a character 1252
 * cannot hold becomes '?', the code page's default character. */
#include "rtl.h"

/* 0x80..0x9F of 1252; the rest of the high half is Latin-1. The five undefined bytes map to
 * the C1 controls of the same value, as Windows' table does. */
static const WCHAR Cp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static WCHAR ToUnicode(UCHAR c)
{
    return (c >= 0x80 && c < 0xA0) ? Cp1252High[c - 0x80] : c;
}

static CHAR FromUnicode(WCHAR w)
{
    if (w < 0x80 || (w >= 0xA0 && w <= 0xFF)) return (CHAR)w;
    for (int i = 0; i < 32; i++)
        if (Cp1252High[i] == w) return (CHAR)(0x80 + i);
    return '?';
}

NTSYSAPI NTSTATUS NTAPI RtlMultiByteToUnicodeN(PWSTR Dest, ULONG DestBytes, ULONG *ResultBytes, const CHAR *Src, ULONG SrcBytes)
{
    ULONG n = DestBytes / 2 < SrcBytes ? DestBytes / 2 : SrcBytes;
    for (ULONG i = 0; i < n; i++)
        Dest[i] = ToUnicode((UCHAR)Src[i]);
    if (ResultBytes) *ResultBytes = n * 2;
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlUnicodeToMultiByteN(CHAR *Dest, ULONG DestBytes, ULONG *ResultBytes, PCWSTR Src, ULONG SrcBytes)
{
    ULONG n = SrcBytes / 2 < DestBytes ? SrcBytes / 2 : DestBytes;
    for (ULONG i = 0; i < n; i++)
        Dest[i] = FromUnicode(Src[i]);
    if (ResultBytes) *ResultBytes = n;
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlMultiByteToUnicodeSize(ULONG *Bytes, const CHAR *Src, ULONG SrcBytes)
{
    (void)Src;
    *Bytes = SrcBytes * 2;
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlUnicodeToMultiByteSize(ULONG *Bytes, PCWSTR Src, ULONG SrcBytes)
{
    (void)Src;
    *Bytes = SrcBytes / 2;
    return STATUS_SUCCESS;
}
