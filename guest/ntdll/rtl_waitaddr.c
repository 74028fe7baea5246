/* Waits on an address (RtlWaitOnAddress, RtlWakeAddressSingle/All and their NoFence forms,
 * behind kernelbase's WaitOnAddress/WakeByAddress*) over the global keyed event. A table counts
 * the threads asleep on each address (its key: the address with bit 0 clear, as keys must be
 * even; two neighbouring bytes share one, and a wake meant for one may end the other's sleep,
 * which the contract allows: callers check the value again). The value is compared under the
 * table's lock, so a wake that follows a change of the value cannot pass a sleeper by. A sleeper
 * whose timeout passes takes itself off the count, unless a waker took it first: then it stays
 * for that waker's release. */
#include "rtl.h"

#define SLOTS 128

NTSTATUS NTAPI NtWaitForKeyedEvent(HANDLE Event, PVOID Key, BOOLEAN Alertable, LONG64 *Timeout);
NTSTATUS NTAPI NtReleaseKeyedEvent(HANDLE Event, PVOID Key, BOOLEAN Alertable, LONG64 *Timeout);

static RTL_SRWLOCK RtlpWaitOnAddressLock;
static struct { ULONG_PTR Key; ULONG Sleepers; } RtlpWaitOnAddressTable[SLOTS];

static ULONG_PTR RtlpAddressKey(volatile const void *Address) { return (ULONG_PTR)Address & ~(ULONG_PTR)1; }

/* The slot counting sleepers on key (a free one when add is set); -1 when there is none. */
static int RtlpAddressSlot(ULONG_PTR Key, BOOLEAN Add)
{
    int free = -1;
    for (int i = 0; i < SLOTS; i++) {
        if (RtlpWaitOnAddressTable[i].Sleepers && RtlpWaitOnAddressTable[i].Key == Key)
            return i;
        if (!RtlpWaitOnAddressTable[i].Sleepers && free < 0)
            free = i;
    }
    if (!Add || free < 0)
        return -1;
    RtlpWaitOnAddressTable[free].Key = Key;
    return free;
}

static BOOLEAN RtlpSameValue(volatile const void *Address, const void *Compare, SIZE_T Size)
{
    switch (Size) {
    case 1: return *(volatile const UCHAR *)Address == *(const UCHAR *)Compare;
    case 2: return *(volatile const USHORT *)Address == *(const USHORT *)Compare;
    case 4: return *(volatile const ULONG *)Address == *(const ULONG *)Compare;
    default: return *(volatile const ULONG64 *)Address == *(const ULONG64 *)Compare;
    }
}

/* STATUS_SUCCESS when woken or the value differs, STATUS_TIMEOUT when the timeout passed. */
NTSYSAPI NTSTATUS NTAPI RtlWaitOnAddress(volatile const void *Address, const void *CompareAddress, SIZE_T AddressSize,
                                         LONG64 *Timeout)
{
    if (AddressSize != 1 && AddressSize != 2 && AddressSize != 4 && AddressSize != 8)
        return STATUS_INVALID_PARAMETER;
    ULONG_PTR key = RtlpAddressKey(Address);
    RtlAcquireSRWLockExclusive(&RtlpWaitOnAddressLock);
    if (!RtlpSameValue(Address, CompareAddress, AddressSize)) {
        RtlReleaseSRWLockExclusive(&RtlpWaitOnAddressLock);
        return STATUS_SUCCESS;
    }
    int slot = RtlpAddressSlot(key, 1);
    if (slot < 0) {                             /* every slot busy: a short sleep, then the caller checks */
        RtlReleaseSRWLockExclusive(&RtlpWaitOnAddressLock);
        LONG64 interval = -10000;
        NtDelayExecution(0, &interval);
        return STATUS_SUCCESS;
    }
    RtlpWaitOnAddressTable[slot].Sleepers++;
    RtlReleaseSRWLockExclusive(&RtlpWaitOnAddressLock);
    if (NtWaitForKeyedEvent(NULL, (PVOID)key, 0, Timeout) != STATUS_TIMEOUT)
        return STATUS_SUCCESS;
    RtlAcquireSRWLockExclusive(&RtlpWaitOnAddressLock);
    slot = RtlpAddressSlot(key, 0);
    if (slot >= 0) {
        RtlpWaitOnAddressTable[slot].Sleepers--;
        RtlReleaseSRWLockExclusive(&RtlpWaitOnAddressLock);
        return STATUS_TIMEOUT;
    }
    RtlReleaseSRWLockExclusive(&RtlpWaitOnAddressLock);
    NtWaitForKeyedEvent(NULL, (PVOID)key, 0, NULL);      /* a waker counted this sleeper */
    return STATUS_SUCCESS;
}

/* Take up to `most` sleepers of address off the count and release each. */
static void RtlpWakeAddress(const void *Address, ULONG Most)
{
    ULONG_PTR key = RtlpAddressKey(Address);
    ULONG n = 0;
    RtlAcquireSRWLockExclusive(&RtlpWaitOnAddressLock);
    int slot = RtlpAddressSlot(key, 0);
    if (slot >= 0) {
        n = RtlpWaitOnAddressTable[slot].Sleepers < Most ? RtlpWaitOnAddressTable[slot].Sleepers : Most;
        RtlpWaitOnAddressTable[slot].Sleepers -= n;
    }
    RtlReleaseSRWLockExclusive(&RtlpWaitOnAddressLock);
    while (n--)
        NtReleaseKeyedEvent(NULL, (PVOID)key, 0, NULL);
}

NTSYSAPI void NTAPI RtlWakeAddressSingle(const void *Address) { RtlpWakeAddress(Address, 1); }
NTSYSAPI void NTAPI RtlWakeAddressAll(const void *Address) { RtlpWakeAddress(Address, ~0u); }
/* Without the fence: the table's lock orders the wake after the caller's store all the same. */
NTSYSAPI void NTAPI RtlWakeAddressSingleNoFence(const void *Address) { RtlpWakeAddress(Address, 1); }
NTSYSAPI void NTAPI RtlWakeAddressAllNoFence(const void *Address) { RtlpWakeAddress(Address, ~0u); }
