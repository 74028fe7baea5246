/* ntdll's Rtl time, bitmap and SID routines and DbgPrint/DbgPrintEx, called directly as programs
 * built against ntdll do: each line prints what the routine returned. */
#include <windows.h>
#include <stdio.h>

typedef struct { SHORT Year, Month, Day, Hour, Minute, Second, Milliseconds, Weekday; } TIME_FIELDS;
typedef struct { ULONG SizeOfBitMap; ULONG *Buffer; } RTL_BITMAP;
typedef struct { USHORT Length, MaximumLength; WCHAR *Buffer; } USTR;

NTSYSAPI void NTAPI RtlTimeToTimeFields(LARGE_INTEGER *, TIME_FIELDS *);
NTSYSAPI BOOLEAN NTAPI RtlTimeFieldsToTime(TIME_FIELDS *, LARGE_INTEGER *);
NTSYSAPI void NTAPI RtlTimeToElapsedTimeFields(LARGE_INTEGER *, TIME_FIELDS *);
NTSYSAPI BOOLEAN NTAPI RtlTimeToSecondsSince1970(LARGE_INTEGER *, ULONG *);
NTSYSAPI BOOLEAN NTAPI RtlTimeToSecondsSince1980(LARGE_INTEGER *, ULONG *);
NTSYSAPI void NTAPI RtlSecondsSince1970ToTime(ULONG, LARGE_INTEGER *);
NTSYSAPI void NTAPI RtlSecondsSince1980ToTime(ULONG, LARGE_INTEGER *);
NTSYSAPI LONG NTAPI RtlSystemTimeToLocalTime(LARGE_INTEGER *, LARGE_INTEGER *);
NTSYSAPI void NTAPI RtlInitializeBitMap(RTL_BITMAP *, ULONG *, ULONG);
NTSYSAPI void NTAPI RtlClearAllBits(RTL_BITMAP *);
NTSYSAPI void NTAPI RtlSetBits(RTL_BITMAP *, ULONG, ULONG);
NTSYSAPI void NTAPI RtlClearBits(RTL_BITMAP *, ULONG, ULONG);
NTSYSAPI BOOLEAN NTAPI RtlAreBitsSet(RTL_BITMAP *, ULONG, ULONG);
NTSYSAPI BOOLEAN NTAPI RtlAreBitsClear(RTL_BITMAP *, ULONG, ULONG);
NTSYSAPI BOOLEAN NTAPI RtlTestBit(RTL_BITMAP *, ULONG);
NTSYSAPI ULONG NTAPI RtlNumberOfSetBits(RTL_BITMAP *);
NTSYSAPI ULONG NTAPI RtlFindClearBits(RTL_BITMAP *, ULONG, ULONG);
NTSYSAPI ULONG NTAPI RtlFindSetBits(RTL_BITMAP *, ULONG, ULONG);
NTSYSAPI ULONG NTAPI RtlFindClearBitsAndSet(RTL_BITMAP *, ULONG, ULONG);
NTSYSAPI ULONG NTAPI RtlFindLongestRunClear(RTL_BITMAP *, ULONG *);
NTSYSAPI ULONG NTAPI RtlFindNextForwardRunClear(RTL_BITMAP *, ULONG, ULONG *);
NTSYSAPI ULONG NTAPI RtlFindLastBackwardRunClear(RTL_BITMAP *, ULONG, ULONG *);
NTSYSAPI CCHAR NTAPI RtlFindMostSignificantBit(ULONGLONG);
NTSYSAPI CCHAR NTAPI RtlFindLeastSignificantBit(ULONGLONG);
NTSYSAPI LONG NTAPI RtlAllocateAndInitializeSid(SID_IDENTIFIER_AUTHORITY *, UCHAR, ULONG, ULONG, ULONG, ULONG, ULONG,
                                                ULONG, ULONG, ULONG, PSID *);
NTSYSAPI PVOID NTAPI RtlFreeSid(PSID);
NTSYSAPI ULONG NTAPI RtlLengthSid(PSID);
NTSYSAPI BOOLEAN NTAPI RtlValidSid(PSID);
NTSYSAPI BOOLEAN NTAPI RtlEqualSid(PSID, PSID);
NTSYSAPI BOOLEAN NTAPI RtlEqualPrefixSid(PSID, PSID);
NTSYSAPI LONG NTAPI RtlCopySid(ULONG, PSID, PSID);
NTSYSAPI ULONG *NTAPI RtlSubAuthoritySid(PSID, ULONG);
NTSYSAPI LONG NTAPI RtlConvertSidToUnicodeString(USTR *, PSID, BOOLEAN);
NTSYSAPI void NTAPI RtlFreeUnicodeString(USTR *);
NTSYSAPI ULONG __cdecl DbgPrint(const char *, ...);
NTSYSAPI ULONG __cdecl DbgPrintEx(ULONG, ULONG, const char *, ...);

