/* Rtl security identifiers: a SID is Revision 1, SubAuthorityCount (at most 15), a 6-byte big-endian
 * IdentifierAuthority and the sub-authorities. Sizes, validation, comparison, copying,
 * initialisation and heap allocation, and the "S-1-5-21-..." string form. */
#include "rtl.h"

typedef struct { UCHAR Value[6]; } SID_IDENTIFIER_AUTHORITY;
typedef struct _SID {
    UCHAR Revision, SubAuthorityCount;
    SID_IDENTIFIER_AUTHORITY IdentifierAuthority;
    ULONG SubAuthority[1];
} SID;
typedef struct { ULONG LowPart; LONG HighPart; } LUID;

#define SID_REVISION 1
#define SID_MAX_SUB_AUTHORITIES 15
#define STATUS_INVALID_SID ((NTSTATUS)0xC0000078)

NTSYSAPI ULONG NTAPI RtlLengthRequiredSid(ULONG count) { return 8 + 4 * count; }
NTSYSAPI ULONG NTAPI RtlLengthSid(const SID *sid) { return 8 + 4 * (ULONG)sid->SubAuthorityCount; }

NTSYSAPI BOOLEAN NTAPI RtlValidSid(const SID *sid)
{
    return sid != NULL && sid->Revision == SID_REVISION && sid->SubAuthorityCount <= SID_MAX_SUB_AUTHORITIES;
}

static int SameBytes(const void *a, const void *b, ULONG n)
{
    const UCHAR *x = a, *y = b;
    for (ULONG i = 0; i < n; i++)
        if (x[i] != y[i]) return 0;
    return 1;
}

NTSYSAPI BOOLEAN NTAPI RtlEqualSid(const SID *a, const SID *b)
{
    return a->Revision == b->Revision && a->SubAuthorityCount == b->SubAuthorityCount &&
           SameBytes(a, b, RtlLengthSid(a));
}

/* Equal but for the last sub-authority (the domain part of two account SIDs). */
NTSYSAPI BOOLEAN NTAPI RtlEqualPrefixSid(const SID *a, const SID *b)
{
    if (a->SubAuthorityCount != b->SubAuthorityCount || a->Revision != b->Revision)
        return 0;
    if (!SameBytes(&a->IdentifierAuthority, &b->IdentifierAuthority, 6))
        return 0;
    for (ULONG i = 0; i + 1 < a->SubAuthorityCount; i++)
        if (a->SubAuthority[i] != b->SubAuthority[i]) return 0;
    return 1;
}

