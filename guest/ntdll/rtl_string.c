/* Counted strings: RtlInit*String, comparison, case mapping, copying, appending, creation and
 * freeing (buffers from the process heap), and the ANSI <-> Unicode string conversions over
 * rtl_codepage.c. Case mapping covers Latin-1, Latin Extended-A, Greek and Cyrillic. */
#include "rtl.h"

NTSYSAPI void NTAPI RtlInitUnicodeString(UNICODE_STRING *Dest, PCWSTR Source)
{
    SIZE_T n = 0;
    if (Source)
        while (Source[n]) n++;
    if (n > 0x7FFE) n = 0x7FFE;
    Dest->Length = (USHORT)(n * 2);
    Dest->MaximumLength = Source ? (USHORT)(n * 2 + 2) : 0;
    Dest->Buffer = (WCHAR *)Source;
}

NTSYSAPI NTSTATUS NTAPI RtlInitUnicodeStringEx(UNICODE_STRING *Dest, PCWSTR Source)
{
    SIZE_T n = 0;
    if (Source)
        while (Source[n]) n++;
    if (n > 0x7FFE) return STATUS_NAME_TOO_LONG;
    RtlInitUnicodeString(Dest, Source);
    return STATUS_SUCCESS;
}

NTSYSAPI void NTAPI RtlInitAnsiString(ANSI_STRING *Dest, const CHAR *Source)
{
    SIZE_T n = 0;
    if (Source)
        while (Source[n]) n++;
    if (n > 0xFFFE) n = 0xFFFE;
    Dest->Length = (USHORT)n;
    Dest->MaximumLength = Source ? (USHORT)(n + 1) : 0;
    Dest->Buffer = (CHAR *)Source;
}

NTSYSAPI void NTAPI RtlInitString(STRING *Dest, const CHAR *Source)
{
    RtlInitAnsiString(Dest, Source);
}

NTSYSAPI WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR c)
{
    if (c < 'a') return c;
    if (c <= 'z') return c - 0x20;
    if (c < 0xE0) return c == 0xB5 ? 0x39C : c;
    if (c <= 0xFE) return c == 0xF7 ? c : c - 0x20;
    if (c == 0xFF) return 0x178;
    if (c >= 0x100 && c <= 0x17F) {             /* Latin Extended-A: pairs, odd is lower ... */
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1) ? c : c - 1;         /* ... except where the pairs start odd */
        if (c == 0x131) return 'I';
        if (c == 0x17F) return 'S';
        if (c == 0x138 || c == 0x149) return c;
        return (c & 1) ? c - 1 : c;
    }
    if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) return c - 0x20;   /* Greek */
    if (c == 0x3C2) return 0x3A3;
    if (c == 0x3AC) return 0x386;
    if (c >= 0x3AD && c <= 0x3AF) return c - 0x25;
    if (c == 0x3CC) return 0x38C;
    if (c == 0x3CD || c == 0x3CE) return c - 0x3F;
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;                  /* Cyrillic */
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;
    if (c >= 0xFF41 && c <= 0xFF5A) return c - 0x20;                /* fullwidth */
    return c;
}

NTSYSAPI WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR c)
{
    if (c < 'A') return c;
    if (c <= 'Z') return c + 0x20;
    if (c < 0xC0) return c;
    if (c <= 0xDE) return c == 0xD7 ? c : c + 0x20;
    if (c == 0x178) return 0xFF;
    if (c >= 0x100 && c <= 0x17F) {
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1) ? c + 1 : c;
        if (c == 0x130) return 'i';
        if (c == 0x138 || c == 0x149 || c == 0x17F) return c;
        return (c & 1) ? c : c + 1;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 0x25;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 0x3F;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    if (c >= 0xFF21 && c <= 0xFF3A) return c + 0x20;
    return c;
}

NTSYSAPI LONG NTAPI RtlCompareUnicodeString(const UNICODE_STRING *a, const UNICODE_STRING *b, BOOLEAN CaseInsensitive)
{
    SIZE_T la = a->Length / 2, lb = b->Length / 2, n = la < lb ? la : lb;
    for (SIZE_T i = 0; i < n; i++) {
        WCHAR x = a->Buffer[i], y = b->Buffer[i];
        if (CaseInsensitive) { x = RtlUpcaseUnicodeChar(x); y = RtlUpcaseUnicodeChar(y); }
        if (x != y) return (LONG)x - (LONG)y;
    }
    return (LONG)la - (LONG)lb;
}

NTSYSAPI BOOLEAN NTAPI RtlEqualUnicodeString(const UNICODE_STRING *a, const UNICODE_STRING *b, BOOLEAN CaseInsensitive)
{
    return a->Length == b->Length && RtlCompareUnicodeString(a, b, CaseInsensitive) == 0;
}

