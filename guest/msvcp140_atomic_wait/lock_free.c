/* The non-lock-free atomics' helpers: __std_atomic_get_mutex (an SRW lock, the STL's _Smtx_t, from
 * a table of 256 keyed by the object's address) and the 16-byte compare-exchange (cmpxchg16b). */
#include "satellite.h"

static struct __attribute__((aligned(64))) { SRWLOCK lock; } mutexes[256];

SATEXP SRWLOCK *WINAPI __std_atomic_get_mutex(const void *key)
{
    ULONG_PTR index = (ULONG_PTR)key;
    index ^= index >> 16;
    index ^= index >> 8;
    return &mutexes[index & 255].lock;
}

/* _InterlockedCompareExchange128's contract: compare *destination with comparand_result[0..1]
 * (low, high); if equal store exchange_high:exchange_low and return 1; otherwise return 0. Either
 * way comparand_result receives the value *destination had. */
SATEXP unsigned char WINAPI __std_atomic_compare_exchange_128(long long *destination, long long exchange_high,
                                                              long long exchange_low, long long *comparand_result)
{
    unsigned long long low = (unsigned long long)comparand_result[0], high = (unsigned long long)comparand_result[1];
    unsigned char equal;
    __asm__ volatile("lock cmpxchg16b %1\n\tsete %0"
                     : "=q"(equal), "+m"(*(volatile long long(*)[2])destination), "+a"(low), "+d"(high)
                     : "b"(exchange_low), "c"(exchange_high)
                     : "memory", "cc");
    comparand_result[0] = (long long)low;
    comparand_result[1] = (long long)high;
    return equal;
}

/* Every x64 processor Windows 8.1+ runs on has cmpxchg16b. */
SATEXP char WINAPI __std_atomic_has_cmpxchg16b(void)
{
    return 1;
}
