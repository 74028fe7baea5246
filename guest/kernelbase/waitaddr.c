/* Family 6 (synchronisation): WaitOnAddress, WakeByAddressSingle, WakeByAddressAll over the
 * global keyed event. A table counts the threads asleep on each address (its key: the address
 * with bit 0 clear, as keys must be even; two neighbouring bytes share one, and a wake meant for
 * one may end the other's sleep, which the contract allows: callers check the value again). The
 * value is compared under the table's lock, so a wake that follows a change of the value cannot
 * pass a sleeper by. A sleeper whose timeout passes takes itself off the count, unless a waker
 * took it first: then it stays for that waker's release. */
#include "kernelbase.h"

#define STATUS_TIMEOUT_KEYED ((NTSTATUS)0x00000102)
#define SLOTS 128

NTDLL NTSTATUS NTAPI NtWaitForKeyedEvent(HANDLE, PVOID, BOOLEAN, LARGE_INTEGER *);
NTDLL NTSTATUS NTAPI NtReleaseKeyedEvent(HANDLE, PVOID, BOOLEAN, LARGE_INTEGER *);
NTDLL void NTAPI RtlAcquireSRWLockExclusive(PSRWLOCK);
NTDLL void NTAPI RtlReleaseSRWLockExclusive(PSRWLOCK);

static SRWLOCK BaseAddressLock = SRWLOCK_INIT;
static struct { ULONG_PTR Key; ULONG Sleepers; } BaseAddressTable[SLOTS];

static ULONG_PTR Key(volatile const void *address) { return (ULONG_PTR)address & ~(ULONG_PTR)1; }

/* The slot counting sleepers on key (a free one when add is set); -1 when there is none. */
static int Slot(ULONG_PTR key, BOOL add)
{
    int free = -1;
    for (int i = 0; i < SLOTS; i++) {
        if (BaseAddressTable[i].Sleepers && BaseAddressTable[i].Key == key)
            return i;
        if (!BaseAddressTable[i].Sleepers && free < 0)
            free = i;
    }
    if (!add || free < 0)
        return -1;
    BaseAddressTable[free].Key = key;
    return free;
}

static BOOL Same(volatile void *address, PVOID compare, SIZE_T size)
{
    switch (size) {
    case 1: return *(volatile BYTE *)address == *(BYTE *)compare;
    case 2: return *(volatile WORD *)address == *(WORD *)compare;
    case 4: return *(volatile DWORD *)address == *(DWORD *)compare;
    default: return *(volatile ULONG64 *)address == *(ULONG64 *)compare;
    }
}

KBAPI BOOL WINAPI WaitOnAddress(volatile VOID *address, PVOID compare, SIZE_T size, DWORD ms)
{
    if (size != 1 && size != 2 && size != 4 && size != 8) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ULONG_PTR key = Key(address);
    RtlAcquireSRWLockExclusive(&BaseAddressLock);
    if (!Same(address, compare, size)) {
        RtlReleaseSRWLockExclusive(&BaseAddressLock);
        return TRUE;
    }
    int slot = Slot(key, TRUE);
    if (slot < 0) {                             /* every slot busy: a short sleep, then the caller checks */
        RtlReleaseSRWLockExclusive(&BaseAddressLock);
        LARGE_INTEGER interval = {.QuadPart = -10000};
        NtDelayExecution(FALSE, &interval);
        return TRUE;
    }
    BaseAddressTable[slot].Sleepers++;
    RtlReleaseSRWLockExclusive(&BaseAddressLock);
    LARGE_INTEGER t;
    if (NtWaitForKeyedEvent(NULL, (PVOID)key, FALSE, BaseFormatTimeOut(&t, ms)) != STATUS_TIMEOUT_KEYED)
        return TRUE;
    RtlAcquireSRWLockExclusive(&BaseAddressLock);
    slot = Slot(key, FALSE);
    if (slot >= 0) {
        BaseAddressTable[slot].Sleepers--;
        RtlReleaseSRWLockExclusive(&BaseAddressLock);
        SetLastError(ERROR_TIMEOUT);
        return FALSE;
    }
    RtlReleaseSRWLockExclusive(&BaseAddressLock);
    NtWaitForKeyedEvent(NULL, (PVOID)key, FALSE, NULL);      /* a waker counted this sleeper */
    return TRUE;
}

/* Take up to `most` sleepers of address off the count and release each. */
static void Wake(PVOID address, ULONG most)
{
    ULONG_PTR key = Key(address);
    ULONG n = 0;
    RtlAcquireSRWLockExclusive(&BaseAddressLock);
    int slot = Slot(key, FALSE);
    if (slot >= 0) {
        n = BaseAddressTable[slot].Sleepers < most ? BaseAddressTable[slot].Sleepers : most;
        BaseAddressTable[slot].Sleepers -= n;
    }
    RtlReleaseSRWLockExclusive(&BaseAddressLock);
    while (n--)
        NtReleaseKeyedEvent(NULL, (PVOID)key, FALSE, NULL);
}

KBAPI void WINAPI WakeByAddressSingle(PVOID address)
{
    Wake(address, 1);
}

KBAPI void WINAPI WakeByAddressAll(PVOID address)
{
    Wake(address, ~0u);
}