NTSYSAPI BOOLEAN NTAPI RtlPrefixUnicodeString(const UNICODE_STRING *p, const UNICODE_STRING *s, BOOLEAN CaseInsensitive)
{
    if (p->Length > s->Length) return 0;
    UNICODE_STRING head = {p->Length, p->Length, s->Buffer};
    return RtlCompareUnicodeString(p, &head, CaseInsensitive) == 0;
}

NTSYSAPI void NTAPI RtlCopyUnicodeString(UNICODE_STRING *Dest, const UNICODE_STRING *Source)
{
    if (Source == NULL) { Dest->Length = 0; return; }
    USHORT n = Source->Length < Dest->MaximumLength ? Source->Length : Dest->MaximumLength;
    memmove(Dest->Buffer, Source->Buffer, n);
    Dest->Length = n;
    if (n + 2 <= Dest->MaximumLength) Dest->Buffer[n / 2] = 0;
}

NTSYSAPI NTSTATUS NTAPI RtlAppendUnicodeStringToString(UNICODE_STRING *Dest, const UNICODE_STRING *Source)
{
    if ((ULONG)Dest->Length + Source->Length > Dest->MaximumLength) return STATUS_BUFFER_TOO_SMALL;
    memmove((UCHAR *)Dest->Buffer + Dest->Length, Source->Buffer, Source->Length);
    Dest->Length += Source->Length;
    if (Dest->Length + 2 <= Dest->MaximumLength) Dest->Buffer[Dest->Length / 2] = 0;
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlAppendUnicodeToString(UNICODE_STRING *Dest, PCWSTR Source)
{
    UNICODE_STRING s;
    RtlInitUnicodeString(&s, Source);
    return RtlAppendUnicodeStringToString(Dest, &s);
}

NTSYSAPI BOOLEAN NTAPI RtlCreateUnicodeString(UNICODE_STRING *Dest, PCWSTR Source)
{
    UNICODE_STRING s;
    RtlInitUnicodeString(&s, Source);
    Dest->Buffer = RtlAllocateHeap(RtlpProcessHeap(), 0, s.MaximumLength);
    if (Dest->Buffer == NULL) return 0;
    memcpy(Dest->Buffer, Source, s.MaximumLength);
    Dest->Length = s.Length;
    Dest->MaximumLength = s.MaximumLength;
    return 1;
}

NTSYSAPI void NTAPI RtlFreeUnicodeString(UNICODE_STRING *s)
{
    if (s->Buffer) RtlFreeHeap(RtlpProcessHeap(), 0, s->Buffer);
    s->Buffer = NULL;
    s->Length = s->MaximumLength = 0;
}

NTSYSAPI void NTAPI RtlFreeAnsiString(ANSI_STRING *s)
{
    if (s->Buffer) RtlFreeHeap(RtlpProcessHeap(), 0, s->Buffer);
    s->Buffer = NULL;
    s->Length = s->MaximumLength = 0;
}

NTSYSAPI NTSTATUS NTAPI RtlAnsiStringToUnicodeString(UNICODE_STRING *Dest, const ANSI_STRING *Src, BOOLEAN Allocate)
{
    ULONG bytes = (ULONG)Src->Length * 2;
    if (bytes + 2 > 0xFFFF) return STATUS_INVALID_PARAMETER_2;
    if (Allocate) {
        Dest->Buffer = RtlAllocateHeap(RtlpProcessHeap(), 0, bytes + 2);
        if (Dest->Buffer == NULL) return STATUS_NO_MEMORY;
        Dest->MaximumLength = (USHORT)(bytes + 2);
    } else if (bytes + 2 > Dest->MaximumLength) {
        if (bytes > Dest->MaximumLength) return STATUS_BUFFER_OVERFLOW;
    }
    ULONG done = 0;
    RtlMultiByteToUnicodeN(Dest->Buffer, bytes, &done, Src->Buffer, Src->Length);
    Dest->Length = (USHORT)done;
    if (done + 2 <= Dest->MaximumLength) Dest->Buffer[done / 2] = 0;
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlUnicodeStringToAnsiString(ANSI_STRING *Dest, const UNICODE_STRING *Src, BOOLEAN Allocate)
{
    ULONG bytes = Src->Length / 2;
    if (Allocate) {
        Dest->Buffer = RtlAllocateHeap(RtlpProcessHeap(), 0, bytes + 1);
        if (Dest->Buffer == NULL) return STATUS_NO_MEMORY;
        Dest->MaximumLength = (USHORT)(bytes + 1);
    }
    NTSTATUS status = STATUS_SUCCESS;
    ULONG room = bytes;
    if (!Allocate && bytes + 1 > Dest->MaximumLength) {
        status = STATUS_BUFFER_OVERFLOW;            /* converts what fits, as Windows does */
        room = Dest->MaximumLength ? Dest->MaximumLength - 1u : 0;
    }
    ULONG done = 0;
    RtlUnicodeToMultiByteN(Dest->Buffer, room, &done, Src->Buffer, Src->Length);
    Dest->Length = (USHORT)done;
    if (done < Dest->MaximumLength) Dest->Buffer[done] = 0;
    return status;
}
