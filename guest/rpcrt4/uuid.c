/* UUIDs: UuidCreate (version 4: 122 bits from the system's random number generator),
 * UuidCreateSequential (version 1: the time in 100 ns since 1582-10-15, a clock sequence and a
 * node; the machine has no network adapter, so the node is random with the multicast bit set and
 * the answer is RPC_S_UUID_LOCAL_ONLY, as Windows gives without one), UuidCreateNil, UuidIsNil,
 * UuidCompare/UuidEqual (Data1, Data2, Data3 as numbers, then Data4's bytes; NULL is nil) and
 * UuidHash (the DCE hash: two running byte sums folded modulo 255). */
#include "rpcp.h"

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);       /* RtlGenRandom */

/* 100 ns intervals between 1582-10-15 (the Gregorian reform) and 1601-01-01. */
#define GREGORIAN_TO_FILETIME 0x0146BF33E42C000ULL

static const UUID Nil;

RPCAPI RPC_STATUS RPC_ENTRY UuidCreate(UUID *uuid)
{
    if (!SystemFunction036(uuid, sizeof(*uuid)))
        return RPC_S_OUT_OF_MEMORY;
    uuid->Data3 = (unsigned short)((uuid->Data3 & 0x0FFF) | 0x4000);       /* version 4 */
    uuid->Data4[0] = (unsigned char)((uuid->Data4[0] & 0x3F) | 0x80);      /* the RFC 4122 variant */
    return RPC_S_OK;
}

static SRWLOCK SequenceLock = SRWLOCK_INIT;
static ULONGLONG LastTime;
static unsigned short ClockSequence;
static unsigned char Node[6];
static BOOL Started;

RPCAPI RPC_STATUS RPC_ENTRY UuidCreateSequential(UUID *uuid)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    ULONGLONG now = (((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime) + GREGORIAN_TO_FILETIME;
    AcquireSRWLockExclusive(&SequenceLock);
    if (!Started) {
        /* Step 1, once per process: a random clock sequence and node (no adapter's address). */
        SystemFunction036(&ClockSequence, sizeof(ClockSequence));
        SystemFunction036(Node, sizeof(Node));
        Node[0] |= 0x01;                                                    /* multicast: not an IEEE address */
        Started = TRUE;
    }
    /* Step 2: times only move forward, one tick per UUID when the clock has not. */
    if (now <= LastTime)
        now = LastTime + 1;
    LastTime = now;
    unsigned short seq = ClockSequence;
    ReleaseSRWLockExclusive(&SequenceLock);
    uuid->Data1 = (unsigned long)(now & 0xFFFFFFFF);
    uuid->Data2 = (unsigned short)((now >> 32) & 0xFFFF);
    uuid->Data3 = (unsigned short)(((now >> 48) & 0x0FFF) | 0x1000);       /* version 1 */
    uuid->Data4[0] = (unsigned char)(((seq >> 8) & 0x3F) | 0x80);
    uuid->Data4[1] = (unsigned char)seq;
    for (int i = 0; i < 6; i++)
        uuid->Data4[2 + i] = Node[i];
    return RPC_S_UUID_LOCAL_ONLY;
}

RPCAPI RPC_STATUS RPC_ENTRY UuidCreateNil(UUID *uuid)
{
    *uuid = Nil;
    return RPC_S_OK;
}

RPCAPI int RPC_ENTRY UuidIsNil(UUID *uuid, RPC_STATUS *status)
{
    *status = RPC_S_OK;
    if (uuid == NULL)
        return TRUE;
    const unsigned char *b = (const unsigned char *)uuid;
    for (int i = 0; i < 16; i++)
        if (b[i])
            return FALSE;
    return TRUE;
}

RPCAPI signed int RPC_ENTRY UuidCompare(UUID *a, UUID *b, RPC_STATUS *status)
{
    *status = RPC_S_OK;
    const UUID *x = a ? a : &Nil, *y = b ? b : &Nil;
    if (x->Data1 != y->Data1)
        return x->Data1 < y->Data1 ? -1 : 1;
    if (x->Data2 != y->Data2)
        return x->Data2 < y->Data2 ? -1 : 1;
    if (x->Data3 != y->Data3)
        return x->Data3 < y->Data3 ? -1 : 1;
    for (int i = 0; i < 8; i++)
        if (x->Data4[i] != y->Data4[i])
            return x->Data4[i] < y->Data4[i] ? -1 : 1;
    return 0;
}

RPCAPI int RPC_ENTRY UuidEqual(UUID *a, UUID *b, RPC_STATUS *status)
{
    return UuidCompare(a, b, status) == 0;
}

RPCAPI unsigned short RPC_ENTRY UuidHash(UUID *uuid, RPC_STATUS *status)
{
    *status = RPC_S_OK;
    const unsigned char *b = (const unsigned char *)(uuid ? uuid : &Nil);
    int sum = 0, sum_of_sums = 0;
    for (int i = 0; i < 16; i++) {
        sum += b[i];
        sum_of_sums += sum;
    }
    int low = -sum_of_sums % 255, high = (sum_of_sums - sum) % 255;
    if (low < 0)
        low += 255;
    if (high < 0)
        high += 255;
    return (unsigned short)(high * 256 + low);
}
