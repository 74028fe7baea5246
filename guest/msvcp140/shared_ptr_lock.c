/* The lock behind the atomic operations on shared_ptr (atomic_load(&sp), atomic_store,
 * atomic_compare_exchange_*): _Lock_shared_ptr_spin_lock / _Unlock_shared_ptr_spin_lock, despite
 * their names one process-wide SRW lock. */
#include "msvcp.h"

__declspec(dllimport) void WINAPI AcquireSRWLockExclusive(void *);
__declspec(dllimport) void WINAPI ReleaseSRWLockExclusive(void *);

static void *shared_ptr_lock;                            /* SRWLOCK_INIT */

void Lock_shared_ptr_spin_lock(void) { AcquireSRWLockExclusive(&shared_ptr_lock); }
void Unlock_shared_ptr_spin_lock(void) { ReleaseSRWLockExclusive(&shared_ptr_lock); }
