/* std::atomic<T>::wait/notify_one/notify_all: the direct forms (a lock-free object of 1, 2, 4 or 8
 * bytes) are WaitOnAddress/WakeByAddress*; the indirect forms (the header's own comparison callback,
 * e.g. for a 16-byte atomic) park the caller on a condition variable in a table of 256 buckets
 * keyed by the object's address, each bucket an SRW lock and a ring of waiters. Also the deadline
 * helpers of the timed waits and __std_atomic_set_api_level. */
#include "satellite.h"

typedef BOOL(WINAPI *equal_callback)(const void *storage, void *comparand, size_t size, void *param);

/* One parked caller of __std_atomic_wait_indirect, linked into its bucket's ring. */
typedef struct waiter {
    const void *storage;
    struct waiter *next, *prev;
    CONDITION_VARIABLE wake;
} waiter;

/* A bucket: its lock guards the ring; the ring's head is a waiter with no storage. The entries
 * are cache-line sized so that neighbouring buckets do not share a line. */
typedef struct __attribute__((aligned(64))) {
    SRWLOCK lock;
    waiter head;
} bucket;

static bucket buckets[256];

/* The bucket of an address: its bits folded down to an index, as the STL's table does. */
static bucket *BucketOf(const void *storage)
{
    ULONG_PTR key = (ULONG_PTR)storage;
    key ^= key >> 16;
    key ^= key >> 8;
    return &buckets[key & 255];
}

SATEXP int WINAPI __std_atomic_wait_direct(const void *storage, void *comparand, size_t size, unsigned long timeout)
{
    return WaitOnAddress((volatile void *)storage, comparand, size, timeout);
}

SATEXP void WINAPI __std_atomic_notify_one_direct(const void *storage)
{
    WakeByAddressSingle((void *)storage);
}

SATEXP void WINAPI __std_atomic_notify_all_direct(const void *storage)
{
    WakeByAddressAll((void *)storage);
}

/* Wake the waiters on `storage` in its bucket: the first one found, or all of them. */
static void NotifyIndirect(const void *storage, BOOL all)
{
    bucket *b = BucketOf(storage);
    AcquireSRWLockExclusive(&b->lock);
    if (b->head.next) {
        for (waiter *w = b->head.next; w != &b->head; w = w->next) {
            if (w->storage != storage)
                continue;
            WakeAllConditionVariable(&w->wake);
            if (!all)
                break;
        }
    }
    ReleaseSRWLockExclusive(&b->lock);
}

SATEXP void WINAPI __std_atomic_notify_one_indirect(const void *storage) { NotifyIndirect(storage, FALSE); }
SATEXP void WINAPI __std_atomic_notify_all_indirect(const void *storage) { NotifyIndirect(storage, TRUE); }

/* Returns TRUE when the value differs (or, for a timed wait, after any wake: the caller checks
 * again), FALSE when the timeout ran out (GetLastError ERROR_TIMEOUT). The comparison runs under
 * the bucket's lock, so a notify between it and the sleep is not lost. */
SATEXP int WINAPI __std_atomic_wait_indirect(const void *storage, void *comparand, size_t size, void *param,
                                             equal_callback equal, unsigned long timeout)
{
    bucket *b = BucketOf(storage);
    int result = TRUE;
    AcquireSRWLockExclusive(&b->lock);
    if (!b->head.next)                                   /* first use: an empty ring */
        b->head.next = b->head.prev = &b->head;
    waiter self = {storage, &b->head, b->head.prev, CONDITION_VARIABLE_INIT};
    self.prev->next = &self;
    b->head.prev = &self;
    while (equal(storage, comparand, size, param)) {
        if (!SleepConditionVariableSRW(&self.wake, &b->lock, timeout, 0)) {
            result = FALSE;
            break;
        }
        if (timeout != ATOMIC_WAIT_NO_TIMEOUT)
            break;
    }
    self.prev->next = self.next;                          /* unlink */
    self.next->prev = self.prev;
    ReleaseSRWLockExclusive(&b->lock);
    return result;
}

/* The timed waits: a deadline on GetTickCount64 (all ones: none), and the part of it left as a
 * WaitOnAddress timeout (INFINITE without a deadline, at most ten days at a time). */
SATEXP unsigned long long WINAPI __std_atomic_wait_get_deadline(unsigned long long timeout)
{
    return timeout == ~0ull ? ~0ull : GetTickCount64() + timeout;
}

SATEXP unsigned long WINAPI __std_atomic_wait_get_remaining_timeout(unsigned long long deadline)
{
    if (deadline == ~0ull)
        return INFINITE;
    unsigned long long now = GetTickCount64();
    if (now >= deadline)
        return 0;
    unsigned long long left = deadline - now;
    return left > 864000000ull ? 864000000ul : (unsigned long)left;
}

/* __std_atomic_api_level: which Windows primitives the waits use; here always WaitOnAddress (3). */
SATEXP unsigned long WINAPI __std_atomic_set_api_level(unsigned long requested)
{
    (void)requested;
    return 3;
}