static void PrintFields(const char *what, TIME_FIELDS *f)
{
    printf("%s %04d-%02d-%02d %02d:%02d:%02d.%03d wd=%d\n", what, f->Year, f->Month, f->Day, f->Hour, f->Minute,
           f->Second, f->Milliseconds, f->Weekday);
}

static int prints;
static char last[64];

static LONG CALLBACK Watch(EXCEPTION_POINTERS *info)
{
    EXCEPTION_RECORD *r = info->ExceptionRecord;
    if (r->ExceptionCode == DBG_PRINTEXCEPTION_C) {
        prints++;
        lstrcpynA(last, (const char *)r->ExceptionInformation[1], sizeof(last));
        if (lstrlenA(last) && last[lstrlenA(last) - 1] == '\n') last[lstrlenA(last) - 1] = 0;
        printf("vectored: DBG_PRINTEXCEPTION_C length %u \"%s\"\n", (unsigned)r->ExceptionInformation[0], last);
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

int main(void)
{
    /* Time fields. */
    LARGE_INTEGER t, u;
    LONG st0;
    TIME_FIELDS f;
    t.QuadPart = 0;
    RtlTimeToTimeFields(&t, &f);
    PrintFields("epoch", &f);
    t.QuadPart = 132539328000000000LL + 12345678;       /* 2021-01-01 00:00:01.234 */
    RtlTimeToTimeFields(&t, &f);
    PrintFields("2021", &f);
    TIME_FIELDS leap = {2024, 2, 29, 23, 59, 58, 999, 0};
    BOOLEAN ok = RtlTimeFieldsToTime(&leap, &u);
    printf("fields->time %d %lld\n", ok, u.QuadPart);
    RtlTimeToTimeFields(&u, &f);
    PrintFields("back", &f);
    TIME_FIELDS bad = {2023, 2, 29, 0, 0, 0, 0, 0};
    printf("2023-02-29 %d\n", RtlTimeFieldsToTime(&bad, &u));
    TIME_FIELDS early = {1600, 12, 31, 0, 0, 0, 0, 0};
    printf("1600-12-31 %d\n", RtlTimeFieldsToTime(&early, &u));
    t.QuadPart = 3LL * 86400 * 10000000 + 3723LL * 10000000 + 5000;
    RtlTimeToElapsedTimeFields(&t, &f);
    PrintFields("elapsed", &f);
    ULONG secs = 0;
    t.QuadPart = 132539328000000000LL;
    ok = RtlTimeToSecondsSince1970(&t, &secs);
    printf("since1970 %d %lu\n", ok, secs);
    ok = RtlTimeToSecondsSince1980(&t, &secs);
    printf("since1980 %d %lu\n", ok, secs);
    t.QuadPart = 100;
    printf("before1970 %d\n", RtlTimeToSecondsSince1970(&t, &secs));
    RtlSecondsSince1970ToTime(86400, &u);
    printf("1970+1d %lld\n", u.QuadPart);
    RtlSecondsSince1980ToTime(0, &u);
    printf("1980 %lld\n", u.QuadPart);
    t.QuadPart = 132539328000000000LL;
    st0 = RtlSystemTimeToLocalTime(&t, &u);
    printf("local %ld %lld\n", st0, u.QuadPart);

    /* Bitmaps. */
    ULONG bits[3] = {0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF};
    RTL_BITMAP bm;
    RtlInitializeBitMap(&bm, bits, 70);
    RtlClearAllBits(&bm);
    printf("cleared %08lx %08lx %08lx\n", bits[0], bits[1], bits[2]);
    RtlSetBits(&bm, 3, 5);
    RtlSetBits(&bm, 30, 4);
    printf("set %08lx %08lx count %lu\n", bits[0], bits[1], RtlNumberOfSetBits(&bm));
    printf("areset(3,5) %d areset(3,6) %d areclear(8,22) %d areclear(60,20) %d test(31) %d\n",
           RtlAreBitsSet(&bm, 3, 5), RtlAreBitsSet(&bm, 3, 6), RtlAreBitsClear(&bm, 8, 22),
           RtlAreBitsClear(&bm, 60, 20), RtlTestBit(&bm, 31));
    printf("findclear(4,0) %lu findclear(4,65) %lu findclear(71,0) %lx findset(2,10) %lu\n",
           RtlFindClearBits(&bm, 4, 0), RtlFindClearBits(&bm, 4, 65), RtlFindClearBits(&bm, 71, 0),
           RtlFindSetBits(&bm, 2, 10));
    ULONG at = RtlFindClearBitsAndSet(&bm, 10, 40);
    printf("findclearandset %lu count %lu\n", at, RtlNumberOfSetBits(&bm));
    ULONG idx = 0, len = RtlFindLongestRunClear(&bm, &idx);
    printf("longest %lu at %lu\n", len, idx);
    len = RtlFindNextForwardRunClear(&bm, 0, &idx);
    printf("forward %lu at %lu\n", len, idx);
    len = RtlFindLastBackwardRunClear(&bm, 39, &idx);
    printf("backward %lu at %lu\n", len, idx);
    RtlClearBits(&bm, 0, 70);
    printf("msb %d lsb %d msb0 %d\n", RtlFindMostSignificantBit(0x8000000000000100ULL),
           RtlFindLeastSignificantBit(0x8000000000000100ULL), RtlFindMostSignificantBit(0));

    /* SIDs. */
    SID_IDENTIFIER_AUTHORITY nt = {SECURITY_NT_AUTHORITY};
    PSID a = NULL, b = NULL;
    LONG st = RtlAllocateAndInitializeSid(&nt, 5, 21, 1111, 2222, 3333, 1001, 0, 0, 0, &a);
    printf("allocate %lx length %lu valid %d\n", st, RtlLengthSid(a), RtlValidSid(a));
    st = RtlAllocateAndInitializeSid(&nt, 9, 0, 0, 0, 0, 0, 0, 0, 0, &b);
    printf("nine %lx\n", st);
    RtlAllocateAndInitializeSid(&nt, 5, 21, 1111, 2222, 3333, 500, 0, 0, 0, &b);
    printf("equal %d prefix %d\n", RtlEqualSid(a, b), RtlEqualPrefixSid(a, b));
    BYTE small[12];
    printf("copy small %lx\n", RtlCopySid(sizeof(small), small, a));
    *RtlSubAuthoritySid(b, 4) = 1001;
    printf("equal now %d\n", RtlEqualSid(a, b));
    USTR s;
    st = RtlConvertSidToUnicodeString(&s, a, TRUE);
    printf("string %lx %u \"%ls\"\n", st, s.Length, s.Buffer);
    RtlFreeUnicodeString(&s);
    SID_IDENTIFIER_AUTHORITY big = {{1, 2, 3, 4, 5, 6}};
    PSID c = NULL;
    RtlAllocateAndInitializeSid(&big, 1, 7, 0, 0, 0, 0, 0, 0, 0, &c);
    WCHAR buf[8];
    USTR fixed = {0, sizeof(buf), buf};
    printf("small buffer %lx\n", RtlConvertSidToUnicodeString(&fixed, c, FALSE));
    WCHAR buf2[64];
    USTR fixed2 = {0, sizeof(buf2), buf2};
    printf("hex authority %lx \"%ls\"\n", RtlConvertSidToUnicodeString(&fixed2, c, FALSE), buf2);
    printf("free %p\n", RtlFreeSid(a));
    RtlFreeSid(b);
    RtlFreeSid(c);

    /* DbgPrint: the text rides DBG_PRINTEXCEPTION_C; DbgPrintEx filters by level. */
    printf("DbgPrint %lx\n", DbgPrint("hello %d %s\n", 42, "dbg"));
    PVOID h = AddVectoredExceptionHandler(1, Watch);
    DbgPrint("seen %u\n", 7u);
    printf("DbgPrintEx error level %lx\n", DbgPrintEx(101, 0, "error level %d\n", 0));
    printf("DbgPrintEx info level %lx\n", DbgPrintEx(101, 3, "info level\n"));
    RemoveVectoredExceptionHandler(h);
    printf("prints %d last \"%s\"\n", prints, last);
    return 0;
}
