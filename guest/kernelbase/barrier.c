/* Synchronization barriers: InitializeSynchronizationBarrier / EnterSynchronizationBarrier /
 * DeleteSynchronizationBarrier. The SYNCHRONIZATION_BARRIER holds the thread total, how many of the
 * current phase have yet to arrive, the phase number the waiters block on (WaitOnAddress, after
 * spinning unless told to block only) and how many threads are still inside Enter, which Delete
 * waits out. The last thread of a phase resets the count, then opens the next phase. */
#include "kernelbase.h"

#define DEFAULT_SPIN 2000

typedef struct {
    LONG total, remaining;
    volatile LONG phase, inside;
    LONG spin;
    LONG unused[3];
} BARRIER;

_Static_assert(sizeof(BARRIER) <= sizeof(SYNCHRONIZATION_BARRIER), "the barrier fits its public type");

KBAPI BOOL WINAPI InitializeSynchronizationBarrier(LPSYNCHRONIZATION_BARRIER public_barrier, LONG total, LONG spin)
{
    if (total < 1 || spin < -1) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    BARRIER *b = (BARRIER *)public_barrier;
    memset(b, 0, sizeof(*b));
    b->total = b->remaining = total;
    b->spin = spin == -1 ? DEFAULT_SPIN : spin;
    return TRUE;
}

/* TRUE for the thread that completes the phase, FALSE for the others once it has. */
KBAPI BOOL WINAPI EnterSynchronizationBarrier(LPSYNCHRONIZATION_BARRIER public_barrier, DWORD flags)
{
    BARRIER *b = (BARRIER *)public_barrier;
    BOOL track = !(flags & SYNCHRONIZATION_BARRIER_FLAGS_NO_DELETE);
    if (track) InterlockedIncrement(&b->inside);
    LONG phase = b->phase;
    BOOL last = InterlockedDecrement(&b->remaining) == 0;
    if (last) {
        b->remaining = b->total;
        InterlockedIncrement(&b->phase);
        WakeByAddressAll((PVOID)&b->phase);
    } else {
        LONG spins = flags & SYNCHRONIZATION_BARRIER_FLAGS_BLOCK_ONLY ? 0 : b->spin;
        for (LONG i = 0; b->phase == phase && (i < spins || flags & SYNCHRONIZATION_BARRIER_FLAGS_SPIN_ONLY); i++)
            YieldProcessor();
        while (b->phase == phase)
            WaitOnAddress(&b->phase, &phase, sizeof(phase), INFINITE);
    }
    if (track) InterlockedDecrement(&b->inside);
    return last;
}

/* Waits until no thread is still on its way out of Enter; always TRUE. */
KBAPI BOOL WINAPI DeleteSynchronizationBarrier(LPSYNCHRONIZATION_BARRIER public_barrier)
{
    BARRIER *b = (BARRIER *)public_barrier;
    while (b->inside > 0)
        Sleep(0);
    return TRUE;
}