NTSYSAPI NTSTATUS NTAPI RtlCopySid(ULONG length, SID *dst, const SID *src)
{
    ULONG n = RtlLengthSid(src);
    if (length < n)
        return STATUS_BUFFER_TOO_SMALL;
    memmove(dst, src, n);
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlInitializeSid(SID *sid, const SID_IDENTIFIER_AUTHORITY *authority, UCHAR count)
{
    if (count > SID_MAX_SUB_AUTHORITIES)
        return STATUS_INVALID_PARAMETER;
    sid->Revision = SID_REVISION;
    sid->SubAuthorityCount = count;
    sid->IdentifierAuthority = *authority;
    return STATUS_SUCCESS;
}

NTSYSAPI ULONG *NTAPI RtlSubAuthoritySid(SID *sid, ULONG index) { return &sid->SubAuthority[index]; }
NTSYSAPI UCHAR *NTAPI RtlSubAuthorityCountSid(SID *sid) { return &sid->SubAuthorityCount; }
NTSYSAPI SID_IDENTIFIER_AUTHORITY *NTAPI RtlIdentifierAuthoritySid(SID *sid) { return &sid->IdentifierAuthority; }

/* A SID of count sub-authorities on the process heap; freed with RtlFreeSid. */
NTSYSAPI NTSTATUS NTAPI RtlAllocateAndInitializeSidEx(const SID_IDENTIFIER_AUTHORITY *authority, UCHAR count,
                                                       const ULONG *subs, SID **out)
{
    if (count > SID_MAX_SUB_AUTHORITIES)
        return STATUS_INVALID_SID;
    SID *sid = RtlAllocateHeap(RtlpProcessHeap(), 0, RtlLengthRequiredSid(count));
    if (sid == NULL)
        return STATUS_NO_MEMORY;
    RtlInitializeSid(sid, authority, count);
    for (ULONG i = 0; i < count; i++)
        sid->SubAuthority[i] = subs[i];
    *out = sid;
    return STATUS_SUCCESS;
}

/* The classic form: at most eight sub-authorities passed by value. */
NTSYSAPI NTSTATUS NTAPI RtlAllocateAndInitializeSid(const SID_IDENTIFIER_AUTHORITY *authority, UCHAR count,
                                                     ULONG s0, ULONG s1, ULONG s2, ULONG s3, ULONG s4, ULONG s5,
                                                     ULONG s6, ULONG s7, SID **out)
{
    if (count > 8)
        return STATUS_INVALID_SID;
    ULONG subs[8] = {s0, s1, s2, s3, s4, s5, s6, s7};
    return RtlAllocateAndInitializeSidEx(authority, count, subs, out);
}

NTSYSAPI PVOID NTAPI RtlFreeSid(SID *sid)
{
    RtlFreeHeap(RtlpProcessHeap(), 0, sid);
    return NULL;
}

NTSYSAPI void NTAPI RtlCopyLuid(LUID *dst, const LUID *src) { *dst = *src; }

/* Decimal digits of v appended at *p. */
static WCHAR *PutDecimal(WCHAR *p, ULONG64 v)
{
    WCHAR tmp[24];
    int n = 0;
    do { tmp[n++] = (WCHAR)('0' + v % 10); v /= 10; } while (v);
    while (n) *p++ = tmp[--n];
    return p;
}

/* "S-1-<authority>-<sub>...": the authority in decimal when it fits 32 bits, else 0x + 12 hex digits. */
static ULONG FormatSid(const SID *sid, WCHAR *out)
{
    WCHAR *p = out;
    *p++ = 'S'; *p++ = '-';
    p = PutDecimal(p, sid->Revision);
    *p++ = '-';
    const UCHAR *a = sid->IdentifierAuthority.Value;
    if (a[0] == 0 && a[1] == 0) {
        p = PutDecimal(p, ((ULONG)a[2] << 24) | ((ULONG)a[3] << 16) | ((ULONG)a[4] << 8) | a[5]);
    } else {
        static const char hex[] = "0123456789ABCDEF";
        *p++ = '0'; *p++ = 'x';
        for (int i = 0; i < 6; i++) { *p++ = hex[a[i] >> 4]; *p++ = hex[a[i] & 15]; }
    }
    for (ULONG i = 0; i < sid->SubAuthorityCount; i++) {
        *p++ = '-';
        p = PutDecimal(p, sid->SubAuthority[i]);
    }
    return (ULONG)(p - out);
}

NTSYSAPI NTSTATUS NTAPI RtlLengthSidAsUnicodeString(const SID *sid, ULONG *length)
{
    if (!RtlValidSid(sid))
        return STATUS_INVALID_SID;
    WCHAR buffer[256];
    *length = FormatSid(sid, buffer) * sizeof(WCHAR);
    return STATUS_SUCCESS;
}

/* The string form into a caller's UNICODE_STRING, or a new heap buffer when allocate is TRUE. */
NTSYSAPI NTSTATUS NTAPI RtlConvertSidToUnicodeString(UNICODE_STRING *string, const SID *sid, BOOLEAN allocate)
{
    if (!RtlValidSid(sid))
        return STATUS_INVALID_SID;
    WCHAR buffer[256];
    ULONG chars = FormatSid(sid, buffer);
    USHORT bytes = (USHORT)(chars * sizeof(WCHAR));
    if (allocate) {
        string->Buffer = RtlAllocateHeap(RtlpProcessHeap(), 0, bytes + sizeof(WCHAR));
        if (string->Buffer == NULL)
            return STATUS_NO_MEMORY;
        string->MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
    } else if (string->MaximumLength < bytes + sizeof(WCHAR)) {
        return STATUS_BUFFER_OVERFLOW;
    }
    memmove(string->Buffer, buffer, bytes);
    string->Buffer[chars] = 0;
    string->Length = bytes;
    return STATUS_SUCCESS;
}
